"""`export`: workbooks that reopen with every honouree, text cells only, written whole."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.exporting import FULL_LIST_SHEET, SheetNames, export_honourees
from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree, list_honourees

HOSTILE = [
    '=HYPERLINK("http://example.com","bấm vào đây")',
    "=1+1",
    "+84912345678",
    "-Nguyễn Văn Trừ",
    "@SUM(A1:A9)",
    "#N/A",
    "#REF!",
    "=cmd|' /C calc'!A0",
]


def _text_cells(sheet) -> list:
    return [c for row in sheet.iter_rows() for c in row if c.value is not None]


def _assert_no_formula_parts(path: Path) -> None:
    """Looking at the raw file too: no <f> element, no hyperlink relationship."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name).decode("utf-8", "replace")
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in data and "<f " not in data, name
                assert "<hyperlink" not in data, name
                assert 't="e"' not in data, name
            assert "hyperlink" not in name.lower()


def test_demo_exports_every_honouree_per_award_form(store, demo_id, cli, tmp_path: Path) -> None:
    out = tmp_path / "danh sách.xlsx"
    result = cli("export", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 0, result.err
    assert result.last_line == str(out)

    honourees = list_honourees(store, demo_id)
    forms = {f.id: f for f in list_award_forms(store, demo_id)}
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == FULL_LIST_SHEET
    full = book[FULL_LIST_SHEET]
    header = [c.value for c in full[4]]
    assert header[:2] == ["STT", "Họ và tên / Tập thể"]
    listed = [full.cell(row=5 + i, column=2).value for i in range(len(honourees))]
    assert listed == [h.name for h in honourees]  # presentation order kept
    assert full.cell(row=5 + len(honourees), column=2).value is None

    used_forms = {h.award_form_id for h in honourees}
    assert len(book.sheetnames) == 1 + len(used_forms)
    seen: list[str] = []
    for form_id in used_forms:
        form = forms[form_id]
        sheet = book[form.short_name]
        assert form.full_name.upper() in sheet["A1"].value
        members = [h.name for h in honourees if h.award_form_id == form_id]
        names = [sheet.cell(row=5 + i, column=2).value for i in range(len(members))]
        assert names == members
        assert [sheet.cell(row=5 + i, column=1).value for i in range(len(members))] == list(
            range(1, len(members) + 1)
        )
        seen += names
    assert sorted(seen) == sorted(h.name for h in honourees)

    for sheet in book:
        assert len(sheet.title) <= 31
        for cell in _text_cells(sheet):
            assert cell.font.name == "Times New Roman"
            assert cell.data_type in ("s", "n"), (sheet.title, cell.coordinate)
        widths = [sheet.column_dimensions[c].width for c in "ABCDE"]
        assert all(4 <= w <= 60 for w in widths)
    # Rows grow with wrapped text: the Prime Minister's long citation takes two lines.
    long_row = next(i for i, h in enumerate(honourees) if len(h.achievement) > 100)
    assert full.row_dimensions[5 + long_row].height >= 2 * 15
    # The achievement column is wide, the STT column narrow.
    assert full.column_dimensions["A"].width < full.column_dimensions["I"].width
    _assert_no_formula_parts(out)


def test_hostile_names_stay_text(store, demo_id, tmp_path: Path) -> None:
    form = list_award_forms(store, demo_id)[-1]
    for number, name in enumerate(HOSTILE):
        add_honouree(
            store,
            demo_id,
            HonoureeInput(
                name=name,
                award_form_id=form.id,
                kind=form.kinds[0] if form.kinds else "individual",
                unit=f"=A{number}",
                position="-",
                achievement="@" + name,
            ),
        )
    out = export_honourees(store, demo_id, tmp_path / "hostile.xlsx")
    # Names are stored as the service cleans them (a name in capitals is re-cased).
    stored = [h for h in list_honourees(store, demo_id) if h.unit.startswith("=A")]
    assert len(stored) == len(HOSTILE)
    assert {h.name[0] for h in stored} == {"=", "+", "-", "@", "#"}
    assert "=1+1" in {h.name for h in stored} and "#N/A" in {h.name for h in stored}
    book = openpyxl.load_workbook(out)
    values = {c.value: c for sheet in book for c in _text_cells(sheet)}
    for h in stored:
        cell = values[h.name]
        assert cell.data_type == "s" and cell.hyperlink is None, h.name
        assert values[h.achievement].data_type == "s"
        assert values[h.unit].data_type == "s"
    assert values["=A0"].data_type == "s" and values["-"].data_type == "s"
    _assert_no_formula_parts(out)
    # The values come back as text through a second reader as well.
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name(FULL_LIST_SHEET).to_python()
    assert {r[1] for r in rows} >= {h.name for h in stored}


def test_sheet_names_are_valid_and_unique() -> None:
    names = SheetNames()
    got = [
        names.claim("Toàn bộ danh sách"),
        names.claim("toàn bộ DANH SÁCH"),
        names.claim("Bằng khen: Chủ tịch/UBND [tỉnh]?*"),
        names.claim("x" * 40),
        names.claim("x" * 40),
        names.claim("'Quoted'"),
        names.claim("History"),
        names.claim("   "),
    ]
    assert got[0] == "Toàn bộ danh sách"
    assert got[1] == "toàn bộ DANH SÁCH (2)"
    assert got[2] == "Bằng khen- Chủ tịch-UBND -tỉnh-"
    assert got[3] == "x" * 31 and got[4] == "x" * 27 + " (2)"
    assert got[5] == "Quoted"
    assert got[6] == "History (2)"
    assert got[7] == "Danh sách"
    assert len({g.casefold() for g in got}) == len(got)
    assert all(len(g) <= 31 and not set(g) & set("[]:*?/\\") for g in got)


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """A folder for outputs only (the store and its WAL files live in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _old_file(path: Path) -> bytes:
    path.write_bytes(b"old workbook, must survive")
    return path.read_bytes()


def test_read_only_target_is_refused_and_kept(cli, demo_id, outdir: Path) -> None:
    out = outdir / "locked.xlsx"
    before = _old_file(out)
    out.chmod(stat.S_IRUSR | stat.S_IRGRP)
    result = cli("export", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 2
    assert "chỉ đọc" in result.err and str(out) in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1
    assert out.read_bytes() == before
    assert sorted(p.name for p in outdir.iterdir() if "partial" in p.name) == []


def test_target_held_open_elsewhere_is_refused_and_kept(
    store, demo_id, outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a workbook Excel holds open: simulated by os.replace."""
    out = outdir / "open-in-excel.xlsx"
    before = _old_file(out)

    def locked(src, dst):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr("kx_ceremony.core.atomic_file.os.replace", locked)
    with pytest.raises(UserError, match="đang mở trong chương trình khác"):
        export_honourees(store, demo_id, out)
    assert out.read_bytes() == before
    assert [p.name for p in outdir.iterdir()] == [out.name]  # no partial file left


def test_failure_while_writing_leaves_no_half_file(
    store, demo_id, outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = outdir / "full-disk.xlsx"
    before = _old_file(out)

    def write_half_then_fail(self: Path, data: bytes) -> int:
        with open(self, "wb") as half:
            half.write(data[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", write_half_then_fail)
    with pytest.raises(UserError, match="No space left on device"):
        export_honourees(store, demo_id, out)
    assert out.read_bytes() == before
    assert [p.name for p in outdir.iterdir()] == [out.name]

    fresh = outdir / "new.xlsx"
    with pytest.raises(UserError):
        export_honourees(store, demo_id, fresh)
    assert not fresh.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--ceremony", "1", "-o", "out.pdf"], "đuôi .xlsx"),
        (["--ceremony", "99", "-o", "out.xlsx"], "Không có buổi lễ số 99"),
        (["--ceremony", "1", "-o", "no-such-dir/out.xlsx"], "Không có thư mục"),
    ],
)
def test_bad_export_requests_get_one_line(
    cli, demo_id, outdir: Path, args: list[str], expected: str
) -> None:
    args = [a if not a.endswith((".pdf", ".xlsx")) else str(outdir / a) for a in args]
    result = cli("export", *args)
    assert result.status == 2
    assert expected in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_replacing_an_existing_export_works(store, demo_id, outdir: Path) -> None:
    out = outdir / "again.xlsx"
    _old_file(out)
    export_honourees(store, demo_id, out)
    assert openpyxl.load_workbook(out).sheetnames[0] == FULL_LIST_SHEET
    assert os.listdir(outdir) == [out.name]


def test_an_empty_ceremony_exports_its_title_and_headers(store, cli, outdir: Path) -> None:
    created = cli("new-ceremony", "--title", "Lễ chưa có ai", "--date", "2024-01-05")
    assert created.status == 0, created.err
    out = export_honourees(store, int(created.last_line), outdir / "empty.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [FULL_LIST_SHEET]
    sheet = book[FULL_LIST_SHEET]
    assert "LỄ CHƯA CÓ AI" in sheet["A1"].value
    assert sheet["A4"].value == "STT" and sheet["A5"].value is None


def test_form_sheets_show_kind_and_birth_year_only_where_useful(
    store, demo_id, outdir: Path
) -> None:
    out = export_honourees(store, demo_id, outdir / "cols.xlsx")
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets[1:]:
        header = [c.value for c in sheet[4] if c.value]
        names = [sheet.cell(row=r, column=2).value for r in range(5, sheet.max_row + 1)]
        rows = [h for h in list_honourees(store, demo_id) if h.name in names]
        assert ("Đối tượng" in header) == (len({r.kind for r in rows}) > 1), sheet.title
        assert ("Năm sinh" in header) == any(r.birth_year for r in rows), sheet.title
        assert header[0] == "STT" and header[-1] == "Thành tích"
