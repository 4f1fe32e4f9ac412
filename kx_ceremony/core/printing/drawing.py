"""Drawing layout boxes onto a ReportLab canvas: the shared part of certificates and the
calibration page.

Text goes through ``canvas.drawString`` (never a Paragraph), so ``<`` and ``&`` in a
name print as themselves. Every text is NFC-normalised and checked against the font
before it is drawn. Fonts are registered once per process and their metrics read from
the already-parsed face, so nothing is decoded again per page.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from kx_ceremony.core.printing.fonts import FontSet, check_printable, register_fonts
from kx_ceremony.core.printing.layouts import FieldBox, Layout
from kx_ceremony.core.printing.printer_offset import PrinterOffset
from kx_ceremony.core.printing.textfit import LEADING, MM, FittedText, fit_text

PRODUCER = "KX Ceremony"


@lru_cache(maxsize=64)
def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def new_canvas(path: Path, layout: Layout, title: str) -> Any:
    """A canvas whose PDF asks viewers to print at 100 % (PrintScaling None).

    Viewers otherwise shrink the page to the printer's printable area, which moves
    every field off its place on a pre-printed blank.
    """
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    canvas = Canvas(
        str(path),
        pagesize=(layout.page_width * MM, layout.page_height * MM),
        pageCompression=1,
    )
    canvas.setViewerPreference("PrintScaling", "None")
    canvas.setTitle(title)
    canvas.setAuthor(PRODUCER)
    canvas.setCreator(PRODUCER)
    return canvas


class Typesetter:
    """Places text in layout boxes, measured in millimetres from the page's top-left."""

    def __init__(self) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.fonts: FontSet = register_fonts()
        self._string_width = pdfmetrics.stringWidth
        self._faces = {
            style: pdfmetrics.getFont(self.fonts.name(style)).face
            for style in ("regular", "bold", "italic", "bolditalic")
        }
        self._measures = {style: self._measure_for(style) for style in self._faces}

    def _measure_for(self, style: str):
        font_name = self.fonts.name(style)
        string_width = self._string_width

        def measure(text: str, size: float) -> float:
            return string_width(text, font_name, size)

        return measure

    def prepare(self, text: str, where: str, style: str = "regular") -> str:
        """NFC, single spaces, and a refusal naming ``where`` if a character is missing."""
        text = " ".join(unicodedata.normalize("NFC", text).split())
        if text:
            check_printable(text, where, style)
        return text

    def fit(self, box: FieldBox, text: str) -> FittedText:
        return fit_text(
            text,
            self._measures[box.style],
            box.size,
            box.min_size or box.size,
            box.width * MM,
            box.height * MM,
            box.max_lines,
        )

    def draw(
        self,
        canvas: Any,
        box: FieldBox,
        text: str,
        page_height: float,
        fitted: FittedText | None = None,
    ) -> FittedText:
        """Draw already prepared ``text`` in ``box``; returns the size and lines used."""
        fitted = fitted or self.fit(box, text)
        if not fitted.lines:
            return fitted
        size = fitted.size
        face = self._faces[box.style]
        ascent, descent = face.ascent / 1000.0, face.descent / 1000.0
        line_h = size * LEADING
        left = box.x * MM
        width = box.width * MM
        top = (page_height - box.y) * MM
        block = line_h * len(fitted.lines)
        slot_top = top - (box.height * MM - block) / 2
        font_name = self.fonts.name(box.style)
        canvas.setFont(font_name, size)
        canvas.setFillColorRGB(*hex_to_rgb(box.colour))
        measure = self._measures[box.style]
        for i, line in enumerate(fitted.lines):
            slot_bottom = slot_top - line_h * (i + 1)
            baseline = slot_bottom + (line_h - (ascent - descent) * size) / 2 - descent * size
            if box.align == "left":
                x = left
            elif box.align == "right":
                x = left + width - measure(line, size)
            else:
                x = left + (width - measure(line, size)) / 2
            canvas.drawString(x, baseline, line)
            if box.underline:
                rule_y = baseline + descent * size * 0.9
                canvas.setStrokeColorRGB(*hex_to_rgb(box.colour))
                canvas.setLineWidth(max(size / 20, 0.6))
                canvas.line(x, rule_y, x + measure(line, size), rule_y)
        return fitted


def draw_border(canvas: Any, layout: Layout) -> None:
    """The double frame of the full design (a blank has it pre-printed)."""
    border = layout.border
    if border is None:
        return
    canvas.setStrokeColorRGB(*hex_to_rgb(border.colour))
    w, h = layout.page_width * MM, layout.page_height * MM
    inset = border.inset * MM
    if border.width:
        canvas.setLineWidth(border.width)
        canvas.rect(inset, inset, w - 2 * inset, h - 2 * inset)
    if border.inner_width:
        gap = inset + border.inner_gap * MM
        canvas.setLineWidth(border.inner_width)
        canvas.rect(gap, gap, w - 2 * gap, h - 2 * gap)


def shift(canvas: Any, offset: PrinterOffset) -> None:
    """Move everything drawn after this by the printer offset (y measured downwards)."""
    if offset.x_mm or offset.y_mm:
        canvas.translate(offset.x_mm * MM, -offset.y_mm * MM)
