"""The line-up: one A4 landscape page per round, in large type, for the stage manager.

Top: the round, the award, the presenter. Middle: the stage seen from the audience, the
numbered places left to right with the name standing in each. Bottom: the tray list,
the order in which the certificates are stacked for the person handing them over
(number 1 on top), with the same numbers. Absentees' certificates are listed apart:
they stay off the tray.
"""

from __future__ import annotations

from pathlib import Path

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.printing.fonts import check_printable, register_fonts
from kx_ceremony.core.printing.stage_text import (
    PLACEHOLDER_PRESENTER,
    called_name,
    where_from,
    who_receives,
)
from kx_ceremony.core.services.stage_view import RoundPlan, StagePlan

MM = 72 / 25.4
PAGE_W, PAGE_H = 297 * MM, 210 * MM
MARGIN = 12 * MM


def _fit(text: str, font: str, size: float, width: float, smallest: float = 7) -> float:
    """The largest size <= ``size`` at which ``text`` fits ``width`` (never below smallest)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _box_text(
    text: str, font: str, width: float, height: float, start: float
) -> tuple[list[str], float]:
    """Wrap ``text`` into the box, shrinking only as much as it needs."""
    size = start
    while True:
        lines = _wrap(text, font, size, width)
        widest = max((_fit(line, font, size, width) for line in lines), default=size)
        if len(lines) * size * 1.15 <= height and widest == size or size <= 7:
            return lines, size
        size -= 0.5


def _stage(c, rp: RoundPlan, top: float, height: float) -> None:  # type: ignore[no-untyped-def]
    fonts = register_fonts()
    bold, regular, italic = fonts.name("bold"), fonts.name(), fonts.name("italic")
    width = PAGE_W - 2 * MARGIN
    c.setLineWidth(1.2)
    c.rect(MARGIN, top - height, width, height)
    c.setFont(italic, 11)
    c.drawCentredString(PAGE_W / 2, top - 5 * MM, "PHÍA SAU SÂN KHẤU (phông, bục)")
    c.drawCentredString(
        PAGE_W / 2,
        top - height - 6 * MM,
        f"KHÁN GIẢ NGỒI PHÍA NÀY  (sơ đồ nhìn từ phía khán giả: số 1 ở bên trái; "
        f"người trao đi từ số 1 đến số {len(rp.slots)})",
    )
    n = len(rp.slots)
    gap = 2 * MM
    inner = width - 8 * MM
    # A few people stand in boxes of a person's width, centred, not stretched to the wings.
    slot_w = min((inner - gap * (n - 1)) / n, 60 * MM)
    row_w = n * slot_w + (n - 1) * gap
    slot_h = height - 16 * MM
    y = top - 9 * MM - slot_h
    name_size = max(14.0, min(24.0, slot_w / MM * 0.5))
    for i, slot in enumerate(rp.slots):
        x = MARGIN + (width - row_w) / 2 + i * (slot_w + gap)
        c.setLineWidth(0.8)
        c.roundRect(x, y, slot_w, slot_h, 2 * MM)
        number = str(slot.number)
        size = min(32, slot_w * 0.6)
        c.setFont(bold, size)
        c.drawCentredString(x + slot_w / 2, y + slot_h - size * 0.9 - 1 * MM, number)
        text = called_name(slot.honouree)
        receiver = who_receives(slot.honouree)
        # Whoever walks up instead (representative, substitute) keeps room to be read.
        reserve = 14 * MM if receiver else 0
        lines, fsize = _box_text(
            text, bold, slot_w - 2 * MM, slot_h - size - 8 * MM - reserve, name_size
        )
        ty = y + slot_h - size - 3 * MM - fsize
        c.setFont(bold, fsize)
        for line in lines:
            c.drawCentredString(x + slot_w / 2, ty, line)
            ty -= fsize * 1.15
        if receiver:
            small, ssize = _box_text(
                f"({receiver})", italic, slot_w - 2 * MM, ty - y - 1 * MM, name_size * 0.75
            )
            c.setFont(italic, ssize)
            for line in small:
                c.drawCentredString(x + slot_w / 2, ty, line)
                ty -= ssize * 1.15
    del regular


def _tray(c, rp: RoundPlan, top: float, bottom: float) -> None:  # type: ignore[no-untyped-def]
    fonts = register_fonts()
    bold, regular, italic = fonts.name("bold"), fonts.name(), fonts.name("italic")
    c.setFont(bold, 15)
    c.drawString(MARGIN, top, "KHAY BẰNG – xếp theo thứ tự dưới đây, số 1 nằm trên cùng:")
    rows = len(rp.slots) + (1 if rp.absent else 0)
    line_h = min(9 * MM, (top - 4 * MM - bottom) / max(rows, 1))
    size = min(15, line_h / MM * 1.9)
    y = top - line_h
    number_w = 14 * MM
    name_w = 110 * MM
    for slot in rp.slots:
        h = slot.honouree
        c.setFont(bold, size)
        c.drawRightString(MARGIN + number_w - 3 * MM, y, f"{slot.number}.")
        name = called_name(h)
        c.setFont(bold, _fit(name, bold, size, name_w - 3 * MM))
        c.drawString(MARGIN + number_w, y, name)
        detail = where_from(h)
        receiver = who_receives(h)
        if receiver:
            detail = f"{detail} ({receiver})" if detail else f"({receiver})"
        rest_w = PAGE_W - 2 * MARGIN - number_w - name_w
        c.setFont(regular, _fit(detail, regular, size - 2, rest_w))
        c.drawString(MARGIN + number_w + name_w, y, detail)
        c.setLineWidth(0.3)
        c.line(MARGIN, y - line_h * 0.3, PAGE_W - MARGIN, y - line_h * 0.3)
        y -= line_h
    if rp.absent:
        names = "; ".join(called_name(h) for h in rp.absent)
        text = f"Vắng, KHÔNG đặt lên khay (để riêng): {names}"
        c.setFont(italic, _fit(text, italic, size - 1, PAGE_W - 2 * MARGIN))
        c.drawString(MARGIN, y, text)


def _page(c, plan: StagePlan, rp: RoundPlan, total: int) -> None:  # type: ignore[no-untyped-def]
    fonts = register_fonts()
    bold, regular = fonts.name("bold"), fonts.name()
    r = rp.round
    head = f"ĐỢT {r.number}: {r.award.upper()}"
    c.setFont(bold, _fit(head, bold, 26, PAGE_W - 2 * MARGIN - 45 * MM))
    c.drawString(MARGIN, PAGE_H - MARGIN - 8 * MM, head)
    c.setFont(regular, 13)
    c.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN - 8 * MM, f"{len(rp.slots)} người lên nhận")
    intro = r.presenter.introduction if r.presenter else PLACEHOLDER_PRESENTER
    line = f"Người trao: {intro}"
    c.setFont(bold, _fit(line, bold, 15, PAGE_W - 2 * MARGIN))
    c.drawString(MARGIN, PAGE_H - MARGIN - 17 * MM, line)
    stage_top = PAGE_H - MARGIN - 23 * MM
    stage_h = 68 * MM
    _stage(c, rp, stage_top, stage_h)
    _tray(c, rp, stage_top - stage_h - 14 * MM, MARGIN + 1 * MM)
    c.setFont(fonts.name("italic"), 9)
    c.drawString(MARGIN, MARGIN - 4 * MM, plan.ceremony.title[:150])
    c.drawRightString(
        PAGE_W - MARGIN, MARGIN - 4 * MM, f"Sơ đồ sân khấu – trang {c.getPageNumber()}"
    )


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


def make_lineup(store, ceremony_id: int, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """Load and check the stage plan, then write the line-up."""
    from kx_ceremony.core.services.stage_view import load_stage_plan

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
        _page(c, plan, rp, len(plan.rounds))
        c.showPage()
    c.save()
    return out
