"""Hostile workbooks: refused in one line, and whatever reaches the reader kills a child only.

Two layers, each tested on its own: the cheap pre-checks (importing/inspection.py) refuse
the known tricks at once; with the pre-checks switched off, the same files reach
python-calamine in the sandboxed child (core/sandbox.py), which aborts, and the program
still answers with one Vietnamese line.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import hostile_files
import pytest
from import_files import SAMPLES, store_fingerprint

from kx_ceremony.core import sandbox
from kx_ceremony.core.errors import UserError

FORBIDDEN = ("panicked", "Traceback", "RUST", "memory allocation", "stack backtrace")
BROKEN = "tệp hỏng hoặc quá lớn"


@pytest.fixture
def ceremony(cli) -> str:
    result = cli("new-ceremony", "--title", "T", "--date", "2023-01-05")
    assert result.status == 0
    done = cli("import", str(SAMPLES / "simple.csv"), "--ceremony", result.last_line)
    assert done.status == 0, done.err
    return result.last_line


@pytest.fixture
def small_budget(monkeypatch):
    """A child memory ceiling of 512 MB: a runaway allocation fails sooner."""
    monkeypatch.setattr(sandbox, "MEMORY_BUDGET", 512 * 1024**2)


@pytest.fixture
def no_prechecks(monkeypatch):
    """Switch the cheap pre-checks off, so a hostile file reaches the reader."""
    from kx_ceremony.core.importing import inspection

    monkeypatch.setattr(inspection, "check_xlsx_sheet_size", lambda *a, **k: None)
    monkeypatch.setattr(inspection, "check_ods_size", lambda *a, **k: None)


def _one_clean_line(text: str, path: Path) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert path.name in lines[0]
    for word in FORBIDDEN:
        assert word.lower() not in text.lower(), text
    return lines[0]


def _no_children_left() -> None:
    """Every reader child has ended (an idle one leaves by itself, within moments)."""
    import time

    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("name", sorted(hostile_files.HOSTILE))
def test_prechecks_refuse_each_hostile_file(cli, store_path, ceremony, tmp_path, name):
    path = hostile_files.HOSTILE[name](tmp_path / name)
    assert path.stat().st_size < 5 * 1024
    before = store_fingerprint(store_path)
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 2
    line = _one_clean_line(result.err, path)
    assert "khai báo hơn 250.000 dòng hoặc 200 cột" in line  # the pre-check, not the child
    assert store_fingerprint(store_path) == before


@pytest.mark.parametrize("name", hostile_files.READER_KILLERS)
def test_a_reader_abort_is_a_refusal_and_we_survive(
    cli, store_path, ceremony, tmp_path, name, no_prechecks, small_budget
):
    path = hostile_files.HOSTILE[name](tmp_path / name)
    before = store_fingerprint(store_path)
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 2
    assert BROKEN in _one_clean_line(result.err, path)
    assert store_fingerprint(store_path) == before
    _no_children_left()
    # Still alive and well: the next import in this same process works.
    assert cli("import", str(SAMPLES / "district.xlsx"), "--ceremony", ceremony).status == 0


def test_hostile_files_through_a_real_process(cli_process, tmp_path):
    store = tmp_path / "p.sqlite"
    assert cli_process("new-ceremony", "--title", "T", "--date", "2023-01-05", db=store).status == 0
    before = store_fingerprint(store)
    for name, make in sorted(hostile_files.HOSTILE.items()):
        path = make(tmp_path / name)
        result = cli_process("import", str(path), "--ceremony", "1", db=store, timeout=60)
        assert result.status == 2, result.err
        line = _one_clean_line(result.err, path)
        assert result.out == ""
        # Read ahead or not, the pre-check's refusal: the reader child checks the sheet
        # while it parses it, but a refused sheet is refused as too big, never as broken.
        assert "khai báo hơn 250.000 dòng hoặc 200 cột" in line, line
    assert store_fingerprint(store) == before


def test_the_terminal_never_sees_the_reader_abort(tmp_path):
    """A whole process whose reader child aborts (pre-checks off): one line, exit 2,
    Rust's text only in the log, every byte of stderr checked."""
    path = hostile_files.far_cell_attributes_swapped(tmp_path / "far.xlsx")
    store = tmp_path / "s.sqlite"
    logs = tmp_path / "logs"
    script = textwrap.dedent(
        """
        import sys
        from kx_ceremony.core import sandbox
        from kx_ceremony.core.importing import inspection
        inspection.check_xlsx_sheet_size = lambda *a, **k: None
        sandbox.MEMORY_BUDGET = 512 * 1024**2
        from kx_ceremony.cli import main
        db = sys.argv[1]
        assert main(["--db", db, "new-ceremony", "--title", "T", "--date", "2023-01-05"]) == 0
        raise SystemExit(main(["--db", db, "import", sys.argv[2], "--ceremony", "1"]))
        """
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "KX_CEREMONY_LOG_DIR": str(logs)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(store), str(path)],
        capture_output=True,
        timeout=120,
        env=env,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert BROKEN in _one_clean_line(err, path)
    assert b"\x1b" not in done.stderr
    log_text = "".join(p.read_text(encoding="utf-8") for p in logs.glob("*.log"))
    assert "memory allocation" in log_text  # what Rust said is kept for whoever debugs


