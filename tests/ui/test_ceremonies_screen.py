"""The ceremonies screen: create, open the sample, edit details, catalogue, decisions."""

from __future__ import annotations

import datetime as dt

from kx_ceremony.core.services.awards import list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import get_ceremony, list_ceremonies


def test_empty_store_then_sample_then_new_ceremony(make_window, store):
    window = make_window()
    assert window.windowTitle().startswith("KX Ceremony")
    assert window.ceremony_id is None
    assert "Chưa có buổi lễ nào" in window.ceremonies.list.item(0).text()
    window.ceremonies.open_demo()
    assert window.ceremony_id is not None
    assert window.honourees.model.total > 20
    assert "Hội nghị tổng kết" in window.windowTitle()

    dialog = window.ceremonies.create()
    dialog.title.setText("")
    dialog._try_save()
    assert "Tên buổi lễ đang trống" in dialog.form.error_text("title")
    dialog.title.setText("Lễ trao Giấy khen năm 2024")
    # The day typed as it is said, without the leading zeros; a wrong one is refused beside it.
    dialog.held_on.text.setText("31/2/2025")
    dialog._try_save()
    assert "Không có ngày 31/02/2025" in dialog.form.error_text("held_on")
    dialog.held_on.text.setText("10/1/2025")
    dialog.per_round.setValue(12)
    dialog._try_save()
    assert not dialog.isVisible()
    new = next(c for c in list_ceremonies(store) if c.title == "Lễ trao Giấy khen năm 2024")
    assert new.held_on == dt.date(2025, 1, 10) and new.per_round == 12
    assert new.achievement_year == 2024
    assert window.ceremony_id == new.id  # a new ceremony opens at once
    assert window.honourees.model.total == 0
    assert "Lễ trao Giấy khen năm 2024" in window.windowTitle()


def test_edit_details_catalogue_and_decisions(window, store, demo_id, monkeypatch):
    assert window.tabs.currentWidget() is window.honourees  # a returning organiser's list
    window.tabs.setCurrentWidget(window.ceremonies)
    view = window.ceremonies
    dialog = view.edit_details()
    dialog.venue.setText("Nhà văn hóa huyện")
    dialog._try_save()
    assert get_ceremony(store, demo_id).venue == "Nhà văn hóa huyện"
    assert "Nhà văn hóa huyện" in view.details.text()

    view.forms_table.selectRow(0)
    form_dialog = view.edit_form()
    form_dialog.aliases.setText("HC Lao động; Huân chương LĐ")
    form_dialog._try_save()
    first = list_award_forms(store, demo_id)[0]
    assert first.aliases == ("HC Lao động", "Huân chương LĐ")

    decision = view.add_decision()
    decision.number.setText("")
    decision._try_save()
    assert "Số quyết định đang trống" in decision.form.error_text("number")
    decision.number.setText("99/QĐ-UBND")
    decision._try_save()
    assert "99/QĐ-UBND" in [d.number for d in list_decisions(store, demo_id)]
    assert view.decisions_table.rowCount() == len(list_decisions(store, demo_id))

    # An award still given to someone cannot be deleted: the reason is shown.
    used_row = next(i for i, f in enumerate(view.forms) if "Thủ tướng" in f.full_name)
    view.forms_table.selectRow(used_row)
    monkeypatch.setattr("kx_ceremony.ui.messages.ask", lambda *a, **k: True)
    view.delete_form()
    from kx_ceremony.ui import messages

    assert "Không xóa được" in messages.shown[-1]
    assert any("Thủ tướng" in f.full_name for f in list_award_forms(store, demo_id))


def test_deleting_the_open_ceremony(window, store, demo_id, monkeypatch):
    monkeypatch.setattr("kx_ceremony.ui.messages.ask", lambda *a, **k: True)
    window.tabs.setCurrentWidget(window.ceremonies)
    window.ceremonies.delete_current()
    assert list_ceremonies(store) == []
    assert window.ceremony_id is None
    assert window.honourees.model.total == 0


def test_whats_left_to_do_leads_to_the_screen_that_fixes_it(window, store, demo_id):
    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree
    from kx_ceremony.ui import events

    window.tabs.setCurrentWidget(window.ceremonies)
    panel = window.ceremonies.readiness
    texts = [b.text() for b in panel.buttons]
    assert not any("chưa được xếp" in t for t in texts)
    huyen = find_award_form(store, demo_id, "huyen").id
    add_honouree(store, demo_id, HonoureeInput("Trần Văn Muộn", huyen, unit="Xã Vũ Tây"))
    window.events.changed.emit(events.HONOUREES)
    button = next(b for b in panel.buttons if "1 người/tập thể chưa được xếp" in b.text())
    button.click()
    assert window.tabs.currentWidget() is window.stage


def test_recent_ceremonies_come_first(window, store, demo_id):
    import datetime as dt

    from PySide6.QtCore import Qt

    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony

    older = create_ceremony(store, CeremonyInput("Lễ năm trước", dt.date(2020, 1, 9)))
    newer = create_ceremony(store, CeremonyInput("Lễ sắp tới", dt.date(2027, 1, 9)))
    window.events.ceremony_opened.emit(older)
    window.events.ceremony_opened.emit(demo_id)
    window.tabs.setCurrentWidget(window.ceremonies)
    view = window.ceremonies
    view.reload_list()
    ids = [view.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.list.count())]
    assert ids[:2] == [demo_id, older] and newer in ids[2:]
    assert "mở gần đây" in view.list.item(0).text()
    assert "mở gần đây" not in view.list.item(2).text()
