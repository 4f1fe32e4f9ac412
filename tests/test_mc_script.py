"""The MC script runs the whole conference: the parts in the programme's order with the
organiser's words, written to be read aloud, every honouree in stage order; presenters
per award form (the organiser's choice, host leaders for the host's awards, seniority)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from printing_helpers import page_texts, page_words

from kx_ceremony.core.conference import PART_KEYS
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.conference_parts import edit_part, list_parts, reset_part
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.presenters import list_presenters
from kx_ceremony.core.services.stage import list_rounds
from kx_ceremony.core.services.stage_snapshot import load_stage_plan
from kx_ceremony.core.spoken import honouree_words
from kx_ceremony.core.text.abbreviations import ABBREVIATIONS

HEADINGS = [
    "TUYÊN BỐ LÝ DO, CHÀO CỜ",
    "GIỚI THIỆU ĐẠI BIỂU",
    "BÁO CÁO TỔNG KẾT CÔNG TÁC THI ĐUA",
    "CÔNG BỐ CÁC QUYẾT ĐỊNH KHEN THƯỞNG",
    "TRAO TẶNG KHEN THƯỞNG",
    "PHÁT BIỂU CỦA LÃNH ĐẠO CẤP TRÊN",
    "PHÁT ĐỘNG PHONG TRÀO THI ĐUA YÊU NƯỚC NĂM 2023",
    "THÔNG QUA BẢN CAM KẾT THI ĐUA",
    "KÝ KẾT GIAO ƯỚC THI ĐUA",
    "CẢM ƠN, BẾ MẠC HỘI NGHỊ",
]
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _script(cli, cid: int, out: Path) -> str:
    result = cli("print", "script", "--ceremony", str(cid), "-o", str(out))
    assert result.status == 0, result.err
    return " ".join(page_texts(out))


def _squash(text: str) -> str:
    """Without spaces and hyphens: a line may break at "Thi đua -" (pdftotext drops it)."""
    return re.sub(r"[\s-]+", "", text)


def _after(text: str, needles: list[str], start: int = 0) -> int:
    """Find each needle after the previous one in the squashed ``text``; the end of the last."""
    text = _squash(text)
    for needle in needles:
        needle = _squash(needle)
        found = text.find(needle, start)
        assert found >= 0, f"{needle!r} not found after {start}: …{text[start : start + 300]}"
        start = found + len(needle)
    return start


def test_the_parts_come_in_the_programmes_order_numbered(cli, demo_id, tmp_path):
    text = _script(cli, demo_id, tmp_path / "k.pdf")
    _after(text, [f"{n}. {h}" for n, h in zip(ROMAN, HEADINGS, strict=True)])
    # The flag salute, the delegates highest first with the Party post first, the host's.
    _after(
        text,
        [
            "Nghiêm! Chào cờ, chào!",
            "Quốc ca",
            "Về phía lãnh đạo cấp trên, có:",
            "Đồng chí Nguyễn Quang Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch",
            "Đồng chí Vũ Ngọc Trì, Tỉnh ủy viên, Phó Chủ tịch Hội đồng nhân dân tỉnh",
            "Về phía Ủy ban nhân dân huyện Kiến Xương, có:",
            "Đồng chí Đỗ Mạnh Cường, Phó Bí thư Huyện ủy, Chủ tịch Ủy ban nhân dân huyện",
        ],
    )
    # The decisions are read by a leader of the emulation body, whom the MC invites.
    _after(
        text,
        [
            "CÔNG BỐ CÁC QUYẾT ĐỊNH",
            "kính mời đồng chí ………………, đại diện lãnh đạo Hội đồng Thi đua - Khen thưởng "
            "huyện, lên công bố các quyết định khen thưởng",
        ],
    )


def test_edited_words_appear_and_parts_left_out_do_not(store, cli, demo_id, tmp_path):
    reader = (
        "đồng chí Nguyễn Văn Tâm, Trưởng phòng Nội vụ, Phó Chủ tịch Thường trực Hội đồng "
        "Thi đua - Khen thưởng huyện"
    )
    assert (
        cli(
            "script-parts", "edit", "decisions", "--ceremony", str(demo_id), "--speaker", reader
        ).status
        == 0
    )
    words = "Thưa hội nghị!\nTiết mục văn nghệ chào mừng của Đội văn nghệ xã Vũ Quý.\n(Nhạc nền)"
    assert (
        cli("script-parts", "edit", "opening", "--ceremony", str(demo_id), "--text", words).status
        == 0
    )
    assert (
        cli("script-parts", "edit", "speech", "--ceremony", str(demo_id), "--disable").status == 0
    )
    text = _script(cli, demo_id, tmp_path / "k.pdf")
    _after(
        text,
        [
            "I. TUYÊN BỐ LÝ DO",
            "Tiết mục văn nghệ chào mừng của Đội văn nghệ xã Vũ Quý.",
            "(Nhạc nền)",
            "II. GIỚI THIỆU ĐẠI BIỂU",
            f"kính mời {reader}, lên công bố",
            "V. TRAO TẶNG KHEN THƯỞNG",
            "VI. PHÁT ĐỘNG PHONG TRÀO",
        ],
    )
    assert "PHÁT BIỂU CỦA LÃNH ĐẠO CẤP TRÊN" not in text
    assert "Nghiêm! Chào cờ" not in text  # the edited words replace the default ones
    # Reset brings the default words back; the reader named stays.
    assert cli("script-parts", "reset", "opening", "--ceremony", str(demo_id)).status == 0
    text = _script(cli, demo_id, tmp_path / "k2.pdf")
    assert "Nghiêm! Chào cờ, chào!" in text and "Tiết mục văn nghệ" not in text
    assert _squash(f"kính mời {reader}, lên công bố") in _squash(text)


def test_a_ceremony_without_pledge_or_covenant_has_no_such_part(store, cli, demo_id, tmp_path):
    from kx_ceremony.core.services.pledges.editing import delete_document, find_document

    delete_document(store, find_document(store, demo_id, "pledge").id)
    text = _script(cli, demo_id, tmp_path / "k.pdf")
    assert "CAM KẾT" not in text and "cam kết" not in text
    assert "VIII. KÝ KẾT GIAO ƯỚC THI ĐUA" in text and "IX. CẢM ƠN, BẾ MẠC" in text
    parts = {p.key: p for p in list_parts(store, demo_id)}
    assert not parts["pledge"].available and not parts["pledge"].held
    assert parts["covenant"].held


def _said_lines(pdf: Path) -> list[str]:
    """The script's lines except headings (a heading line is all capitals)."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    lines = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    return [line for line in lines if line != line.upper() and not line.startswith("Kịch bản –")]


