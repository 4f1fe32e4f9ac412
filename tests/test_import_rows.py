"""Row problems, --dry-run, --skip-invalid, duplicates, CSV encodings and award matching."""

from __future__ import annotations

import pytest
from import_files import (
    HEADER,
    SAMPLES,
    honourees_in_file_order,
    person,
    store_fingerprint,
    windows_1258,
)
from import_files import write_xlsx as xlsx


@pytest.fixture
def ceremony(cli) -> str:
    result = cli("new-ceremony", "--title", "T", "--date", "2023-01-05")
    assert result.status == 0
    return result.last_line


def test_problems_name_sheet_row_column_and_what_to_do(cli, ceremony, store_path, tmp_path):
    path = xlsx(
        tmp_path / "mixed.xlsx",
        [
            HEADER,
            person(1, "Nguyễn Văn An"),
            person(2, "Trần Văn Bình", award="Bằng khen"),  # two forms fit
            person(3, "Lê Văn Cường", award="Kỷ niệm chương"),  # none fits
            [4, "Phạm Thị Dung", 1880, "Nữ", "Giáo viên", "Trường THCS", "Giấy khen huyện"],
            [5, "Hồ Văn Em", 1985, "Nam", "Kế toán", "UBND xã", ""],
        ],
    )
    before = store_fingerprint(store_path)
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 2
    assert result.last_line == "Đã nhập 0, bỏ qua 5"
    assert len(result.err.strip().splitlines()) == 1
    out = result.out
    assert (
        "1 dòng (dòng 5), cột G «Hình thức khen thưởng»: «Bằng khen» khớp với nhiều hình "
        "thức khen thưởng; hãy ghi rõ (hoặc chọn cho giá trị này) một trong: «Bằng khen của "
        "Thủ tướng Chính phủ», «Bằng khen của Chủ tịch UBND tỉnh»." in out
    )
    assert (
        "1 dòng (dòng 6), cột G «Hình thức khen thưởng»: «Kỷ niệm chương» chưa có trong danh "
        "mục hình thức khen thưởng của buổi lễ" in out
    )
    assert "«Kỷ niệm chương» (1 dòng): chưa có trong danh mục của buổi lễ" in out
    assert "1 dòng (dòng 7), cột C «Năm sinh»: «1880» không hợp lệ: năm sinh phải từ 1900" in out
    assert "1 dòng (dòng 8), cột G «Hình thức khen thưởng»: chưa có hình thức khen thưởng" in out
    assert store_fingerprint(store_path) == before


def test_problems_are_grouped_by_cause_on_one_screen(cli, ceremony, store_path, tmp_path):
    rows = [
        [i, f"Nguyễn Văn {chr(65 + i % 26)}{i}", 1980, "Nam", "", "UBND xã", "Giấy khen HT"]
        for i in range(1, 400)
    ]
    rows += [[400 + i, f"Lê Văn B{i}", 1880, "Nam", "", "UBND xã", "GK huyện"] for i in range(3)]
    path = xlsx(tmp_path / "many.xlsx", [HEADER, *rows])
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 2
    assert (
        "399 dòng (dòng 4, 5, 6, 7, 8 …), cột G «Hình thức khen thưởng»: «Giấy khen HT» chưa "
        "có trong danh mục" in result.out
    )
    assert "3 dòng (dòng 403, 404, 405), cột C «Năm sinh»: «1880» không hợp lệ" in result.out
    assert len(result.out.splitlines()) < 30
    assert len(result.err.strip().splitlines()) == 1


def test_skip_invalid_stores_the_valid_rows(cli, ceremony, store_path, tmp_path):
    path = xlsx(
        tmp_path / "skip.xlsx",
        [
            HEADER,
            person(1, "Nguyễn Văn An"),
            person(2, "Trần Văn Bình", award="??"),
            person(3, "Lê Văn Cường", award="BK TTg"),
        ],
    )
    result = cli("import", str(path), "--ceremony", ceremony, "--skip-invalid")
    assert result.status == 0, result.err
    assert result.last_line == "Đã nhập 2, bỏ qua 1"
    assert "dòng 5" in result.out
    stored = honourees_in_file_order(store_path, int(ceremony))
    assert [(h["name"], h["level"]) for h in stored] == [
        ("Nguyễn Văn An", "huyen"),
        ("Lê Văn Cường", "ttg"),
    ]


