"""Saving an organiser's layout adjustments with the ceremony's award form.

Only the keys that differ from the layout file are kept (``AwardForm.layout``), so a
later improvement to the shipped file still reaches every field the organiser left alone.
The merged result is validated before anything is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kx_ceremony.core.errors import NotFound
from kx_ceremony.core.printing.layout_files import (
    BACKGROUND_KEY,
    base_data,
    check_layout_data,
    layout_data,
    layout_difference,
)
from kx_ceremony.core.printing.layouts import Layout, layout_for_award, load_layout, merge_layout
from kx_ceremony.core.services.awards import list_award_forms, update_award_form
from kx_ceremony.core.services.row_types import AwardFormRow
from kx_ceremony.core.store import Store


def _merged(saved: Mapping[str, Any] | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The saved override with these changes on top; a removal (None) is remembered."""
    return merge_layout(saved or {}, changes, keep_removals=True)


def _form(store: Store, ceremony_id: int, award_form_id: int) -> AwardFormRow:
    form = next((f for f in list_award_forms(store, ceremony_id) if f.id == award_form_id), None)
    if form is None:
        raise NotFound(f"Không có hình thức khen thưởng số {award_form_id} trong buổi lễ này.")
    return form


def adjust_layout(
    store: Store, ceremony_id: int, award_form_id: int, changes: Mapping[str, Any]
) -> Layout:
    """Lay ``changes`` (e.g. ``{"fields": {"recipient": {"y": 124}}}``) over the award
    form's saved adjustments, check the result and save it; returns the layout now in use."""
    form = _form(store, ceremony_id, award_form_id)
    override = _merged(form.layout, changes)
    load_layout(form.layout_name or None, override)  # refuses a bad value, nothing saved
    updated = update_award_form(store, ceremony_id, award_form_id, layout=override)
    return layout_for_award(updated)


def reset_layout(store: Store, ceremony_id: int, award_form_id: int) -> Layout:
    """Forget the organiser's adjustments: the award form prints with the file again."""
    return layout_for_award(update_award_form(store, ceremony_id, award_form_id, layout=None))


# -- the visual designer ---------------------------------------------------------------------
@dataclass(frozen=True)
class Background:
    """The scan or photo of the blank shown behind the designer's boxes (never printed).

    Only its path (and the PDF page) is kept with the award form: a scan weighs megabytes,
    the store and every exported layout stay small, and the picture is the office's own. A
    path that has gone (another PC, a moved file) only leaves the designer without it.
    """

    path: str
    page: int = 0  # of a PDF, from 0

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "page": self.page}


def background_of(form: AwardFormRow) -> Background | None:
    raw = (form.layout or {}).get(BACKGROUND_KEY)
    if not isinstance(raw, Mapping) or not isinstance(raw.get("path"), str) or not raw["path"]:
        return None
    page = raw.get("page", 0)
    return Background(raw["path"], page if isinstance(page, int) and page >= 0 else 0)


def designer_data(form: AwardFormRow) -> dict[str, Any]:
    """The award form's layout as the designer edits it (``layout_data`` shape)."""
    return layout_data(layout_for_award(form))


def file_data(form: AwardFormRow) -> dict[str, Any]:
    """The shipped file's layout at the award form's page size (what «Đặt lại» goes back to)."""
    return base_data(form.layout_name, (form.page_width_mm, form.page_height_mm))


def save_layout(
    store: Store,
    ceremony_id: int,
    award_form_id: int,
    data: Mapping[str, Any],
    background: Background | None = None,
) -> Layout:
    """Save the whole layout ``data`` (and the background's path) in one transaction: the
    award form keeps only what differs from its file. Checked first; a refusal saves nothing."""
    form = _form(store, ceremony_id, award_form_id)
    check_layout_data(data)
    override = layout_difference(file_data(form), data)
    if background is not None:
        override[BACKGROUND_KEY] = background.to_json()
    load_layout(form.layout_name or None, override, (form.page_width_mm, form.page_height_mm))
    updated = update_award_form(store, ceremony_id, award_form_id, layout=override or None)
    return layout_for_award(updated)