def test_written_to_be_read_aloud(store, cli, demo_id, tmp_path):
    from kx_ceremony.core.services.stage_edits import set_attendance

    rows = {r.name: r for r in list_honourees(store, demo_id)}
    set_attendance(store, demo_id, rows["Bùi Văn Khải"].id, "substitute", "Ông Bùi Văn Thay")
    set_attendance(store, demo_id, rows["Đỗ Thị Lan"].id, "absent")
    edit_part(store, demo_id, "closing", text="Xin cảm ơn UBND huyện và HĐND huyện.")
    out = tmp_path / "k.pdf"
    text = _script(cli, demo_id, out)
    words = re.findall(r"[\w&/.-]+", text)
    spoken = [w.strip(".") for w in words if "/" not in w]  # decision numbers stay as written
    for short in ABBREVIATIONS:
        assert short not in spoken, short
    assert "Ủy ban nhân dân huyện và Hội đồng nhân dân huyện" in text  # typed words too
    assert "KT." not in text and "Người ký" not in text
    # Who walks up is said in a sentence, never in brackets.
    assert "Ủy ban nhân dân xã Vũ Quý, do ông Bùi Văn Thay nhận thay" in text
    assert (
        "Phòng Giáo dục và Đào tạo huyện Kiến Xương, do Trưởng phòng Phạm Văn Toàn đại "
        "diện nhận" in text
    )
    assert not re.search(r"\((đại diện|[^)]*nhận thay)", text)
    # No capitals inside a sentence, except names: no word in capitals outside headings.
    for line in _said_lines(out):
        for word in re.findall(r"\w+", line):
            if len(word) > 1 and word.isupper() and not word.isdigit():
                assert re.search(r"\d+/[\w-]*" + word, line), (word, line)
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in text
    assert "tổ chức hội nghị tổng kết công tác thi đua" in text  # the title inside a sentence


