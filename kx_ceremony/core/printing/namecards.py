"""Name cards for the presidium and place cards for honourees' seats.

Presidium: one A4 landscape sheet per presenter, folded along the middle into a tent;
each half carries the name (large, bold) over the titles, the upper half upside down so
both sides read from the hall and the table. Place cards: eight per A4 portrait sheet
(two columns, four rows, cut along the dashed lines), each with the round and stage
number, the name as called, the position and unit, and the award, in presentation
order. Texts shrink and wrap to their boxes, never leaving them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Attendance
from kx_ceremony.core.printing.certificate_text import join_position_unit
from kx_ceremony.core.printing.drawing import Typesetter, binary_streams
from kx_ceremony.core.printing.layouts import FieldBox
from kx_ceremony.core.printing.stage_text import called_name
from kx_ceremony.core.printing.textfit import MM
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.presenters import list_presenters
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.abbreviations import spell_out

A4_W, A4_H = 210.0, 297.0
CARD_COLUMNS, CARD_ROWS = 2, 4
CARD_MARGIN = 10.0  # mm, inside each place card


def _presidium_boxes(half_top: float) -> tuple[FieldBox, FieldBox]:
    """Name and titles boxes in one half (105 mm tall) of a landscape A4 tent card."""
    name = FieldBox("name", 15, half_top + 28, A4_H - 30, 40, 60, "bold", min_size=28, max_lines=2)
    titles = FieldBox(
        "titles", 15, half_top + 70, A4_H - 30, 26, 22, "regular", min_size=12, max_lines=3
    )
    return name, titles


def _place_boxes(x: float, y: float, w: float) -> tuple[FieldBox, ...]:
    inner = w - 2 * CARD_MARGIN
    left = x + CARD_MARGIN
    return (
        FieldBox("slot", left, y + 6, inner, 8, 12, "bold", min_size=9),
        FieldBox("name", left, y + 16, inner, 20, 22, "bold", min_size=16, max_lines=2),
        FieldBox("where", left, y + 38, inner, 16, 12, "regular", min_size=9, max_lines=3),
        FieldBox("award", left, y + 56, inner, 12, 11, "italic", min_size=9, max_lines=2),
    )


def _draw(
    canvas: Any,
    typesetter: Typesetter,
    items: list[tuple[FieldBox, str]],
    where: str,
    page_h: float,
) -> None:
    fitted = []
    for box, text in items:
        text = typesetter.prepare(text, f"{where}, ô {box.name}", box.style)
        if text:
            fitted.append((box, typesetter.fit(box, text)))
    typesetter.draw(canvas, fitted, page_h)


def print_namecards(store: Store, ceremony_id: int, out: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    ceremony = get_ceremony(store, ceremony_id)
    presenters = sorted(list_presenters(store, ceremony_id), key=lambda p: p.seniority)
    seated = [
        h
        for h in list_honourees(store, ceremony_id)
        if h.round is not None and h.attendance != Attendance.ABSENT
    ]
    if not presenters and not seated:
        raise UserError(
            "Chưa có ai để in thẻ: hãy thêm người trao (chủ tọa) và lập các đợt trao "
            f"(«rounds --ceremony {ceremony_id} --plan») rồi in lại."
        )
    typesetter = Typesetter()

    def write(partial: Path) -> None:
        with binary_streams():
            canvas = Canvas(str(partial), pagesize=(A4_H * MM, A4_W * MM), pageCompression=1)
            canvas.setTitle(f"Thẻ tên - {ceremony.title}")
            canvas.setAuthor("KX Ceremony")
            canvas.setViewerPreference("PrintScaling", "None")
            for p in presenters:
                canvas.setPageSize((A4_H * MM, A4_W * MM))
                name = p.name.upper()
                titles = spell_out(", ".join(p.titles))
                where = f"Thẻ tên của {p.name}"
                half = A4_W / 2
                # Lower half reads from the hall; the upper half is the same, upside down.
                name_box, titles_box = _presidium_boxes(half)
                _draw(canvas, typesetter, [(name_box, name), (titles_box, titles)], where, A4_W)
                canvas.saveState()
                canvas.translate(A4_H * MM, A4_W * MM)
                canvas.rotate(180)
                _draw(canvas, typesetter, [(name_box, name), (titles_box, titles)], where, A4_W)
                canvas.restoreState()
                _dashed(canvas, 0, half, A4_H, half, A4_W)
                canvas.showPage()
            per_page = CARD_COLUMNS * CARD_ROWS
            card_w, card_h = A4_W / CARD_COLUMNS, A4_H / CARD_ROWS
            for start in range(0, len(seated), per_page):
                canvas.setPageSize((A4_W * MM, A4_H * MM))
                for i, h in enumerate(seated[start : start + per_page]):
                    x = (i % CARD_COLUMNS) * card_w
                    y = (i // CARD_COLUMNS) * card_h
                    boxes = _place_boxes(x, y, card_w)
                    texts = (
                        f"Đợt {h.round} - Số {h.position_on_stage}",
                        spell_out(called_name(h)),
                        spell_out(join_position_unit(h.position, h.unit)),
                        spell_out(h.award),
                    )
                    where = f"Thẻ chỗ ngồi của «{h.name}»"
                    _draw(canvas, typesetter, list(zip(boxes, texts, strict=True)), where, A4_H)
                for c in range(1, CARD_COLUMNS):
                    _dashed(canvas, c * card_w, 0, c * card_w, A4_H, A4_H)
                for r in range(1, CARD_ROWS):
                    _dashed(canvas, 0, r * card_h, A4_W, r * card_h, A4_H)
                canvas.showPage()
            canvas.save()

    return write_atomically(Path(out), write)


def _dashed(canvas: Any, x0: float, y0: float, x1: float, y1: float, page_h: float) -> None:
    """A dashed cut or fold line, in millimetres from the page's top-left."""
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.setStrokeColorRGB(0.5, 0.5, 0.5)
    canvas.line(x0 * MM, (page_h - y0) * MM, x1 * MM, (page_h - y1) * MM)
    canvas.restoreState()
