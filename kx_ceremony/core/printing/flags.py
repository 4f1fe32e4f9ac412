"""Labels for the emulation flags (Cờ thi đua) of a ceremony, one A4 landscape sheet each.

A Cờ thi đua is an object, red satin with its words embroidered in yellow, not a paper
certificate: ``print certificates`` leaves it out. What the office prints instead is the
flag's inscription, as the model has it (Decree 50/2006 art. 30): the issuer on the first
line, "TẶNG" on the second, the five-pointed star in the middle, "ĐƠN VỊ …" under it, then
the collective's name; and under a rule, for the tray and the ribbon, the award, the
decision and the stage place. Every text shrinks and wraps inside its box.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.award_types import FLAG
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.certificate_text import (
    authority_from_decision,
    choose_decision,
    split_authority,
)
from kx_ceremony.core.printing.drawing import Typesetter, binary_streams, hex_to_rgb
from kx_ceremony.core.printing.layouts import FieldBox
from kx_ceremony.core.printing.textfit import MM
from kx_ceremony.core.services.awards import list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import AwardFormRow, DecisionRow, HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import date_words

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
RED, STAR = "#C8102E", "#F2C200"
LEADING = "ĐƠN VỊ DẪN ĐẦU PHONG TRÀO THI ĐUA"

BOXES = {
    "authority": FieldBox("authority", 20, 18, 257, 14, 24, "bold", "center", RED, 14, 2),
    "tang": FieldBox("tang", 20, 34, 257, 10, 20, "bold", "center", "#000000", 14),
    "leading": FieldBox("leading", 20, 86, 257, 12, 22, "bold", "center", RED, 14, 2),
    "recipient": FieldBox("recipient", 20, 101, 257, 30, 34, "bold", "center", RED, 18, 2),
    "award": FieldBox("award", 20, 150, 257, 9, 14, "regular", "center", "#000000", 10, 2),
    "decision": FieldBox("decision", 20, 161, 257, 9, 13, "italic", "center", "#000000", 10, 2),
    "place": FieldBox("place", 20, 172, 257, 9, 13, "regular", "center", "#000000", 10),
}
STAR_CENTRE, STAR_RADIUS = (PAGE_W / 2, 63.0), 15.0
LABELS = {
    "authority": "cơ quan tặng",
    "tang": "TẶNG",
    "leading": "dòng «Đơn vị …»",
    "recipient": "tên tập thể",
    "award": "hình thức",
    "decision": "quyết định",
    "place": "đợt và số thứ tự",
}


def flag_texts(
    row: HonoureeRow, form: AwardFormRow, decision: DecisionRow | None, year: int
) -> dict[str, str]:
    """The words of one flag's label, by box name."""
    keep = form.keep_abbreviations
    authority = form.authority_line or authority_from_decision(decision, keep)
    first, second = split_authority(authority)
    name = row.name if keep else spell_out(row.name)
    texts = {
        "authority": " ".join(t for t in (first, second) if t),
        "tang": "TẶNG",
        "leading": f"{LEADING} NĂM {year}",
        "recipient": name.upper(),
        "award": form.full_name if keep else spell_out(form.full_name),
        "decision": "",
        "place": "",
    }
    if decision is not None and decision.number.strip():
        texts["decision"] = f"Quyết định số {decision.number}, {date_words(decision.signed_on)}"
    if row.round is not None:
        texts["place"] = f"Đợt {row.round} - Số {row.position_on_stage}"
    return texts


def flags_of(store: Store, ceremony_id: int) -> list[tuple[HonoureeRow, AwardFormRow]]:
    forms = {f.id: f for f in list_award_forms(store, ceremony_id) if f.award_type == FLAG}
    return [
        (h, forms[h.award_form_id])
        for h in list_honourees(store, ceremony_id)
        if h.award_form_id in forms
    ]


def print_flags(store: Store, ceremony_id: int, out: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    ceremony = get_ceremony(store, ceremony_id)
    flags = flags_of(store, ceremony_id)
    if not flags:
        raise UserError(
            "Buổi lễ không có ai nhận cờ thi đua; nhãn cờ chỉ in cho hình thức loại «Cờ thi "
            "đua» (sửa loại của hình thức trong danh mục khen thưởng nếu cần)."
        )
    decisions = list_decisions(store, ceremony_id)
    by_id = {d.id: d for d in decisions}
    by_form: dict[int, list[DecisionRow]] = {}
    for d in decisions:
        by_form.setdefault(d.award_form_id, []).append(d)
    year = ceremony.achievement_year or ceremony.held_on.year
    typesetter = Typesetter()
    pages = []
    for row, form in flags:
        texts = flag_texts(row, form, choose_decision(row, by_id, by_form), year)
        fitted = []
        for name, text in texts.items():
            box = BOXES[name]
            text = typesetter.prepare(
                text, f"Nhãn cờ của «{row.name}», ô {LABELS[name]}", box.style
            )
            if text:
                fitted.append((box, typesetter.fit(box, text)))
        pages.append(fitted)

    def write(partial: Path) -> None:
        with binary_streams():
            canvas = Canvas(str(partial), pagesize=(PAGE_W * MM, PAGE_H * MM), pageCompression=1)
            canvas.setTitle(f"Nhãn cờ thi đua - {ceremony.title}")
            canvas.setAuthor("KX Ceremony")
            canvas.setViewerPreference("PrintScaling", "None")
            for fitted in pages:
                _frame(canvas)
                _star(canvas, STAR_CENTRE, STAR_RADIUS)
                _rule(canvas, 146.0)
                typesetter.draw(canvas, fitted, PAGE_H)
                canvas.showPage()
            canvas.save()

    return write_atomically(Path(out), write)


def _frame(canvas: Any) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*hex_to_rgb(RED))
    canvas.setLineWidth(1.2)
    canvas.rect(10 * MM, 10 * MM, (PAGE_W - 20) * MM, (PAGE_H - 20) * MM)
    canvas.restoreState()


def _rule(canvas: Any, y_mm: float) -> None:
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.setStrokeColorRGB(0.5, 0.5, 0.5)
    canvas.line(20 * MM, (PAGE_H - y_mm) * MM, (PAGE_W - 20) * MM, (PAGE_H - y_mm) * MM)
    canvas.restoreState()


def _star(canvas: Any, centre: tuple[float, float], radius: float) -> None:
    """The five-pointed star, point up, yellow with a red outline (mm from the top-left)."""
    cx, cy = centre[0] * MM, (PAGE_H - centre[1]) * MM
    outer, inner = radius * MM, radius * MM * 0.382
    path = canvas.beginPath()
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        x, y = cx + r * math.cos(angle), cy + r * math.sin(angle)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    canvas.saveState()
    canvas.setFillColorRGB(*hex_to_rgb(STAR))
    canvas.setStrokeColorRGB(*hex_to_rgb(RED))
    canvas.setLineWidth(0.8)
    canvas.drawPath(path, stroke=1, fill=1)
    canvas.restoreState()
