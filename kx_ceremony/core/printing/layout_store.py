"""Saving an organiser's layout adjustments with the ceremony's award form.

Only the keys that differ from the layout file are kept (``AwardForm.layout``), so a
later improvement to the shipped file still reaches every field the organiser left alone.
The merged result is validated before anything is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kx_ceremony.core.printing.layouts import Layout, layout_for_award, load_layout
from kx_ceremony.core.services.awards import list_award_forms, update_award_form
from kx_ceremony.core.store import Store


def _merged(saved: Mapping[str, Any] | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        k: (dict(v) if isinstance(v, Mapping) else v) for k, v in (saved or {}).items()
    }
    for key, value in changes.items():
        if key == "fields" and isinstance(value, Mapping):
            fields = {
                k: dict(v) if isinstance(v, Mapping) else v
                for k, v in out.get("fields", {}).items()
            }
            for name, field_changes in value.items():
                if isinstance(field_changes, Mapping) and isinstance(fields.get(name), dict):
                    fields[name].update(field_changes)
                else:
                    fields[name] = (
                        dict(field_changes) if isinstance(field_changes, Mapping) else field_changes
                    )
            out["fields"] = fields
        elif key in ("page", "border") and isinstance(value, Mapping):
            out[key] = {**(out.get(key) or {}), **value}
        else:
            out[key] = value
    return out


def adjust_layout(
    store: Store, ceremony_id: int, award_form_id: int, changes: Mapping[str, Any]
) -> Layout:
    """Lay ``changes`` (e.g. ``{"fields": {"recipient": {"y": 124}}}``) over the award
    form's saved adjustments, check the result and save it; returns the layout now in use."""
    form = next((f for f in list_award_forms(store, ceremony_id) if f.id == award_form_id), None)
    if form is None:
        from kx_ceremony.core.errors import NotFound

        raise NotFound(f"Không có hình thức khen thưởng số {award_form_id} trong buổi lễ này.")
    override = _merged(form.layout, changes)
    load_layout(form.layout_name or None, override)  # refuses a bad value, nothing saved
    updated = update_award_form(store, ceremony_id, award_form_id, layout=override)
    return layout_for_award(updated)


def reset_layout(store: Store, ceremony_id: int, award_form_id: int) -> Layout:
    """Forget the organiser's adjustments: the award form prints with the file again."""
    return layout_for_award(update_award_form(store, ceremony_id, award_form_id, layout=None))
