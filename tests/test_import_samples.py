"""Every shared sample imports to exactly its expected.json, through the real command."""

from __future__ import annotations

import json

import pytest
from import_files import SAMPLES, honourees_in_file_order

EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def ceremony(cli) -> str:
    result = cli("new-ceremony", "--title", "Tổng kết 2022", "--date", "2023-01-05")
    assert result.status == 0, result.err
    return result.last_line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_imports_exactly_as_expected(cli, ceremony, store_path, name):
    result = cli("import", str(SAMPLES / name), "--ceremony", ceremony)
    assert result.status == 0, result.out + result.err
    expected = EXPECTED[name]
    assert result.last_line == f"Đã nhập {len(expected)}, bỏ qua 0"
    assert honourees_in_file_order(store_path, int(ceremony)) == expected


def test_summary_reports_columns_and_legacy_text(cli, ceremony):
    result = cli("import", str(SAMPLES / "legacy.xlsx"), "--ceremony", ceremony, "--dry-run")
    assert result.status == 0, result.err
    assert "TCVN3" in result.out
    assert "cột G «Hình thức khen thưởng» → hình thức khen thưởng" in result.out
    assert "cột C «Năm sinh / Nam» → năm sinh (cột Nam)" in result.out
    assert "tiêu đề ở dòng 7, 8" in result.out


def test_ignored_columns_are_listed(cli, ceremony, tmp_path):
    from import_files import write_xlsx

    path = write_xlsx(
        tmp_path / "extra.xlsx",
        [
            ["STT", "Họ và tên", "Năm sinh", "Số điện thoại", "Hình thức khen thưởng"],
            [1, "Nguyễn Văn An", 1980, "0912345678", "Giấy khen huyện"],
        ],
    )
    result = cli("import", str(path), "--ceremony", ceremony)
    assert result.status == 0, result.err
    assert "bỏ qua các cột: D «Số điện thoại»" in result.out
    assert result.last_line == "Đã nhập 1, bỏ qua 0"


def test_import_through_a_real_process(cli_process, tmp_path):
    store = tmp_path / "p.sqlite"
    made = cli_process("new-ceremony", "--title", "T", "--date", "2023-01-05", db=store)
    assert made.status == 0, made.err
    result = cli_process("import", str(SAMPLES / "district-lo.xls"), "--ceremony", "1", db=store)
    assert result.status == 0, result.err
    assert result.last_line == "Đã nhập 26, bỏ qua 0"
    assert result.err == ""


def test_macro_workbook_and_upper_case_extension(cli, ceremony, tmp_path):
    import shutil

    for name in ("list.xlsm", "LIST.XLSX"):
        path = tmp_path / name
        shutil.copyfile(SAMPLES / "district.xlsx", path)
        result = cli("import", str(path), "--ceremony", ceremony, "--dry-run")
        assert result.status == 0, result.err
        assert result.last_line == "Đã nhập 26, bỏ qua 0"
