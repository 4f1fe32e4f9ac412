"""Drawing layout boxes onto a ReportLab canvas: the shared part of certificates and the
calibration page.

Text goes through ``canvas.drawString`` (never a Paragraph), so ``<`` and ``&`` in a
name print as themselves. Every text is NFC-normalised and checked against the font
before it is drawn. Fonts are registered once per process and their metrics read from
the already-parsed face, so nothing is decoded again per page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from kx_ceremony.core.printing.fonts import FontSet, check_printable, register_fonts
from kx_ceremony.core.printing.layouts import FieldBox, Layout
from kx_ceremony.core.printing.printer_offset import PrinterOffset
from kx_ceremony.core.printing.textfit import LEADING, MM, FittedText, Measure, fit_text

PRODUCER = "KX Ceremony"


@lru_cache(maxsize=64)
def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


@contextmanager
def binary_streams() -> Iterator[None]:
    """Write compressed streams as binary, not ASCII85 text.

    ASCII85 makes every page stream a quarter larger and costs an encoding pass in pure
    Python; every PDF reader handles binary streams. ReportLab reads the switch from its
    global config while pages are made and saved, so it is set only for that span.
    """
    from reportlab import rl_config

    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


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
        # Characters already checked against the font (every style has the same repertoire).
        self._printable: set[str] = set()

    def _measure_for(self, style: str) -> Measure:
        """Width of a text in a style; cached at 1 pt, as most texts recur on every page."""
        font_name = self.fonts.name(style)
        string_width = self._string_width
        cache: dict[str, float] = {}

        def measure(text: str, size: float) -> float:
            width = cache.get(text)
            if width is None:
                width = cache[text] = string_width(text, font_name, 1.0)
            return width * size

        return measure

    def prepare(self, text: str, where: str, style: str = "regular") -> str:
        """NFC, single spaces, and a refusal naming ``where`` if a character is missing."""
        text = " ".join(unicodedata.normalize("NFC", text).split())
        if text and not self._printable.issuperset(text):
            check_printable(text, where, style)
            self._printable.update(text)
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
        fields: Iterable[tuple[FieldBox, FittedText]],
        page_height: float,
        codes: dict[tuple[FieldBox, FittedText], str] | None = None,
    ) -> None:
        """Draw fitted texts in their boxes, nothing measured again.

        ``codes`` keeps each field's PDF text operators for one file: the lines every
        certificate shares (achievement, decision, signer …) are typeset once per file
        and repeated, which is valid because the font subsets belong to the file.
        """
        for box, fitted in fields:
            if not fitted.lines:
                continue
            key = (box, fitted)
            code = codes.get(key) if codes is not None else None
            if code is None:
                code = self._text_code(canvas, box, fitted, page_height)
                if codes is not None:
                    codes[key] = code
            canvas.addLiteral(code)
            if box.underline:
                self._underline(canvas, box, fitted, page_height)

    def _placed_lines(
        self, box: FieldBox, fitted: FittedText, page_height: float
    ) -> Iterator[tuple[str, float, float, float]]:
        """(line, x, baseline, width) of each line, centred vertically in the box."""
        size = fitted.size
        face = self._faces[box.style]
        ascent, descent = face.ascent / 1000.0, face.descent / 1000.0
        line_h = size * LEADING
        left, width = box.x * MM, box.width * MM
        block = line_h * len(fitted.lines)
        slot_top = (page_height - box.y) * MM - (box.height * MM - block) / 2
        for i, (line, line_width) in enumerate(zip(fitted.lines, fitted.widths, strict=True)):
            slot_bottom = slot_top - line_h * (i + 1)
            baseline = slot_bottom + (line_h - (ascent - descent) * size) / 2 - descent * size
            if box.align == "left":
                x = left
            elif box.align == "right":
                x = left + width - line_width
            else:
                x = left + (width - line_width) / 2
            yield line, x, baseline, line_width

    def lines_in_mm(self, box: FieldBox, fitted: FittedText) -> list[tuple[str, float, float]]:
        """(line, left, baseline) of each line in millimetres from the page's top-left, as
        ``draw`` places them: what the layout designer shows inside a box."""
        height = box.y + box.height  # any page at least as tall as the box does
        return [
            (line, x / MM, height - baseline / MM)
            for line, x, baseline, _ in self._placed_lines(box, fitted, height)
        ]

    def _text_code(self, canvas: Any, box: FieldBox, fitted: FittedText, page_height: float) -> str:
        text_object = canvas.beginText()
        text_object.setFont(self.fonts.name(box.style), fitted.size, fitted.size * LEADING)
        text_object.setFillColorRGB(*hex_to_rgb(box.colour))
        for line, x, baseline, _ in self._placed_lines(box, fitted, page_height):
            # textLine, unlike drawString, does not measure the text again.
            text_object.setTextOrigin(x, baseline)
            text_object.textLine(line)
        return text_object.getCode()

    def _underline(
        self, canvas: Any, box: FieldBox, fitted: FittedText, page_height: float
    ) -> None:
        """The rule under the motto, as long as the text (Decree 30)."""
        descent = self._faces[box.style].descent / 1000.0
        canvas.setStrokeColorRGB(*hex_to_rgb(box.colour))
        canvas.setLineWidth(max(fitted.size / 20, 0.6))
        for _, x, baseline, line_width in self._placed_lines(box, fitted, page_height):
            rule_y = baseline + descent * fitted.size * 0.9
            canvas.line(x, rule_y, x + line_width, rule_y)


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


DRAFT_MARK = "BẢN IN THỬ"
DRAFT_NOTE = "BẢN IN THỬ - KHÔNG DÙNG ĐỂ TRAO TẶNG"


def draw_draft_mark(canvas: Any, page_width_mm: float, page_height_mm: float) -> None:
    """Mark a page as a test print: a line at the top and a large slanted word across.

    Drawn last, over everything, in the page's own coordinates (no printer offset).
    """
    from reportlab.pdfbase import pdfmetrics

    bold = register_fonts().name("bold")
    w, h = page_width_mm * MM, page_height_mm * MM
    canvas.saveState()
    note_size = max(9.0, min(w, h) / 60)
    canvas.setFillColorRGB(0.8, 0.0, 0.0)
    canvas.setFont(bold, note_size)
    canvas.drawCentredString(w / 2, h - 2.2 * note_size, DRAFT_NOTE)
    size = min(w, h) / 6
    width = pdfmetrics.stringWidth(DRAFT_MARK, bold, size)
    if width > 0.9 * (w**2 + h**2) ** 0.5:
        size *= 0.9 * (w**2 + h**2) ** 0.5 / width
    canvas.setFillColorRGB(0.85, 0.2, 0.2)
    canvas.setFillAlpha(0.18)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(30)
    canvas.setFont(bold, size)
    canvas.drawCentredString(0, -size / 3, DRAFT_MARK)
    canvas.restoreState()
