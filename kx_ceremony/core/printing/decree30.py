"""Pieces every administrative document shares, set to Decree 30/2020 (Appendix I).

A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm; the national title in
bold capitals with the motto under it and a rule exactly as long as the motto; the
place-and-date line in italics; signer titles in bold capitals and signer names in
bold; page numbers centred in the top margin from page 2 on. ReportLab is imported
inside functions so that importing this module costs the window nothing at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.fonts import FontSet, check_printable, register_fonts
from kx_ceremony.core.printing.issuer_lines import full_issuer, parent_line  # noqa: F401
from kx_ceremony.core.text.vietnamese import clean_text

MM = 72 / 25.4
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 20.0, 20.0, 30.0, 15.0
FRAME_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Decree 30: the national title 12-13 pt, the motto one point larger.
NATIONAL_SIZE, MOTTO_SIZE, DATE_SIZE = 13, 14, 14
BODY_SIZE = 14
SIGNATURE_GAP_MM = 28  # room for a signature with the seal over it
HEADER_LEFT_MM = 62  # the issuing body's column when there is one


def esc(text: str) -> str:
    """Text made safe for ReportLab's Paragraph markup (which reads <, > and &)."""
    return escape(clean_text(text))


@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    title: Any
    subtitle: Any
    body: Any
    plain: Any
    heading: Any
    date: Any
    issuer: Any
    sign_caption: Any
    sign_title: Any
    sign_name: Any
    cell: Any
    cell_centre: Any
    cell_head: Any


def make_styles(fonts: FontSet) -> Styles:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    def style(name: str, font: str, size: float, **kw: Any) -> ParagraphStyle:
        kw.setdefault("leading", size * 1.25)
        return ParagraphStyle(name, fontName=fonts.name(font), fontSize=size, **kw)

    centred = {"alignment": TA_CENTER}
    return Styles(
        fonts=fonts,
        title=style("title", "bold", 14, spaceBefore=6 * MM, spaceAfter=1, **centred),
        subtitle=style("subtitle", "bold", 14, spaceAfter=2, **centred),
        # Decree 30: first-line indent 1-1.27 cm, 6 pt between paragraphs, leading >= single.
        body=style(
            "body",
            "regular",
            BODY_SIZE,
            leading=BODY_SIZE * 1.3,
            alignment=TA_JUSTIFY,
            firstLineIndent=10 * MM,
            spaceBefore=3,
            spaceAfter=3,
        ),
        plain=style("plain", "regular", BODY_SIZE, leading=BODY_SIZE * 1.3, alignment=TA_LEFT),
        heading=style(
            "heading", "bold", BODY_SIZE, spaceBefore=6, spaceAfter=2, firstLineIndent=10 * MM
        ),
        date=style("date", "italic", DATE_SIZE, **centred),
        issuer=style("issuer", "bold", 12, leading=14.5, spaceBefore=1, **centred),
        sign_caption=style("sign_caption", "bold", 13, leading=15.5, **centred),
        sign_title=style("sign_title", "bold", 13, leading=15.5, **centred),
        sign_name=style("sign_name", "bold", 14, **centred),
        cell=style("cell", "regular", 13, leading=15.5, alignment=TA_LEFT),
        cell_centre=style("cell_centre", "regular", 13, leading=15.5, **centred),
        cell_head=style("cell_head", "bold", 13, leading=15.5, **centred),
    )


class _RuledLine:
    """Factory for a one-line centred text with a rule under it (built lazily: ReportLab)."""

    @staticmethod
    def build(text: str, font: str, size: float, rule_fraction: float, width: float) -> Any:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Flowable

        class RuledLine(Flowable):
            def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
                return width, size * 1.25 + 4

            def draw(self) -> None:
                canvas = self.canv
                text_width = stringWidth(text, font, size)
                baseline = 4 + size * 0.3
                canvas.setFont(font, size)
                canvas.drawCentredString(width / 2, baseline, text)
                if rule_fraction > 0:
                    rule = text_width * rule_fraction
                    canvas.setLineWidth(0.6)
                    canvas.line((width - rule) / 2, 1.5, (width + rule) / 2, 1.5)

        return RuledLine()


