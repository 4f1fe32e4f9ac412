"""Line-up and tray lists never overflow: 1 to 30 people per round with the longest real
names and units, read back as word boxes (pdftotext -bbox)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from printing_helpers import MM, page_texts, page_words

from kx_ceremony.core.model import Ceremony
from kx_ceremony.core.printing import lineup
from kx_ceremony.core.services.awards import add_award_form
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees
from kx_ceremony.core.services.stage import plan_rounds
from kx_ceremony.core.services.stage_snapshot import load_stage_plan

# Long names and units as real lists write them.
COLLECTIVES = (
    "Trung tâm Phát triển quỹ đất và Hỗ trợ đầu tư xây dựng huyện Kiến Xương",
    "Công ty Trách nhiệm hữu hạn Một thành viên Khai thác công trình thủy lợi Bắc Thái Bình",
    "Ban Quản lý dự án đầu tư xây dựng và phát triển quỹ đất huyện Kiến Xương",
)
PEOPLE = (
    (
        "Công Tằng Tôn Nữ Thị Phương Thảo",
        "female",
        "Phó Trưởng phòng Kinh tế, Hạ tầng và Đô thị",
        "Ủy ban nhân dân phường Trần Lãm, tỉnh Hưng Yên",
    ),
    (
        "Nguyễn Hoàng Phương Thảo Nguyên",
        "female",
        "Giáo viên",
        "Trường Trung học cơ sở Nguyễn Đình Chiểu, xã Quang Lịch, tỉnh Hưng Yên",
    ),
    (
        "Trương Nguyễn Quang Khải Hoàn",
        "male",
        "Chỉ huy trưởng Ban Chỉ huy Quân sự",
        "Ban Chỉ huy Quân sự xã Vũ Quý",
    ),
    ("Lê Thị Ánh", "female", "", ""),
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from kx_ceremony.core.store import open_store

    folder = tmp_path_factory.mktemp("lineup")
    store = open_store(str(folder / "s.sqlite"))
    cid = create_ceremony(store, CeremonyInput("Lễ thử rất đông", dt.date(2026, 1, 8)))
    with store.transaction() as session:
        items = []
        for size in range(1, 31):
            form = add_award_form(store, cid, f"Hình thức thử {size:02d}", 100 + size)
            for i in range(size):
                if i % 5 == 0:
                    name = COLLECTIVES[(size + i) % len(COLLECTIVES)]
                    items.append(
                        HonoureeInput(
                            name=f"{name} {size}-{i}",
                            award_form_id=form,
                            kind="collective",
                            representative="Phó Giám đốc Nguyễn Văn Hùng",
                        )
                    )
                else:
                    name, gender, position, unit = PEOPLE[(size + i) % len(PEOPLE)]
                    items.append(
                        HonoureeInput(
                            name=f"{name} {size}-{i}",
                            award_form_id=form,
                            gender=gender,
                            position=position,
                            unit=unit,
                        )
                    )
        insert_honourees(session, cid, items)
    plan_rounds(store, cid, per_round=30)
    with store.transaction() as session:
        session.get(Ceremony, cid).per_round = 10  # larger rounds get a warning
    out = folder / "lineup.pdf"
    from kx_ceremony.cli import main

    assert (
        main(
            [
                "--db",
                str(folder / "s.sqlite"),
                "print",
                "lineup",
                "--ceremony",
                str(cid),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    plan = load_stage_plan(store, cid)
    store.close()
    return out, plan


def _overlap(a, b, slack: float = 0.6) -> bool:
    return (
        a.x0 < b.x1 - slack and b.x0 < a.x1 - slack and a.y0 < b.y1 - slack and b.y0 < a.y1 - slack
    )


@pytest.mark.slow
def test_every_round_fits_its_cards_and_pages(printed):
    out, plan = printed
    texts = page_texts(out)
    first_pages = {}
    for n, text in enumerate(texts, start=1):
        match = re.match(r"ĐỢT (\d+): ", text)
        assert match, text[:80]
        if "(TIẾP)" not in text.split("người lên nhận")[0]:
            assert int(match[1]) not in first_pages
            first_pages[int(match[1])] = n
    assert len(first_pages) == 30
    for n in range(1, len(texts) + 1):
        words = page_words(out, n)
        for w in words:
            assert w.x0 >= MARGIN_PT - 1 and w.x1 <= 297 * MM - MARGIN_PT + 1, w
            assert w.y0 >= MARGIN_PT - 1 and w.y1 <= 210 * MM - 3 * MM, w
        ordered = sorted(words, key=lambda w: w.y0)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if b.y0 >= a.y1:
                    break
                assert not _overlap(a, b), (n, a, b)
    for rp in plan.rounds:
        size = len(rp.slots)
        page = first_pages[rp.round.number]
        words = page_words(out, page)
        layout = lineup.stage_layout(rp)
        assert layout.rows == 1 or size > 6, (size, layout.rows)
        top = lineup.stage_top(plan, rp)
        cards = [
            (x, 210 * MM - (y + layout.card_h), x + layout.card_w, 210 * MM - y)
            for x, y in lineup.card_origins(layout, top)
        ]
        for x0, y0, x1, y1 in cards:
            assert x0 >= lineup.MARGIN and x1 <= 297 * MM - lineup.MARGIN
            assert y0 >= 210 * MM - top - 0.5 and y1 <= 210 * MM - MARGIN_PT
        in_cards = [w for w in words if any(_inside(w, c) for c in cards)]
        stage_box_bottom = 210 * MM - (top - layout.height)
        for w in words:
            if 210 * MM - top < w.y0 and w.y1 < stage_box_bottom:
                # Inside the stage box: a card's text lies wholly inside one card.
                if (
                    w.text in {"PHÍA", "SAU", "SÂN", "KHẤU", "(phông,", "bục)", "Hàng"}
                    or w.text.isdigit()
                    and w.x0 < lineup.MARGIN + 8 * MM
                ):
                    continue
                assert any(_inside(w, c) for c in cards), (rp.round.number, w)
        names = [w for w in in_cards if not w.text.isdigit()]
        assert (
            names and min(w.height for w in names) >= 9 * 0.88
        )  # poppler: height = 0.89-0.91 x size, rp.round.number
        # Every number of the round on its cards, and the warning on rounds over the limit.
        numbers = {w.text for w in in_cards if w.text.isdigit()}
        assert {str(s.number) for s in rp.slots} <= numbers
        assert ("quá giới hạn 10 người" in texts[page - 1]) == (size > 10)


@pytest.mark.slow
def test_tray_list_floor_and_continuation(printed):
    out, plan = printed
    texts = page_texts(out)
    for rp in plan.rounds:
        pages = [i for i, t in enumerate(texts, start=1) if t.startswith(f"ĐỢT {rp.round.number}:")]
        joined = " ".join(texts[i - 1] for i in pages)
        at = joined.find("KHAY BẰNG")
        for slot in rp.slots:
            found = joined.find(f"{slot.number}. ", at)
            assert found > at, (rp.round.number, slot.number)
            at = found
        tray_words = []
        for i in pages:
            words = page_words(out, i)
            start = next((w.y1 for w in words if w.text == "KHAY"), None)
            if start is not None:
                tray_words += [w for w in words if start < w.y0 < 210 * MM - 12 * MM]
        assert tray_words and min(w.height for w in tray_words) >= 8 * 0.88
    # The largest rounds' tray lists go on over a second page.
    assert any("(TIẾP)" in t for t in texts)


def test_warning_for_rounds_over_the_limit_on_the_command_line(cli, store, demo_id, tmp_path):
    with store.transaction() as session:
        session.get(Ceremony, demo_id).per_round = 3
    result = cli("print", "lineup", "--ceremony", str(demo_id), "-o", str(tmp_path / "l.pdf"))
    assert result.status == 0
    assert "Cảnh báo: Đợt 1" not in result.err  # two people: within the limit
    assert "quá giới hạn 3 người" in result.err


MARGIN_PT = 12 * MM


def _inside(w, card, slack: float = 0.5) -> bool:
    x0, y0, x1, y1 = card
    return w.x0 >= x0 - slack and w.x1 <= x1 + slack and w.y0 >= y0 - slack and w.y1 <= y1 + slack
