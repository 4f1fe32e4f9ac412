"""The lists an office hands out, read back: the decision's appendix, receipt lists by unit,
the programme sheet, presidium name cards and seat place cards."""

from __future__ import annotations

import datetime as dt
import math
import re

import pytest
from printing_helpers import MM, page_texts, page_words, words_of  # noqa: F401

from kx_ceremony.core.printing.receipts import unit_of
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.presenters import list_presenters
from kx_ceremony.core.text.abbreviations import spell_out


def _print(cli, document: str, ceremony: int, out) -> list[str]:
    result = cli("print", document, "--ceremony", str(ceremony), "-o", str(out))
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    return page_texts(out)


def _inside_a4_margins(out, page: int) -> None:
    for w in page_words(out, page):
        assert w.x0 >= 30 * MM - 1 and w.x1 <= (210 - 15) * MM + 1, w
        assert w.y0 >= 5 * MM and w.y1 <= (297 - 20) * MM + 1, w  # page numbers in the top margin


def test_appendix_lists_each_award_collectives_then_individuals(cli, store, demo_id, tmp_path):
    out = tmp_path / "appendix.pdf"
    pages = _print(cli, "appendix", demo_id, out)
    text = " ".join(pages)
    assert not re.search(r"(?<![/-])UBND", text)  # only inside decision numbers
    assert (
        "(Kèm theo Quyết định số 3050/QĐ-UBND ngày 28 tháng 12 năm 2022 của Chủ tịch Ủy ban "
        "nhân dân tỉnh Thái Bình)" in text
    )
    assert "Quyết định số 2156/QĐ-TTg ngày 20 tháng 12 năm 2022 của Thủ tướng Chính phủ" in text
    province = next(p for p in pages if "3050/QĐ-UBND" in p)
    assert province.index("I. TẬP THỂ") < province.index("II. CÁ NHÂN")
    assert "Tập thể và cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in province
    tinh = [h for h in list_honourees(store, demo_id) if "3050" in (h.decision_number or "")]
    collectives = sum(h.kind == "collective" for h in tinh)
    assert f"Danh sách có {collectives} tập thể và {len(tinh) - collectives} cá nhân." in province
    # A list of individuals only says so, and counts only them.
    ttg = next(p for p in pages if "2156/QĐ-TTg" in p)
    assert "Cá nhân được tặng Bằng khen của Thủ tướng Chính phủ" in ttg
    assert "Danh sách có 2 cá nhân." in ttg and "tập thể" not in ttg.lower().split("kèm theo")[0]
    for h in list_honourees(store, demo_id):
        assert spell_out(h.name) in text, h.name
    # The issuing body in full on two lines, "ỦY BAN NHÂN DÂN" over "TỈNH THÁI BÌNH".
    page = pages.index(province) + 1
    words = page_words(out, page)
    body, place = words_of(words, "ỦY BAN NHÂN DÂN"), words_of(words, "TỈNH THÁI BÌNH")
    assert body[0].y1 <= place[0].y0 + 1
    for n in range(1, len(pages) + 1):
        _inside_a4_margins(out, n)


def test_receipts_one_list_per_unit(cli, store, demo_id, tmp_path):
    out = tmp_path / "receipts.pdf"
    pages = _print(cli, "receipts", demo_id, out)
    rows = list_honourees(store, demo_id)
    units = {unit_of(h) for h in rows}
    assert len(pages) == len(units)
    for h in rows:
        holders = [p for p in pages if h.name in p]
        assert len(holders) >= 1, h.name
    army = next(p for p in pages if "Ban Chỉ huy Quân sự huyện" in p)
    assert "DANH SÁCH KÝ NHẬN BẰNG KHEN, GIẤY KHEN VÀ TIỀN THƯỞNG" in army
    assert "Ông Vũ Quốc Việt" in army and "Tổng cộng: 1" in army
    assert "NGƯỜI LẬP DANH SÁCH" in army and "ĐẠI DIỆN ĐƠN VỊ NHẬN" in army
    for n in range(1, len(pages) + 1):
        _inside_a4_margins(out, n)


def test_programme_runs_the_conference_in_order(cli, store, demo_id, tmp_path):
    out = tmp_path / "programme.pdf"
    text = " ".join(_print(cli, "programme", demo_id, out))
    order = [
        "Tuyên bố lý do, chào cờ (Quốc ca)",
        "Giới thiệu đại biểu",
        "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2022",
        "Công bố các quyết định khen thưởng",
        "Trao Bằng khen của Thủ tướng Chính phủ",
        "Trao Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "Trao Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
        "Phát biểu của lãnh đạo cấp trên",
        "Phát động phong trào thi đua yêu nước năm 2023",
        "Thông qua bản cam kết thi đua",
        "Ký kết giao ước thi đua",
        "Cảm ơn, bế mạc hội nghị",
    ]
    at = [text.find(part) for part in order]
    assert all(i >= 0 for i in at), list(zip(order, at, strict=True))
    assert at == sorted(at)
    assert "Nguyễn Quang Hưng" in text and not re.search(r"(?<![/-])UBND", text)
    _inside_a4_margins(out, 1)


def test_namecards_presidium_tents_and_seat_cards(cli, store, demo_id, tmp_path):
    out = tmp_path / "cards.pdf"
    pages = _print(cli, "namecards", demo_id, out)
    presenters = list_presenters(store, demo_id)
    seated = [h for h in list_honourees(store, demo_id) if h.round is not None]
    assert len(pages) == len(presenters) + math.ceil(len(seated) / 8)
    assert "NGUYỄN QUANG HƯNG" in pages[0]
    # Seat cards: every word inside one card (2 columns x 4 rows of an A4 page).
    card_w, card_h = 210 * MM / 2, 297 * MM / 4
    for n in range(len(presenters) + 1, len(pages) + 1):
        for w in page_words(out, n):
            assert math.floor(w.x0 / card_w) == math.floor((w.x1 - 0.01) / card_w), w
            assert math.floor(w.y0 / card_h) == math.floor((w.y1 - 0.01) / card_h), w
    first = seated[0]
    assert f"Đợt {first.round} - Số {first.position_on_stage}" in pages[len(presenters)]
    # The presidium tent: the name once on each half (the upper one upside down).
    name = [w for w in page_words(out, 1) if w.text in {"NGUYỄN", "QUANG", "HƯNG"}]
    assert len(name) == 6
    assert sum(w.y1 < 105 * MM for w in name) == 3 and sum(w.y0 > 105 * MM for w in name) == 3
    assert all(w.x0 > 10 * MM and w.x1 < 287 * MM for w in name)


@pytest.mark.parametrize("document", ["appendix", "receipts", "namecards"])
def test_empty_ceremony_is_refused_in_one_line(cli, store, tmp_path, document):
    cid = create_ceremony(store, CeremonyInput("Lễ trống", dt.date(2025, 9, 1)))
    out = tmp_path / "x.pdf"
    result = cli("print", document, "--ceremony", str(cid), "-o", str(out))
    assert result.status == 2
    assert len(result.err.strip().splitlines()) == 1
    assert not out.exists()


def test_programme_cells_start_with_a_capital(cli, demo_id, tmp_path):
    out = tmp_path / "chuong-trinh.pdf"
    text = " ".join(_print(cli, "programme", demo_id, out))
    assert "Đồng chí Nguyễn Quang Hưng" in text
    assert not re.search(r"(?:Chính phủ|tỉnh|huyện) đồng chí", text)  # no cell starts lower-case
