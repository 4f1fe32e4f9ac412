"""The MC script and the line-up, read back from the PDFs: same names, same order, same numbers."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree, list_honourees
from kx_ceremony.core.services.stage import place_new_honourees
from kx_ceremony.core.services.stage_edits import set_attendance
from kx_ceremony.core.services.stage_snapshot import load_stage_plan


def _pages(path: Path) -> list[str]:
    """Each page's text, NFC, with every kind of whitespace removed (line wraps vary)."""
    from pypdf import PdfReader

    return [
        re.sub(r"\s+", "", unicodedata.normalize("NFC", page.extract_text() or ""))
        for page in PdfReader(str(path)).pages
    ]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_order(text: str, needles: list[str], start: int = 0) -> int:
    """Find each needle after the previous one; returns the end of the last."""
    for needle in needles:
        found = text.find(_squash(needle), start)
        assert found >= 0, f"{needle!r} not found (in order) after position {start}"
        start = found + len(_squash(needle))
    return start


@pytest.fixture
def staged(store, demo_id):
    """The demo with one absentee, one substitute, and a name full of markup characters."""
    cid = demo_id
    rows = list_honourees(store, cid)
    absent = next(r for r in rows if r.name == "Đỗ Thị Lan")
    substituted = next(r for r in rows if r.name == "Bùi Văn Khải")
    set_attendance(store, cid, absent.id, "absent")
    set_attendance(store, cid, substituted.id, "substitute", "Ông Bùi Văn Thay")
    huyen = find_award_form(store, cid, "huyen").id
    add_honouree(
        store,
        cid,
        HonoureeInput(
            "Công ty TNHH A & B <Kiến Xương>",
            huyen,
            kind="collective",
            representative="Giám đốc Trần Văn Cơ",
        ),
    )
    place_new_honourees(store, cid)
    return cid


def test_script_reads_every_name_in_stage_order(store, staged, cli, tmp_path):
    from kx_ceremony.core.spoken import honouree_words, introduction, say

    out = tmp_path / "kich-ban.pdf"
    result = cli("print", "script", "--ceremony", str(staged), "-o", str(out))
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    text = "".join(_pages(out))
    plan = load_stage_plan(store, staged)
    # The decisions to be read, with number and what they grant, spelled out.
    _in_order(
        text,
        [
            "Quyết định số 2156/QĐ-TTg ngày 20 tháng 12 năm 2022",
            "tặng Bằng khen của Thủ tướng Chính phủ cho 2 cá nhân",
            "Quyết định số 3050/QĐ-UBND",
            "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            "Quyết định số 1875/QĐ-UBND",
        ],
    )
    position = text.find(_squash("V. TRAO TẶNG KHEN THƯỞNG"))
    assert position > 0
    for rp in plan.rounds:
        r = rp.round
        position = _in_order(
            text,
            [
                f"Đợt {r.number}. {say(r.award)}",
                "Xin trân trọng kính mời",
                f"trao {say(r.award)} cho",
                "Xin trân trọng kính mời",
                f"có tên sau đây lên nhận {say(r.award)}:",
                *[f"{slot.number}. {''.join(honouree_words(slot.honouree))}" for slot in rp.slots],
                *["".join(honouree_words(h)) for h in rp.absent],
            ],
            position,
        )
    senior = plan.rounds[0].round.presenter
    assert _squash(f"kính mời {introduction(senior)}, lên trao") in text
    assert (
        _squash("Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh")
        in text
    )
    # The absentee is said in a sentence after the names, not numbered among them.
    _in_order(text, ["vắng mặt, ban tổ chức sẽ gửi khen thưởng sau:", "Bà Đỗ Thị Lan"])
    # Who walks up instead is said in a sentence, never in brackets.
    assert (
        _squash(
            "Ông Bùi Văn Khải, Chủ tịch Ủy ban nhân dân xã Vũ Quý, do ông Bùi Văn Thay nhận thay"
        )
        in text
    )
    assert (
        _squash(
            "Phòng Giáo dục và Đào tạo huyện Kiến Xương, do Trưởng phòng Phạm Văn Toàn đại diện nhận"
        )
        in text
    )
    assert _squash("Công ty TNHH A & B <Kiến Xương>, do Giám đốc Trần Văn Cơ đại diện nhận") in text
    assert "(đạidiện" not in text and "nhậnthay)" not in text
    assert text.rfind(_squash("BẾ MẠC")) > position


def _spoken(h) -> str:
    prefix = (
        {"male": "Ông ", "female": "Bà "}.get(h.gender or "", "") if h.kind == "individual" else ""
    )
    return prefix + h.name


