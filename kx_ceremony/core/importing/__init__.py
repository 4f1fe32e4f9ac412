"""Importing nominee spreadsheets (.xlsx .xlsm .xls .ods .csv) into a ceremony.

inspection  what a file really is, and refusing damaged or dangerous ones
reading     cells through python-calamine (behind one boundary) or the csv module
columns     Vietnamese headers and synonyms -> fields
table       the header, two-row headers, group rows, the end of the data
values      cleaning one cell: text, TCVN3, kind, gender, birth year
content     column profiles by content; the mapping chosen by header and content
choices     whole-list award, kind, unit, decision read from the title / sheet name
codes       a workbook's own code tables (award codes -> names)
award_matching  award text -> the ceremony's catalogue; ranks proposed for new forms
award_choice    each distinct award value: matched, mapped, narrowed, new
duplicates  the duplicate rule inside a list and against the ceremony
rows        data rows -> nominees with problems and warnings
report      problems grouped by cause
profiles    import profiles: a header seen before gets its mapping and choices again
storing     reading the catalogue and people, writing rows, forms and aliases
service     preview_import / run_import (all or nothing, in one transaction)
"""

from kx_ceremony.core.importing.award_choice import AwardValue
from kx_ceremony.core.importing.choices import ListChoices
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
    "AwardValue",
    "ListChoices",
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
