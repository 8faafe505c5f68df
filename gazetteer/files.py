"""Replacing a file all at once: readers (and a crash) see the old file or the new, never half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["FileWriteError", "staged"]


class FileWriteError(OSError):
    """The target cannot be written (a directory, a read-only or missing place)."""


def _new_file_mode() -> int:
    """The permissions `open` gives a new file (0666 less the umask); mkstemp's 0600 would
    hide an export or a database from the other users a plain write lets read it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write to; renamed over `target` when the block
    ends without an error, removed otherwise."""
    target = Path(target)
    if target.is_dir():
        raise FileWriteError(f"{target} is a directory; give a file name (e.g. {target / 'out'})")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise FileWriteError(f"cannot write {target}: {err.strerror}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _new_file_mode())
        os.replace(tmp, target)
    except OSError as err:
        raise FileWriteError(f"cannot write {target}: {err.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)
