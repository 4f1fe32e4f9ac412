"""Importing nominee spreadsheets (.xlsx .xlsm .xls .ods .csv) into a ceremony.

inspection  what a file really is, and refusing damaged or dangerous ones
reading     cells through python-calamine (behind one boundary) or the csv module
columns     Vietnamese headers and synonyms -> fields
table       the header, two-row headers, group rows, the end of the data
values      cleaning one cell: text, TCVN3, kind, gender, birth year
award_matching  award text -> the ceremony's catalogue
rows        data rows -> nominees with problems
service     preview_import / run_import (all or nothing, in one transaction)
"""

from kx_ceremony.core.importing.results import (
    FIELD_LABELS,
    ColumnMapping,
    ImportPreview,
    ImportResult,
    ImportRow,
    RowProblem,
    TableLocation,
)
from kx_ceremony.core.importing.service import preview_import, run_import

__all__ = [
    "FIELD_LABELS",
    "ColumnMapping",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "RowProblem",
    "TableLocation",
    "preview_import",
    "run_import",
]
