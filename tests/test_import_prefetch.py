"""`kx-ceremony import FILE` reads the workbook while the program starts (importing/prefetch.py).

What is read ahead must be exactly what a plain read gives; a file changed meanwhile is
read again; a hostile sheet is not read ahead (the child guards it as the parent does),
and a whole process answers the same with and without the read ahead.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from zipfile import ZipFile

import hostile_files
import pytest
from import_files import HEADER, SAMPLES, person, write_xlsx

from kx_ceremony.core import sandbox
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.importing import inspection, prefetch, xlsx_parts
from kx_ceremony.core.importing.reading import SHEET_LIMITS, Source
from kx_ceremony.core.importing.xlsx_parts import sheet_parts

pytestmark = pytest.mark.skipif(sandbox.START_METHOD != "fork", reason="read ahead: fork only")


REAL = SAMPLES / "real"


@pytest.fixture(autouse=True)
def _end_what_is_left():
    yield
    prefetch.take(Path("/nonexistent"))  # ends a child no test took


def test_what_is_read_ahead_is_what_a_plain_read_gives(tmp_path):
    path = shutil.copy(REAL / "r02_totrinh_denghi_maso.xlsx", tmp_path / "list.xlsx")
    prefetch.start(["--db", "x.sqlite", "import", str(path), "--ceremony", "1"])
    ahead = prefetch.take(Path(path))
    plain = sandbox.Workbook(str(path))
    try:
        assert ahead is not None
        ahead.wait_ready()
        assert (ahead.sheet_names, ahead.hidden) == (plain.sheet_names, plain.hidden)
        for name in plain.sheet_names:  # the one read ahead, then one it did not read
            assert ahead.rows(name, SHEET_LIMITS) == plain.rows(name, SHEET_LIMITS)
    finally:
        plain.close()
        if ahead is not None:
            ahead.close()


def test_a_source_given_the_read_ahead_loads_what_a_plain_one_loads(tmp_path, monkeypatch):
    """Cells and the cells flagged in the XML (a formula without value, «#N/A»): the
    child sends them with the read ahead, and they are what the parent would find."""
    path = write_xlsx(
        tmp_path / "formulas.xlsx",
        [
            HEADER,
            person(1, "Nguyễn Văn An"),
            person(2, "=VLOOKUP(A4,Sheet2!A:B,2,0)"),
            person(3, "Lê Văn Cường", award="#N/A"),
        ],
    )
    plain = Source(path)
    try:
        expected = plain.load("DS")
        expected_rows = list(expected.rows)  # they arrive while the source is open
    finally:
        plain.close()
    assert expected.flags  # the file has flagged cells to compare
    prefetch.start(["import", str(path)])

    def checked_again(*_args: object) -> None:
        raise AssertionError("the parent read the sheet's XML although the child did")

    monkeypatch.setattr(inspection, "check_xlsx_sheet_size", checked_again)  # (after the fork)
    monkeypatch.setattr(xlsx_parts, "flagged_cells", checked_again)
    ahead = Source(path)
    try:
        assert ahead._workbook is not None and ahead._workbook._reads_ahead
        got = ahead.load("DS")
        got_rows = list(got.rows)
    finally:
        ahead.close()
    assert (got_rows, got.flags) == (expected_rows, expected.flags)


def test_the_sheet_read_ahead_is_the_one_the_import_looks_at_first():
    r02, r08 = REAL / "r02_totrinh_denghi_maso.xlsx", REAL / "r08_mautdkt_trong.xlsx"
    assert prefetch._Chooser(None)(str(r02), ["DANHSACH", "DANHMUC"], [])[0] == "DANHSACH"
    assert prefetch._Chooser("danhmuc")(str(r02), ["DANHSACH", "DANHMUC"], [])[0] == "DANHMUC"
    assert prefetch._Chooser(None)(str(r02), ["DANHSACH", "DANHMUC"], [])[2]() == {}
    names = ["file nhận", "HTKT", "PLDT", "LVHD", "phan loai kt", "Hướng dẫn"]
    hidden = ["LVHD", "HTKT", "PLDT", "phan loai kt"]
    assert prefetch._Chooser(None)(str(r08), names, hidden)[0] == "file nhận"
    assert prefetch._Chooser("no such sheet")(str(r08), names, hidden) is None


def test_a_file_changed_since_is_read_again(tmp_path):
    path = shutil.copy(SAMPLES / "district.xlsx", tmp_path / "list.xlsx")
    prefetch.start(["import", str(path)])
    shutil.copy(SAMPLES / "combined.xlsx", path)  # another list under the same name
    assert prefetch.take(Path(path)) is None


def test_only_an_import_of_an_xlsx_file_is_read_ahead(tmp_path):
    for argv in (
        ["honourees", "--ceremony", "1"],
        ["import", str(SAMPLES / "simple.csv")],
        ["import", str(SAMPLES / "district-lo.xls")],
        ["import", str(tmp_path / "missing.xlsx")],
        ["import"],
    ):
        prefetch.start(argv)
        assert prefetch._started is None, argv


@pytest.mark.parametrize("name", sorted(hostile_files.HOSTILE))
def test_a_hostile_sheet_is_not_read_ahead(tmp_path, name):
    path = hostile_files.HOSTILE[name](tmp_path / name)
    if path.suffix != ".xlsx":
        return
    # The child's guard: the same check the parent makes before it asks for cells.
    chosen = prefetch._Chooser(None)(str(path), list(sheet_parts(ZipFile(path))), [])
    assert chosen is not None
    with pytest.raises(UserError, match="250.000 dòng hoặc 200 cột"):
        chosen[2]()


def test_a_sheet_its_guard_refuses_is_refused_so_even_when_the_parse_ends_the_child_first(
    tmp_path, monkeypatch
):
    """The child checks the sheet while another thread parses it; here the parse ends the
    child before the check is done. The file is still refused as too big (the parent makes
    the check itself), not as a broken file."""
    import os
    import signal

    import python_calamine

    real = python_calamine.CalamineWorkbook

    class _Dies:
        def __init__(self, workbook) -> None:  # type: ignore[no-untyped-def]
            self.sheet_names = workbook.sheet_names
            self.sheets_metadata = workbook.sheets_metadata

        def get_sheet_by_name(self, name: str) -> None:
            os.kill(os.getpid(), signal.SIGKILL)  # a reader abort, at once

    class Dying:
        @staticmethod
        def from_path(path: str) -> _Dies:
            return _Dies(real.from_path(path))

    guard = prefetch._guard

    def slow_guard(*args):  # type: ignore[no-untyped-def]
        import time

        time.sleep(1.0)  # the parse thread ends the child meanwhile
        return guard(*args)

    path = hostile_files.far_cell_attributes_swapped(tmp_path / "far.xlsx")
    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Dying)
    monkeypatch.setattr(prefetch, "_guard", slow_guard)
    prefetch.start(["import", str(path)])
    source = Source(path)
    try:
        assert source._workbook is not None and source._workbook._reads_ahead
        with pytest.raises(UserError, match="250.000 dòng hoặc 200 cột"):
            source.load("DS")
    finally:
        source.close()


def test_a_whole_process_answers_as_one_without_read_ahead(cli, cli_process, tmp_path):
    """`python -m kx_ceremony import` reads ahead; the in-process call (pytest's argv) does
    not: both print the same report and store the same rows."""
    outputs, stores = [], []
    for run, name in ((cli_process, "ahead.sqlite"), (cli, "plain.sqlite")):
        store = tmp_path / name
        made = run("new-ceremony", "--title", "T", "--date", "2023-01-05", db=store)
        assert made.status == 0
        done = run("import", str(SAMPLES / "district.xlsx"), "--ceremony", "1", db=store)
        assert done.status == 0, done.err
        outputs.append(done.out.strip())
        stores.append(store)
    assert outputs[0] == outputs[1]
    listing = [cli("honourees", "--ceremony", "1", "--format", "json", db=s).out for s in stores]
    assert listing[0] == listing[1] and "Đã nhập" in outputs[0]
