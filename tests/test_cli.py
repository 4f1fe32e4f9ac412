"""The command line's contract (the README's «Command line»): outputs, exit codes, one-line messages."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kx_ceremony.core.model import KIND_ORDER, Kind
from kx_ceremony.core.store.schema import SCHEMA_HEAD

JSON_KEYS = {
    "id",
    "name",
    "kind",
    "gender",
    "birth_year",
    "position",
    "unit",
    "award",
    "achievement",
    "round",
    "position_on_stage",
}


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, for comparing two stores."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        conn.close()


def test_demo_then_honourees_json_in_presentation_order(cli):
    demo = cli("demo")
    assert demo.status == 0 and demo.err == ""
    ceremony_id = demo.last_line
    assert ceremony_id.isdigit()

    listing = cli("honourees", "--ceremony", ceremony_id, "--format", "json")
    assert listing.status == 0, listing.err
    rows = json.loads(listing.out)
    assert 20 <= len(rows) <= 40
    assert all(set(r) >= JSON_KEYS for r in rows)
    assert {r["kind"] for r in rows} == {"individual", "collective", "household"}
    assert all(r["gender"] in ("male", "female", None) for r in rows)
    assert all(r["birth_year"] is None or isinstance(r["birth_year"], int) for r in rows)

    ttg = [r for r in rows if r["award"] == "Bằng khen của Thủ tướng Chính phủ"]
    assert len(ttg) == 2 and all(r["kind"] == "individual" for r in ttg)
    awards = [r["award"] for r in rows]
    # Highest award first, then the province's, then the district's.
    order = [
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND huyện",
    ]
    assert [order.index(a) for a in awards] == sorted(order.index(a) for a in awards)
    for award in order[1:]:
        kinds = [KIND_ORDER[Kind(r["kind"])] for r in rows if r["award"] == award]
        assert kinds == sorted(kinds) and len(set(kinds)) >= 2  # collectives first


def test_ceremonies_json_and_new_ceremony(cli):
    made = cli(
        "new-ceremony", "--title", "Lễ tổng kết 2024", "--date", "2025-01-10", "--place", "Vũ Thư"
    )
    assert made.status == 0, made.err
    listing = cli("ceremonies", "--format", "json")
    data = json.loads(listing.out)
    assert data == [
        {**data[0], "id": int(made.last_line), "title": "Lễ tổng kết 2024", "held_on": "2025-01-10"}
    ]
    assert data[0]["achievement_year"] == 2024
    table = cli("ceremonies")
    assert "Lễ tổng kết 2024" in table.out and "10/01/2025" in table.out


def test_search_ignores_marks_and_case(cli):
    ceremony_id = cli("demo").last_line
    found = json.loads(
        cli(
            "honourees", "--ceremony", ceremony_id, "--search", "NGO THI ANH", "--format", "json"
        ).out
    )
    assert [r["name"] for r in found] == ["Ngô Thị Ánh"]


def test_honourees_csv_has_a_header_and_every_row(cli):
    ceremony_id = cli("demo").last_line
    out = cli("honourees", "--ceremony", ceremony_id, "--format", "csv").out.splitlines()
    assert out[0].startswith("id,name,kind,")
    assert len(out) == 1 + len(
        json.loads(cli("honourees", "--ceremony", ceremony_id, "--format", "json").out)
    )


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["honourees", "--ceremony", "999"], "Không có buổi lễ số 999"),
        (["honourees"], "thiếu tham số bắt buộc: --ceremony"),
        (["honourees", "--ceremony", "abc"], "không phải số nguyên dương"),
        (["honourees", "--ceremony", "99999999999999999999"], "quá lớn"),
        (["export", "--ceremony", "9223372036854775808", "-o", "x.xlsx"], "quá lớn"),
        (["rounds", "--ceremony", "1", "--move", "99999999999999999999:1:1"], "không đúng dạng"),
        (["frobnicate"], "«frobnicate» không phải lựa chọn hợp lệ"),
        (["new-ceremony", "--title", "X", "--date", "2023-13-01"], "không phải ngày hợp lệ"),
        (["new-ceremony", "--title", "  ", "--date", "2023-01-01"], "Tên buổi lễ đang trống"),
        (["honourees", "--ceremony", "1", "--format", "xml"], "«xml» không phải lựa chọn hợp lệ"),
        (["restore", "missing.sqlite"], "Không tìm thấy tệp sao lưu"),
        (["print", "script", "--ceremony", "1", "-o", "kich-ban.docx"], "phải có đuôi .pdf"),
        (
            ["print", "certificates", "--ceremony", "1", "-o", "no-such-folder/a.pdf"],
            "Không có thư mục",
        ),
    ],
)
def test_user_mistakes_exit_2_with_one_vietnamese_line(cli, args, fragment):
    result = cli(*args)
    assert result.status == 2
    assert fragment in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err + result.out


def test_check_backup_restore_round_trip(cli, store_path, tmp_path):
    ceremony_id = cli("demo").last_line
    check = cli("check")
    assert (
        check.status == 0 and check.out.startswith("Kho dữ liệu tốt") and SCHEMA_HEAD in check.out
    )
    assert len(check.out.strip().splitlines()) == 1

    backup_file = tmp_path / "copies" / "backup.sqlite"
    backed = cli("backup", "-o", str(backup_file))
    assert backed.status == 0 and str(backup_file) in backed.out
    original = dump(backup_file)

    # Change the store after the backup, then restore it.
    cli("new-ceremony", "--title", "Thêm sau khi sao lưu", "--date", "2024-01-01")
    assert dump(store_path) != original

    restored = cli("restore", str(backup_file))
    assert restored.status == 0, restored.err
    assert dump(store_path) == original
    assert len(json.loads(cli("ceremonies", "--format", "json").out)) == 1
    assert cli("honourees", "--ceremony", ceremony_id).status == 0
    # The store as it was before the restore is kept aside, verified.
    kept = list((store_path.parent / f"{store_path.stem}-backups").glob("*before-restore*.sqlite"))
    assert len(kept) == 1 and len(dump(kept[0])["ceremonies"]) == 2


def test_check_reports_a_damaged_store(cli, store_path):
    cli("demo")
    data = bytearray(store_path.read_bytes())
    # Overwrite the middle of the file (table pages) with garbage, keep the header.
    for i in range(8192, min(len(data), 40960)):
        data[i] = 0x5A
    for suffix in ("-wal", "-shm"):
        Path(str(store_path) + suffix).unlink(missing_ok=True)
    store_path.write_bytes(bytes(data))
    result = cli("check")
    assert result.status == 2
    assert "bị hỏng" in result.err or "không phải kho dữ liệu" in result.err
    assert "restore" in result.err or "khôi phục" in result.err


def test_restore_refuses_a_file_that_is_not_a_backup(cli, tmp_path):
    cli("demo")
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"PK\x03\x04 not a database at all" * 50)
    result = cli("restore", str(bogus))
    assert result.status == 2 and "không phải kho dữ liệu" in result.err
    assert cli("check").status == 0


def test_unexpected_error_exits_1_and_names_the_log_file(cli, monkeypatch, tmp_path):
    import kx_ceremony.commands.ceremonies as commands

    def boom(store):
        raise RuntimeError("simulated defect")

    monkeypatch.setattr(commands, "list_ceremonies", boom)
    result = cli("ceremonies")
    assert result.status == 1
    log_file = tmp_path / "user-logs" / "kx-ceremony.log"
    assert str(log_file) in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert "simulated defect" in log_file.read_text(encoding="utf-8")  # the details are in the log


def test_a_real_process_never_shows_a_traceback(cli_process, tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    result = cli_process("ceremonies", db=folder)
    assert result.status == 2
    assert "thư mục" in result.err and "Traceback" not in result.err
    demo = cli_process("demo")
    assert demo.status == 0 and demo.last_line.isdigit()
    assert cli_process("--version", db=None).out.startswith("KX Ceremony ")


def test_env_variable_names_the_store(cli, tmp_path, monkeypatch):
    target = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("KX_CEREMONY_DB", str(target))
    assert cli("demo", db=None).status == 0
    assert target.exists()


def test_default_store_lives_in_the_user_data_folder(cli, tmp_path):
    assert cli("new-ceremony", "--title", "A", "--date", "2024-01-01", db=None).status == 0
    assert (tmp_path / "user-data" / "kx-ceremony.sqlite").exists()
