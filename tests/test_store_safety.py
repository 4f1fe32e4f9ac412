"""Store safety: write errors, damaged files, a second copy of the program, daily backups.

What is injected, honestly: SQLite's own VFS is not replaced. A write error is raised at
the database driver, in place of the n-th write statement (or of the COMMIT), exactly as
the driver reports SQLite's SQLITE_IOERR; and a real "disk full" comes from the operating
system, by limiting the size a child process may write (RLIMIT_FSIZE).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from kx_ceremony.core.demo import create_demo
from kx_ceremony.core.errors import StoreError, UserError
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honourees import (
    HonoureeInput,
    add_honouree,
    input_from_row,
    list_honourees,
    remove_honourees,
    update_honouree,
)
from kx_ceremony.core.store import copies as backup
from kx_ceremony.core.store import open_store
from kx_ceremony.core.store.maintenance import check_store, recover_store
from kx_ceremony.core.store.repair import DamagedStore
from kx_ceremony.core.store.window_lock import acquire_window_lock

WRITES = ("INSERT", "UPDATE", "DELETE")


def _dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


class WriteFailure:
    """Make the n-th write statement (or the commit) fail once with SQLite's I/O error."""

    def __init__(self, store, fail_at: int | None = None, at_commit: bool = False) -> None:
        self.fail_at, self.at_commit, self.writes, self.fired = fail_at, at_commit, 0, False
        engine = store.engine
        event.listen(engine, "do_execute", self._execute)
        event.listen(engine, "do_executemany", self._execute)
        self._real_commit = engine.dialect.do_commit
        engine.dialect.do_commit = self._commit  # type: ignore[method-assign]
        self._engine = engine

    def _execute(self, cursor, statement, parameters, context):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(WRITES):
            self.writes += 1
            if self.writes == self.fail_at and not self.fired:
                self.fired = True
                raise sqlite3.OperationalError("disk I/O error")
        return False  # let the driver run it

    def _commit(self, dbapi_connection):  # type: ignore[no-untyped-def]
        if self.at_commit and not self.fired:
            self.fired = True
            raise sqlite3.OperationalError("disk I/O error")
        return self._real_commit(dbapi_connection)

    def remove(self) -> None:
        event.remove(self._engine, "do_execute", self._execute)
        event.remove(self._engine, "do_executemany", self._execute)
        self._engine.dialect.do_commit = self._real_commit  # type: ignore[method-assign]


def _saves(store, ceremony_id: int):  # type: ignore[no-untyped-def]
    rows = list_honourees(store, ceremony_id)
    form_id = rows[-1].award_form_id
    kind = rows[-1].kind
    return {
        "new ceremony": lambda: create_ceremony(
            store, CeremonyInput(title="Lễ thử ghi lỗi", held_on=dt.date(2024, 1, 5))
        ),
        "add honouree": lambda: add_honouree(
            store, ceremony_id, HonoureeInput(name="Trần Thị Mới", award_form_id=form_id, kind=kind)
        ),
        "edit honouree": lambda: update_honouree(
            store, ceremony_id, rows[0].id, input_from_row(rows[0], unit="Đơn vị mới")
        ),
        "remove honourees": lambda: remove_honourees(store, ceremony_id, [r.id for r in rows[:5]]),
        "demo": lambda: create_demo(store),
    }


@pytest.mark.parametrize(
    "save", ["new ceremony", "add honouree", "edit honouree", "remove honourees", "demo"]
)
def test_io_error_at_each_write_rolls_back(store, demo_id, store_path, save: str) -> None:
    before = _dump(store_path)
    attempt = -1  # 0: the COMMIT fails; n > 0: the n-th write statement fails
    while True:
        attempt += 1
        failure = WriteFailure(store, fail_at=attempt or None, at_commit=attempt == 0)
        try:
            _saves(store, demo_id)[save]()
        except StoreError as exc:
            assert "chưa được lưu" in exc.message and str(store_path) in exc.message
            assert failure.fired
            assert _dump(store_path) == before, f"{save}: failure {attempt} left a change"
            continue
        finally:
            failure.remove()
        break  # this save has fewer writes than `attempt`: it went through
    print(f"{save}: the commit and {attempt - 1} writes each failed once, all rolled back")
    assert attempt >= 2  # the commit and at least one write were each made to fail
    assert _dump(store_path) != before
    assert check_store(str(store_path)).ok