def test_dry_run_stores_nothing(cli, ceremony, store_path):
    before = store_fingerprint(store_path)
    result = cli("import", str(SAMPLES / "district.xlsx"), "--ceremony", ceremony, "--dry-run")
    assert result.status == 0, result.err
    assert result.last_line == "Đã nhập 26, bỏ qua 0"
    assert "không lưu gì" in result.out
    assert store_fingerprint(store_path) == before


def test_duplicates_in_the_file_and_in_the_ceremony(cli, ceremony, store_path, tmp_path):
    first = xlsx(tmp_path / "first.xlsx", [HEADER, person(1, "Nguyễn Văn An")])
    assert cli("import", str(first), "--ceremony", ceremony).status == 0
    unit, award = "UBND xã Vũ Quý", "Giấy khen huyện"
    second = xlsx(
        tmp_path / "second.xlsx",
        [
            HEADER,
            person(1, "NGUYỄN VĂN AN"),  # already stored: case aside, same unit and year
            [2, "Trần Văn Bình", 1982, "Nam", "", unit, award],
            [3, "Trần  văn bình", 1982, "Nam", "", unit, award],  # the row above again
            [4, "Tran Van Binh", 1982, "Nam", "", unit, award],  # other marks: another name
            [5, "Trần Văn Bình", 1990, "Nam", "", unit, award],  # another birth year
            [6, "Trần Văn Bình", "", "Nam", "", unit, award],  # no year: likely, a warning
            [7, "Trần Văn Bình", 1982, "Nam", "", "UBND xã Lê Lợi", award],  # a namesake
        ],
    )
    result = cli("import", str(second), "--ceremony", ceremony, "--skip-invalid")
    assert result.status == 0, result.err
    out = result.out
    assert (
        "1 dòng (dòng 4), cột B «Họ và tên»: «Nguyễn Văn An» đã có trong danh sách buổi lễ này "
        "(cùng tên, cùng đơn vị, cùng năm sinh)" in out
    )
    assert (
        "1 dòng (dòng 6), cột B «Họ và tên»: «Trần văn bình» trùng với dòng 5 (cùng tên, cùng "
        "đơn vị, cùng năm sinh)" in out
    )
    warnings = out.split("Cần xem lại (vẫn nhập):", 1)[1]
    assert "1 dòng (dòng 9), cột B «Họ và tên»: «Trần Văn Bình» có thể trùng với dòng 5" in warnings
    assert result.last_line == "Đã nhập 5, bỏ qua 2"
    assert len(honourees_in_file_order(store_path, int(ceremony))) == 6


def test_tone_marks_make_different_people_and_tone_placement_does_not(
    cli, ceremony, store_path, tmp_path
):
    unit, award = "UBND xã Vũ Quý", "Giấy khen huyện"
    path = xlsx(
        tmp_path / "marks.xlsx",
        [
            HEADER,
            [1, "Phạm Thị Hương", 1980, "Nữ", "", unit, award],
            [2, "Phạm Thị Hường", 1980, "Nữ", "", unit, award],
            [3, "Phạm Thị Hưởng", 1980, "Nữ", "", unit, award],
            [4, "Lê Thị Hòa", 1975, "Nữ", "", unit, award],
            [5, "LÊ THỊ HOÀ", 1975, "Nữ", "", unit, award],  # hoà/hòa: the same name
        ],
    )
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 2
    assert "«Lê Thị Hoà» trùng với dòng 7" in result.out
    assert "Hương" not in result.out.split("Có lỗi", 1)[1]
    assert result.last_line == "Đã nhập 0, bỏ qua 5"


def test_error_cells_and_formulas_without_value_are_reported_by_cell(cli, ceremony, tmp_path):
    path = xlsx(
        tmp_path / "formulas.xlsx",
        [
            HEADER,
            person(1, "Nguyễn Văn An"),
            person(2, "=VLOOKUP(A4,Sheet2!A:B,2,0)"),
            person(3, "Lê Văn Cường", award="#N/A"),
        ],
    )
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 2
    assert "1 dòng (dòng 5), cột B «Họ và tên»: là công thức chưa có giá trị" in result.out
    assert "1 dòng (dòng 6), cột G «Hình thức khen thưởng»: «#N/A» là ô lỗi" in result.out


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("utf-8", ",", True), ("utf-8", ";", False), ("cp1258", ";", False), ("cp1258", ",", False)],
)
def test_csv_encodings_and_separators(
    cli, ceremony, store_path, tmp_path, encoding, delimiter, bom
):
    lines = [
        delimiter.join(
            ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Đơn vị", "Hình thức khen thưởng"]
        ),
        delimiter.join(
            ["1", "Bà Đặng Thị Hương", "1975", "Nữ", "UBND xã Vũ Quý", "Bằng khen UBND tỉnh"]
        ),
        delimiter.join(
            ["2", "TRƯƠNG VĂN ĐỨC", "12/05/1980", "Nam", "Phòng Nội vụ", "Giấy khen huyện"]
        ),
    ]
    text = "\r\n".join(lines)
    data = windows_1258(text) if encoding == "cp1258" else text.encode(encoding)
    path = tmp_path / "list.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 0, result.out + result.err
    assert ("Windows-1258" in result.out) == (encoding == "cp1258")
    stored = honourees_in_file_order(store_path, int(ceremony))
    assert [(h["name"], h["gender"], h["birth_year"], h["level"]) for h in stored] == [
        ("Đặng Thị Hương", "female", 1975, "tinh"),
        ("Trương Văn Đức", "male", 1980, "huyen"),
    ]


