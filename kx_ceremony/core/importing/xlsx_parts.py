"""What calamine does not tell about an .xlsx sheet: which part holds it, error cells
(``#N/A`` from lookup formulas) and formulas saved without a value.

calamine hands both back as empty cells, so a name looked up with VLOOKUP would silently
vanish; we read the sheet XML once ourselves to report them by cell instead.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_ERROR_TYPE = re.compile(rb'\bt="e"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_FORMULA = re.compile(rb"<f[\s>/]")

NO_CACHED_VALUE = "formula"


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip part holding its cells ("xl/worksheets/sheet1.xml")."""
    from defusedxml import ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    try:
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = part
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{main}sheet"):
        part = targets.get(sheet.get(f"{rel_ns}id"))
        if part:
            parts[sheet.get("name", "")] = part
    return parts


def _column_index(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number - 1


def flagged_cells(data: bytes) -> dict[tuple[int, int], str]:
    """(row, column) from 0 -> the error text ("#N/A") or NO_CACHED_VALUE."""
    if b"<f" not in data and b't="e"' not in data:
        return {}
    flags: dict[tuple[int, int], str] = {}
    for cell in _CELL.finditer(data):
        attrs, body = cell.group(1), cell.group(2) or b""
        is_error = _ERROR_TYPE.search(attrs) is not None
        has_formula = _FORMULA.search(body) is not None
        if not is_error and not has_formula:
            continue
        ref = _REF.search(attrs)
        if ref is None:
            continue
        key = (int(ref.group(2)) - 1, _column_index(ref.group(1)))
        value = _VALUE.search(body)
        if is_error:
            flags[key] = value.group(1).decode("utf-8", "replace") if value else "#N/A"
        elif value is None or not value.group(1):
            flags[key] = NO_CACHED_VALUE
    return flags
