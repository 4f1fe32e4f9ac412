"""The stage screen's «Lời dẫn chương trình» and «Người trao theo hình thức» pages, driven
as an organiser would: edit the words, leave a part out, restore the default, choose who
presents an award; the stored plan and the printed script follow."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.conference_parts import list_parts
from kx_ceremony.core.services.stage import list_rounds


def test_edit_the_words_leave_a_part_out_and_restore(window, store, demo_id, qtbot, tmp_path):
    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    view.pages.setCurrentWidget(view.script_parts)
    editor = view.script_parts
    assert editor.list.count() == 10
    assert editor.list.item(0).text() == "1. Tuyên bố lý do, chào cờ (Quốc ca)"

    # The decisions part: who reads them, named; the words follow until edited.
    editor.list.setCurrentRow(3)
    assert editor.speaker.isEnabled()
    assert "Hội đồng Thi đua - Khen thưởng huyện" in editor.text.toPlainText()
    editor.speaker.clear()
    editor.speaker.insert("đồng chí Nguyễn Văn Tâm, Trưởng phòng Nội vụ")  # typed
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    part = list_parts(store, demo_id)[3]
    assert part.speaker == "đồng chí Nguyễn Văn Tâm, Trưởng phòng Nội vụ"
    assert "kính mời đồng chí Nguyễn Văn Tâm, Trưởng phòng Nội vụ, lên công bố" in part.text
    assert not part.edited

    # The opening's words, typed.
    editor.list.setCurrentRow(0)
    assert not editor.speaker.isEnabled()  # the MC's own part
    editor.text.selectAll()
    editor.text.insertPlainText("Kính thưa hội nghị! Xin mời xem văn nghệ chào mừng.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert (
        list_parts(store, demo_id)[0].text == "Kính thưa hội nghị! Xin mời xem văn nghệ chào mừng."
    )
    assert editor.state.text() == "Lời dẫn đã sửa."

    # Empty words are refused with one sentence; nothing stored changes.
    editor.text.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert any("đang trống" in m for m in window_messages())
    assert list_parts(store, demo_id)[0].edited

    # Leave the speech out by unticking it.
    editor.list.item(5).setCheckState(Qt.CheckState.Unchecked)
    assert not list_parts(store, demo_id)[5].enabled

    # Print: the typed words are there, the speech is not.
    from printing_helpers import page_texts

    from kx_ceremony.core.printing.script import make_script

    out = make_script(store, demo_id, tmp_path / "k.pdf")
    text = " ".join(page_texts(out))
    assert "Xin mời xem văn nghệ chào mừng." in text
    assert "PHÁT BIỂU CỦA LÃNH ĐẠO CẤP TRÊN" not in text

    # «Khôi phục lời mặc định» brings the default words back.
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    assert "Nghiêm! Chào cờ, chào!" in editor.text.toPlainText()
    assert not list_parts(store, demo_id)[0].edited
    # The window still fits a laptop at 125 % with this page shown.
    hint = window.minimumSizeHint()
    assert hint.width() <= 1093 and hint.height() <= 693


def window_messages() -> list[str]:
    from kx_ceremony.ui import messages

    return [str(m) for m in messages.shown]


def test_choose_who_presents_an_award(window, store, demo_id):
    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    view.pages.setCurrentWidget(view.award_presenters)
    panel = view.award_presenters
    assert panel.table.rowCount() == 3
    huyen = find_award_form(store, demo_id, "huyen").id
    combo = next(c for c in panel.combos if c.property("award_form_id") == huyen)
    assert combo.currentText() == "Mặc định: Đỗ Mạnh Cường"  # the host's leader
    assert "(của đơn vị tổ chức)" in panel.table.item(2, 0).text()
    combo.setCurrentIndex(combo.findText("Vũ Ngọc Trì (2)"))
    district = [r for r in list_rounds(store, demo_id) if r.award_form_id == huyen]
    assert {r.presenter.name for r in district} == {"Vũ Ngọc Trì"}
    # The rounds page shows it after the change, and the choice is shown again.
    combo = next(c for c in panel.combos if c.property("award_form_id") == huyen)
    assert combo.currentText() == "Vũ Ngọc Trì (2)"
    view.pages.setCurrentIndex(0)
    assert any("Vũ Ngọc Trì" in c.presenter.currentText() for c in view.columns[2:3])
    # Back to the rule.
    view.pages.setCurrentWidget(panel)
    combo.setCurrentIndex(0)
    district = [r for r in list_rounds(store, demo_id) if r.award_form_id == huyen]
    assert {r.presenter.name for r in district} == {"Đỗ Mạnh Cường"}


def test_presenter_dialog_marks_a_host_leader(window, store, demo_id):
    from kx_ceremony.core.services.presenters import list_presenters

    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    view.presenter_list.setCurrentRow(1)
    dialog = view.edit_presenter()
    assert not dialog.host.isChecked()
    dialog.host.setChecked(True)
    dialog._try_save()
    assert [p.host for p in list_presenters(store, demo_id)] == [False, True, True]


def test_typed_words_survive_another_part_and_a_change_made_elsewhere(window, store, demo_id):
    """Typing, then looking at another part, or a presenter added meanwhile (the screen
    reloads): the words typed are still there, marked unsaved, until saved."""
    from kx_ceremony.core.services.presenters import PresenterInput, add_presenter

    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    view.pages.setCurrentWidget(view.script_parts)
    editor = view.script_parts
    editor.list.setCurrentRow(0)
    stored = list_parts(store, demo_id)[0].text
    editor.text.selectAll()
    editor.text.insertPlainText("Kính thưa quý vị đại biểu, lời chưa lưu.")

    editor.list.setCurrentRow(2)
    assert editor.list.item(0).text().endswith("(chưa lưu)")
    add_presenter(store, demo_id, PresenterInput(name="Lê Văn Trao"))  # the stage reloads
    editor.list.setCurrentRow(0)
    assert editor.text.toPlainText() == "Kính thưa quý vị đại biểu, lời chưa lưu."
    assert "chưa lưu" in editor.state.text()
    assert list_parts(store, demo_id)[0].text == stored  # nothing saved behind the user

    editor.save()
    assert list_parts(store, demo_id)[0].text == "Kính thưa quý vị đại biểu, lời chưa lưu."
    assert not editor.list.item(0).text().endswith("(chưa lưu)")
    assert editor.state.text() == "Lời dẫn đã sửa."
