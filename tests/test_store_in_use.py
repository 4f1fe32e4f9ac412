"""A store that another program is using is busy, never damaged: restore, check, backup and
opening say so within the busy timeout and change nothing.

The other program is a real second process holding one of SQLite's locks: a write
transaction (BEGIN IMMEDIATE, as a KX Ceremony saving) or an exclusive lock (locking_mode
EXCLUSIVE, as some database tools take). It waits for a line on its standard input before
it commits and lets go, so a command that waited for it would never finish by itself.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kx_ceremony.core.demo import create_demo
from kx_ceremony.core.store import copies as backup
from kx_ceremony.core.store import open_store
from kx_ceremony.core.store.files import StoreBusy

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and locks")

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "exclusive":
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("UPDATE ceremonies SET notes = 'first'")  # takes the lock for good
    else:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE ceremonies SET notes = 'first'")
    print("holding", flush=True)
    sys.stdin.readline()
    if sys.argv[2] == "exclusive":
        conn.execute("UPDATE ceremonies SET notes = 'later'")
    else:
        conn.execute("UPDATE ceremonies SET notes = 'later'")
        conn.execute("COMMIT")
    conn.close()
    print("done", flush=True)
    """
)


class Holder:
    """A second process holding the store with a write or an exclusive lock."""

    def __init__(self, store_path: Path, kind: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(store_path), kind],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.child.stdout is not None
        assert self.child.stdout.readline().strip() == "holding"

    def commit_and_exit(self) -> None:
        assert self.child.stdin is not None and self.child.stdout is not None
        self.child.stdin.write("go\n")
        self.child.stdin.flush()
        assert self.child.stdout.readline().strip() == "done"
        assert self.child.wait(timeout=30) == 0

    def kill(self) -> None:
        if self.child.poll() is None:
            self.child.kill()
        self.child.wait()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _notes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT notes FROM ceremonies")}
    finally:
        conn.close()


@pytest.fixture
def store_and_copy(store, store_path: Path, tmp_path: Path) -> Path:
    """A demo store (closed) and a verified copy of it to restore from."""
    create_demo(store)
    store.close()
    return backup.copy_verified(store_path, tmp_path / "copy.sqlite")


def _folder_listing(store_path: Path) -> list[str]:
    """The store's files, its WAL, automatic backups and anything set aside beside it."""
    folder = store_path.parent
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(f"{store_path.stem}*"))


def _restore_process(store_path: Path, copy: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kx_ceremony", "--db", str(store_path), "restore", str(copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["write", "exclusive"])
def test_restore_under_another_programs_lock_says_busy_and_changes_nothing(
    store_and_copy: Path, store_path: Path, kind: str
) -> None:
    """A real second process, the real busy timeout: restore gives up by itself."""
    holder = Holder(store_path, kind)
    try:
        before_sha, before_files = _sha(store_path), _folder_listing(store_path)
        restore = _restore_process(store_path, store_and_copy)
        # Before the fix this never returned while the other program held its lock.
        out, err = restore.communicate(timeout=60)
        assert restore.returncode == 2, out + err
        assert "đang bận" in err and str(store_path) in err and "hỏng" not in err
        assert len(err.strip().splitlines()) == 1 and not out
        assert _sha(store_path) == before_sha
        assert _folder_listing(store_path) == before_files  # nothing renamed, no copy made
        holder.commit_and_exit()
    finally:
        holder.kill()
    assert _notes(store_path) == {"later"}  # the other program's work is in the store


@pytest.mark.slow
def test_ctrl_c_while_restore_waits_stops_it_and_keeps_the_store(
    store_and_copy: Path, store_path: Path
) -> None:
    holder = Holder(store_path, "write")
    try:
        restore = _restore_process(store_path, store_and_copy)
        time.sleep(1)  # let it reach the wait for the lock
        restore.send_signal(signal.SIGINT)
        out, err = restore.communicate(timeout=60)  # before the fix: ignored, no end
        assert restore.returncode in (2, 130), out + err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        holder.commit_and_exit()
    finally:
        holder.kill()
    assert _notes(store_path) == {"later"}  # not replaced after the other program let go


def test_exclusive_lock_is_busy_for_every_command_never_damaged(
    store_and_copy: Path, store_path: Path, cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kx_ceremony.core.store.files.BUSY_TIMEOUT_MS", 300)
    holder = Holder(store_path, "exclusive")
    try:
        before_files = _folder_listing(store_path)
        for args in (
            ("restore", str(store_and_copy)),
            ("restore", "--latest"),
            ("check",),
            ("backup", "-o", str(tmp_path / "other.sqlite")),
            ("honourees", "--ceremony", "1"),
            ("new-ceremony", "--title", "Lễ khác", "--date", "2024-01-05"),
        ):
            result = cli(*args)
            if args == ("restore", "--latest"):
                assert result.status == 2 and "Không có bản sao lưu" in result.err
                continue
            assert result.status == 2, (args, result.err)
            assert "đang bận" in result.err and "hỏng" not in result.err, (args, result.err)
            assert len(result.err.strip().splitlines()) == 1
        assert _folder_listing(store_path) == before_files
        assert not (tmp_path / "other.sqlite").exists()
        holder.commit_and_exit()
    finally:
        holder.kill()
    assert _notes(store_path) == {"later"}  # its later commit landed in the store itself


def test_a_busy_step_inside_the_copy_gives_up_instead_of_retrying_forever(
    store_and_copy: Path, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock is taken after restore's first look: the copy itself must not wait forever
    (the driver's own backup loop retries a busy step without end)."""
    monkeypatch.setattr("kx_ceremony.core.store.files.BUSY_TIMEOUT_MS", 300)
    holder = Holder(store_path, "write")
    outcome: list[BaseException | None] = []

    def restore_into() -> None:
        try:
            backup.restore_into(store_and_copy, store_path)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    try:
        worker = threading.Thread(target=restore_into, daemon=True)
        worker.start()
        worker.join(timeout=60)
        assert outcome, "restore_into was still waiting for the other program"
        assert isinstance(outcome[0], StoreBusy)
        holder.commit_and_exit()
    finally:
        holder.kill()
        worker.join(timeout=60)
    assert _notes(store_path) == {"later"}


def test_opening_a_store_held_exclusively_is_busy(
    store_and_copy: Path, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kx_ceremony.core.store.files.BUSY_TIMEOUT_MS", 300)
    holder = Holder(store_path, "exclusive")
    try:
        with pytest.raises(StoreBusy, match="đang bận"):
            open_store(str(store_path))
    finally:
        holder.kill()
