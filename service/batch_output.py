"""Where `rollcall batch` writes: a temporary file beside the output, renamed to the
output's name only once every row is written.

So the output's name never holds a partial run: a run that fails or is stopped leaves the
previous output (if any) as it was, and running the command again writes the whole output
afresh rather than appending to what a crashed run left (no row twice). The temporary file
sits in the output's own folder because a rename is atomic only within one file system.
A run killed outright (SIGKILL, power loss) leaves its `.NAME.*.partial` behind, which is
never taken for output and may be deleted."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType

__all__ = ["AtomicOutput", "OutputError"]


class OutputError(ValueError):
    """The output cannot be written where asked."""


class AtomicOutput:
    """A binary file written under a temporary name; `commit()` gives it the real one."""

    def __init__(self, path: Path):
        self.path = path
        if path.is_dir():
            raise OutputError(f"{path} is a folder")
        if not path.parent.is_dir():
            raise OutputError(f"{path.parent}: no such folder")
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        except OSError as err:
            raise OutputError(f"{path.parent}: cannot write there ({err.strerror})") from None
        self.temporary = Path(name)
        self._file = os.fdopen(fd, "wb")
        self._committed = False

    def write(self, data: bytes) -> None:
        self._file.write(data)

    def commit(self) -> None:
        """Flush to disk, then rename: the output appears whole or not at all."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        # mkstemp creates the file readable by its owner only; an output is an ordinary file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temporary, 0o666 & ~umask)
        os.replace(self.temporary, self.path)
        self._committed = True

    def discard(self) -> None:
        if not self._committed:
            self._file.close()
            self.temporary.unlink(missing_ok=True)

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.discard()
