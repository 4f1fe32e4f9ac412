"""One window per SQLite store: a second copy of the program gets a clear message.

SQLite itself keeps two programs from corrupting the store (writes wait up to five
seconds for each other, then fail with a "busy" message), but two windows editing the
same list would each show a stale picture of the other's work. So the window takes an
operating-system lock on ``<store>.lock`` while it is open. The system releases the lock
when the process ends in any way, even killed, so a crash never leaves a stale lock.
The command line does not take it: scripts and checks may run beside an open window.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import IO

from kx_ceremony.core.errors import UserError

_WINDOWS_LOCK_OFFSET = 4096  # lock a byte past the owner text, so others can still read it
_OWNER_CHARS = 256


def lock_path_for(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


class WindowLock:
    """Held while a window has the store open; ``release()`` (or process exit) frees it."""

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle: IO[str] | None = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor drops the lock
            self._handle = None

    def __enter__(self) -> WindowLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def acquire_window_lock(store_path: Path) -> WindowLock:
    """Take the store's window lock, or say which other copy of the program holds it."""
    path = lock_path_for(store_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(exist_ok=True)
    # "r+", not append mode: the owner text is written over the start of the file, never
    # truncated (Windows may refuse to cut a file with a locked byte beyond its end).
    handle = open(path, "r+", encoding="utf-8", newline="")  # noqa: SIM115 - held while locked
    if not _try_lock(handle):
        handle.seek(0)
        owner = handle.read(_OWNER_CHARS).strip() or "không rõ máy"
        handle.close()
        raise UserError(
            f"Kho dữ liệu {store_path} đang được mở trong một cửa sổ KX Ceremony khác ({owner}). "
            "Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại."
        )
    handle.seek(0)
    owner = f"máy {socket.gethostname()}, tiến trình {os.getpid()}"[: _OWNER_CHARS // 2]
    handle.write(owner.ljust(_OWNER_CHARS // 2))  # padded over any longer old text; < 4096 bytes
    handle.flush()
    return WindowLock(path, handle)
