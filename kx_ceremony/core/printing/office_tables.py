"""Numbered, ruled tables for the lists an office hands out (appendix, receipts, programme).

A table repeats its header row on every page and never splits a row; widths are in
millimetres, ``None`` taking what the others leave of the frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kx_ceremony.core.printing.decree30 import FRAME_WIDTH_MM, MM, Styles, esc


def widths(columns_mm: Sequence[float | None], frame_mm: float = FRAME_WIDTH_MM) -> list[float]:
    fixed = sum(w for w in columns_mm if w)
    free = [w for w in columns_mm if not w]
    rest = (frame_mm - fixed) / max(1, len(free))
    return [(w or rest) * MM for w in columns_mm]


def grid_table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    columns_mm: Sequence[float | None],
    styles: Styles,
    centred: Sequence[int] = (0,),
    bold_rows: Sequence[int] = (),
    min_row_mm: float = 0,
) -> Any:
    """A ruled table: bold centred header, then ``rows`` (plain text, escaped here)."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(esc(h), styles.cell_head) for h in head]]
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            style = styles.cell_centre if c in centred else styles.cell
            markup = esc(text)
            if r in bold_rows:
                markup = f"<b>{markup}</b>"
            cells.append(Paragraph(markup, style))
        data.append(cells)
    heights = None
    if min_row_mm:
        heights = [None] + [min_row_mm * MM] * len(rows)
    table = Table(data, colWidths=widths(columns_mm), rowHeights=heights, repeatRows=1)
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