def test_lineup_has_one_page_per_round_with_stage_and_tray_in_the_same_numbers(
    store, staged, cli, tmp_path
):
    out = tmp_path / "so-do.pdf"
    result = cli("print", "lineup", "--ceremony", str(staged), "-o", str(out))
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    pages = _pages(out)
    plan = load_stage_plan(store, staged)
    assert len(pages) == len(plan.rounds)
    for page, rp in zip(pages, plan.rounds, strict=True):
        r = rp.round
        assert page.startswith(_squash(f"ĐỢT {r.number}: {r.award.upper()}"))
        assert _squash(f"Người trao: {r.presenter.introduction}") in page
        tray = page.find(_squash("KHAY BẰNG"))
        assert tray > 0
        # The stage boxes (before the tray list) hold every number left to right ...
        _in_order(page[:tray], [f"{slot.number}" for slot in rp.slots])
        # ... and the tray list the same numbers with the same names, number 1 first.
        _in_order(page, [f"{slot.number}. {_spoken(slot.honouree)}" for slot in rp.slots], tray)
        for h in rp.absent:
            _in_order(page, ["KHÔNG đặt lên khay", _spoken(h)], tray)
    lan_page = next(p for p in pages if "ĐỗThịLan" in p)
    assert lan_page.find("ĐỗThịLan") > lan_page.find(_squash("KHÔNG đặt lên khay"))
    assert any(_squash("(Ông Bùi Văn Thay nhận thay)") in p for p in pages)


def test_printing_refuses_people_without_a_round(store, demo_id, cli, tmp_path):
    huyen = find_award_form(store, demo_id, "huyen").id
    add_honouree(store, demo_id, HonoureeInput("Trần Văn Muộn", huyen, gender="male"))
    for document in ("script", "lineup"):
        out = tmp_path / f"{document}.pdf"
        result = cli("print", document, "--ceremony", str(demo_id), "-o", str(out))
        assert result.status == 2
        assert "Trần Văn Muộn" in result.err and "--place-new" in result.err
        assert len(result.err.strip().splitlines()) == 1
        assert not out.exists()


def test_printing_before_planning_and_bad_paths_are_one_line(cli, tmp_path):
    cid = cli("new-ceremony", "--title", "Lễ thử", "--date", "2023-01-05").last_line
    result = cli("print", "script", "--ceremony", cid, "-o", str(tmp_path / "a.pdf"))
    assert result.status == 2 and len(result.err.strip().splitlines()) == 1
    demo = cli("demo").last_line
    missing = tmp_path / "no-such-folder" / "a.pdf"
    result = cli("print", "lineup", "--ceremony", demo, "-o", str(missing))
    assert result.status == 2 and "no-such-folder" in result.err
    assert not missing.exists()


def test_a_glyph_the_font_lacks_is_refused(store, demo_id, cli, tmp_path):
    huyen = find_award_form(store, demo_id, "huyen").id
    add_honouree(store, demo_id, HonoureeInput("Trần Văn 一", huyen, gender="male"))
    place_new_honourees(store, demo_id)
    out = tmp_path / "k.pdf"
    result = cli("print", "script", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 2
    assert "U+4E00" in result.err
    assert not out.exists()


def test_deleted_honourees_leave_no_gap_on_paper_or_in_the_store(store, demo_id, cli, tmp_path):
    from kx_ceremony.core.services.honourees import remove_honourees
    from kx_ceremony.core.services.stage import list_rounds, plan_rounds

    plan_rounds(store, demo_id, per_round=9)  # the district form ends with a round of 7
    rows = list_honourees(store, demo_id)
    round_two = [r for r in rows if r.round == 2]
    last = list_rounds(store, demo_id)[-1]
    remove_honourees(
        store, demo_id, [round_two[2].id, *(r.id for r in rows if r.round == last.number)]
    )
    out = tmp_path / "so-do.pdf"
    assert cli("print", "lineup", "--ceremony", str(demo_id), "-o", str(out)).status == 0
    after = list_honourees(store, demo_id)
    assert len(list_rounds(store, demo_id)) == last.number - 1  # the emptied round is gone
    for number in {r.round for r in after}:
        positions = [r.position_on_stage for r in after if r.round == number]
        assert positions == list(range(1, len(positions) + 1))
    page = _pages(out)[1]
    tray = page.find(_squash("KHAY BẰNG"))
    expected = [r for r in after if r.round == 2]
    _in_order(page, [f"{r.position_on_stage}. {_spoken(r)}" for r in expected], tray)
    assert round_two[2].name.replace(" ", "") not in page


def test_someone_whose_award_changed_leaves_the_old_round_before_printing(
    store, demo_id, cli, tmp_path
):
    from kx_ceremony.core.services.honourees import input_from_row, update_honouree

    row = list_honourees(store, demo_id)[0]  # round 1: the Prime Minister's certificate
    huyen = find_award_form(store, demo_id, "huyen").id
    update_honouree(
        store, demo_id, row.id, input_from_row(row, award_form_id=huyen, decision_id=None)
    )
    before = [(r.id, r.round, r.position_on_stage) for r in list_honourees(store, demo_id)]
    out = tmp_path / "k.pdf"
    result = cli("print", "script", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 2
    assert row.name in result.err and "--place-new" in result.err
    assert not out.exists()
    assert [(r.id, r.round, r.position_on_stage) for r in list_honourees(store, demo_id)] == before
    # The way out the message names: place them, then print.
    assert cli("rounds", "--ceremony", str(demo_id), "--place-new").status == 0
    moved = next(r for r in list_honourees(store, demo_id) if r.id == row.id)
    assert moved.award_form_id == huyen and moved.round > 1
    assert cli("print", "script", "--ceremony", str(demo_id), "-o", str(out)).status == 0