def test_kind_from_names_and_award_kinds(cli, ceremony, store_path, tmp_path):
    path = xlsx(
        tmp_path / "kinds.xlsx",
        [
            ["STT", "Tên tập thể/cá nhân", "Chức vụ", "Hình thức khen thưởng"],
            [1, "UBND xã Vũ Quý", "", "Cờ thi đua của UBND tỉnh"],
            [2, "Gia đình ông Lê Văn Hải", "", "Giấy khen huyện"],
            [3, "Đại tá Lê Văn Tiến", "Chỉ huy trưởng", "BK tỉnh"],
            [4, "Trần Thị Mai", "Giáo viên", "Cờ thi đua tỉnh"],  # a flag is for collectives
        ],
    )
    result = cli("import", str(path), "--ceremony", ceremony, "--skip-invalid")
    assert result.status == 0, result.err
    assert "«Cờ thi đua của UBND tỉnh» chỉ dành cho tập thể" in result.out
    stored = honourees_in_file_order(store_path, int(ceremony))
    assert [(h["name"], h["kind"], h["level"]) for h in stored] == [
        ("UBND xã Vũ Quý", "collective", "co-tinh"),
        ("Gia đình ông Lê Văn Hải", "household", "huyen"),
        ("Lê Văn Tiến", "individual", "tinh"),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("BK Thủ tướng CP", "ttg"),
        ("Bằng khen của TTg", "ttg"),
        ("bằng khen thủ tướng chính phủ", "ttg"),
        ("BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH THÁI BÌNH", "tinh"),
        ("Bằng khen UBND tỉnh", "tinh"),
        ("Giấy khen huyện", "huyen"),
        ("GK", "huyen"),
        ("Giấy khen của Chủ tịch Ủy ban nhân dân huyện", "huyen"),
        ("Bằng khen", None),
        ("Cờ thi đua", None),
        ("Huy hiệu", None),
    ],
)
def test_award_matching(store, demo_id, text, code):
    from kx_ceremony.core.importing.award_matching import AwardMatcher
    from kx_ceremony.core.services.awards import list_award_forms

    match = AwardMatcher(list_award_forms(store, demo_id)).match(text)
    assert (match.form.code if match.form else None) == code
    if code is None:
        assert match.candidates


def test_mapping_override_and_preview_api(store, demo_id, tmp_path):
    from kx_ceremony.core.importing import preview_import

    path = xlsx(
        tmp_path / "odd.xlsx",
        [["STT", "Họ và tên", "Nơi ở", "Khen"], [1, "Nguyễn Văn An", "Thôn Đông", "GK huyện"]],
    )
    preview = preview_import(store, demo_id, path)
    assert {c.letter: c.field for c in preview.columns} == {
        "A": "stt",
        "B": "name",
        "C": None,
        "D": "award",
    }
    assert preview.ignored_columns[0].header == "Nơi ở"
    assert preview.rows[0].unit == ""
    unmapped = preview_import(store, demo_id, path, mapping_overrides={"D": None})
    assert "chưa có hình thức khen thưởng" in unmapped.rows[0].problems[0].message
    preview = preview_import(store, demo_id, path, mapping_overrides={"C": "unit", 3: "award"})
    row = preview.rows[0]
    assert (row.unit, row.award_code, row.problems) == ("Thôn Đông", "huyen", ())
    assert preview.table.header_rows == (3,)


