"""Retrieval's counting, for index.py: _retrieve.c, or with ROLLCALL_IMPLEMENTATION=python
its statement in Python (retrieve_py.py, which says what the rules are)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .implementation import IMPLEMENTATION

if TYPE_CHECKING or IMPLEMENTATION == "c":
    from ._retrieve import retrieval_plan, retrieve_held, top_aliases
else:
    from .retrieve_py import retrieval_plan, retrieve_held, top_aliases

__all__ = ["retrieval_plan", "retrieve_held", "top_aliases"]
