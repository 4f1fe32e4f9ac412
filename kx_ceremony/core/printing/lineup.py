"""The line-up: A4 landscape pages per round, in large type, for the stage manager.

Top: the round, the award, the presenter (and a warning when the round is larger than
the ceremony's round size). Middle: the stage seen from the audience, the numbered
places left to right with the name standing in each. Bottom: the tray list, the order
in which the certificates are stacked for the person handing them over (number 1 on
top), with the same numbers. Absentees' certificates are listed apart: they stay off
the tray.

Nothing leaves its box: long names and units wrap, then shrink to a floor (9 pt on the
stage cards, 8 pt in the tray list); a round whose names still do not fit stands in two
rows (then more), and a tray list that does not fit the page goes on over the next.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.fonts import check_printable, register_fonts
from kx_ceremony.core.printing.lineup_measure import (  # noqa: F401 - the page's measures
    CARD_FLOOR,
    CARD_START,
    DETAIL_W,
    FOOTER_H,
    GAP,
    HEADER_H,
    LEAD,
    MARGIN,
    MAX_CARD_W,
    MM,
    NAME_W,
    NUMBER_W,
    PAGE_H,
    PAGE_W,
    ROW_LABEL_W,
    ROW_PAD,
    STAGE_INNER,
    TRAY_FLOOR,
    TRAY_START,
    _whole_words,
    _width,
    fit_block,
    wrap,
)
from kx_ceremony.core.printing.stage_text import (
    PLACEHOLDER_PRESENTER,
    called_name,
    where_from,
    who_receives,
)
from kx_ceremony.core.printing.tray_list import (  # noqa: F401 - part of the line-up
    TRAY_TITLE,
    TRAY_TITLE_H,
    TrayRow,
    _tray_row,
    tray_rows,
    tray_size,
)
from kx_ceremony.core.services.stage_snapshot import RoundPlan, StagePlan


@dataclass(frozen=True)
class Card:
    number: str
    number_size: float
    name: tuple[list[str], float]
    receiver: tuple[list[str], float] | None


@dataclass(frozen=True)
class StageLayout:
    rows: int
    per_row: int
    card_w: float
    card_h: float
    cards: tuple[Card, ...]

    @property
    def height(self) -> float:
        """The stage box: the rows of cards and room for the labels inside."""
        return self.rows * self.card_h + (self.rows - 1) * GAP + 14 * MM


def _short_receiver(receiver: str) -> str:
    """ "đại diện" / "nhận thay" alone: the full name stays in the tray list."""
    return "nhận thay" if receiver.endswith("nhận thay") else "đại diện"


def _card(
    rp_slot: Any, card_w: float, card_h: float, fonts: Any, short: bool = False
) -> Card | None:
    bold, italic = fonts.name("bold"), fonts.name("italic")
    number_size = max(12.0, min(28.0, card_w * 0.35, card_h * 0.25))
    inner_w = card_w - 1.2 * MM
    room = card_h - number_size * 1.1 - 3.5 * MM
    name = called_name(rp_slot.honouree)
    receiver = who_receives(rp_slot.honouree)
    if receiver and short:
        receiver = _short_receiver(receiver)
    start = max(CARD_FLOOR, min(CARD_START, card_w / MM * 0.5))
    size = start
    while size >= CARD_FLOOR:
        named = fit_block(name, bold, inner_w, room, size, size)
        if named is not None:
            used = len(named[0]) * named[1] * LEAD
            if not receiver:
                return Card(str(rp_slot.number), number_size, named, None)
            small = max(CARD_FLOOR, size * 0.8)
            rec = fit_block(f"({receiver})", italic, inner_w, room - used, small, CARD_FLOOR)
            if rec is not None:
                return Card(str(rp_slot.number), number_size, named, rec)
        size -= 0.5
    return None


# The most a stage may take: the page under the header, less the audience label and footer.
STAGE_MAX_H = PAGE_H - 2 * MARGIN - HEADER_H - 3 * MM - 9 * MM - FOOTER_H
ONE_ROW_CARD_H = 54 * MM


def stage_layout(rp: RoundPlan) -> StageLayout:
    """One row if every name fits its card at 9 pt or more; else two rows, then more.

    Several rows share the page's height (the tray list then goes on the next page). When
    no layout holds the representatives' and substitutes' names at 9 pt, the cards say
    only "(đại diện)" / "(nhận thay)" and the names stay in the tray list.
    """
    for short in (False, True):
        layout = _stage_layout(rp, short)
        if layout is not None:
            return layout
    raise UserError(
        f"Đợt {rp.round.number}: tên quá dài, không vừa sơ đồ sân khấu ở cỡ chữ 9; "
        "hãy rút gọn tên hoặc chia nhỏ đợt (lệnh rounds)."
    )


def _stage_layout(rp: RoundPlan, short: bool) -> StageLayout | None:
    fonts = register_fonts()
    n = len(rp.slots)
    tried: set[tuple[int, int]] = set()
    for wanted in range(1, n + 1):
        per_row = math.ceil(n / wanted)
        rows = math.ceil(n / per_row)
        if (rows, per_row) in tried:
            continue
        tried.add((rows, per_row))
        # Several rows leave a gutter on the left for the row labels ("Hàng 1").
        inner = STAGE_INNER if rows == 1 else STAGE_INNER - 2 * ROW_LABEL_W
        card_w = min((inner - GAP * (per_row - 1)) / per_row, MAX_CARD_W)
        card_h = (STAGE_MAX_H - 14 * MM - (rows - 1) * GAP) / rows
        if rows == 1:
            card_h = min(card_h, ONE_ROW_CARD_H)
        cards = [_card(slot, card_w, card_h, fonts, short) for slot in rp.slots]
        if all(c is not None for c in cards):
            return StageLayout(rows, per_row, card_w, card_h, tuple(cards))  # type: ignore[arg-type]
    return None


def card_origins(layout: StageLayout, top: float) -> list[tuple[float, float]]:
    """The bottom-left corner (points, PDF coordinates) of each card, in stage order.

    Row 1 (numbers 1..k) stands in front, nearest the audience: drawn lowest.
    """
    n = len(layout.cards)
    width = PAGE_W - 2 * MARGIN
    bottom = top - layout.height + 3 * MM
    origins = []
    for index in range(n):
        row, col = divmod(index, layout.per_row)
        in_row = min(layout.per_row, n - row * layout.per_row)
        row_w = in_row * layout.card_w + (in_row - 1) * GAP
        x = MARGIN + (width - row_w) / 2 + col * (layout.card_w + GAP)
        origins.append((x, bottom + row * (layout.card_h + GAP)))
    return origins


def stage_top(plan: StagePlan, rp: RoundPlan) -> float:
    """Where the stage box starts on a round's first page (under the header)."""
    extra = 3 * MM if round_warning(plan, rp) else 0
    return PAGE_H - MARGIN - HEADER_H - extra


