"""Verified copies of a SQLite store: backup, automatic backups, restore.

A copy is made with SQLite's online backup API (consistent even while the store is in
use, WAL included), written under a temporary name, checked with ``integrity_check``,
and only then given its real name. A copy that fails the check is deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path

from kx_ceremony.core.errors import StoreError, UserError
from kx_ceremony.core.paths import file_in_the_way
from kx_ceremony.core.store.files import (
    SQLITE_FULL,
    SQLITE_IOERR,
    StoreBusy,
    StoreUnreachable,
    busy_timeout_s,
    connect_readonly,
    copy_database,
    error_code,
    is_access_problem,
    is_busy,
    page_problems,
    reading_file,
)

KEEP_AUTOMATIC = 10


def integrity_problems(path: Path) -> list[str]:
    """SQLite's integrity check on a file; [] when it is a sound database.

    A file another program holds is busy, not damaged (``StoreBusy``); one that cannot
    be opened for lack of rights is said so (``StoreUnreachable``).
    """
    try:
        with reading_file(path) as conn:
            return page_problems(conn)
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def copy_verified(source: Path, target: Path) -> Path:
    """Copy the SQLite file ``source`` to ``target`` and verify the copy.

    A target that cannot be written (a file where its folder should be, a read-only
    folder, a full disk) is the user's to fix: ``UserError``, and no half copy is left.
    """
    if not source.is_file():
        raise UserError(f"Không tìm thấy kho dữ liệu {source}.")
    target = target.resolve()
    blocker = file_in_the_way(target.parent)
    if blocker is not None:
        raise UserError(
            f"Không ghi được bản sao lưu {target}: {blocker} là một tệp, không phải thư mục. "
            "Hãy chọn nơi lưu khác."
        )
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
    except OSError as exc:
        raise _cannot_write(target, exc.strerror or exc) from exc
    try:
        src = connect_readonly(source)
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise StoreBusy(source) from exc
        if is_access_problem(exc):
            raise StoreUnreachable(source, exc) from exc
        raise StoreError(f"Không sao lưu được {source}: {exc}.") from exc
    try:
        dst = sqlite3.connect(partial)
        try:
            copy_database(src, dst, busy=source)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
    except StoreBusy:
        partial.unlink(missing_ok=True)
        raise
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        if is_busy(exc):
            raise StoreBusy(source) from exc
        if is_access_problem(exc) or error_code(exc) in (SQLITE_FULL, SQLITE_IOERR):
            raise _cannot_write(target, exc) from exc
        raise StoreError(f"Không sao lưu được {source}: {exc}.") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _cannot_write(target, exc.strerror or exc) from exc
    finally:
        src.close()
    problems = integrity_problems(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise StoreError(
            f"Bản sao lưu của {source} không qua được kiểm tra ({problems[0]}); "
            "kho dữ liệu có thể đã hỏng."
        )
    try:
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _cannot_write(target, exc.strerror or exc) from exc
    return target


def _cannot_write(target: Path, reason: object) -> UserError:
    return UserError(
        f"Không ghi được bản sao lưu {target} ({reason}). Hãy chọn thư mục khác, hoặc kiểm tra "
        "quyền ghi và chỗ trống trên ổ đĩa; kho dữ liệu không bị thay đổi."
    )


def backups_dir(store_path: Path) -> Path:
    """Automatic backups sit beside the store, in a folder named after it."""
    return store_path.parent / f"{store_path.stem}-backups"


def automatic_backup(store_path: Path, reason: str) -> Path:
    """A timestamped verified copy in the store's backup folder; keeps the newest ten."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = backups_dir(store_path)
    target = copy_verified(store_path, folder / f"{store_path.stem}-{stamp}-{reason}.sqlite")
    prune_automatic(folder)
    return target


def list_automatic(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.sqlite"), key=lambda p: p.name) if folder.is_dir() else []


def prune_automatic(folder: Path, keep: int = KEEP_AUTOMATIC) -> None:
    for old in list_automatic(folder)[:-keep]:
        old.unlink(missing_ok=True)


def restore_into(backup_file: Path, store_path: Path) -> None:
    """Replace the store's content with a verified backup's, through the backup API.

    Writing through SQLite (not copying files) keeps the store's WAL consistent; another
    program's lock is waited for at most the busy timeout, then ``StoreBusy`` is raised
    with the store unchanged. A backup with another page size than the store's (made by
    another tool) is first rebuilt with the store's, since SQLite cannot copy pages of
    another size into a store in WAL mode.
    """
    with tempfile.TemporaryDirectory(prefix="kx-restore-") as scratch:
        dst = sqlite3.connect(store_path, timeout=busy_timeout_s())
        try:
            src = _with_page_size_of(dst, backup_file, Path(scratch))
            try:
                copy_database(src, dst, busy=store_path)
            finally:
                src.close()
        finally:
            dst.close()


def _with_page_size_of(
    dst: sqlite3.Connection, backup_file: Path, scratch: Path
) -> sqlite3.Connection:
    """A connection to the backup's content with the page size ``dst`` needs."""
    src = connect_readonly(backup_file)
    try:
        wanted = dst.execute("PRAGMA page_size").fetchone()[0]
        is_wal = dst.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        if not is_wal or src.execute("PRAGMA page_size").fetchone()[0] == wanted:
            return src
        resized = sqlite3.connect(scratch / "resized.sqlite")
        copy_database(src, resized, busy=backup_file)
        resized.execute(f"PRAGMA page_size = {int(wanted)}")
        resized.execute("VACUUM")
    except BaseException:
        src.close()
        raise
    src.close()
    return resized


# ---------------------------------------------------------------------------
# Daily automatic backups, and the newest one that can be trusted

BACKUP_INTERVAL = dt.timedelta(days=1)


def _holds_a_store(path: Path) -> bool:
    """A sound SQLite file that carries a KX Ceremony schema version."""
    try:
        if integrity_problems(path):
            return False
        with reading_file(path) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.DatabaseError, UserError):  # damaged, busy or unreadable: not offered
        return False
    return row is not None


def latest_backup(store_path: Path) -> Path | None:
    """The newest automatic backup of the store that passes the integrity check.

    This is what the window offers to restore when the store turns out to be damaged;
    a backup that is itself damaged is passed over, never offered.
    """
    for candidate in reversed(list_automatic(backups_dir(store_path))):
        if _holds_a_store(candidate):
            return candidate
    return None


def backup_if_due(
    store_path: Path, *, interval: dt.timedelta = BACKUP_INTERVAL, now: dt.datetime | None = None
) -> Path | None:
    """Make a verified automatic backup when the newest one is older than ``interval``.

    Called when a store is opened (the window does it at start-up), so a store in daily
    use always has a copy at most a day old; only the newest ten are kept. Returns the
    new backup, or None when none was due (or there is nothing to back up yet).
    """
    if not store_path.is_file() or store_path.stat().st_size == 0:
        return None
    existing = list_automatic(backups_dir(store_path))
    if existing:
        newest = max(p.stat().st_mtime for p in existing)
        age = (now or dt.datetime.now()) - dt.datetime.fromtimestamp(newest)
        if age < interval:
            return None
    return automatic_backup(store_path, "daily")
