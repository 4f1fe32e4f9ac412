"""Where a store lives: a mistyped path, a folder that cannot be written, a read-only disk.

Each is one plain line and exit 2; nothing is created where the user did not ask for it.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("via", ["--db", "KX_CEREMONY_DB"])
def test_a_mistyped_store_folder_is_refused_not_created(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch, via: str
) -> None:
    mistyped = tmp_path / "Documets" / "kx" / "le-tong-ket.sqlite"
    if via == "--db":
        db: str | None = str(mistyped)
    else:
        monkeypatch.setenv("KX_CEREMONY_DB", str(mistyped))
        db = None
    for args in (["ceremonies"], ["demo"], ["restore", "--latest"]):
        result = cli(*args, db=db)
        assert result.status == 2, (args, result.err)
        line = _one_line(result.err)
        if args != ["restore", "--latest"]:
            assert f"Không có thư mục {mistyped.parent}" in line
    assert not (tmp_path / "Documets").exists()


def test_restore_into_a_mistyped_folder_is_refused(tmp_path: Path, cli, store_path: Path) -> None:
    assert cli("demo").status == 0
    copy = tmp_path / "copy.sqlite"
    assert cli("backup", "-o", str(copy)).status == 0
    mistyped = tmp_path / "nowhere" / "store.sqlite"
    result = cli("restore", str(copy), db=mistyped)
    assert result.status == 2 and "Không có thư mục" in _one_line(result.err)
    assert not mistyped.parent.exists()


def test_a_path_under_a_file_is_refused(tmp_path: Path, cli) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("ghi chú", encoding="utf-8")
    result = cli("ceremonies", db=a_file / "store.sqlite")
    assert result.status == 2
    assert f"{a_file} là một tệp, không phải thư mục" in _one_line(result.err)
    assert a_file.read_text(encoding="utf-8") == "ghi chú"


def test_the_default_store_is_still_created_silently(tmp_path: Path, cli) -> None:
    result = cli("ceremonies", db=None)
    assert result.status == 0, result.err
    assert (tmp_path / "user-data" / "kx-ceremony.sqlite").is_file()


def test_a_new_store_in_a_folder_that_cannot_be_written_says_so(read_only_disk, cli) -> None:
    _writable, read_only = read_only_disk
    result = cli("demo", db=read_only / "store.sqlite")
    assert result.status == 2, result.err  # before: exit 1, "could not upgrade the store"
    line = _one_line(result.err)
    assert "Không ghi được vào kho dữ liệu" in line and "ổ đĩa chỉ đọc" in line
    assert "nâng cấp" not in line


@pytest.fixture
def store_on_read_only_disk(read_only_disk, store_path: Path, cli) -> Path:
    """The demo store, closed cleanly (no -wal, no -shm), seen on a read-only disk."""
    writable, read_only = read_only_disk
    assert cli("demo").status == 0
    shutil.copy(store_path, writable / "store.sqlite")
    assert sorted(p.name for p in writable.iterdir()) == ["store.sqlite"]
    return read_only / "store.sqlite"


def test_a_store_on_a_read_only_disk_is_not_called_damaged(store_on_read_only_disk: Path, cli):
    before = _sha(store_on_read_only_disk)
    for args in (
        ["ceremonies"],
        ["honourees", "--ceremony", "1"],
        ["check"],
        ["new-ceremony", "--title", "Lễ khác", "--date", "2024-01-05"],
    ):
        result = cli(*args, db=store_on_read_only_disk)
        assert result.status == 2, (args, result.out, result.err)
        line = _one_line(result.err)
        assert "hỏng" not in line and "không phải kho" not in line, (args, line)
        assert "chỉ đọc" in line, (args, line)
    assert _sha(store_on_read_only_disk) == before


def test_restore_onto_a_read_only_disk_is_refused(store_on_read_only_disk: Path, cli, tmp_path):
    copy = tmp_path / "copy.sqlite"
    assert cli("backup", "-o", str(copy)).status == 0
    before = _sha(store_on_read_only_disk)
    result = cli("restore", str(copy), db=store_on_read_only_disk)
    assert result.status == 2, result.err
    line = _one_line(result.err)
    assert "chỉ đọc" in line and "hỏng" not in line
    assert _sha(store_on_read_only_disk) == before


# ---------------------------------------------------------------------------
# Where a backup goes, and what it is restored from


def test_backup_under_a_file_is_refused(tmp_path: Path, cli) -> None:
    assert cli("demo").status == 0
    a_file = tmp_path / "report.txt"
    a_file.write_text("x", encoding="utf-8")
    for target in (a_file / "copy.sqlite", a_file / "deeper" / "copy.sqlite"):
        result = cli("backup", "-o", str(target))
        assert result.status == 2, result.err  # before: exit 1
        assert f"{a_file} là một tệp, không phải thư mục" in _one_line(result.err)
    assert a_file.read_text(encoding="utf-8") == "x"


def test_backup_into_a_read_only_folder_is_refused(read_only_disk, cli) -> None:
    assert cli("demo").status == 0
    writable, read_only = read_only_disk
    for target in (read_only / "copy.sqlite", read_only / "new-folder" / "copy.sqlite"):
        result = cli("backup", "-o", str(target))
        assert result.status == 2, result.err  # before: exit 1
        assert f"Không ghi được bản sao lưu {target}" in _one_line(result.err)
    assert list(writable.iterdir()) == []


def test_backup_onto_a_full_disk_is_refused_and_leaves_nothing(
    full_disk: Path, fill_disk, cli
) -> None:
    assert cli("demo").status == 0
    fill_disk(full_disk, room=16384)  # less than the demo store needs
    target = full_disk / "copy.sqlite"
    result = cli("backup", "-o", str(target))
    assert result.status == 2, result.err
    assert f"Không ghi được bản sao lưu {target}" in _one_line(result.err)
    assert [p.name for p in full_disk.iterdir()] == ["filler"]


def test_restore_from_a_copy_with_another_page_size(tmp_path: Path, cli, store_path: Path) -> None:
    """A copy made by another tool may use another page size; SQLite cannot copy such
    pages into a store in WAL mode, so the copy is rebuilt first (before: exit 1)."""
    import sqlite3

    assert cli("demo").status == 0
    copy = tmp_path / "small-pages.sqlite"
    assert cli("backup", "-o", str(copy)).status == 0
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("VACUUM")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 1024
    conn.close()
    assert cli("new-ceremony", "--title", "Lễ sau sao lưu", "--date", "2024-01-05").status == 0

    result = cli("restore", str(copy))
    assert result.status == 0, result.err
    check = cli("check")
    assert check.status == 0 and "1 buổi lễ, 28 người/tập thể" in check.out
    conn = sqlite3.connect(store_path)
    try:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
