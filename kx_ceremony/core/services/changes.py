"""What a committed write means to the screens: the areas it changed, from the store's report.

``Store.transaction()`` reports the tables (and, for updated rows, the columns) each
committed transaction wrote; this turns them into the areas a screen refreshes for, the
strings of the window's ``changed`` signal. One mapping, so no caller names what it
thinks it changed (Anki's operations report their changes the same way).
"""

from __future__ import annotations

from kx_ceremony.core.store.written import EVERY_COLUMN, Written

CEREMONIES = "ceremonies"
HONOUREES = "honourees"
AWARDS = "awards"
STAGE = "stage"
DOCUMENTS = "documents"
PRINTED = "printed"

# An honouree whose only changes are these moved on stage; the list shows them too, and
# every screen that shows honourees listens to the stage as well.
_STAGE_COLUMNS = frozenset(
    {"round", "round_id", "position_on_stage", "attendance", "substitute_name"}
)
# Printing gives register numbers (số sổ vàng): part of what was printed.
_PRINTED_COLUMNS = frozenset({"register_number"})

_AREA_OF_TABLE = {
    "ceremonies": CEREMONIES,
    "award_forms": AWARDS,
    "decisions": AWARDS,
    "honourees": HONOUREES,
    "presenters": STAGE,
    "rounds": STAGE,
    "pledge_documents": DOCUMENTS,
    "signatories": DOCUMENTS,
    "print_ledger": PRINTED,
}


def areas_changed(written: Written) -> list[str]:
    """The areas the written tables belong to, each once, in a fixed order."""
    found: set[str] = set()
    for table, columns in written.items():
        area = _AREA_OF_TABLE.get(table)
        if area == HONOUREES and EVERY_COLUMN not in columns:
            if columns <= _STAGE_COLUMNS:
                area = STAGE
            elif columns <= _PRINTED_COLUMNS:
                area = PRINTED
        if area is not None:
            found.add(area)
    if HONOUREES in found:
        found.discard(STAGE)  # every screen showing the stage refreshes for honourees too
    order = (CEREMONIES, AWARDS, HONOUREES, STAGE, DOCUMENTS, PRINTED)
    return [area for area in order if area in found]