DISK_FULL_CHILD = textwrap.dedent(
    """
    import resource, signal, sqlite3, sys
    from kx_ceremony.core.errors import StoreError
    from kx_ceremony.core.services.awards import list_award_forms
    from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees
    from kx_ceremony.core.store import open_store

    db, ceremony = sys.argv[1], int(sys.argv[2])
    store = open_store(db)
    form = next(f for f in list_award_forms(store, ceremony) if "individual" in f.kinds)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
    items = [
        HonoureeInput(
            name=f"Lê Văn Đầy Số{i}", award_form_id=form.id, unit="Lô đầy",
            achievement="Thành tích rất dài " * 100,
        )
        for i in range(400)
    ]
    try:
        with store.transaction() as session:
            insert_honourees(session, ceremony, items)
    except StoreError as exc:
        print("STORE_ERROR", exc.message)
        sys.exit(3)
    print("SAVED")
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_real_disk_full_rolls_back(store, demo_id, store_path) -> None:
    store.close()
    before = _dump(store_path)
    done = subprocess.run(
        [sys.executable, "-c", DISK_FULL_CHILD, str(store_path), str(demo_id)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 3, done.stdout + done.stderr
    assert "STORE_ERROR Không ghi được vào kho dữ liệu" in done.stdout
    assert "chưa được lưu" in done.stdout
    assert check_store(str(store_path)).ok
    assert _dump(store_path) == before


# ---------------------------------------------------------------------------
# Damaged stores


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path: Path, how: str) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        if how.startswith("cut"):
            handle.truncate(int(size * float(how[3:])))
        elif how == "garbled-page":
            handle.seek(4096 * 3 + 50)
            handle.write(os.urandom(700))
        elif how == "garbled-header":
            handle.seek(0)
            handle.write(b"\x00" * 100)


@pytest.fixture
def backed_up_store(store, demo_id, store_path) -> Path:
    """A demo store with one daily backup, closed (WAL folded into the file)."""
    store.close()
    made = backup.backup_if_due(store_path)
    assert made is not None
    return made


@pytest.mark.parametrize("how", ["cut0.5", "cut0.93", "cut0.02", "garbled-page", "garbled-header"])
def test_damaged_store_is_refused_kept_and_recoverable(
    backed_up_store: Path, store_path: Path, cli, how: str
) -> None:
    _damage(store_path, how)
    damaged_sha = _sha(store_path)
    with pytest.raises(DamagedStore) as caught:
        open_store(str(store_path))
    assert caught.value.backup == backed_up_store
    assert str(backed_up_store) in caught.value.message
    assert _sha(store_path) == damaged_sha  # refused without a byte changed

    result = cli("honourees", "--ceremony", "1")
    assert result.status == 2
    assert "bị hỏng" in result.err and "restore --latest" in result.err
    assert len(result.err.strip().splitlines()) == 1

    result = cli("restore", "--latest")
    assert result.status == 0, result.err
    kept = [p for p in store_path.parent.glob("store-damaged-*.sqlite")]
    assert len(kept) == 1 and _sha(kept[0]) == damaged_sha  # the damaged file is kept
    assert check_store(str(store_path)).ok
    assert cli("honourees", "--ceremony", "1", "--format", "json").status == 0


def test_damaged_backups_are_never_offered(backed_up_store: Path, store_path: Path) -> None:
    older = backed_up_store
    newer = older.with_name(older.name.replace("daily", "zz-later"))
    shutil.copy(older, newer)
    _damage(newer, "cut0.5")
    assert backup.list_automatic(older.parent)[-1] == newer
    assert backup.latest_backup(store_path) == older
    _damage(older, "garbled-header")
    assert backup.latest_backup(store_path) is None
    _damage(store_path, "cut0.5")
    with pytest.raises(DamagedStore, match="Không có bản sao lưu tự động nào còn tốt"):
        open_store(str(store_path))
    damaged_sha = _sha(store_path)
    recovery = recover_store(store_path)
    assert recovery.restored_from is None and recovery.kept_aside is not None
    assert _sha(recovery.kept_aside) == damaged_sha
    fresh = open_store(str(store_path))  # a new, empty store can be started
    fresh.close()


def test_recover_store_restores_the_latest_backup(backed_up_store: Path, store_path: Path) -> None:
    _damage(store_path, "garbled-page")
    recovery = recover_store(store_path)
    assert recovery.restored_from == backed_up_store
    assert recovery.kept_aside is not None and recovery.kept_aside.exists()
    reopened = open_store(str(store_path))
    try:
        assert len(list_honourees(reopened, 1)) == 28
    finally:
        reopened.close()


# ---------------------------------------------------------------------------
# Daily automatic backups


def test_backup_if_due_makes_one_a_day_and_keeps_ten(store, demo_id, store_path: Path) -> None:
    first = backup.backup_if_due(store_path)
    assert first is not None and not backup.integrity_problems(first)
    assert first.parent == store_path.parent / "store-backups"
    assert backup.backup_if_due(store_path) is None  # the last one is not a day old yet
    day_ago = time.time() - 25 * 3600
    os.utime(first, (day_ago, day_ago))
    second = backup.backup_if_due(store_path)
    assert second is not None and second != first
    for _ in range(12):
        for old in backup.list_automatic(first.parent):
            os.utime(old, (day_ago, day_ago))
        assert backup.backup_if_due(store_path) is not None
    kept = backup.list_automatic(first.parent)
    assert len(kept) == backup.KEEP_AUTOMATIC
    assert first not in kept and backup.latest_backup(store_path) == kept[-1]


def test_backup_if_due_skips_a_store_not_yet_created(tmp_path: Path) -> None:
    assert backup.backup_if_due(tmp_path / "nothing-yet.sqlite") is None


# ---------------------------------------------------------------------------
# A second copy of the program


HOLD_WRITE = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE ceremonies SET notes = 'đang sửa'")
    print("holding", flush=True)
    time.sleep(60)
    """
)

