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
row_problems  a row's problems and warnings, each naming its cell
report      problems grouped by cause
profiles    import profiles: a header seen before gets its mapping and choices again
storing     reading the catalogue and people, writing rows, forms and aliases
service     preview_import / run_import (all or nothing, in one transaction)
prefetch    the command line's workbook read while the program starts

The names below are loaded on first use, so the light modules (inspection, reading,
prefetch) can be imported without SQLAlchemy and the models.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "AwardValue": "award_choice",
    "ListChoices": "choices",
    "FIELD_LABELS": "results",
    "ColumnMapping": "results",
    "ImportPreview": "results",
    "ImportResult": "results",
    "ImportRow": "results",
    "RowProblem": "results",
    "TableLocation": "results",
    "preview_import": "service",
    "run_import": "service",
}
__all__ = list(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