# ---------------------------------------------------------------------------
# The mechanism, with a reader that misbehaves on purpose (the fork child runs the
# monkeypatched module, so the crash really happens in the child).


def _reader_that(monkeypatch, action) -> None:  # type: ignore[no-untyped-def]
    import python_calamine

    class Hostile:
        @staticmethod
        def from_path(path):
            action()

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Hostile)


def _refusal(store, ceremony_id: int, path: Path = SAMPLES / "district.xlsx") -> str:
    from kx_ceremony.core.importing import preview_import

    with pytest.raises(UserError) as caught:
        preview_import(store, ceremony_id, path)
    message = caught.value.message
    assert "\n" not in message and path.name in message
    return message


@pytest.mark.parametrize(
    "action",
    [
        pytest.param(lambda: os.kill(os.getpid(), signal.SIGKILL), id="sigkill"),
        pytest.param(lambda: os.kill(os.getpid(), signal.SIGSEGV), id="sigsegv"),
        pytest.param(os.abort, id="abort"),
        pytest.param(lambda: os._exit(134), id="exit-134"),
    ],
)
def test_a_child_killed_by_a_signal_is_a_refusal(monkeypatch, store, demo_id, action, capfd):
    _reader_that(monkeypatch, action)
    assert BROKEN in _refusal(store, demo_id)
    _no_children_left()


def test_the_childs_own_output_stays_off_the_terminal(monkeypatch, store, demo_id, capfd):
    def panic_then_abort():
        os.write(2, b"thread '<unnamed>' panicked at src/xlsx/mod.rs: RUST_BACKTRACE\n")
        os.write(1, b"\x1b]0;pwned\x07")
        os.abort()

    _reader_that(monkeypatch, panic_then_abort)
    assert BROKEN in _refusal(store, demo_id)
    out, err = capfd.readouterr()
    assert "panicked" not in err and "\x1b" not in out


def test_over_the_memory_limit_is_a_refusal(monkeypatch, store, demo_id, small_budget):
    def swell():
        hoard = bytearray(sandbox.MEMORY_BUDGET + 256 * 1024**2)
        hoard[-1] = 1

    _reader_that(monkeypatch, swell)
    assert "bộ nhớ" in _refusal(store, demo_id)
    _no_children_left()


def test_over_the_time_limit_is_a_refusal(monkeypatch, store, demo_id):
    import time

    monkeypatch.setattr(sandbox, "TIME_LIMIT", 1.0)
    _reader_that(monkeypatch, lambda: time.sleep(10**6))  # without the limit: a hang
    assert BROKEN in _refusal(store, demo_id)
    _no_children_left()


def test_ctrl_c_in_the_reader_is_still_ctrl_c(monkeypatch, store, demo_id):
    from kx_ceremony.core.importing import preview_import

    def interrupted():
        raise KeyboardInterrupt

    _reader_that(monkeypatch, interrupted)
    with pytest.raises(KeyboardInterrupt):
        preview_import(store, demo_id, SAMPLES / "district.xlsx")
    _no_children_left()


def test_spawned_child_reads_and_refuses_as_the_forked_one(
    monkeypatch, store, demo_id, tmp_path, no_prechecks, small_budget
):
    """Windows and macOS start the child by spawn: the same rows, the same refusal."""
    from kx_ceremony.core.importing import preview_import

    forked = preview_import(store, demo_id, SAMPLES / "combined.xlsx")
    monkeypatch.setattr(sandbox, "START_METHOD", "spawn")
    spawned = preview_import(store, demo_id, SAMPLES / "combined.xlsx")
    assert spawned.rows == forked.rows and len(forked.rows) > 10
    path = hostile_files.far_cell_attributes_swapped(tmp_path / "far.xlsx")
    assert BROKEN in _refusal(store, demo_id, path)
    _no_children_left()
