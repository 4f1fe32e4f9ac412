"""Layout traits of real lists, each in a small file made here: two-row headers with merged
groups, column-number rows, totals, signature blocks, whole-list choices read from the
title, columns that lie, kinds as words, restarting numbers, .xlsx bytes named .xls,
award values outside the catalogue, and import profiles remembered per header."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook


def sheet(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "DS"
    for row in rows:
        ws.append(row)
    for area in merges:
        ws.merge_cells(area)
    wb.save(path)
    return path


def people(store_path: Path, ceremony: str) -> list[tuple]:
    with sqlite3.connect(store_path) as conn:
        return conn.execute(
            "SELECT h.title, h.name, h.kind, h.unit, h.position, a.full_name FROM honourees h "
            "JOIN award_forms a ON a.id = h.award_form_id WHERE h.ceremony_id = ? ORDER BY h.id",
            (int(ceremony),),
        ).fetchall()


@pytest.fixture
def ceremony(cli) -> str:
    result = cli("new-ceremony", "--title", "T", "--date", "2023-01-05")
    assert result.status == 0
    return result.last_line


def test_school_list_title_unit_two_row_header_numbers_total_and_signatures(
    cli, ceremony, store_path, tmp_path
):
    path = sheet(
        tmp_path / "school.xlsx",
        [
            ["PHÒNG GD&ĐT KIẾN XƯƠNG", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["Đơn vị: Trường THCS Lê Lợi"],
            ["DANH SÁCH ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CHỦ TỊCH UBND HUYỆN NĂM HỌC 2022-2023"],
            ["STT", "Họ và tên", "Năm sinh", "", "Chức vụ"],
            ["", "", "Nam", "Nữ", ""],
            [1, 2, 3, 4, 5],
            [1, "Nguyễn Văn An", 1980, "", "Giáo viên"],
            [2, "Trần Thị Bình", "", 1985, "Tổ trưởng"],
            ["Tổng cộng", "2 người", "", "", ""],
            ["", "Người lập bảng", "", "Hiệu trưởng", ""],
            ["", "(Ghi rõ họ tên)", "", "(Ký, ghi rõ họ tên, đóng dấu)", ""],
            [],
            ["", "Lê Văn Cường", "", "Phạm Thị Dung", ""],
        ],
        merges=("C4:D4",),
    )
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 0, result.out + result.err
    assert "tiêu đề ở dòng 4, 5, 6" in result.out
    assert "Hình thức: Giấy khen của chủ tịch ubnd huyện (theo tiêu đề)" in result.out
    assert "Đơn vị: Trường THCS Lê Lợi (theo dòng «Đơn vị:» trên tiêu đề)" in result.out
    assert result.last_line == "Đã nhập 2, bỏ qua 0"
    award = "Giấy khen của Chủ tịch UBND huyện"
    assert people(store_path, ceremony) == [
        ("", "Nguyễn Văn An", "individual", "Trường THCS Lê Lợi", "Giáo viên", award),
        ("", "Trần Thị Bình", "individual", "Trường THCS Lê Lợi", "Tổ trưởng", award),
    ]


def test_columns_that_lie_and_kinds_from_names(cli, ceremony, store_path, tmp_path):
    path = sheet(
        tmp_path / "lies.xlsx",
        [
            [
                "STT",
                "Tên gọi (Ông/Bà/Chức danh)",
                "Tên tập thể/cá nhân",
                "Phân loại cán bộ",
                "Tên thành tích",
                "Họ và tên người ký",
                "Đơn vị công tác",
            ],
            [1, "Ông", "Trần Văn Hải", "Lãnh đạo cấp phòng", "Xuất sắc", "", "Sở Y tế"],
            [2, "Thượng tá", "Nguyễn Anh Ba", "Người trực tiếp", "Tốt", "", "Công an huyện"],
            [1, "", "Trường THCS Lê Lợi", "", "Tiên tiến", "", ""],  # numbering restarts
            [2, "", "Thôn Đông", "", "Tiên tiến", "", ""],
            [3, "", "Gia đình ông Lê Văn Hải", "", "", "", ""],
        ],
    )
    result = cli("import", str(path), "--ceremony", ceremony, "--award", "BK tỉnh")
    assert result.status == 0, result.out + result.err
    assert "cột C «Tên tập thể/cá nhân» → họ tên" in result.out
    assert "cột B «Tên gọi (Ông/Bà/Chức danh)» → danh xưng" in result.out
    assert "cột E «Tên thành tích» → thành tích" in result.out
    assert "→ phân loại" not in result.out  # «Phân loại cán bộ» is a staff category
    assert [(t, n, k) for t, n, k, *_ in people(store_path, ceremony)] == [
        ("Ông", "Trần Văn Hải", "individual"),
        ("Thượng tá", "Nguyễn Anh Ba", "individual"),
        ("", "Trường THCS Lê Lợi", "collective"),
        ("", "Thôn Đông", "collective"),
        ("", "Gia đình ông Lê Văn Hải", "household"),
    ]


def test_kinds_written_as_words_and_a_whole_list_kind(cli, ceremony, store_path, tmp_path):
    path = sheet(
        tmp_path / "kinds.xlsx",
        [
            ["Họ và tên", "Phân loại khen thưởng", "Hình thức"],
            ["Phòng Nội vụ", "Khen thưởng tập thể", "Bằng khen UBND tỉnh"],
            ["Lê Văn An", "Cá nhân", "Bằng khen UBND tỉnh"],
            ["Gia đình bà Hoa", "Hộ gia đình", "Bằng khen UBND tỉnh"],
        ],
    )
    assert cli("import", str(path), "--ceremony", ceremony).status == 0
    assert [k for _, _, k, *_ in people(store_path, ceremony)] == [
        "collective",
        "individual",
        "household",
    ]
    unnamed = sheet(
        tmp_path / "units.xlsx", [["Tên", "Ghi chú"], ["Ban Văn hóa", ""], ["Mỹ Lộc", "x"]]
    )
    result = cli(
        "import", str(unnamed), "--ceremony", ceremony, "--kind", "collective", "--award", "TTLĐXS"
    )
    assert result.status == 0, result.out + result.err
    assert [k for _, n, k, *_ in people(store_path, ceremony) if n == "Mỹ Lộc"] == ["collective"]


def test_xlsx_bytes_named_xls_are_read(cli, ceremony, store_path, tmp_path):
    path = sheet(tmp_path / "sent.xls", [["Họ và tên", "Chức vụ"], ["Lê Văn An", "Kế toán"]])
    result = cli("import", str(path), "--ceremony", ceremony, "--award", "LĐTT")
    assert result.status == 0, result.out + result.err
    assert people(store_path, ceremony)[0][1] == "Lê Văn An"


def test_award_values_outside_the_catalogue_are_mapped_or_added_and_remembered(
    cli, ceremony, store_path, tmp_path
):
    rows = [["Họ và tên", "Đơn vị", "Hình thức khen thưởng"]]
    rows += [[f"Lê Văn An{i}", "Trường A", "Giấy khen Hiệu trưởng"] for i in range(3)]
    rows += [["Trần Thị Bình", "Trường A", "GK Giám đốc Sở"]]
    path = sheet(tmp_path / "new.xlsx", rows)
    refused = cli("import", str(path), "--ceremony", ceremony)
    assert refused.status == 2
    assert "«Giấy khen Hiệu trưởng» (3 dòng): chưa có trong danh mục" in refused.out
    result = cli(
        "import",
        str(path),
        "--ceremony",
        ceremony,
        "--add-awards",
        "--award-map",
        "GK Giám đốc Sở=Giấy khen của Chủ tịch UBND huyện",
    )
    assert result.status == 0, result.out + result.err
    assert "«Giấy khen Hiệu trưởng» (3 dòng) → thêm hình thức mới (thứ hạng 45)" in result.out
    with sqlite3.connect(store_path) as conn:
        added = conn.execute(
            "SELECT rank, printed_word FROM award_forms WHERE full_name = 'Giấy khen Hiệu trưởng'"
        ).fetchone()
        aliases = conn.execute(
            "SELECT aliases FROM award_forms WHERE code = 'huyen' AND ceremony_id = ?",
            (int(ceremony),),
        ).fetchone()[0]
    assert added == (45, "GIẤY KHEN")
    assert "GK Giám đốc Sở" in json.loads(aliases)
    # The next list with the same header: the same mapping and awards, nothing to choose.
    again = sheet(
        tmp_path / "again.xlsx", [rows[0], ["Phạm Văn Cường", "Trường B", "GK Giám đốc Sở"]]
    )
    result = cli("import", str(again), "--ceremony", ceremony)
    assert result.status == 0, result.out + result.err
    assert people(store_path, ceremony)[-1][5] == "Giấy khen của Chủ tịch UBND huyện"


def test_a_header_seen_before_brings_back_its_mapping_and_choices(
    cli, ceremony, store_path, tmp_path
):
    header = ["STT", "Cán bộ", "Bộ phận"]
    first = sheet(tmp_path / "first.xlsx", [header, [1, "Lê Văn An", "Tổ Toán"]])
    result = cli(
        "import",
        str(first),
        "--ceremony",
        ceremony,
        "--map",
        "B=name",
        "--map",
        "C=unit",
        "--award",
        "Lao động tiên tiến",
    )
    assert result.status == 0, result.out + result.err
    second = sheet(tmp_path / "second.xlsx", [header, [1, "Trần Thị Bình", "Tổ Văn"]])
    result = cli("import", str(second), "--ceremony", ceremony)
    assert result.status == 0, result.out + result.err
    assert "đã gặp trước đây" in result.out
    assert "Hình thức: Lao động tiên tiến (theo lần nhập trước)" in result.out
    assert people(store_path, ceremony)[-1][1:] == (
        "Trần Thị Bình",
        "individual",
        "Tổ Văn",
        "",
        "Lao động tiên tiến",
    )


def test_an_empty_name_column_is_never_chosen(cli, ceremony, store_path, tmp_path):
    path = sheet(
        tmp_path / "empty.xlsx",
        [["STT", "Họ và tên", "Họ tên đầy đủ", "Chức vụ"], ["", "", "Lê Văn An", "Kế toán"]],
    )
    result = cli("import", str(path), "--ceremony", ceremony, "--award", "LĐTT")
    assert result.status == 0, result.out + result.err
    assert "cột C «Họ tên đầy đủ» → họ tên" in result.out
