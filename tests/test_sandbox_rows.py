"""A sheet's rows sent by the reader child in chunks (core/sandbox_rows.py): the same
cells as calamine gives in one piece, and a child that dies, hangs or lies half-way
through them is refused as any other failed read: one line, nothing stored, no child
left behind; Ctrl+C stays Ctrl+C."""

from __future__ import annotations

import datetime
import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from import_files import HEADER, SAMPLES, person, store_fingerprint, write_xlsx
from openpyxl import Workbook as OpenpyxlWorkbook

from kx_ceremony.core import sandbox, sandbox_rows
from kx_ceremony.core.importing.sheets import SHEET_LIMITS
from kx_ceremony.core.sandbox_rows import SheetRows

BROKEN = "tệp hỏng hoặc quá lớn"
ROWS = 600  # more than the header search and the column samples read (40 + 300)


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(sandbox_rows, "FIRST_CHUNK", 4)
    monkeypatch.setattr(sandbox_rows, "CHUNK_ROWS", 7)


@pytest.fixture
def ceremony(cli) -> str:
    result = cli("new-ceremony", "--title", "T", "--date", "2023-01-05")
    assert result.status == 0
    return result.last_line


@pytest.fixture
def long_list(tmp_path) -> Path:
    people = [person(i, f"Nguyễn Văn Số {i}") for i in range(1, ROWS + 1)]
    for i, row in enumerate(people):
        row[2] = 1960 + i % 40  # (person's year grows with its number)
    return write_xlsx(tmp_path / "long.xlsx", [HEADER, *people])


def _sheets_that(monkeypatch, after_rows: int, action=None, claims_end=None) -> None:  # type: ignore[no-untyped-def]
    """The child's calamine: real cells, but ``action`` runs once ``after_rows`` rows have
    been converted, and the sheet's used area may claim another end (``claims_end``)."""
    import python_calamine

    real = python_calamine.CalamineWorkbook

    class Sheet:
        def __init__(self, sheet) -> None:  # type: ignore[no-untyped-def]
            self._sheet = sheet

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self._sheet, name)

        @property
        def end(self):  # type: ignore[no-untyped-def]
            return claims_end if claims_end is not None else self._sheet.end

        def iter_rows(self):  # type: ignore[no-untyped-def]
            for number, row in enumerate(self._sheet.iter_rows()):
                if number == after_rows and action is not None:
                    action()
                yield row

    class Hostile:
        def __init__(self, workbook) -> None:  # type: ignore[no-untyped-def]
            self._workbook = workbook

        @staticmethod
        def from_path(path):  # type: ignore[no-untyped-def]
            return Hostile(real.from_path(path))

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(self._workbook, name)

        def get_sheet_by_name(self, name: str) -> Sheet:
            return Sheet(self._workbook.get_sheet_by_name(name))

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Hostile)


def _no_children_left() -> None:
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def _one_line(text: str, path: Path) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert path.name in lines[0] and "Traceback" not in text
    return lines[0]


def _calamine_cells(path: Path, name: str) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    return (
        CalamineWorkbook.from_path(str(path))
        .get_sheet_by_name(name)
        .to_python(skip_empty_area=False)
    )


# ---------------------------------------------------------------------------
# The same cells


def _offset_table(path: Path) -> Path:
    """A table that starts at C3, with empty rows inside, and cells of every kind."""
    wb = OpenpyxlWorkbook()
    ws = wb.active
    ws.title = "DS"
    ws["C3"], ws["D3"], ws["E3"] = "Họ và tên", "Ngày sinh", "Đạt"
    for i in range(4, 60):
        if i % 9 == 0:
            continue  # an empty row inside the table
        ws.cell(i, 3, f"Người {i}")
        ws.cell(i, 4, datetime.date(1980, 1 + i % 12, 1 + i % 28))
        ws.cell(i, 5, i % 2 == 0)
        ws.cell(i, 7, i * 1.5)  # a column past an empty one
    wb.save(path)
    return path


@pytest.mark.parametrize("chunks", ["default", "small"])
def test_the_rows_sent_in_chunks_are_the_cells_calamine_gives(tmp_path, request, chunks):
    if chunks == "small":
        request.getfixturevalue("small_chunks")
    files = [
        _offset_table(tmp_path / "offset.xlsx"),
        SAMPLES / "district.xlsx",
        SAMPLES / "district-lo.xls",
        SAMPLES / "combined-lo.ods",
    ]
    for path in files:
        workbook = sandbox.Workbook(str(path))
        try:
            for name in workbook.sheet_names:
                rows = workbook.rows(name, SHEET_LIMITS)
                expected = _calamine_cells(path, name)
                assert len(rows) == len(expected)
                assert list(rows) == expected, path.name
        finally:
            workbook.close()
    _no_children_left()