def national_header(styles: Styles, date_line: str, issuer: str = "", parent: str = "") -> Any:
    """The national title block with the date line under it; the issuer (if any) left.

    With an issuer the page has Decree 30's two columns (issuer left, national title
    right); a document signed by many equal parties has no single issuer, so the
    national title stands centred on its own. ``parent`` is the body the issuer belongs
    to (Decree 30's "cơ quan chủ quản"), upright above it: "ỦY BAN NHÂN DÂN HUYỆN KIẾN
    XƯƠNG" over "CỤM THI ĐUA SỐ 3".
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    fonts = styles.fonts
    total = FRAME_WIDTH_MM * MM
    right = total - HEADER_LEFT_MM * MM if issuer else total
    # Two columns leave the national title less room: Decree 30 allows 12-13 pt.
    national_size = NATIONAL_SIZE - 1 if issuer else NATIONAL_SIZE
    national = _RuledLine.build(NATIONAL_TITLE, fonts.name("bold"), national_size, 0, right)
    motto = _RuledLine.build(MOTTO, fonts.name("bold"), national_size + 1, 1.0, right)
    right_cells = [national, motto]
    if date_line:
        right_cells += [Spacer(1, 5), Paragraph(esc(date_line), styles.date)]
    if not issuer:
        table = Table([[right_cells]], colWidths=[right])
    else:
        issuer_lines = full_issuer(issuer).splitlines()
        lines = Paragraph("<br/>".join(esc(line) for line in issuer_lines), styles.issuer)
        if parent:
            from reportlab.lib.styles import ParagraphStyle

            upright = ParagraphStyle("parent", parent=styles.issuer, fontName=fonts.name("regular"))
            lines = [Paragraph(esc(parent_line(parent)), upright), lines]
        else:
            lines = [lines]
        longest = min(
            max(stringWidth(line, fonts.name("bold"), 12) for line in issuer_lines),
            HEADER_LEFT_MM * MM - 8,
        )
        rule = _rule(longest / 2.5)
        table = Table([[[*lines, rule], right_cells]], colWidths=[HEADER_LEFT_MM * MM, right])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (-1, 0), (-1, 0), 0),
            ]
        )
    )
    return table


def _rule(length: float) -> Any:
    """A centred rule under the issuer's name (Decree 30: 1/3 to 1/2 of the name's length)."""
    from reportlab.platypus import Flowable

    class CentredRule(Flowable):
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width = avail_width
            return avail_width, 6

        def draw(self) -> None:
            self.canv.setLineWidth(0.6)
            self.canv.line((self.width - length) / 2, 1, (self.width + length) / 2, 1)

    return CentredRule()


def paragraphs(body: str, style: Any) -> list[Any]:
    """One Paragraph per line of a stored body (lines are the organiser's paragraphs)."""
    from reportlab.platypus import Paragraph

    return [Paragraph(esc(line), style) for line in body.splitlines() if clean_text(line)]


@dataclass(frozen=True)
class SignatureBlock:
    caption: str  # the unit's name, or "BÊN CAM KẾT" …; upper case, may hold line breaks
    title: str  # the head's title, printed upper case bold
    name: str  # printed bold; blank prints a dotted line to fill by hand


def section_flowables(sections: Sequence[dict[str, Any]], styles: Styles) -> list[Any]:
    """Headed text sections; a heading never ends a page alone but travels with its first
    paragraph."""
    from reportlab.platypus import KeepTogether, Paragraph

    story: list[Any] = []
    for section in sections:
        heading = clean_text(section.get("heading", ""))
        body = paragraphs(str(section.get("body", "")), styles.body)
        if heading:
            story.append(KeepTogether([Paragraph(esc(heading), styles.heading), *body[:1]]))
            story.extend(body[1:])
        else:
            story.extend(body)
    return story


_AUTHORITY_SPLIT = re.compile(r"\s+(?=(?:KT|TL|TUQ|Q)\.\s)")


def signer_title_lines(title: str) -> list[str]:
    """A signer's title as Decree 30 stacks it, one part a line, upper case.

    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (or the same without the slashes
    before "KT.") → ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. A deputy's
    "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" splits before "PHÓ".
    """
    upper = " ".join(title.split()).upper()
    if not upper:
        return []
    lines: list[str] = []
    for part in (p.strip() for p in upper.split("/")):
        for piece in _AUTHORITY_SPLIT.split(part):
            match = re.fullmatch(r"((?:KT|TL|TUQ|Q)\. \S+(?: \S+)*?) (PHÓ .+)", piece)
            lines += [match[1], match[2]] if match else [piece]
    return [line for line in lines if line]


def recipients_block(lines: Sequence[str], styles: Styles) -> list[Any]:
    """ "Nơi nhận:" at the bottom left (bold italic 12 pt), its lines in 11 pt (Decree 30)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    head = ParagraphStyle("recipients_head", parent=styles.plain, fontSize=12, leading=14)
    item = ParagraphStyle("recipients", parent=styles.plain, fontSize=11, leading=13)
    flow = [Paragraph(f"<b><i>{esc('Nơi nhận:')}</i></b>", head)]
    flow += [Paragraph(esc(line), item) for line in lines if clean_text(line)]
    return [Spacer(1, 10), KeepTogether(flow)]


def _block_parts(block: SignatureBlock, styles: Styles) -> tuple[Any, Any, Any]:
    from reportlab.platypus import Paragraph

    blank = "." * 24
    lines = [esc(line.upper()) for line in block.caption.splitlines()]
    caption = Paragraph("<br/>".join(line for line in lines if line), styles.sign_caption)
    title_lines = signer_title_lines(block.title)
    title = Paragraph("<br/>".join(esc(t) for t in title_lines) or blank, styles.sign_title)
    name = Paragraph(esc(block.name) or blank, styles.sign_name)
    return caption, title, name


def signature_rows(
    blocks: Sequence[SignatureBlock], per_row: int, styles: Styles, width_mm: float = FRAME_WIDTH_MM
) -> list[Any]:
    """The grid as one unsplittable single-row table per row of blocks.

    ReportLab splits a table only between rows, so a block (one cell) can never be torn
    across pages; a row that does not fit moves whole to the next page. Inside a row the
    captions, titles and names line up (a long unit name pushes its neighbours' titles
    down with it), and a short last row keeps the column width and is centred, as the
    blocks are on a signed original.
    """
    from reportlab.platypus import Table, TableStyle

    column = width_mm * MM / per_row
    inner = column - 6
    rows = []
    for start in range(0, len(blocks), per_row):
        group = blocks[start : start + per_row]
        chunk = [_block_parts(b, styles) for b in group]
        if not any(clean_text(b.caption) for b in group):
            chunk = [(None, title, name) for _caption, title, name in chunk]
        # The title sits right under its unit's name, as typed on an original; the gap
        # below takes up the difference so the names line up across the row.
        tops = [
            sum(p.wrap(inner, 10_000)[1] for p in (caption, title) if p is not None)
            for caption, title, _name in chunk
        ]
        name_height = max(name.wrap(inner, 10_000)[1] for _c, _t, name in chunk)
        cells = []
        for caption, title, name in chunk:
            top = [p for p in (caption, title) if p is not None]
            cell = Table(
                [[top], [""], [name]],
                colWidths=[inner],
                rowHeights=[max(tops), SIGNATURE_GAP_MM * MM, name_height],
            )
            cell.setStyle(_NO_PADDING + [("VALIGN", (0, 0), (-1, -1), "TOP")])
            cells.append(cell)
        table = Table([cells], colWidths=[column] * len(cells), hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                ]
            )
        )
        rows.append(table)
    return rows


_NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def check_texts(texts: Sequence[tuple[str, str]]) -> None:
    """Refuse before drawing anything if a character would print as an empty box."""
    for where, text in texts:
        check_printable(text, where)


def _number_pages(canvas: Any, doc: Any) -> None:
    """Decree 30: page numbers centred in the top margin, none on the first page."""
    if canvas.getPageNumber() < 2:
        return
    canvas.saveState()
    canvas.setFont(register_fonts().name(), 13)
    canvas.drawCentredString(
        (MARGIN_LEFT_MM + FRAME_WIDTH_MM / 2) * MM,
        (PAGE_HEIGHT_MM - MARGIN_TOP_MM / 2) * MM - 4,
        str(canvas.getPageNumber()),
    )
    canvas.restoreState()


def build_pdf(out: Path, story: list[Any], title: str, author: str = "") -> Path:
    """Lay out ``story`` on Decree 30 pages and write ``out`` whole or not at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Thư mục «{folder}» không tồn tại: hãy chọn nơi lưu khác cho tệp PDF.")

    def write(partial: Path) -> None:
        doc = BaseDocTemplate(
            str(partial), pagesize=A4, title=title, author=author, creator="KX Ceremony"
        )
        # The frame has no padding of its own, so the text edge is exactly the margin.
        frame = Frame(
            MARGIN_LEFT_MM * MM,
            MARGIN_BOTTOM_MM * MM,
            FRAME_WIDTH_MM * MM,
            (PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM) * MM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="decree30", frames=[frame], onPage=_number_pages)])
        doc.build(story)

    return write_atomically(out, write)
