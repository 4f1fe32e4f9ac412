"""``print certificates --split DIR`` changes DIR only when every file is complete.

A failure mid-way, a full disk or a kill leaves DIR's existing files as they were and no
half PDF in it; a symlink planted at a file's name is replaced, never written through.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kx_ceremony.core.printing import certificates


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        p.name: "link" if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
    }


def _split(cli, demo_id: int, out: Path, folder: Path):
    # Full design on plain paper: printed again and again here, never refused by the ledger
    # of blanks (a second print onto blanks would be).
    return cli(
        "print",
        "certificates",
        "--ceremony",
        str(demo_id),
        "--mode",
        "full",
        "-o",
        str(out),
        "--split",
        str(folder),
    )


@pytest.fixture
def names(cli, demo_id, tmp_path) -> list[str]:
    """The names a split of the sample ceremony writes."""
    probe = tmp_path / "probe"
    assert _split(cli, demo_id, tmp_path / "probe.pdf", probe).status == 0
    return sorted(p.name for p in probe.iterdir())


def test_a_failure_midway_leaves_the_folder_as_it_was(cli, demo_id, tmp_path, names, monkeypatch):
    folder, out = tmp_path / "tach", tmp_path / "tat-ca.pdf"
    assert _split(cli, demo_id, out, folder).status == 0  # last week's split
    (folder / "ghi chú của văn phòng.txt").write_text("giữ lại", encoding="utf-8")
    before, out_before = _snapshot(folder), out.read_bytes()

    saves = {"n": 0}
    real_save = certificates._Writer.save

    def failing_save(self):
        saves["n"] += 1
        if saves["n"] == 4:  # the whole file, then the 3rd person's own file
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(self)

    monkeypatch.setattr(certificates._Writer, "save", failing_save)
    result = _split(cli, demo_id, out, folder)
    assert result.status == 2
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert _snapshot(folder) == before  # nothing deleted, nothing half-written
    assert out.read_bytes() == out_before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_symlink_planted_at_a_file_name_is_not_written_through(cli, demo_id, tmp_path, names):
    folder = tmp_path / "tach"
    folder.mkdir()
    outside = tmp_path / "ngoai" / "bi-mat.txt"
    outside.parent.mkdir()
    outside.write_text("không được ghi đè", encoding="utf-8")
    (folder / names[0]).symlink_to(outside)

    assert _split(cli, demo_id, tmp_path / "a.pdf", folder).status == 0
    assert outside.read_text(encoding="utf-8") == "không được ghi đè"
    first = folder / names[0]
    assert not first.is_symlink() and first.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in folder.iterdir()) == names


def test_a_symlinked_split_folder_is_refused(cli, demo_id, tmp_path):
    elsewhere = tmp_path / "noi-khac"
    elsewhere.mkdir()
    link = tmp_path / "tach"
    link.symlink_to(elsewhere, target_is_directory=True)
    out = tmp_path / "a.pdf"
    result = _split(cli, demo_id, out, link)
    assert result.status == 2
    assert "liên kết" in result.err and len(result.err.strip().splitlines()) == 1
    assert list(elsewhere.iterdir()) == [] and not out.exists()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_mid_split_leaves_no_partial_pdf(store, demo_id, store_path, tmp_path, names):
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honourees, list_honourees

    form = list_honourees(store, demo_id)[0].award_form_id
    kind = list_honourees(store, demo_id)[0].kind
    with store.transaction() as session:  # enough people for the split to take a while
        add_honourees(
            session,
            demo_id,
            [
                HonoureeInput(
                    name=f"Đỗ Văn Thêm Số{i}", award_form_id=form, kind=kind, unit=f"Thôn {i}"
                )
                for i in range(300)
            ],
        )
    store.close()
    folder = tmp_path / "tach"
    folder.mkdir()
    (folder / names[0]).write_bytes(b"%PDF-1.4 ban cu")  # last week's file of the same name
    (folder / "danh sach.txt").write_text("giữ lại", encoding="utf-8")
    before = _snapshot(folder)

    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kx_ceremony",
            "--db",
            str(store_path),
            "print",
            "certificates",
            "--ceremony",
            str(demo_id),
            "--mode",
            "full",
            "-o",
            str(tmp_path / "a.pdf"),
            "--split",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and child.poll() is None:
            staged = [p for p in tmp_path.iterdir() if p.name.startswith(".tach-")]
            started = sum(len(os.listdir(p)) for p in staged if p.is_dir())
            if started >= 20 or _snapshot(folder) != before:
                break
            time.sleep(0.002)
        assert child.poll() is None, "the split ended before it could be killed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert _snapshot(folder) == before
