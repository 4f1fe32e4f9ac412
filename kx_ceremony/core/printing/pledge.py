"""Bản cam kết thi đua: one unit pledges a table of targets to its superior.

Order on paper: the pledging unit (left) and national title (right) with the date
line, the title, who pledges to whom, the organiser's sections, the numbered table of
targets (STT, target, measure, planned figure), a closing sentence, then two
signature blocks: the receiving superior left, the pledging party right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kx_ceremony.core.printing.decree30 import (
    FRAME_WIDTH_MM,
    MM,
    SignatureBlock,
    build_pdf,
    check_texts,
    esc,
    full_issuer,
    make_styles,
    national_header,
    paragraphs,
    recipients_block,
    section_flowables,
    signature_rows,
)
from kx_ceremony.core.printing.fonts import register_fonts
from kx_ceremony.core.services.row_types import DocumentRow, SignatoryRow
from kx_ceremony.core.text.vietnamese import clean_text, date_line, fold_for_search

RECEIVING, PLEDGING = "BÊN NHẬN CAM KẾT", "BÊN CAM KẾT"
# A title that already names the body signed for ("TM. ỦY BAN NHÂN DÂN TỈNH").
_AUTHORITY_PREFIXES = ("tm.", "kt.", "tl.", "tuq.", "q.")
COLUMNS_MM = (14, None, 30, 34)  # STT, target (the rest), measure, planned figure


def _caption(signatory: SignatoryRow, position: int, extra: dict[str, Any]) -> str:
    """Which side signs here, found by the unit's name, else by position (superior left)."""
    captions = extra.get("captions")
    if isinstance(captions, list) and position < len(captions) and clean_text(captions[position]):
        return clean_text(captions[position])
    unit = fold_for_search(signatory.unit)
    if unit and unit == fold_for_search(str(extra.get("superior", ""))):
        return RECEIVING
    if unit and unit == fold_for_search(str(extra.get("pledging_party", ""))):
        return PLEDGING
    return (RECEIVING, PLEDGING)[position] if position < 2 else ""


def _block(signatory: SignatoryRow, position: int, extra: dict[str, Any]) -> SignatureBlock:
    caption = _caption(signatory, position, extra)
    if signatory.unit:
        # "BÊN CAM KẾT" over "TM. ỦY BAN NHÂN DÂN" alone would not say which: name the body
        # in full (no "UBND").
        caption = f"{caption}\n{full_issuer(signatory.unit)}"
    return SignatureBlock(caption, signatory.signer_title, signatory.signer_name)


def _targets_table(extra: dict[str, Any], year: int | None, styles: Any) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    planned = clean_text(extra.get("planned_label", "")) or (
        f"Kế hoạch năm {year}" if year else "Kế hoạch"
    )
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", planned]
    data = [[Paragraph(esc(h), styles.cell_head) for h in head]]
    for i, target in enumerate(extra.get("targets") or [], start=1):
        data.append(
            [
                Paragraph(str(i), styles.cell_centre),
                Paragraph(esc(str(target.get("target", ""))), styles.cell),
                Paragraph(esc(str(target.get("measure", ""))), styles.cell_centre),
                Paragraph(esc(str(target.get("planned", ""))), styles.cell_centre),
            ]
        )
    fixed = sum(w for w in COLUMNS_MM if w)
    widths = [(w or FRAME_WIDTH_MM - fixed) * MM for w in COLUMNS_MM]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def pledge_story(doc: DocumentRow) -> list[Any]:
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

    styles = make_styles(register_fonts())
    extra = dict(doc.extra or {})
    party = clean_text(extra.get("pledging_party", ""))
    superior = clean_text(extra.get("superior", ""))
    line = date_line(doc.place, doc.signed_on) if doc.signed_on else ""
    issuer = clean_text(extra.get("issuer", "")) or party
    story: list[Any] = [national_header(styles, line, issuer)]
    story.append(Paragraph(esc(doc.title.upper()), styles.title))
    if clean_text(extra.get("subtitle", "")):
        story.append(Paragraph(esc(extra["subtitle"]), styles.subtitle))
    story.append(Spacer(1, 10))
    for label, value in (("Bên cam kết", party), ("Bên nhận cam kết", superior)):
        if value:
            story.append(Paragraph(f"<b>{label}:</b> {esc(value)}", styles.body))
    story.extend(section_flowables(doc.sections, styles))
    if extra.get("targets"):
        story.append(Spacer(1, 6))
        story.append(_targets_table(extra, doc.signed_on.year if doc.signed_on else None, styles))
        story.append(Spacer(1, 6))
    if clean_text(extra.get("closing", "")):
        story.extend(paragraphs(str(extra["closing"]), styles.body))
    blocks = [_block(s, i, extra) for i, s in enumerate(doc.signatories)]
    # Without signatories the two sides still sign: blank blocks to fill in by hand.
    blocks = blocks or [SignatureBlock(RECEIVING, "", ""), SignatureBlock(PLEDGING, "", "")]
    story.append(CondPageBreak(60))
    story.append(Spacer(1, 14))
    signed = signature_rows(blocks, 2, styles)
    story.extend(signed[:-1])
    recipients = extra.get("recipients") or [
        f"- {superior or 'Cấp trên'};",
        "- Hội đồng Thi đua - Khen thưởng;",
        "- Lưu: VT.",
    ]
    # "Nơi nhận" travels with the last row of signatures, never alone on a page.
    tail = recipients_block([str(r) for r in recipients], styles)
    story.append(KeepTogether([signed[-1], *tail]))
    return story


def printable_texts(doc: DocumentRow) -> list[tuple[str, str]]:
    extra = doc.extra or {}
    texts = [("Tiêu đề", doc.title), ("Địa danh", doc.place)]
    for section in doc.sections:
        where = f"Mục «{section.get('heading', '')}»"
        texts += [(where, str(section.get("heading", ""))), (where, str(section.get("body", "")))]
    texts += [(f"Phần {k}", v) for k, v in extra.items() if isinstance(v, str)]
    for i, target in enumerate(extra.get("targets") or [], start=1):
        texts += [(f"Chỉ tiêu thứ {i}", str(v)) for v in target.values()]
    for s in doc.signatories:
        where = f"Bên ký thứ {s.order} ({s.unit})"
        texts += [(where, s.unit), (where, s.signer_title.upper()), (where, s.signer_name)]
    return texts


def render_pledge(doc: DocumentRow, out: Path) -> Path:
    """Write the pledge to ``out`` (whole or not at all); returns the path."""
    check_texts(printable_texts(doc))
    return build_pdf(out, pledge_story(doc), title=doc.title)