def test_every_honouree_of_every_round_is_named_in_stage_order(store, cli, demo_id, tmp_path):
    from kx_ceremony.core.services.stage import plan_rounds

    plan_rounds(store, demo_id, per_round=4)  # many rounds, most of a page each
    out = tmp_path / "k.pdf"
    text = _script(cli, demo_id, out)
    plan = load_stage_plan(store, demo_id)
    assert sum(len(rp.slots) for rp in plan.rounds) == len(list_honourees(store, demo_id))
    position = _squash(text).find("TRAOTẶNGKHENTHƯỞNG")
    for rp in plan.rounds:
        names = [f"{s.number}. {''.join(honouree_words(s.honouree))}" for s in rp.slots]
        position = _after(text, [f"Đợt {rp.round.number}.", *names], position)
    # Layout: on every page, the numbered names stand at one indent, right of the words.
    for page in range(1, len(page_texts(out)) + 1):
        words = page_words(out, page)
        firsts = [w for w in words if not any(o.x0 < w.x0 and abs(o.y0 - w.y0) < 1 for o in words)]
        numbers = [w for w in firsts if re.fullmatch(r"\d{1,2}\.", w.text)]
        if numbers:
            lefts = {round(w.x0) for w in numbers}
            assert len(lefts) == 1, lefts
            body = min(w.x0 for w in words)
            assert min(lefts) > body + 10


def test_host_leaders_present_the_hosts_awards_and_seniority_the_rest(store, demo_id):
    rounds = list_rounds(store, demo_id)
    by_award = {r.award: r.presenter.name for r in rounds}
    assert by_award == {
        "Bằng khen của Thủ tướng Chính phủ": "Nguyễn Quang Hưng",
        "Bằng khen của Chủ tịch UBND tỉnh": "Vũ Ngọc Trì",
        "Giấy khen của Chủ tịch UBND huyện": "Đỗ Mạnh Cường",
    }


def test_without_host_leaders_the_seniority_rule_holds(store, cli, demo_id):
    host = next(p for p in list_presenters(store, demo_id) if p.host)
    assert (
        cli("presenters", "edit", str(host.id), "--ceremony", str(demo_id), "--guest").status == 0
    )
    assert cli("rounds", "--ceremony", str(demo_id), "--plan").status == 0
    by_award = {r.award: r.presenter.name for r in list_rounds(store, demo_id)}
    # Three presenters, three forms: one each from the most senior down.
    assert list(by_award.values()) == ["Nguyễn Quang Hưng", "Vũ Ngọc Trì", "Đỗ Mạnh Cường"]
    assert (
        cli(
            "presenters", "edit", str(host.id), "--ceremony", str(demo_id), "--seniority", "1"
        ).status
        == 0
    )
    assert cli("rounds", "--ceremony", str(demo_id), "--plan").status == 0
    # Equal seniority keeps the order they were added in; the highest award goes first.
    assert list_rounds(store, demo_id)[0].presenter.name == "Nguyễn Quang Hưng"


def test_the_organisers_choice_per_award_is_planned_and_read(store, cli, demo_id, tmp_path):
    huyen = find_award_form(store, demo_id, "huyen").id
    hung, tri, _ = list_presenters(store, demo_id)
    result = cli(
        "rounds", "--ceremony", str(demo_id), "--form-presenter", f"{huyen}:{tri.id},{hung.id}"
    )
    assert result.status == 0, result.err
    district = [r for r in list_rounds(store, demo_id) if r.award_form_id == huyen]
    assert [r.presenter.name for r in district] == ["Vũ Ngọc Trì", "Nguyễn Quang Hưng"]
    assert not any(r.manual for r in district)
    # Replanning keeps the choice.
    assert cli("rounds", "--ceremony", str(demo_id), "--plan").status == 0
    district = [r for r in list_rounds(store, demo_id) if r.award_form_id == huyen]
    assert [r.presenter.name for r in district] == ["Vũ Ngọc Trì", "Nguyễn Quang Hưng"]
    text = _script(cli, demo_id, tmp_path / "k.pdf")
    _after(
        text,
        [
            f"Đợt {district[0].number}. Giấy khen",
            "kính mời đồng chí Vũ Ngọc Trì tiếp tục trao Giấy khen",
            f"Đợt {district[1].number}. Giấy khen",
            "kính mời đồng chí Nguyễn Quang Hưng, Ủy viên Ban Thường vụ Tỉnh ủy",
        ],
    )
    by_award = cli("presenters", "--ceremony", str(demo_id), "--by-award", "--format", "json")
    import json

    chosen = {row["award_form_id"]: row["chosen"] for row in json.loads(by_award.out)}
    assert chosen[huyen] == [tri.id, hung.id]
    # 0: back to the rule (the host's leader).
    assert cli("rounds", "--ceremony", str(demo_id), "--form-presenter", f"{huyen}:0").status == 0
    district = [r for r in list_rounds(store, demo_id) if r.award_form_id == huyen]
    assert {r.presenter.name for r in district} == {"Đỗ Mạnh Cường"}