def test_progress_and_cancel(store, demo_id):
    from kx_ceremony.core.errors import Cancelled
    from kx_ceremony.core.importing import run_import

    seen: list[tuple[int, int, str]] = []
    result = run_import(
        store, demo_id, SAMPLES / "combined.xlsx", progress=lambda *a: seen.append(a)
    )
    assert result.imported == 19 and result.stored
    assert seen and {s for _, _, s in seen} >= {"Đang đọc tệp", "Đang lưu"}
    with pytest.raises(Cancelled):
        run_import(store, demo_id, SAMPLES / "district.xlsx", cancel=lambda: True)


def test_group_rows_set_kind_and_award_when_there_is_no_award_column(
    cli, ceremony, store_path, tmp_path
):
    path = xlsx(
        tmp_path / "groups.xlsx",
        [
            ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị"],
            ["A", "BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ", None, None, None],
            ["I", "Tập thể", None, None, None],
            [1, "Phòng Nội vụ huyện", None, None, None],
            ["II", "Cá nhân", None, None, None],
            [1, "Ông Nguyễn Văn An", 1970, "Trưởng phòng", "Phòng Nội vụ huyện"],
            ["B", "GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN", None, None, None],
            [1, "Trần Thị Bình", 1985, "Chuyên viên", "UBND xã Vũ Quý"],
            [],
            [None, "NGƯỜI LẬP BIỂU", None, "THỦ TRƯỞNG ĐƠN VỊ", None],
            [None, "Lê Văn Cường", None, "Phạm Văn Dũng", None],
        ],
    )
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 0, result.out + result.err
    assert result.last_line == "Đã nhập 3, bỏ qua 0"
    stored = honourees_in_file_order(store_path, int(ceremony))
    assert [(h["name"], h["kind"], h["gender"], h["level"]) for h in stored] == [
        ("Phòng Nội vụ huyện", "collective", None, "ttg"),
        ("Nguyễn Văn An", "individual", "male", "ttg"),
        ("Trần Thị Bình", "individual", None, "huyen"),
    ]


def test_sheet_is_found_or_chosen(cli, ceremony, store_path, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    cover = wb.active
    cover.title = "Tờ trình"
    cover.append(["Kính gửi: Hội đồng Thi đua - Khen thưởng huyện"])
    for title, name in (("Đợt 1", "Nguyễn Văn An"), ("Đợt 2", "Trần Văn Bình")):
        ws = wb.create_sheet(title)
        ws.append(HEADER)
        ws.append(person(1, name))
    path = tmp_path / "sheets.xlsx"
    wb.save(path)
    first = cli("import", str(path), "--ceremony", ceremony, "--dry-run")
    assert first.status == 0, first.err
    assert "Trang «Đợt 1»" in first.out
    chosen = cli("import", str(path), "--ceremony", ceremony, "--sheet", "đợt 2")
    assert chosen.status == 0, chosen.err
    assert [h["name"] for h in honourees_in_file_order(store_path, int(ceremony))] == [
        "Trần Văn Bình"
    ]


def test_unknown_ceremony_is_refused(cli, tmp_path):
    cli("new-ceremony", "--title", "T", "--date", "2023-01-05")
    result = cli("import", str(SAMPLES / "simple.csv"), "--ceremony", "99")
    assert result.status == 2
    assert "99" in result.err


def test_hidden_sheet_is_not_preferred(store, demo_id, tmp_path):
    from openpyxl import Workbook

    from kx_ceremony.core.importing import preview_import

    wb = Workbook()
    lookup = wb.active
    lookup.title = "Tra cứu"
    lookup.append(HEADER)
    lookup.append(person(1, "Người Trong Bảng Ẩn"))
    lookup.sheet_state = "hidden"
    visible = wb.create_sheet("Danh sách")
    visible.append(HEADER)
    visible.append(person(1, "Nguyễn Văn An"))
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    preview = preview_import(store, demo_id, path)
    assert preview.sheet == "Danh sách"
    assert preview.sheets == ("Tra cứu", "Danh sách")


def test_flagged_cells_reads_errors_and_formulas_without_value():
    from kx_ceremony.core.importing.xlsx_parts import NO_CACHED_VALUE, flagged_cells

    xml = (
        b'<sheetData><row r="2"><c r="A2"><f>1+1</f><v>2</v></c>'
        b'<c r="B2" t="e"><f>VLOOKUP(A2,X!A:B,2,0)</f><v>#N/A</v></c>'
        b'<c r="C2"><f>A2*2</f><v></v></c><c r="AB2"><f>A2</f></c>'
        b'<c r="D2" t="s"><v>3</v></c></row></sheetData>'
    )
    assert flagged_cells(xml) == {
        (1, 1): "#N/A",
        (1, 2): NO_CACHED_VALUE,
        (1, 27): NO_CACHED_VALUE,
    }
