"""The line-up's page measures and text fitting: words wrapped to a width, blocks shrunk
to a floor, never cut. Shared by the stage cards (``lineup.py``) and the tray list
(``tray_list.py``)."""

from __future__ import annotations

MM = 72 / 25.4
PAGE_W, PAGE_H = 297 * MM, 210 * MM
MARGIN = 12 * MM
LEAD = 1.15
CARD_FLOOR, TRAY_FLOOR = 9.0, 8.0
CARD_START, TRAY_START = 22.0, 14.0
GAP = 1.5 * MM
STAGE_INNER = PAGE_W - 2 * MARGIN - 8 * MM
MAX_CARD_W = 60 * MM
HEADER_H = 23 * MM
FOOTER_H = 6 * MM
NUMBER_W, NAME_W = 14 * MM, 95 * MM
DETAIL_W = PAGE_W - 2 * MARGIN - NUMBER_W - NAME_W
ROW_PAD = 1.2 * MM
ROW_LABEL_W = 5 * MM


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line is cut between letters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while _width(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and _width(word[:cut], font, size) > width:
                cut -= 1
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{current} {word}".strip()
        if current and _width(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _whole_words(text: str, font: str, size: float, width: float) -> bool:
    return all(_width(word, font, size) <= width for word in text.split())


def fit_block(
    text: str, font: str, width: float, height: float, start: float, floor: float
) -> tuple[list[str], float] | None:
    """The largest size from ``start`` down to ``floor`` at which ``text`` wraps into the box
    without cutting a word; None when it does not fit even at the floor."""
    size = start
    while size >= floor:
        if _whole_words(text, font, size, width):
            lines = wrap(text, font, size, width)
            if len(lines) * size * LEAD <= height:
                return lines, size
        size -= 0.5
    return None