def _draw_lines(c: Any, lines: list[str], font: str, size: float, x: float, top: float) -> float:
    """Centred lines from ``top`` down; returns the y under the last line."""
    c.setFont(font, size)
    y = top
    for line in lines:
        y -= size * LEAD
        c.drawCentredString(x, y + size * 0.25, line)
    return y


def _stage(c: Any, rp: RoundPlan, layout: StageLayout, top: float) -> float:
    """Draw the stage box from ``top``; returns the y under the audience label."""
    fonts = register_fonts()
    bold, italic = fonts.name("bold"), fonts.name("italic")
    width = PAGE_W - 2 * MARGIN
    height = layout.height
    c.setLineWidth(1.2)
    c.rect(MARGIN, top - height, width, height)
    c.setFont(italic, 11)
    c.drawCentredString(PAGE_W / 2, top - 5 * MM, "PHÍA SAU SÂN KHẤU (phông, bục)")
    n = len(rp.slots)
    note = (
        f"KHÁN GIẢ NGỒI PHÍA NÀY  (sơ đồ nhìn từ phía khán giả: số 1 ở bên trái; "
        f"người trao đi từ số 1 đến số {n}"
        + (f"; đứng {layout.rows} hàng, hàng 1 ở phía trước)" if layout.rows > 1 else ")")
    )
    size = 11.0
    while size > 8 and c.stringWidth(note, italic, size) > width:
        size -= 0.5
    c.setFont(italic, size)
    c.drawCentredString(PAGE_W / 2, top - height - 6 * MM, note)
    for index, (card, (x, y)) in enumerate(
        zip(layout.cards, card_origins(layout, top), strict=True)
    ):
        row, col = divmod(index, layout.per_row)
        c.setLineWidth(0.8)
        c.roundRect(x, y, layout.card_w, layout.card_h, 2 * MM)
        centre = x + layout.card_w / 2
        c.setFont(bold, card.number_size)
        number_top = y + layout.card_h - 1.5 * MM
        c.drawCentredString(centre, number_top - card.number_size * 0.85, card.number)
        text_top = number_top - card.number_size * 1.1 - 1 * MM
        after = _draw_lines(c, card.name[0], bold, card.name[1], centre, text_top)
        if card.receiver is not None:
            _draw_lines(c, card.receiver[0], italic, card.receiver[1], centre, after)
        if layout.rows > 1 and col == 0:
            # Upright along the left edge, in the gutter the cards leave.
            c.saveState()
            c.translate(MARGIN + 4 * MM, y + layout.card_h / 2)
            c.rotate(90)
            c.setFont(italic, CARD_FLOOR)
            c.drawCentredString(0, 0, f"Hàng {row + 1}")
            c.restoreState()
    return top - height - 9 * MM


