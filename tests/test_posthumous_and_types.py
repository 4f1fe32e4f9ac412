"""Posthumous awards (TRUY TẶNG) as data: the store, the command line, the import, the
receipt list; award types and short forms survive an upgrade of an older store."""

from __future__ import annotations

import json
import sqlite3

import pytest
from import_files import HEADER, person
from import_files import write_xlsx as xlsx
from papers_fixtures import add_special_awards
from printing_helpers import page_texts, page_words, words_of

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree


def _honourees(cli, cid) -> list[dict]:
    result = cli("honourees", "--ceremony", str(cid), "--format", "json")
    assert result.status == 0, result.err
    return json.loads(result.out)


def test_honourees_json_shows_posthumous(cli, store, demo_id):
    add_special_awards(store, demo_id)
    rows = {r["name"]: r for r in _honourees(cli, demo_id)}
    assert rows["Lê Văn Kiên"]["posthumous"] is True
    assert rows["Nguyễn Văn Dũng"]["posthumous"] is False


def test_only_individuals_are_posthumous(store, demo_id):
    form = find_award_form(store, demo_id, "Bằng khen của Chủ tịch UBND tỉnh")
    with pytest.raises(UserError) as refused:
        add_honouree(
            store,
            demo_id,
            HonoureeInput(
                name="Trường Tiểu học An Bình",
                award_form_id=form.id,
                kind="collective",
                posthumous=True,
            ),
        )
    assert refused.value.field == "posthumous" and "cá nhân" in refused.value.message


def test_import_reads_a_posthumous_column_and_a_mark_after_the_name(cli, tmp_path):
    cid = cli("new-ceremony", "--title", "T", "--date", "2023-01-05").last_line
    path = xlsx(
        tmp_path / "ds.xlsx",
        [
            [*HEADER, "Truy tặng"],
            [*person(1, "Nguyễn Văn An"), ""],
            [*person(2, "Trần Văn Bình"), "x"],
            [*person(3, "LÊ VĂN CƯỜNG (truy tặng)"), ""],
        ],
    )
    result = cli("import", str(path), "--ceremony", cid)
    assert result.status == 0, result.err
    rows = {r["name"]: r["posthumous"] for r in _honourees(cli, cid)}
    assert rows == {"Nguyễn Văn An": False, "Trần Văn Bình": True, "Lê Văn Cường": True}


def test_receipt_list_says_a_family_member_signs(cli, store, demo_id, tmp_path):
    add_special_awards(store, demo_id)
    out = tmp_path / "r.pdf"
    assert cli("print", "receipts", "--ceremony", str(demo_id), "-o", str(out)).status == 0
    page = next(t for t in page_texts(out) if "Lê Văn Kiên" in t)
    assert "Ông Lê Văn Kiên (truy tặng; thân nhân ký nhận thay)" in page
    assert page.count("thân nhân") == 1
    # Three lines in the name cell: the row grows, never running over the header's rule.
    number = next(i for i, t in enumerate(page_texts(out), start=1) if "Lê Văn Kiên" in t)
    words = page_words(out, number)
    header_bottom = words_of(words, "(đồng)")[0].y1
    assert words_of(words, "Ông Lê Văn Kiên")[0].y0 > header_bottom + 6


def _old_store(store_path):
    from test_migrations import fill_old_schema, make_store_at

    make_store_at(store_path, "0005")
    fill_old_schema(store_path)
    conn = sqlite3.connect(store_path)
    conn.executescript(
        """
        INSERT INTO award_forms (id, ceremony_id, code, full_name, short_name, printed_word,
            authority_line, rank, kinds, aliases, page_width_mm, page_height_mm, layout_name)
        VALUES (2, 1, 'co-tinh', 'Cờ thi đua của UBND tỉnh', '', 'CỜ THI ĐUA', '', 30,
                '["collective"]', '[]', 420, 297, ''),
               (3, 1, 'ldtt', 'Lao động tiên tiến', '', 'LAO ĐỘNG TIÊN TIẾN', '', 42,
                '["individual"]', '[]', 420, 297, ''),
               (4, 1, 'ttg', 'Bằng khen của Thủ tướng Chính phủ', '', 'BẰNG KHEN',
                'THỦ TƯỚNG CHÍNH PHỦ', 22, '["individual"]', '[]', 420, 297, 'bang-khen');
        """
    )
    conn.commit()
    conn.close()


def test_upgrade_gives_old_forms_their_type_and_keeps_every_row(store_path):
    from test_migrations import counts

    from kx_ceremony.core.store import open_store

    _old_store(store_path)
    before = counts(store_path)
    open_store(str(store_path)).close()
    assert counts(store_path) == before
    conn = sqlite3.connect(store_path)
    forms = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT code, award_type, keep_abbreviations, authority_line FROM award_forms"
        )
    }
    assert forms["tinh"][:2] == ("certificate", 0)
    assert forms["co-tinh"][0] == "flag" and forms["ldtt"][0] == "title"
    assert forms["ttg"][2] == "THỦ TƯỚNG / CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert forms["tinh"][2] == "CHỦ TỊCH"  # the organiser's own line is left alone
    assert {r[0] for r in conn.execute("SELECT posthumous FROM honourees")} == {0}
    conn.close()
