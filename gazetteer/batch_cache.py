"""A bounded cache filled in batches, for the stored name index's tables."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from itertools import islice, repeat
from typing import Generic, TypeVar

__all__ = ["BatchCache"]

K = TypeVar("K")
V = TypeVar("V")

# Most keys handed to `load` at once (the keys of one SQL `in (...)`).
LOAD_BATCH = 500


class BatchCache(Generic[K, V]):
    """`load` reads every missing key of a request in one query (LOAD_BATCH keys at most);
    a key it does not return holds `default`. When full, the older half is dropped (cheaper
    than an exact LRU, as good for a working set that fits). Thread-safe."""

    def __init__(self, size: int, load: Callable[[list[K]], dict[K, V]], default: V):
        self._size, self._load, self._default = size, load, default
        self._data: dict[K, V] = {}
        self._lock = threading.Lock()
        self.complete = False  # holds the whole table (hold_all): never read, never evict

    def get_many(self, keys: Sequence[K]) -> dict[K, V]:
        data = self._data
        if self.complete:
            default = self._default
            return {k: data.get(k, default) for k in keys}
        with self._lock:
            found = {k: data[k] for k in keys if k in data}
        missing = [k for k in keys if k not in found]
        if missing:
            loaded: dict[K, V] = {}
            for i in range(0, len(missing), LOAD_BATCH):
                loaded.update(self._load(missing[i : i + LOAD_BATCH]))
            with self._lock:
                if len(data) + len(missing) > self._size:
                    for k in list(islice(data, len(data) // 2)):
                        del data[k]
                for k in missing:
                    found[k] = data[k] = loaded.get(k, self._default)
        return found

    def hold_all(self, items: dict[K, V]) -> None:
        """Hold `items`, the whole table, from now on: no bound, and a key not among them
        is answered with the default without a query."""
        with self._lock:
            self._data = dict(items)
            self.complete = True

    def values(self, keys: Sequence[K]) -> list[V]:
        """The values of `keys`, in order."""
        if self.complete:
            return list(map(self._data.get, keys, repeat(self._default, len(keys))))
        found = self.get_many(keys)
        return [found[k] for k in keys]

    def held(self) -> dict[K, V] | None:
        """The whole table once held (hold_all), else None."""
        return self._data if self.complete else None

    def present(self, keys: Iterable[K]) -> dict[K, V]:
        """The entries of `keys` whose value is not the default (a hit on a held table is
        one dict lookup a key)."""
        if self.complete:
            data = self._data
            return {k: v for k in keys if (v := data.get(k))}
        return {k: v for k, v in self.get_many(list(keys)).items() if v}

    def get(self, key: K) -> V:
        # Fast path without the lock: a dict read is atomic, and a key evicted meanwhile is
        # just read again.
        try:
            return self._data[key]
        except KeyError:
            return self.get_many((key,))[key]