def _footer(c: Any, plan: StagePlan) -> None:
    italic = register_fonts().name("italic")
    c.setFont(italic, 9)
    page = f"Sơ đồ sân khấu – trang {c.getPageNumber()}"
    room = PAGE_W - 2 * MARGIN - c.stringWidth(page, italic, 9) - 10 * MM
    title = plan.ceremony.title
    while title and c.stringWidth(title, italic, 9) > room:
        title = title[:-2] + "…"
    c.drawString(MARGIN, MARGIN - 4 * MM, title)
    c.drawRightString(PAGE_W - MARGIN, MARGIN - 4 * MM, page)


def round_warning(plan: StagePlan, rp: RoundPlan) -> str:
    limit = plan.ceremony.per_round
    count = len(rp.slots)
    if count <= limit:
        return ""
    return (
        f"Đợt {rp.round.number} có {count} người lên nhận, quá giới hạn {limit} người mỗi đợt: "
        "nên chia lại đợt hoặc sắp xếp hai hàng như sơ đồ."
    )


def _header(c: Any, plan: StagePlan, rp: RoundPlan, continued: bool = False) -> float:
    fonts = register_fonts()
    bold, regular, italic = fonts.name("bold"), fonts.name(), fonts.name("italic")
    r = rp.round
    head = f"ĐỢT {r.number}: {r.award.upper()}" + (" (TIẾP)" if continued else "")
    size = 26.0
    while size > 10 and c.stringWidth(head, bold, size) > PAGE_W - 2 * MARGIN - 45 * MM:
        size -= 0.5
    c.setFont(bold, size)
    c.drawString(MARGIN, PAGE_H - MARGIN - 8 * MM, head)
    c.setFont(regular, 13)
    c.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN - 8 * MM, f"{len(rp.slots)} người lên nhận")
    intro = r.presenter.introduction if r.presenter else PLACEHOLDER_PRESENTER
    line = f"Người trao: {intro}"
    fitted = fit_block(line, bold, PAGE_W - 2 * MARGIN, 9 * MM, 15, 8) or (
        wrap(line, bold, 8, PAGE_W - 2 * MARGIN)[:2],
        8.0,
    )
    _left_lines(c, fitted[0], bold, fitted[1], PAGE_H - MARGIN - 12 * MM)
    warning = round_warning(plan, rp)
    if warning and not continued:
        c.setFillColorRGB(0.75, 0, 0)
        wsize = 10.0
        while wsize > 7 and c.stringWidth(warning, italic, wsize) > PAGE_W - 2 * MARGIN:
            wsize -= 0.5
        c.setFont(italic, wsize)
        c.drawString(MARGIN, PAGE_H - MARGIN - 22 * MM, warning)
        c.setFillColorRGB(0, 0, 0)
    return stage_top(plan, rp) if not continued else PAGE_H - MARGIN - HEADER_H