def test_a_sheet_asked_for_while_another_still_arrives_leaves_both_whole(tmp_path, small_chunks):
    path = tmp_path / "two.xlsx"
    wb = OpenpyxlWorkbook()
    first = wb.active
    first.title = "A"
    for i in range(1, 51):
        first.append([i, f"dòng {i}"])
    wb.create_sheet("B").append(["chỉ một dòng"])
    wb.save(path)
    workbook = sandbox.Workbook(str(path))
    try:
        a = workbook.rows("A", SHEET_LIMITS)
        assert a[0] == [1, "dòng 1"]  # only the first chunk has come
        b = workbook.rows("B", SHEET_LIMITS)
        assert list(b) == [["chỉ một dòng"]]
        assert list(a) == _calamine_cells(path, "A") and len(a) == 50
    finally:
        workbook.close()


def test_sheet_rows_read_only_what_is_asked_and_index_as_a_list():
    cells = [[i, f"r{i}"] for i in range(10)]
    pulls: list[int] = []

    def pull() -> list[list[object]]:
        at = sum(pulls)
        pulls.append(3 if at < 9 else 1)
        return cells[at : at + pulls[-1]]

    rows = SheetRows(len(cells), pull)
    assert len(rows) == 10 and pulls == []
    assert rows[1] == cells[1] and pulls == [3]
    assert rows[2:5] == cells[2:5] and pulls == [3, 3]
    assert not rows.complete
    assert rows[-1] == cells[-1] and rows.complete
    for at in (slice(None), slice(3, None, 2), slice(None, None, -1), slice(-4, -1)):
        assert rows[at] == cells[at]
    assert list(rows) == cells and rows == cells
    with pytest.raises(IndexError):
        rows[10]


# ---------------------------------------------------------------------------
# A child failing half-way


@pytest.mark.parametrize("after", [12, ROWS - 50], ids=["in-the-header-search", "in-the-rows"])
@pytest.mark.parametrize(
    "action",
    [
        pytest.param(lambda: os.kill(os.getpid(), signal.SIGKILL), id="sigkill"),
        pytest.param(os.abort, id="abort"),
        pytest.param(lambda: os._exit(1), id="exit"),
    ],
)
def test_a_child_dying_half_way_through_its_rows_is_one_line_and_stores_nothing(
    monkeypatch, cli, store_path, ceremony, long_list, small_chunks, after, action
):
    before = store_fingerprint(store_path)
    _sheets_that(monkeypatch, after, action)
    done = cli("import", str(long_list), "--ceremony", ceremony, "--add-awards")
    assert done.status == 2
    assert BROKEN in _one_line(done.err, long_list)
    assert store_fingerprint(store_path) == before
    _no_children_left()
    monkeypatch.undo()  # the same file, read by a child that does not die: stored
    assert cli("import", str(long_list), "--ceremony", ceremony, "--add-awards").status == 0
    assert store_fingerprint(store_path)[1] == before[1] + ROWS


def test_a_child_hanging_half_way_is_refused_at_its_time_limit(
    monkeypatch, store, demo_id, long_list, small_chunks
):
    from kx_ceremony.core.errors import UserError
    from kx_ceremony.core.importing import preview_import

    monkeypatch.setattr(sandbox, "TIME_LIMIT", 1.0)
    _sheets_that(monkeypatch, ROWS - 50, lambda: time.sleep(10**6))
    with pytest.raises(UserError) as caught:
        preview_import(store, demo_id, long_list)
    assert BROKEN in _one_line(caught.value.message, long_list)
    _no_children_left()


def test_ctrl_c_while_the_rows_arrive_is_still_ctrl_c(
    monkeypatch, store, demo_id, long_list, small_chunks
):
    from kx_ceremony.core.importing import preview_import

    _sheets_that(monkeypatch, ROWS - 50, lambda: time.sleep(10**6))
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            preview_import(store, demo_id, long_list)
    finally:
        timer.cancel()
    _no_children_left()


@pytest.mark.parametrize(
    ("claims_end", "logged"),
    [
        ((5, 6), "sent rows it had not announced"),
        ((SHEET_LIMITS.rows + 10, 6), f"announced {SHEET_LIMITS.rows + 11} rows"),
        ((ROWS + 100, 6), "no answer within"),
    ],
    ids=["fewer-than-it-sends", "past-the-limits", "more-than-it-sends"],
)
def test_a_child_whose_rows_do_not_add_up_is_refused(
    monkeypatch, store, demo_id, long_list, small_chunks, caplog, claims_end, logged
):
    """The parent holds the child to the count it announced, and the count to the
    limits it asked for; a stream that stops short meets the time limit."""
    from kx_ceremony.core.errors import UserError
    from kx_ceremony.core.importing import preview_import

    monkeypatch.setattr(sandbox, "TIME_LIMIT", 1.0)
    _sheets_that(monkeypatch, 0, claims_end=claims_end)
    with pytest.raises(UserError) as caught:
        preview_import(store, demo_id, long_list)
    assert BROKEN in _one_line(caught.value.message, long_list)
    assert logged in caplog.text  # (why, for whoever reads the log)
    _no_children_left()
