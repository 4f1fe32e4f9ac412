"""«In thử»: the designer's layout with the ceremony's longest real texts, on plain paper.

Exactly what blank mode would print for the longest name, unit and achievement of an award
form (the printer offset applied the same way), at 100 % on a page of the blank's size, to
hold against a blank before a single blank is spent. Nothing is entered in the ledger.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.printing.drawing import Typesetter, binary_streams, new_canvas, shift
from kx_ceremony.core.printing.layouts import Layout
from kx_ceremony.core.printing.printer_offset import PrinterOffset


def write_test_sheet(
    path: Path, layout: Layout, texts: Mapping[str, str], offset: PrinterOffset | None = None
) -> Path:
    """One page: each field that a blank does not carry, with its text from ``texts``."""
    typesetter = Typesetter()
    fitted = []
    for box in layout.fields:
        text = texts.get(box.name, "")
        if box.design or not text:
            continue
        text = typesetter.prepare(text, f"Trang in thử, ô {box.label}", box.style)
        fitted.append((box, typesetter.fit(box, text)))

    def write(partial: Path) -> None:
        with binary_streams():
            canvas = new_canvas(partial, layout, f"In thử - {layout.title}")
            shift(canvas, offset or PrinterOffset())
            typesetter.draw(canvas, fitted, layout.page_height)
            canvas.showPage()
            canvas.save()

    return write_atomically(Path(path), write)
