"""The article reader: who an article names, in which office, and whether they attend the
event it reports.

types.py        what it answers and is given
descriptors.py  role and place words around names
mentions.py     finding the names
offices.py      posts and their holders on a date
attendance.py   who takes part
cjk.py          Chinese and Japanese names by a segmenter
reconcile.py    the steps together
"""

from .attendance import CUE_KINDS
from .reconcile import DocumentReconciler
from .types import (
    ARTICLE_READER, MAX_DOCUMENT_CHARS, DocumentConfig, DocumentResult, Mention, Office, PersonFound, PostInfo,
    Unresolved, Vocabulary,
)

__all__ = [
    "ARTICLE_READER", "CUE_KINDS", "MAX_DOCUMENT_CHARS", "DocumentConfig", "DocumentReconciler", "DocumentResult",
    "Mention", "Office", "PersonFound", "PostInfo", "Unresolved", "Vocabulary",
]
