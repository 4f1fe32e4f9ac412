"""Files that must be refused: one clear line, exit status 2, within seconds, store unchanged."""

from __future__ import annotations

from pathlib import Path

import import_files as make
import pytest
from import_files import FILES, SAMPLES, store_fingerprint

BAD = sorted((SAMPLES / "bad").iterdir())


@pytest.fixture
def ceremony(cli, store_path) -> str:
    result = cli("new-ceremony", "--title", "T", "--date", "2023-01-05")
    assert result.status == 0
    # One honouree already stored, so "unchanged" is about real content.
    done = cli("import", str(SAMPLES / "simple.csv"), "--ceremony", result.last_line)
    assert done.status == 0, done.err
    return result.last_line


def _assert_refused(cli, store_path: Path, ceremony: str, path: Path, *words: str) -> str:
    before = store_fingerprint(store_path)
    result = cli("import", str(path), "--ceremony", ceremony)  # a refusal, not a hang
    assert result.status == 2, result.out + result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert path.name in lines[0]
    assert "Traceback" not in result.out + result.err
    for word in words:
        assert word in lines[0]
    assert store_fingerprint(store_path) == before
    return lines[0]


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_shared_bad_files_are_refused(cli, store_path, ceremony, path):
    _assert_refused(cli, store_path, ceremony, path)


def test_encrypted_workbook(cli, store_path, ceremony):
    _assert_refused(cli, store_path, ceremony, FILES / "encrypted.xlsx", "mật khẩu")


def test_old_xls_renamed_xlsx(cli, store_path, ceremony, tmp_path):
    path = make.renamed(SAMPLES / "district-lo.xls", tmp_path / "old.xlsx")
    _assert_refused(cli, store_path, ceremony, path, ".xls")


def test_csv_renamed_xlsx_says_rename_to_csv(cli, store_path, ceremony):
    _assert_refused(cli, store_path, ceremony, SAMPLES / "bad" / "csv-renamed.xlsx", ".csv")


def test_zip_bomb(cli, store_path, ceremony, tmp_path):
    path = make.zip_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 2_000_000
    _assert_refused(cli, store_path, ceremony, path, "bom nén")


def test_xml_bomb(cli, store_path, ceremony, tmp_path):
    _assert_refused(cli, store_path, ceremony, make.xml_bomb(tmp_path / "laughs.xlsx"), "XML")


def test_sheet_claiming_a_million_rows_xlsx(cli, store_path, ceremony, tmp_path):
    path = make.million_rows_xlsx(tmp_path / "million.xlsx")
    _assert_refused(cli, store_path, ceremony, path, "dòng")


def test_sheet_whose_dimension_claims_a_million_rows(cli, store_path, ceremony, tmp_path):
    path = make.million_rows_claimed(tmp_path / "claimed.xlsx")
    _assert_refused(cli, store_path, ceremony, path, "dòng")


def test_sheet_claiming_a_million_rows_ods(cli, store_path, ceremony, tmp_path):
    path = make.million_rows_ods(tmp_path / "million.ods")
    _assert_refused(cli, store_path, ceremony, path, "dòng")


def test_unknown_sheet_lists_the_sheets(cli, store_path, ceremony):
    before = store_fingerprint(store_path)
    result = cli(
        "import", str(SAMPLES / "district.xlsx"), "--ceremony", ceremony, "--sheet", "Không có"
    )
    assert result.status == 2
    assert "«DS khen thuong»" in result.err
    assert store_fingerprint(store_path) == before


def test_unsupported_extension_and_missing_file(cli, store_path, ceremony, tmp_path):
    doc = tmp_path / "list.docx"
    doc.write_bytes(b"PK\x03\x04")
    for path in (doc, tmp_path / "missing.xlsx"):
        result = cli("import", str(path), "--ceremony", ceremony)
        assert result.status == 2
        assert len(result.err.strip().splitlines()) == 1


def test_reader_panic_becomes_a_refusal(monkeypatch, store, demo_id):
    """pyo3's PanicException derives from BaseException; the boundary must still catch it."""
    import python_calamine

    from kx_ceremony.core.errors import UserError
    from kx_ceremony.core.importing import preview_import

    class PanicException(BaseException):
        pass

    class Exploding:
        @staticmethod
        def from_path(path):
            raise PanicException("called `Option::unwrap()` on a `None` value")

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Exploding)
    with pytest.raises(UserError) as caught:
        preview_import(store, demo_id, SAMPLES / "district.xlsx")
    assert "district.xlsx" in caught.value.message
    assert "PanicException" in caught.value.message


def test_keyboard_interrupt_is_never_swallowed(monkeypatch, store, demo_id):
    import python_calamine

    from kx_ceremony.core.importing import preview_import

    class Interrupted:
        @staticmethod
        def from_path(path):
            raise KeyboardInterrupt

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Interrupted)
    with pytest.raises(KeyboardInterrupt):
        preview_import(store, demo_id, SAMPLES / "district.xlsx")


def test_bad_files_through_a_real_process(cli_process, tmp_path):
    store = tmp_path / "p.sqlite"
    assert cli_process("new-ceremony", "--title", "T", "--date", "2023-01-05", db=store).status == 0
    before = store_fingerprint(store)
    for path in (SAMPLES / "bad" / "truncated.xlsx", FILES / "encrypted.xlsx"):
        result = cli_process("import", str(path), "--ceremony", "1", db=store, timeout=60)
        assert result.status == 2
        assert len(result.err.strip().splitlines()) == 1
        assert "Traceback" not in result.err
    assert store_fingerprint(store) == before


def test_truncated_old_xls(cli, store_path, ceremony, tmp_path):
    data = (SAMPLES / "district-lo.xls").read_bytes()
    path = tmp_path / "cut.xls"
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(cli, store_path, ceremony, path)


def test_csv_without_header_or_rows(cli, store_path, ceremony, tmp_path):
    no_header = tmp_path / "notes.csv"
    no_header.write_text("ghi chú,không phải danh sách\n1,2\n", encoding="utf-8")
    _assert_refused(cli, store_path, ceremony, no_header, "tiêu đề")
    header_only = tmp_path / "header.csv"
    header_only.write_text("STT;Họ và tên;Năm sinh;Hình thức khen thưởng\n", encoding="utf-8")
    _assert_refused(cli, store_path, ceremony, header_only, "danh sách trống")
