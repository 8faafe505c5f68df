"""The gazetteer: data model, curated sources, SQLite store, Popolo import and the build.

Owns every byte on disk; hands the matcher plain records (Store.matcher_persons, Store.matcher_aliases) and the stored name index.
"""

from .build import BuildError, build_curated, import_file
from .model import Gazetteer, Name, Person, Post, Tenure
from .popolo import ImportSummary, PopoloError, import_popolo
from .sources import DEFAULT_SOURCES, SourceError, load_sources
from .store import Office, Store, StoreError
from .store_to_model import read_gazetteer
from .store_writer import write_atomically
from .validate import Problem, validate

__all__ = [
    "DEFAULT_SOURCES",
    "BuildError",
    "Gazetteer",
    "ImportSummary",
    "Name",
    "Office",
    "Person",
    "PopoloError",
    "Post",
    "Problem",
    "SourceError",
    "Store",
    "StoreError",
    "Tenure",
    "build_curated",
    "import_file",
    "import_popolo",
    "load_sources",
    "read_gazetteer",
    "validate",
    "write_atomically",
]
