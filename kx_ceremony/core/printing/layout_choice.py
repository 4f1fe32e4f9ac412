"""Which layout a calibration page shows, from what the organiser typed after --award.

The calibration page needs no ceremony: ``--award`` may name a layout file
("bang-khen"), or an award as spreadsheets and the default catalogue name it ("BK TTg",
"Giấy khen huyện"). With a ceremony, the award form's own adjusted layout is used.
"""

from __future__ import annotations

from kx_ceremony.core.catalogue import DEFAULT_CATALOGUE
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.layouts import (
    DEFAULT_LAYOUT,
    Layout,
    layout_for_award,
    layout_names,
    load_layout,
)
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import fold_for_search


def _slug(text: str) -> str:
    return "-".join(fold_for_search(text).replace("-", " ").split())


def layout_name_for(award: str) -> str:
    """A layout file name for ``award``: a file name, or a catalogue award's layout."""
    wanted = _slug(award)
    names = layout_names()
    if wanted in names:
        return wanted
    for template in DEFAULT_CATALOGUE:
        spellings = (template.code, template.full_name, template.short_name, *template.aliases)
        if any(_slug(s) == wanted for s in spellings):
            return template.layout_name or DEFAULT_LAYOUT
    raise UserError(
        f"Không có mẫu bằng khen «{award}». Các mẫu hiện có: {', '.join(names)} "
        "(hoặc tên hình thức khen thưởng, ví dụ «BK TTg», «Giấy khen huyện»)."
    )


def calibration_layout(store: Store | None, award: str | None, ceremony_id: int | None) -> Layout:
    if ceremony_id is not None and store is not None:
        from kx_ceremony.core.services.awards import find_award_form

        if award:
            return layout_for_award(find_award_form(store, ceremony_id, award))
        return load_layout(DEFAULT_LAYOUT)
    return load_layout(layout_name_for(award) if award else DEFAULT_LAYOUT)
