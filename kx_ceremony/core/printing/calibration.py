"""The calibration page: printed on plain paper and held against a pre-printed blank.

It carries millimetre rulers along the top and left edges, crosshairs at known points
and every field box of the layout, all moved by the saved printer offset exactly as
blank-mode certificates are. Held against a blank (or the paper's edge), it shows how far
the printer is off; the organiser saves that as the offset and prints it again to check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.printing.drawing import (
    Typesetter,
    binary_streams,
    hex_to_rgb,
    new_canvas,
    shift,
)
from kx_ceremony.core.printing.layouts import FieldBox, Layout
from kx_ceremony.core.printing.printer_offset import PrinterOffset
from kx_ceremony.core.printing.textfit import MM

RULER_COLOUR = "#000000"
VARIABLE_COLOUR = "#1F4E9E"  # the fields the program prints
DESIGN_COLOUR = "#9A9A9A"  # the fields a blank has pre-printed
CROSS_INSET_MM = 20.0


def _ruler(canvas: Any, fonts_name: str, layout: Layout) -> None:
    """Ticks every millimetre from the top-left corner, numbered every centimetre."""
    w, h = layout.page_width, layout.page_height
    canvas.setStrokeColorRGB(*hex_to_rgb(RULER_COLOUR))
    canvas.setFillColorRGB(*hex_to_rgb(RULER_COLOUR))
    canvas.setLineWidth(0.3)
    canvas.setFont(fonts_name, 6)
    path = canvas.beginPath()
    for mm in range(0, int(w) + 1):
        length = 6 if mm % 10 == 0 else 4 if mm % 5 == 0 else 2
        path.moveTo(mm * MM, h * MM)
        path.lineTo(mm * MM, (h - length) * MM)
    for mm in range(0, int(h) + 1):
        length = 6 if mm % 10 == 0 else 4 if mm % 5 == 0 else 2
        path.moveTo(0, (h - mm) * MM)
        path.lineTo(length * MM, (h - mm) * MM)
    canvas.drawPath(path, stroke=1, fill=0)
    for mm in range(10, int(w) + 1, 10):
        canvas.drawCentredString(mm * MM, (h - 8.5) * MM, str(mm))
    for mm in range(10, int(h) + 1, 10):
        canvas.drawString(7 * MM, (h - mm - 0.8) * MM, str(mm))


def _crosshair(canvas: Any, font_name: str, layout: Layout, x: float, y: float) -> None:
    px, py = x * MM, (layout.page_height - y) * MM
    arm = 8 * MM
    canvas.setLineWidth(0.4)
    canvas.line(px - arm, py, px + arm, py)
    canvas.line(px, py - arm, px, py + arm)
    canvas.circle(px, py, 3 * MM, stroke=1, fill=0)
    canvas.setFont(font_name, 7)
    label = f"({x:g}; {y:g}) mm"
    if x > layout.page_width / 2:  # keep the label on the sheet
        canvas.drawRightString(px - 1.5 * MM, py + 2.5 * MM, label)
    else:
        canvas.drawString(px + 1.5 * MM, py + 2.5 * MM, label)


def _box(canvas: Any, typesetter: Typesetter, layout: Layout, box: FieldBox) -> None:
    colour = DESIGN_COLOUR if box.design else VARIABLE_COLOUR
    canvas.setStrokeColorRGB(*hex_to_rgb(colour))
    canvas.setFillColorRGB(*hex_to_rgb(colour))
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 2)
    x, top = box.x * MM, (layout.page_height - box.y) * MM
    canvas.rect(x, top - box.height * MM, box.width * MM, box.height * MM, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFont(typesetter.fonts.name("italic"), 7)
    label = f"{box.label} ({box.x:g}; {box.y:g}; {box.width:g}×{box.height:g} mm, {box.size:g} pt)"
    canvas.drawString(x + 1 * MM, top - 2.8 * MM, label)


def _instructions(
    canvas: Any, typesetter: Typesetter, layout: Layout, offset: PrinterOffset
) -> None:
    w, h = layout.page_width, layout.page_height
    lines = [
        f"TRANG CANH CHỈNH - {layout.title.upper()} - {w:g} × {h:g} mm",
        f"Độ lệch máy in đang dùng: ngang {offset.x_mm:+g} mm, dọc {offset.y_mm:+g} mm "
        "(dương: sang phải, xuống dưới).",
        "In trên giấy trắng, đặt chồng lên phôi rồi soi ra ánh sáng: đo xem các ô xanh lệch "
        "bao nhiêu mm so với chỗ in trên phôi,",
        "cộng vào độ lệch hiện tại và lưu lại (print calibration --offset-x … --offset-y …), "
        "rồi in lại trang này để kiểm tra.",
        "Thước: vạch 0 phải trùng mép trên và mép trái tờ giấy. Dấu thập đỏ nằm đúng tọa độ "
        "ghi bên cạnh (đo từ góc trên bên trái).",
    ]
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(typesetter.fonts.name("bold"), 9)
    for i, line in enumerate(lines):
        canvas.drawString(40 * MM, (h - 200 - i * 5) * MM, line)
        canvas.setFont(typesetter.fonts.name(), 9)


def _draw(canvas: Any, typesetter: Typesetter, layout: Layout, offset: PrinterOffset) -> None:
    regular = typesetter.fonts.name()
    shift(canvas, offset)
    _ruler(canvas, regular, layout)
    w, h = layout.page_width, layout.page_height
    canvas.setStrokeColorRGB(0.8, 0, 0)
    canvas.setFillColorRGB(0.8, 0, 0)
    for x, y in (
        (CROSS_INSET_MM, CROSS_INSET_MM),
        (w - CROSS_INSET_MM, CROSS_INSET_MM),
        (CROSS_INSET_MM, h - CROSS_INSET_MM),
        (w - CROSS_INSET_MM, h - CROSS_INSET_MM),
        (round(w / 2), round(h / 2)),
    ):
        _crosshair(canvas, regular, layout, x, y)
    for box in layout.fields:
        _box(canvas, typesetter, layout, box)
    _instructions(canvas, typesetter, layout, offset)


def write_calibration(path: Path, layout: Layout, offset: PrinterOffset) -> Path:
    """Write the calibration page for ``layout`` to ``path`` (whole or not at all)."""
    typesetter = Typesetter()

    def write(partial: Path) -> None:
        with binary_streams():
            canvas = new_canvas(partial, layout, f"Trang canh chỉnh - {layout.title}")
            _draw(canvas, typesetter, layout, offset)
            canvas.showPage()
            canvas.save()

    return write_atomically(Path(path), write)
