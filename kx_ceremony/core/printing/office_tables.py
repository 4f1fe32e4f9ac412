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
    col_widths = widths(columns_mm)
    heights = None
    if min_row_mm:
        # At least min_row_mm (room to sign), more when a cell's text needs it: a fixed
        # height would let a long name run over the rule above it.
        heights = [None] + [max(min_row_mm * MM, _needed(cells, col_widths)) for cells in data[1:]]
    table = Table(data, colWidths=col_widths, rowHeights=heights, repeatRows=1)
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


def _needed(cells: Sequence[Any], col_widths: Sequence[float]) -> float:
    """The height a row's tallest cell needs, with the table's paddings."""
    tallest = 0.0
    for cell, width in zip(cells, col_widths, strict=True):
        _w, height = cell.wrap(width - 12, 10_000)  # 6 pt left and right padding
        tallest = max(tallest, height)
    return tallest + 3 + 5 + 2  # top and bottom padding, and the rules