def _left_lines(c: Any, lines: list[str], font: str, size: float, top: float) -> None:
    c.setFont(font, size)
    y = top
    for line in lines:
        y -= size * LEAD
        c.drawString(MARGIN, y + size * 0.25, line)


def _round_pages(c: Any, plan: StagePlan, rp: RoundPlan) -> None:
    bold = register_fonts().name("bold")
    top = _header(c, plan, rp)
    layout = stage_layout(rp)
    below = _stage(c, rp, layout, top)
    floor = MARGIN + FOOTER_H / 2
    room = below - floor
    size = tray_size(rp, room)
    rows = tray_rows(rp, size)
    if sum(r.height(size) for r in rows) > room - TRAY_TITLE_H:
        # Does not fit under the stage even at the floor: the list goes on over the next
        # page(s), at the size that fits one full page (never below the floor).
        full = PAGE_H - MARGIN - HEADER_H - floor
        size = max(size, tray_size(rp, room + full))
        rows = tray_rows(rp, size)
        if room < TRAY_TITLE_H + rows[0].height(size):
            _footer(c, plan)
            c.showPage()
            below = _header(c, plan, rp, continued=True)
    c.setFont(bold, 15 if size >= 12 else 13)
    y = below - 5 * MM
    c.drawString(MARGIN, y, TRAY_TITLE)
    y -= 3 * MM
    for row in rows:
        if y - row.height(size) < floor:
            _footer(c, plan)
            c.showPage()
            y = _header(c, plan, rp, continued=True) - 5 * MM
            c.setFont(bold, 13)
            c.drawString(MARGIN, y, "KHAY BẰNG (tiếp):")
            y -= 3 * MM
        y = _tray_row(c, row, size, y)
    _footer(c, plan)
    c.showPage()


def _check(plan: StagePlan) -> None:
    for rp in plan.rounds:
        where = f"Sơ đồ sân khấu, đợt {rp.round.number}"
        check_printable(rp.round.award.upper(), where, "bold")
        if rp.round.presenter:
            check_printable(rp.round.presenter.introduction, f"{where}, người trao", "bold")
        for h in [*(s.honouree for s in rp.slots), *rp.absent]:
            text = " ".join((called_name(h), where_from(h), who_receives(h)))
            check_printable(text, f"{where}, «{h.name}»", "bold")
            check_printable(text, f"{where}, «{h.name}»", "italic")


def lineup_warnings(plan: StagePlan) -> list[str]:
    return [w for rp in plan.rounds if (w := round_warning(plan, rp))]


def make_lineup(store, ceremony_id: int, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """Load and check the stage plan, then write the line-up."""
    from kx_ceremony.core.services.stage_snapshot import load_stage_plan

    plan = load_stage_plan(store, ceremony_id)
    return write_atomically(Path(out), lambda partial: write_lineup(plan, partial))


def write_lineup(plan: StagePlan, out: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    _check(plan)
    out = Path(out)
    c = Canvas(str(out), pagesize=(PAGE_W, PAGE_H))
    c.setTitle("Sơ đồ sân khấu và khay bằng")
    c.setAuthor(plan.ceremony.organiser or "KX Ceremony")
    for rp in plan.rounds:
        _round_pages(c, plan, rp)
    c.save()
    return out