HOLD_WINDOW = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from kx_ceremony.core.store.window_lock import acquire_window_lock
    lock = acquire_window_lock(Path(sys.argv[1]))
    print("holding", flush=True)
    time.sleep(60)
    """
)


def _hold(script: str, store_path: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(store_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "holding"
    return child


def test_second_writer_gets_a_clear_message_not_a_hang(
    store, demo_id, store_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.close()
    monkeypatch.setattr("kx_ceremony.core.store.files.BUSY_TIMEOUT_MS", 400)
    child = _hold(HOLD_WRITE, store_path)
    try:
        # Without the busy timeout this would wait as long as the holder does (a hang).
        result = cli("new-ceremony", "--title", "Lễ thứ hai", "--date", "2024-01-05")
        assert result.status == 2
        assert "đang bận" in result.err and str(store_path) in result.err
        assert len(result.err.strip().splitlines()) == 1
        # Reading is never blocked by the other copy's write.
        assert cli("honourees", "--ceremony", str(demo_id)).status == 0
    finally:
        child.kill()
        child.wait()
    assert cli("new-ceremony", "--title", "Lễ thứ hai", "--date", "2024-01-05").status == 0


def test_second_window_on_the_same_store_is_told_who_holds_it(store_path: Path) -> None:
    child = _hold(HOLD_WINDOW, store_path)
    try:
        with pytest.raises(UserError, match=f"tiến trình {child.pid}"):
            acquire_window_lock(store_path)
    finally:
        child.kill()  # killed, not closed: the system must still release the lock
        child.wait()
    with acquire_window_lock(store_path) as lock:
        with pytest.raises(UserError, match="cửa sổ KX Ceremony khác"):
            acquire_window_lock(store_path)
        lock.release()
        acquire_window_lock(store_path).release()
