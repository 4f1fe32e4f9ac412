"""Marking an award form, or one person, as not presented on stage from the window."""

from __future__ import annotations

from kx_ceremony.core.services.awards import find_award_form, list_award_forms
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.stage import list_rounds


def test_an_award_form_taken_off_stage_in_its_dialog(window, store, demo_id):
    form = find_award_form(store, demo_id, "Giấy khen của Chủ tịch UBND huyện")
    window.tabs.setCurrentWidget(window.ceremonies)
    view = window.ceremonies
    row = next(i for i, f in enumerate(view.forms) if f.id == form.id)
    view.forms_table.selectRow(row)
    dialog = view.edit_form()
    assert dialog.on_stage.isChecked()
    dialog.on_stage.setChecked(False)
    dialog._try_save()
    assert not dialog.isVisible(), dialog.form.error_text("on_stage")
    assert not next(f for f in list_award_forms(store, demo_id) if f.id == form.id).on_stage
    assert all(r.award_form_id != form.id for r in list_rounds(store, demo_id))
    window.tabs.setCurrentWidget(window.stage)
    assert window.stage.navigator.count() == len(list_rounds(store, demo_id))


def test_one_person_kept_off_stage_in_the_honouree_dialog(window, store, demo_id):
    person = next(h for h in list_honourees(store, demo_id) if h.round == 2)
    window.tabs.setCurrentWidget(window.honourees)
    dialog = window.honourees._dialog(person)
    assert dialog.on_stage.currentData() is None  # as the award form says
    dialog.on_stage.setCurrentIndex(dialog.on_stage.findData(False))
    dialog._try_save()
    now = next(h for h in list_honourees(store, demo_id) if h.id == person.id)
    assert now.on_stage is False and not now.goes_on_stage and now.round is None
