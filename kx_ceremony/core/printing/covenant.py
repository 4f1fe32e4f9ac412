"""Bản giao ước thi đua: the covenant the heads of all member units sign together.

Order on paper: the cluster or block that signs ("CỤM THI ĐUA SỐ 3", "KHỐI THI ĐUA CÁC CƠ
QUAN CHUYÊN MÔN", under the body it belongs to) at the top left when the covenant has one,
national title and date line, the title, the parties (every member
unit and who signs for it, the cluster head first), the organiser's sections (common
targets, emulation content, scoring and reporting …), then one signature block per
unit, 2-3 to a row, no block ever torn across a page break.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.decree30 import (
    SignatureBlock,
    build_pdf,
    check_texts,
    esc,
    make_styles,
    national_header,
    paragraphs,
    recipients_block,
    section_flowables,
    signature_rows,
)
from kx_ceremony.core.printing.fonts import register_fonts
from kx_ceremony.core.services.row_types import DocumentRow
from kx_ceremony.core.text.vietnamese import clean_text, date_line

SIGNING_HEADING = "ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC"
DOTS = "." * 24


def blocks_per_row(count: int, wanted: object = None) -> int:
    """3 to a row, or what the organiser chose (2 or 3); 4 units sit best as 2 + 2."""
    if wanted in (2, 3):
        return min(int(wanted), max(count, 1))  # type: ignore[call-overload]
    if count <= 2:
        return max(count, 1)
    return 2 if count == 4 else 3


def _sentence_case(title: str) -> str:
    """ "TRƯỞNG PHÒNG" -> "Trưởng phòng", for the title inside running text."""
    title = clean_text(title)
    return title[:1].upper() + title[1:].lower() if title else ""


def _party_line(order: int, unit: str, title: str, name: str, head_label: str) -> str:
    line = f"{order}. {unit}"
    if head_label and order == 1:
        line += f" ({head_label})"
    who = ", ".join(part for part in (name and f"đồng chí {name}", _sentence_case(title)) if part)
    return f"{line}: đại diện là {who}." if who else f"{line}."


def covenant_story(doc: DocumentRow, blank_blocks: int = 0) -> list[Any]:
    """The flowables of a covenant; ``blank_blocks`` empty blocks when it has no units."""
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

    styles = make_styles(register_fonts())
    extra = doc.extra or {}
    signatories = list(doc.signatories)
    if not signatories and not blank_blocks:
        raise UserError(
            "Bản giao ước chưa có đơn vị ký nào: hãy thêm các đơn vị (đơn vị trưởng cụm "
            "đứng đầu) rồi in lại."
        )
    line = date_line(doc.place, doc.signed_on) if doc.signed_on else ""
    cluster = clean_text(extra.get("cluster", ""))
    issuer = clean_text(extra.get("issuer", ""))
    if cluster:  # the cluster or block signs as one: its name heads the page, left
        header = national_header(styles, line, cluster, parent=issuer)
    else:
        header = national_header(styles, line, issuer)
    story: list[Any] = [header]
    story.append(Paragraph(esc(doc.title.upper()), styles.title))
    if clean_text(extra.get("subtitle", "")):
        story.append(Paragraph(esc(extra["subtitle"]), styles.subtitle))
    story.append(Spacer(1, 10))
    intro = clean_text(extra.get("parties_intro", "")) or "Các đơn vị ký giao ước gồm:"
    story.append(Paragraph(esc(intro), styles.body))
    head_label = clean_text(extra.get("head_label", ""))
    for s in signatories:
        text = _party_line(s.order, s.unit, s.signer_title, s.signer_name, head_label)
        story.append(Paragraph(esc(text), styles.body))
    if not signatories:  # a template to fill in by hand: numbered dotted lines
        for order in range(1, blank_blocks + 1):
            story.append(Paragraph(f"{order}. {DOTS * 3}", styles.body))
    story.extend(section_flowables(doc.sections, styles))
    if clean_text(extra.get("closing", "")):
        story.extend(paragraphs(str(extra["closing"]), styles.body))

    blocks = [SignatureBlock(s.unit, s.signer_title, s.signer_name) for s in signatories]
    blocks += [SignatureBlock(DOTS, "", "")] * (blank_blocks if not signatories else 0)
    rows = signature_rows(blocks, blocks_per_row(len(blocks), extra.get("per_row")), styles)
    heading = Paragraph(
        esc(clean_text(extra.get("signing_heading", "")) or SIGNING_HEADING), styles.sign_caption
    )
    story.append(CondPageBreak(40))
    story.append(Spacer(1, 12))
    recipients = extra.get("recipients") or [
        "- Các đơn vị ký giao ước;",
        "- Hội đồng Thi đua - Khen thưởng;",
        "- Lưu: VT.",
    ]
    # "Nơi nhận" travels with the last row of signatures, never alone on a page.
    tail = recipients_block([str(r) for r in recipients], styles)
    if len(rows) == 1:
        story.append(KeepTogether([heading, Spacer(1, 6), rows[0], *tail]))
    else:
        story.append(KeepTogether([heading, Spacer(1, 6), rows[0]]))
        story.extend(rows[1:-1])
        story.append(KeepTogether([rows[-1], *tail]))
    return story


def printable_texts(doc: DocumentRow) -> list[tuple[str, str]]:
    """Every text the covenant prints, each named the way the editor names it."""
    texts = [("Tiêu đề", doc.title), ("Địa danh", doc.place)]
    texts += [(f"Mục «{s.get('heading', '')}»", str(s.get("body", ""))) for s in doc.sections]
    texts += [(f"Mục «{s.get('heading', '')}»", str(s.get("heading", ""))) for s in doc.sections]
    texts += [(f"Phần {k}", str(v)) for k, v in (doc.extra or {}).items() if isinstance(v, str)]
    for s in doc.signatories:
        where = f"Bên ký thứ {s.order} ({s.unit})"
        texts += [(where, s.unit), (where, s.signer_title.upper()), (where, s.signer_name)]
    return texts


def render_covenant(doc: DocumentRow, out: Path, blank_blocks: int = 0) -> Path:
    """Write the covenant to ``out`` (whole or not at all); returns the path."""
    check_texts(printable_texts(doc))
    return build_pdf(out, covenant_story(doc, blank_blocks), title=doc.title)
