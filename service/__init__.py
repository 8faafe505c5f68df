"""The service layer: gRPC server, CLI and settings. Wires gazetteer and resolvers to the
network and the terminal; holds no matching logic.

In-process use (the same answers as the server, without the network):

    from rollcall.service import Engine, Query
    engine = Engine("var/gazetteer.db")
    answer = engine.match(Query("Sergej Lawrow", lang="de", date="2024-05-21"))
"""

from rollcall.resolvers import InvalidQuery, Query

from .answers import answer_json, document_json
from .engine import Answer, Engine, UnknownEntity

__all__ = ["Answer", "Engine", "InvalidQuery", "Query", "UnknownEntity", "answer_json", "document_json"]
