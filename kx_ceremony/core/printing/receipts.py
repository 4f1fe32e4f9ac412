"""Receipt lists: each unit signs for its certificates and prize money.

Most honourees do not go on stage; their certificates and prize money go out through
their units. One list per unit, each on its own page(s): the organiser in full, the
title, the ceremony, the unit, then a numbered table (name, award, amount, signature)
with room to sign, a total line, and the two signatures (who made the list, who
received for the unit). Amounts are left to fill by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Kind
from kx_ceremony.core.printing.decree30 import (
    SignatureBlock,
    build_pdf,
    check_texts,
    esc,
    make_styles,
    national_header,
    signature_rows,
)
from kx_ceremony.core.printing.fonts import register_fonts
from kx_ceremony.core.printing.office_tables import grid_table
from kx_ceremony.core.printing.stage_text import called_name
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import collation_key

TITLE = "DANH SÁCH KÝ NHẬN BẰNG KHEN, GIẤY KHEN VÀ TIỀN THƯỞNG"
NO_UNIT = "Chưa ghi đơn vị"
HEAD = ("STT", "Tập thể, cá nhân", "Hình thức khen thưởng", "Số tiền (đồng)", "Ký nhận")
COLUMNS_MM = (14, None, 50, 24, 26)


def unit_of(h: HonoureeRow) -> str:
    """The unit a certificate goes through: a collective receives for itself."""
    if h.kind == Kind.COLLECTIVE:
        return h.name
    return h.unit or NO_UNIT


def receipt_name(h: HonoureeRow) -> str:
    """The name a receipt line is signed for; a posthumous award is signed for by a
    family member: "Ông Nguyễn Văn An (truy tặng; thân nhân ký nhận thay)"."""
    if h.posthumous:
        return f"{called_name(h)} (truy tặng; thân nhân ký nhận thay)"
    return called_name(h)


def by_unit(honourees: list[HonoureeRow]) -> list[tuple[str, list[HonoureeRow]]]:
    groups: dict[str, list[HonoureeRow]] = {}
    for h in honourees:
        groups.setdefault(unit_of(h), []).append(h)
    return sorted(groups.items(), key=lambda kv: (kv[0] == NO_UNIT, collation_key(kv[0])))


def receipts_story(store: Store, ceremony_id: int) -> tuple[list[Any], list[tuple[str, str]]]:
    from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

    ceremony = get_ceremony(store, ceremony_id)
    honourees = list_honourees(store, ceremony_id)
    if not honourees:
        raise UserError("Buổi lễ chưa có ai được khen; hãy nhập danh sách trước khi in.")
    styles = make_styles(register_fonts())
    story: list[Any] = []
    texts: list[tuple[str, str]] = [("Tên buổi lễ", ceremony.title)]
    for n, (unit, people) in enumerate(by_unit(honourees)):
        if n:
            story.append(PageBreak())
        story.append(national_header(styles, "", ceremony.organiser))
        story.append(Paragraph(TITLE, styles.title))
        story.append(Paragraph(esc(ceremony.title), styles.subtitle))
        story.append(Spacer(1, 4))
        story.append(Paragraph(f"<b>Đơn vị:</b> {esc(spell_out(unit))}", styles.plain))
        story.append(Spacer(1, 4))
        rows = [
            [str(i), receipt_name(h), spell_out(h.award), "", ""]
            for i, h in enumerate(people, start=1)
        ]
        rows.append(["", f"Tổng cộng: {len(people)}", "", "", ""])
        texts += [(f"Đơn vị «{unit}»", " ".join(r)) for r in rows]
        story.append(
            grid_table(HEAD, rows, COLUMNS_MM, styles, bold_rows=(len(rows) - 1,), min_row_mm=11)
        )
        story.append(CondPageBreak(55 * 72 / 25.4))
        story.append(Spacer(1, 10))
        blocks = [
            SignatureBlock("", "NGƯỜI LẬP DANH SÁCH", ""),
            SignatureBlock("", "ĐẠI DIỆN ĐƠN VỊ NHẬN", ""),
        ]
        story.extend(signature_rows(blocks, 2, styles))
    return story, texts


def print_receipts(store: Store, ceremony_id: int, out: Path) -> Path:
    story, texts = receipts_story(store, ceremony_id)
    check_texts(texts)
    return build_pdf(Path(out), story, title="Danh sách ký nhận bằng khen, giấy khen")
