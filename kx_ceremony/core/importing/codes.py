"""Code tables a workbook carries for itself (r02's DANHMUC: «1650360491» = «Bằng khen»).

Systems that export lists write awards, kinds and categories as codes and put the tables
that name them on other sheets: a column of codes beside a column of names, either way
round. We read those pairs and decode a code cell into the name a person would read.
"""

from __future__ import annotations

import re

from kx_ceremony.core.importing.reading import SheetData

_CODE_TEXT = re.compile(r"^(?:\d{3,}|[A-Z][A-Z0-9_]{1,})$")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def code_key(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return str(value).strip() if isinstance(value, str) else ""


def _is_code(value: object) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value).is_integer() and value >= 100
    return isinstance(value, str) and bool(_CODE_TEXT.match(value.strip()))


def _is_label(value: object) -> bool:
    return (
        isinstance(value, str)
        and len(value.strip()) >= 2
        and bool(_HAS_LETTER.search(value))
        and not _CODE_TEXT.match(value.strip())
    )


def code_table(sheets: list[SheetData]) -> dict[str, str]:
    """code -> name from every (code, name) or (name, code) pair of adjacent cells."""
    table: dict[str, str] = {}
    for sheet in sheets:
        for row in sheet.rows[:5000]:
            for left, right in zip(row, row[1:], strict=False):
                if _is_code(left) and _is_label(right):
                    table.setdefault(code_key(left), str(right).strip())
                elif _is_label(left) and _is_code(right):
                    table.setdefault(code_key(right), str(left).strip())
    return table


def mostly_codes(values: list[object]) -> bool:
    filled = [x for x in values if x not in ("", None)]
    return bool(filled) and sum(_is_code(x) for x in filled) * 2 > len(filled)
