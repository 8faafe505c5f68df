"""How many answers each cache of a word's or a name's reading keeps.

These caches save recomputing the readings, keys and word frequencies of words and names
that come back, as an official's name does in article after article. They are bounded so
that a server's memory stops growing once they are full, whatever it is sent: a stream of
100,000 new names (`make bench`) fills them in its first 40,000 names, and the server's
resident memory is flat from there on.

Why 16,384 and not more: at 65,536 entries each, resident memory rose by 130 MB over
50,000 new names and was still rising at 100,000, for no gain in speed (50,000 names
matched in process: 20.8 s at 65,536, 20.2 s at 16,384): what a name shares with the names
around it is mostly its common given and family names, which stay cached either way.
"""

from __future__ import annotations

__all__ = ["READINGS_CACHED"]

READINGS_CACHED = 16384
