"""Tiny hostile spreadsheets (1-5 KB) written by hand with zipfile, as an attacker would.

Each one made python-calamine abort the whole process (a 100 GB allocation, exit 134) or
eat gigabytes before the import's checks learned to see it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER_TEXT = "Họ và tên"


def xlsx(path: Path, sheet_data: str, *, prefix: str = "", before: str = "") -> Path:
    """A one-sheet workbook ("DS"); ``sheet_data`` is the XML inside the worksheet element.

    ``prefix`` writes every SpreadsheetML element of the sheet and the workbook as
    ``prefix:name``; ``before`` goes before sheetData (a dimension, a comment).
    """
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns{":" + prefix if prefix else ""}="{MAIN_NS}"'
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}workbook {xmlns} xmlns:r="{REL_NS}">'
        f'<{p}sheets><{p}sheet name="DS" sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>'
    )
    workbook_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        "</Relationships>"
    )
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {xmlns}>{before}'
        f"<{p}sheetData>{sheet_data}</{p}sheetData></{p}worksheet>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/worksheets/sheet1.xml", sheet.encode("utf-8"))
    return path


def header_row(p: str = "") -> str:
    return (
        f'<{p}row r="1"><{p}c r="A1" t="inlineStr"><{p}is><{p}t>{HEADER_TEXT}</{p}t>'
        f"</{p}is></{p}c></{p}row>"
    )


def ods(path: Path, table_rows: str) -> Path:
    """A one-table .ods ("DS") whose table holds ``table_rows``."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="DS">'
        f"{table_rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content.encode("utf-8"))
    return path


_ODS_HEADER = (
    '<table:table-row><table:table-cell office:value-type="string">'
    f"<text:p>{HEADER_TEXT}</text:p></table:table-cell></table:table-row>"
)


def far_cell_attributes_swapped(path: Path) -> Path:
    """One value at XFD200000, its attributes in another order than Excel writes."""
    return xlsx(path, header_row() + '<row r="200000"><c s="1" r="XFD200000"><v>1</v></c></row>')


def far_cell_single_quotes(path: Path) -> Path:
    return xlsx(path, header_row() + "<row r='200000'><c t='n' r='XFD200000'><v>1</v></c></row>")


def far_row_behind_a_long_comment(path: Path) -> Path:
    """A value a million rows down in column GR, then 300 KB of comment to hide it."""
    far = '<row r="1000000"><c r="GR1000000"><v>1</v></c></row><!--' + "x" * 300_000 + "-->"
    return xlsx(path, header_row() + far)


def namespaced_far_cell(path: Path) -> Path:
    """Every element written as x:name; the far cell is <x:c r="XFD200000">."""
    far = '<x:row r="200000"><x:c r="XFD200000"><x:v>1</x:v></x:c></x:row>'
    return xlsx(path, header_row("x:") + far, prefix="x")


def namespaced_dimension(path: Path) -> Path:
    """<x:dimension> claiming A1:XFD200000 behind a comment, over a sheet that is small."""
    return xlsx(
        path,
        header_row("x:"),
        prefix="x",
        before="<!--" + "y" * 70_000 + '--><x:dimension ref="A1:XFD200000"/>',
    )


def ods_wide_repeated_rows(path: Path) -> Path:
    """100,000 rows × 999 columns of one repeated value: twelve gigabytes for the reader."""
    row = (
        '<table:table-row table:number-rows-repeated="100000">'
        '<table:table-cell office:value-type="float" office:value="1" '
        'table:number-columns-repeated="999"><text:p>1</text:p></table:table-cell>'
        "</table:table-row>"
    )
    return ods(path, _ODS_HEADER + row)


def ods_value_after_a_gap(path: Path) -> Path:
    """600,000 empty rows (harmless alone), then one value in column 150: 90 million cells."""
    gap = (
        '<table:table-row table:number-rows-repeated="600000">'
        '<table:table-cell table:number-columns-repeated="150"/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="149"/>'
        '<table:table-cell office:value-type="float" office:value="1"/></table:table-row>'
    )
    return ods(path, _ODS_HEADER + gap)


HOSTILE = {
    "far-cell-attributes-swapped.xlsx": far_cell_attributes_swapped,
    "far-cell-single-quotes.xlsx": far_cell_single_quotes,
    "far-row-behind-comment.xlsx": far_row_behind_a_long_comment,
    "namespaced-far-cell.xlsx": namespaced_far_cell,
    "namespaced-dimension.xlsx": namespaced_dimension,
    "wide-repeated-rows.ods": ods_wide_repeated_rows,
    "value-after-gap.ods": ods_value_after_a_gap,
}
# The ones calamine itself aborts or swells on when no pre-check stops them first.
READER_KILLERS = (
    "far-cell-attributes-swapped.xlsx",
    "namespaced-far-cell.xlsx",
    "wide-repeated-rows.ods",
    "value-after-gap.ods",
)
