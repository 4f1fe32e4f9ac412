"""A SQLite store file seen from outside the engine: opening it, copying it, and telling why
that failed.

A file that another program holds (SQLITE_BUSY or SQLITE_LOCKED) is *busy*, never
damaged: it must be neither renamed nor replaced, and the user is told within the busy
timeout instead of waiting without end. A file that cannot be opened or written because
of the disk or the folder's permissions is said to be so; only what SQLite reports as
corrupt or "not a database" is damage.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kx_ceremony.core.errors import UserError

# How long one step waits for another program's lock, in every connection to a store file.
BUSY_TIMEOUT_MS = 5000

# SQLite's primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
_BUSY_CODES = (SQLITE_BUSY, SQLITE_LOCKED)
_ACCESS_CODES = (SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN)


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code behind ``exc`` (a driver error or one wrapping it)."""
    orig = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
    code = getattr(orig if orig is not None else exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(exc: BaseException) -> bool:
    """Another connection holds the lock this one needs: busy, not broken."""
    code = error_code(exc)
    if code is not None:
        return code in _BUSY_CODES
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "database is locked" in text or "is busy" in text or "table is locked" in text


def is_access_problem(exc: BaseException) -> bool:
    """The file or its folder cannot be opened or written (permissions, a read-only disk)."""
    code = error_code(exc)
    if code is not None:
        return code in _ACCESS_CODES
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


class StoreBusy(UserError):
    """The store is in use by another program; nothing was changed."""

    def __init__(self, where: Path | str, *, unsaved: bool = False) -> None:
        tail = "thay đổi vừa rồi chưa được lưu." if unsaved else "kho chưa bị thay đổi gì."
        super().__init__(
            f"Kho dữ liệu {where} đang bận: một chương trình khác đang dùng hoặc ghi vào đó. "
            f"Hãy chờ chương trình đó xong hoặc đóng nó rồi thử lại; {tail}"
        )


class StoreUnreachable(UserError):
    """The store file or its folder cannot be read or written (permissions, read-only disk)."""

    def __init__(self, where: Path | str, reason: object, *, writing: bool = False) -> None:
        what = "ghi được vào" if writing else "mở được"
        super().__init__(
            f"Không {what} kho dữ liệu {where} ({reason}): tệp hoặc thư mục chứa nó không "
            "cho phép ghi, hoặc ổ đĩa chỉ đọc. Hãy kiểm tra quyền ghi của tệp và thư mục, hoặc "
            "chép kho sang ổ đĩa ghi được."
        )


def busy_timeout_s() -> float:
    """How long one step waits for another program's lock (the store's busy timeout)."""
    return BUSY_TIMEOUT_MS / 1000


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that waits for other programs at most the busy timeout."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout_s())


@contextmanager
def reading_file(path: Path) -> Iterator[sqlite3.Connection]:
    """The file opened read-only, closed after the block: the one way a check reads a file.

    A file another program holds is busy, never damaged (``StoreBusy``); one that cannot be
    opened for lack of rights is said so (``StoreUnreachable``). Any other
    ``sqlite3.DatabaseError`` (damage, not a database) is left to the caller to judge.
    """
    try:
        conn = connect_readonly(path)
        try:
            yield conn
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise StoreBusy(path) from exc
        if is_access_problem(exc):
            raise StoreUnreachable(path, exc) from exc
        raise


def page_problems(conn: sqlite3.Connection, pragma: str = "integrity_check") -> list[str]:
    """What SQLite's integrity (or quick) check reports; [] when the pages are sound."""
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


def foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    """One sentence per row that points to a row no longer there."""
    return [
        f"bảng {table} dòng {rowid} trỏ tới {parent} không còn tồn tại"
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
    ]


def copy_database(source: sqlite3.Connection, target: sqlite3.Connection, busy: Path) -> None:
    """SQLite's online backup from ``source`` into ``target``, all pages in one step.

    The driver's own loop retries a busy step forever (and cannot be interrupted); here
    a step that stays busy beyond the busy timeout aborts the copy, which changes
    nothing in the target, and raises ``StoreBusy`` naming ``busy``.
    """

    def progress(status: int, _remaining: int, _total: int) -> None:
        # Each step already waited up to the connections' busy timeout.
        if status in _BUSY_CODES:
            raise StoreBusy(busy)

    source.backup(target, progress=progress)


def refuse_if_busy(path: Path) -> None:
    """Refuse, within the busy timeout, a store that another program is writing or holds.

    Takes SQLite's write lock for a moment (and lets it go at once): what cannot take it
    now must not be replaced or renamed. Other failures (damage, permissions) are left to
    the checks that follow.
    """
    try:
        conn = sqlite3.connect(path, timeout=busy_timeout_s(), isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise StoreBusy(path) from exc
