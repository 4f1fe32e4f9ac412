"""Control characters, noncharacters and bidi overrides: removed at the door, never shown.

The rule lives in core/text/hygiene.py; these tests come in through every door (a
spreadsheet, each edit service) and go out through every window onto the world (the
exported workbook, the command line), including rows written raw into the store by SQL
as if stored before the rule.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import hostile_files
import pytest

from kx_ceremony.core.text.hygiene import has_unsafe, strip_unsafe

# Each would do harm: ESC and CSI (7 and 8 bit) start terminal sequences, BEL ends an
# OSC, U+202E makes a name read backwards, U+FFFE/U+FFFF make Excel refuse the workbook.
NASTY = "\x1b\x07\x9b\u202e\u2066\ufffe\uffff\U0010ffff\x00\x7f\r\u200f"


def dirty(text: str) -> str:
    """``text`` with the nasty characters spread through it."""
    middle = len(text) // 2
    return NASTY[:4] + text[:middle] + NASTY[4:] + text[middle:] + "\u202c\x85"


def in_file(text: str) -> str:
    """dirty() as a file can carry it in a cell (no NUL, no line-ending CR)."""
    return dirty(text).replace("\x00", "").replace("\r", "")


def _all_stored_text(path: Path) -> list[str]:
    """Every text value in every table of the SQLite store."""
    texts = []
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                texts.extend(v for v in row if isinstance(v, str))
    return texts


@pytest.mark.parametrize(
    "char",
    ["\x00", "\x1b", "\x07", "\x7f", "\x85", "\x9b", "\u202a", "\u202e", "\u2066", "\u2069"]
    + ["\u200f", "\ufdd0", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff", "\ud800", "\r"],
)
def test_each_unsafe_character_is_removed(char):
    assert strip_unsafe(f"Lê{char}Văn") == "LêVăn"


def test_tab_and_newline_stay_for_multi_line_text():
    assert strip_unsafe("dòng 1\r\n\tdòng 2\n") == "dòng 1\n\tdòng 2\n"


def test_a_spreadsheet_with_such_characters_imports_clean(cli, store_path, tmp_path):
    ceremony = cli("new-ceremony", "--title", "T", "--date", "2023-01-05").last_line
    csv_file = tmp_path / "ds.csv"
    csv_file.write_text(
        "STT,Họ và tên,Năm sinh,Chức vụ,Đơn vị,Hình thức khen thưởng\n"
        f"1,{in_file('Nguyễn Văn An')},1970,{in_file('Chuyên viên')},UBND xã Vũ Quý,Giấy khen huyện\n",
        encoding="utf-8",
    )
    # The same in a workbook: raw control bytes in the sheet XML, as a hostile tool writes.
    cell = "<c r='{ref}' t='inlineStr'><is><t>{text}</t></is></c>"
    header = "".join(
        cell.format(ref=f"{col}1", text=t)
        for col, t in zip(
            "ABCD", ["Họ và tên", "Chức vụ", "Đơn vị", "Hình thức khen thưởng"], strict=True
        )
    )
    values = ["Trần Thị Bình", "Kế toán", "UBND xã Vũ Quý", "Giấy khen huyện"]
    body = "".join(
        cell.format(ref=f"{col}2", text=in_file(t)) for col, t in zip("ABCD", values, strict=True)
    )
    workbook = hostile_files.xlsx(
        tmp_path / "ds.xlsx", f"<row r='1'>{header}</row><row r='2'>{body}</row>"
    )
    for path in (csv_file, workbook):
        result = cli("import", str(path), "--ceremony", ceremony)
        assert result.status == 0, result.err
    with sqlite3.connect(store_path) as conn:
        stored = conn.execute("SELECT name, position FROM honourees ORDER BY id").fetchall()
    assert stored == [("Nguyễn Văn An", "Chuyên viên"), ("Trần Thị Bình", "Kế toán")]
    assert not any(has_unsafe(t) for t in _all_stored_text(store_path))


def test_every_edit_service_removes_them(store, store_path, demo_id):
    from kx_ceremony.core.services import awards, ceremonies, presenters, stage_edits
    from kx_ceremony.core.services import honourees as hs
    from kx_ceremony.core.services.pledges import documents
    from kx_ceremony.core.services.pledges import editing as document_editing
    from kx_ceremony.core.services.row_types import SignatoryRow

    form_id = awards.list_award_forms(store, demo_id)[0].id
    made = ceremonies.create_ceremony(
        store, ceremonies.CeremonyInput(dirty("Tổng kết"), dt.date(2023, 1, 5), place=dirty("Hà"))
    )
    ceremonies.update_ceremony(
        store,
        made,
        ceremonies.CeremonyInput(
            dirty("Tổng kết năm"), dt.date(2023, 1, 5), organiser=dirty("UBND"), notes=dirty("ghi")
        ),
    )
    person = hs.add_honouree(
        store, demo_id, hs.HonoureeInput(dirty("Phạm Văn Cường"), form_id, unit=dirty("Xã A"))
    )
    hs.update_honouree(
        store,
        demo_id,
        person,
        hs.HonoureeInput(dirty("Phạm Văn Cường"), form_id, note=dirty("ghi chú"), position="x"),
    )
    stage_edits.set_attendance(store, demo_id, person, "substitute", dirty("Phạm Thị Dung"))
    new_form = awards.add_award_form(
        store, demo_id, dirty("Bằng khen đặc biệt"), 99, short_name=dirty("BK")
    )
    awards.update_award_form(store, demo_id, new_form, full_name=dirty("Bằng khen riêng"))
    decision = awards.add_decision(
        store, demo_id, awards.DecisionInput(form_id, dirty("12/QĐ-UBND"), dt.date(2023, 1, 2))
    )
    awards.update_decision(
        store,
        demo_id,
        decision,
        awards.DecisionInput(form_id, dirty("13/QĐ-UBND"), dt.date(2023, 1, 2), signer_name="B"),
    )
    presenter = presenters.add_presenter(
        store, demo_id, presenters.PresenterInput(dirty("Lê Văn Em"), titles=[dirty("Bí thư")])
    )
    presenters.update_presenter(
        store, demo_id, presenter, presenters.PresenterInput(dirty("Lê Văn Êm"))
    )
    document = documents.save_document(
        store,
        demo_id,
        documents.DocumentInput(
            "covenant",
            dirty("Giao ước thi đua"),
            sections=[{"heading": dirty("I"), "body": dirty("dòng một") + "\n" + dirty("hai")}],
            signatories=[SignatoryRow(1, dirty("Xã A"), dirty("CHỦ TỊCH"), dirty("Ngô B"))],
            extra={"targets": [{"target": dirty("chỉ tiêu")}], "intro": dirty("mở đầu")},
        ),
    )
    document_editing.update_document(
        store,
        document,
        title=dirty("Giao ước"),
        sections=[{"heading": dirty("II"), "body": dirty("ba") + "\n" + dirty("bốn")}],
        extra={"intro": dirty("lời")},
        place=dirty("Kiến Xương"),
    )
    document_editing.add_signatory(store, document, dirty("Xã C"), dirty("BÍ THƯ"), dirty("Đỗ D"))
    document_editing.update_signatory(store, document, 1, signer_name=dirty("Ngô Bình"))

    texts = _all_stored_text(store_path)
    assert [t for t in texts if has_unsafe(t)] == []
    names = {r.name for r in hs.list_honourees(store, demo_id)}
    assert "Phạm Văn Cường" in names
    row = document_editing.get_document(store, document)
    assert row.sections[0]["body"] == "ba\nbốn"  # line breaks of a multi-line text stay
    stored_json = [t for t in texts if t.startswith("[") or t.startswith("{")]
    assert all(json.loads(t) is not None for t in stored_json)


def _insert_raw_honouree(store_path: Path, ceremony_id: int, name: str, unit: str) -> None:
    """A row as stored before the rule: straight into the table, past every service."""
    with sqlite3.connect(store_path) as conn:
        template = conn.execute(
            "SELECT * FROM honourees WHERE ceremony_id = ? LIMIT 1", (ceremony_id,)
        )
        columns = [d[0] for d in template.description]
        values = dict(zip(columns, template.fetchone(), strict=True))
        values.pop("id")
        values.update(name=name, unit=unit)
        if "name_fold" in values:
            values["name_fold"] = "aaa nguoi la"
        marks = ", ".join("?" for _ in values)
        conn.execute(
            f"INSERT INTO honourees ({', '.join(values)}) VALUES ({marks})", list(values.values())
        )


def test_export_of_old_rows_opens_and_holds_none(store, store_path, demo_id, tmp_path):
    import openpyxl

    from kx_ceremony.core.exporting import export_honourees

    _insert_raw_honouree(store_path, demo_id, "Người\uffff Lạ\u202e\x1b[31m", "Xã\ufffe B\x9b")
    out = export_honourees(store, demo_id, tmp_path / "ds.xlsx")
    book = openpyxl.load_workbook(out)
    texts = [
        c.value
        for s in book.worksheets
        for r in s.iter_rows()
        for c in r
        if isinstance(c.value, str)
    ]
    assert any("Người Lạ" in t for t in texts)
    assert [t for t in texts if has_unsafe(t)] == []


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_honourees_output_has_no_escape_even_for_raw_rows(cli_process, store_path, fmt):
    assert cli_process("demo").status == 0
    _insert_raw_honouree(store_path, 1, "\x1b]0;pwned\x07Người\x9b31m Lạ\u202e", "\x1b[2JXã B")
    result = cli_process("honourees", "--ceremony", "1", "--format", fmt)
    assert result.status == 0, result.err
    assert "Người" in result.out
    assert not has_unsafe(result.out.replace("\r\n", "\n")), repr(result.out[:200])


def test_messages_naming_a_file_carry_no_escape(cli_process, tmp_path):
    assert cli_process("demo").status == 0
    path = tmp_path / "ds\x1b]0;pwned\x07.xlsx"
    path.write_bytes(b"not a workbook")
    result = cli_process("import", str(path), "--ceremony", "1")
    assert result.status == 2
    assert "\x1b" not in result.err and "\x07" not in result.err