def test_wrong_choices_are_one_line_and_change_nothing(store, cli, demo_id):
    before = [(r.number, r.presenter.id) for r in list_rounds(store, demo_id)]
    huyen = find_award_form(store, demo_id, "huyen").id
    for value in (f"{huyen}:999", "999:1", "x:1", f"{huyen}:1,1"):
        result = cli("rounds", "--ceremony", str(demo_id), "--form-presenter", value)
        assert result.status == 2, value
        assert len(result.err.strip().splitlines()) == 1
    assert [(r.number, r.presenter.id) for r in list_rounds(store, demo_id)] == before


def test_todays_commune_organiser_presents_its_own_giay_khen(store):
    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree
    from kx_ceremony.core.services.presenters import PresenterInput, add_presenter
    from kx_ceremony.core.services.stage import plan_rounds

    cid = create_ceremony(
        store,
        CeremonyInput(
            title="Hội nghị tổng kết năm 2025",
            held_on=dt.date(2026, 1, 8),
            place="Vũ Quý",
            organiser="UBND xã Vũ Quý",
            province="Hưng Yên",
        ),
    )
    for code, name in (("tinh", "Lê Văn A"), ("xa", "Trần Thị B"), ("tinh", "Phạm Văn C")):
        add_honouree(store, cid, HonoureeInput(name, find_award_form(store, cid, code).id))
    add_presenter(
        store, cid, PresenterInput("Chu Văn Khách", ("Phó Chủ tịch UBND tỉnh",), seniority=1)
    )
    add_presenter(
        store, cid, PresenterInput("Hà Văn Chủ", ("Bí thư Đảng ủy xã",), seniority=2, host=True)
    )
    plan_rounds(store, cid)
    assert [(r.award, r.presenter.name) for r in list_rounds(store, cid)] == [
        ("Bằng khen của Chủ tịch UBND tỉnh", "Chu Văn Khách"),
        ("Giấy khen của Chủ tịch UBND xã", "Hà Văn Chủ"),
    ]


def test_part_edits_are_checked_and_one_transaction_each(store, demo_id):
    with pytest.raises(UserError, match="Không có phần «thanks»"):
        edit_part(store, demo_id, "thanks", text="x")
    with pytest.raises(UserError, match="đang trống"):
        edit_part(store, demo_id, "closing", text=" \n \n")
    with pytest.raises(UserError, match="người dẫn chương trình"):
        edit_part(store, demo_id, "opening", speaker="đồng chí A")
    assert not any(p.edited for p in list_parts(store, demo_id))
    part = edit_part(store, demo_id, "closing", text="Dòng một\n\n\n\nDòng  hai ", title="Bế mạc")
    assert part.text == "Dòng một\n\nDòng hai" and part.title == "Bế mạc" and part.edited
    # Words typed back equal to the default are stored as "the default": they follow the data.
    part = edit_part(store, demo_id, "report", text=list_parts(store, demo_id)[2].default_text)
    assert not part.edited
    assert [p.key for p in list_parts(store, demo_id)] == list(PART_KEYS)
    part = reset_part(store, demo_id, "closing")
    assert not part.edited and part.title == "Cảm ơn, bế mạc hội nghị"


def test_the_programme_sheet_follows_the_parts_held(store, cli, demo_id, tmp_path):
    edit_part(store, demo_id, "speech", enabled=False)
    edit_part(store, demo_id, "closing", title="Bế mạc hội nghị")
    out = tmp_path / "ct.pdf"
    assert cli("print", "programme", "--ceremony", str(demo_id), "-o", str(out)).status == 0
    text = " ".join(page_texts(out))
    assert "Bế mạc hội nghị" in text and "Cảm ơn, bế mạc" not in text
    assert "Phát biểu của lãnh đạo cấp trên" not in text
    _after(text, ["Giới thiệu đại biểu", "Trao Giấy khen", "Ký kết giao ước", "Bế mạc"])
