"""One line, never a traceback, when the log or an output file cannot be written.

Run as separate processes, as a user runs the program: a traceback printed by the
logging module, or by a ZipFile's finaliser when the program ends, reaches stderr only
there. The full disk is a real one (a 256 KiB tmpfs, filled up).
"""

from __future__ import annotations

from pathlib import Path

import pytest


def _one_line(err: str) -> str:
    assert "Traceback" not in err and "Logging error" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def demo_store(cli) -> None:
    assert cli("demo").status == 0


@pytest.mark.parametrize("how", ["under-a-file", "read-only"])
def test_a_log_folder_that_cannot_be_made_or_written_is_no_failure(
    cli_process, demo_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str, request
) -> None:
    if how == "under-a-file":
        blocker = tmp_path / "a-file"
        blocker.write_text("x", encoding="utf-8")
        log_dir = blocker / "logs"
    else:
        _writable, read_only = request.getfixturevalue("read_only_disk")
        log_dir = read_only / "logs"
    monkeypatch.setenv("KX_CEREMONY_LOG_DIR", str(log_dir))
    result = cli_process("honourees", "--ceremony", "99")  # refused: logged, then printed
    assert result.status == 2
    assert "Không có buổi lễ số 99" in _one_line(result.err)
    listed = cli_process("ceremonies")
    assert listed.status == 0 and not listed.err


def test_a_full_disk_under_the_log_is_no_failure(
    cli_process, demo_store, full_disk: Path, fill_disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    (full_disk / "logs").mkdir()
    fill_disk(full_disk)
    monkeypatch.setenv("KX_CEREMONY_LOG_DIR", str(full_disk / "logs"))
    result = cli_process("honourees", "--ceremony", "99")
    assert result.status == 2
    assert "Không có buổi lễ số 99" in _one_line(result.err)


def test_export_to_a_full_disk_is_one_line_and_leaves_nothing(
    cli_process, demo_store, full_disk: Path, fill_disk
) -> None:
    fill_disk(full_disk, room=8192)
    target = full_disk / "danh-sach.xlsx"
    result = cli_process("export", "--ceremony", "1", "-o", str(target))
    assert result.status == 2, result.err
    line = _one_line(result.err)
    assert f"Không ghi được tệp {target}" in line and "còn chỗ trống" in line
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # no half file
