"""The tray list under each round's stage: the order the certificates are stacked in for
the person handing them over (number 1 on top); absentees listed apart, off the tray."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kx_ceremony.core.printing.fonts import register_fonts
from kx_ceremony.core.printing.lineup_measure import (
    DETAIL_W,
    LEAD,
    MARGIN,
    MM,
    NAME_W,
    NUMBER_W,
    PAGE_W,
    ROW_PAD,
    TRAY_FLOOR,
    TRAY_START,
    wrap,
)
from kx_ceremony.core.printing.stage_text import called_name, where_from, who_receives
from kx_ceremony.core.services.stage_snapshot import RoundPlan


@dataclass(frozen=True)
class TrayRow:
    number: str
    name: list[str]
    detail: list[str]
    italic: bool = False

    def height(self, size: float) -> float:
        return max(len(self.name), len(self.detail), 1) * size * LEAD + 2 * ROW_PAD


def tray_rows(rp: RoundPlan, size: float) -> list[TrayRow]:
    fonts = register_fonts()
    bold, regular, italic = fonts.name("bold"), fonts.name(), fonts.name("italic")
    rows = []
    for slot in rp.slots:
        h = slot.honouree
        detail = where_from(h)
        receiver = who_receives(h)
        if receiver:
            detail = f"{detail} ({receiver})" if detail else f"({receiver})"
        rows.append(
            TrayRow(
                f"{slot.number}.",
                wrap(called_name(h), bold, size, NAME_W - 3 * MM),
                wrap(detail, regular, max(TRAY_FLOOR, size - 2), DETAIL_W),
            )
        )
    if rp.absent:
        names = "; ".join(called_name(h) for h in rp.absent)
        text = f"Vắng, KHÔNG đặt lên khay (để riêng): {names}"
        rows.append(TrayRow("", wrap(text, italic, size, PAGE_W - 2 * MARGIN), [], True))
    return rows


TRAY_TITLE = "KHAY BẰNG – xếp theo thứ tự dưới đây, số 1 nằm trên cùng:"
TRAY_TITLE_H = 8 * MM


def tray_size(rp: RoundPlan, room: float) -> float:
    """The largest size (14 pt down to 8 pt) at which the whole tray list fits ``room``."""
    size = TRAY_START
    while size > TRAY_FLOOR:
        if sum(r.height(size) for r in tray_rows(rp, size)) <= room - TRAY_TITLE_H:
            return size
        size -= 0.5
    return TRAY_FLOOR


def _tray_row(c: Any, row: TrayRow, size: float, top: float) -> float:
    fonts = register_fonts()
    bold, regular, italic = fonts.name("bold"), fonts.name(), fonts.name("italic")
    y = top - ROW_PAD
    if row.italic:
        c.setFont(italic, size)
        for line in row.name:
            y -= size * LEAD
            c.drawString(MARGIN, y + size * 0.25, line)
    else:
        c.setFont(bold, size)
        c.drawRightString(MARGIN + NUMBER_W - 3 * MM, y - size * LEAD + size * 0.25, row.number)
        ny = y
        for line in row.name:
            ny -= size * LEAD
            c.drawString(MARGIN + NUMBER_W, ny + size * 0.25, line)
        small = max(TRAY_FLOOR, size - 2)
        c.setFont(regular, small)
        dy = y
        for line in row.detail:
            dy -= size * LEAD  # same line pitch as the names, so both columns line up
            c.drawString(MARGIN + NUMBER_W + NAME_W, dy + size * 0.25, line)
    bottom = top - row.height(size)
    c.setLineWidth(0.3)
    c.line(MARGIN, bottom, PAGE_W - MARGIN, bottom)
    return bottom
