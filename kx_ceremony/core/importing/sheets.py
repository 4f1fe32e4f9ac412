"""Which sheets of a workbook the import looks at, in which order, and how big a sheet it
reads (shared by the reader and the read-ahead that starts with the program)."""

from __future__ import annotations

from kx_ceremony.core import sandbox
from kx_ceremony.core.importing import inspection
from kx_ceremony.core.text.vietnamese import fold_for_search

SHEET_LIMITS = sandbox.Limits(inspection.MAX_ROWS + 1, inspection.MAX_COLUMNS, inspection.MAX_CELLS)

# Sheets that explain or list codes, not the list itself: looked at last.
_ASIDE_SHEETS = ("huong dan", "danh muc", "vi du", "help", "readme", "instruction", "ma ")


def sheet_order(names: list[str], hidden: set[str], sheet: str | None = None) -> list[str]:
    """The sheets to look for the list in, in order: the one named (its exact name, else
    its name folded; [] when none matches), or else the visible worksheets first (a hidden
    sheet is usually a lookup list) and sheets named «Hướng dẫn» or «Danh mục», which
    explain the list or hold its codes, last."""
    if sheet is not None:
        wanted = fold_for_search(sheet)
        matching = [n for n in names if n == sheet] or [
            n for n in names if fold_for_search(n) == wanted
        ]
        return matching[:1]

    def aside(n: str) -> bool:
        return f"{fold_for_search(n)} ".startswith(_ASIDE_SHEETS)

    visible = [n for n in names if n not in hidden]
    return (
        [n for n in visible if not aside(n)]
        + [n for n in names if n in hidden and not aside(n)]
        + [n for n in names if aside(n)]
    )
