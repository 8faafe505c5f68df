"""Which implementation of the matching rules runs: the C modules (the default) or their
Python statement (score_py.py, keys_py.py, retrieve_py.py), as RapidFuzz chooses between
its C++ and its pure-Python scorers.

`ROLLCALL_IMPLEMENTATION=python` in the environment selects the Python statement; it is
read once, when rollcall is first imported (score.py, keys.py and retrieve.py import from
the implementation chosen). Both give the same answers, to the last bit of every feature;
the Python one is some twenty times slower (8.6 ms a name against 0.5), and is there to
read, to step through in a debugger, and to try a change of rule on before writing it in C.
"""

from __future__ import annotations

import os

__all__ = ["IMPLEMENTATION", "IMPLEMENTATIONS"]

IMPLEMENTATIONS = ("c", "python")


def _chosen() -> str:
    value = os.environ.get("ROLLCALL_IMPLEMENTATION", "").strip().lower() or "c"
    if value not in IMPLEMENTATIONS:
        raise ImportError(f"ROLLCALL_IMPLEMENTATION={value!r}: expected one of {', '.join(IMPLEMENTATIONS)}")
    return value


IMPLEMENTATION = _chosen()
