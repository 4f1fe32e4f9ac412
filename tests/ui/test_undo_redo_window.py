"""Ctrl+Z / Ctrl+Y in the window: every edit, on every screen, named in the «Sửa» menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import update

from kx_ceremony.core.model import Honouree
from kx_ceremony.core.services.honourees import get_honouree, input_from_row, update_honouree
from kx_ceremony.core.services.presenters import PresenterInput, add_presenter, list_presenters
from kx_ceremony.core.services.stage import list_rounds, plan_rounds

CTRL = Qt.KeyboardModifier.ControlModifier


def _edit_menu(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Sửa")
    return [a.text() for a in menu.actions()]


def test_ctrl_z_and_ctrl_y_take_back_and_redo_a_change_made_on_the_stage(
    window, store, demo_id, qtbot
):
    window.show_screen("stage")
    stage = window.stage
    rounds_before = list_rounds(store, demo_id)
    plan_rounds(store, demo_id, per_round=3, force=True)  # as «Lập các đợt trao» does
    planned = list_rounds(store, demo_id)
    assert planned != rounds_before
    assert _edit_menu(window)[0].startswith("Hoàn tác: sắp xếp")

    qtbot.keyClick(stage, Qt.Key.Key_Z, CTRL)
    assert list_rounds(store, demo_id) == rounds_before
    assert window.statusBar().currentMessage().startswith("Đã hoàn tác: sắp xếp")
    assert _edit_menu(window)[1].startswith("Làm lại: sắp xếp")

    qtbot.keyClick(stage, Qt.Key.Key_Y, CTRL)
    assert list_rounds(store, demo_id) == planned
    assert window.statusBar().currentMessage().startswith("Đã làm lại")


def test_the_list_on_screen_follows_an_undone_edit(window, store, demo_id, qtbot):
    view = window.honourees
    row = get_honouree(store, demo_id, view.model.row_at(0).id)
    update_honouree(store, demo_id, row.id, input_from_row(row, unit="Đơn vị đã sửa"))
    view.select_id(row.id)
    assert view.selected_rows()[0].unit == "Đơn vị đã sửa"
    assert _edit_menu(window)[0] == f"Hoàn tác: sửa «{row.name}»"

    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    view.select_id(row.id)
    assert view.selected_rows()[0].unit == row.unit
    assert get_honouree(store, demo_id, row.id) == row


def test_a_text_box_keeps_its_own_ctrl_z(window, store, demo_id, qtbot):
    add_presenter(store, demo_id, PresenterInput(name="Lê Văn Trao"))
    view = window.honourees
    view.search.setFocus()
    qtbot.keyClicks(view.search, "abc")
    qtbot.keyClick(view.search, Qt.Key.Key_Z, CTRL)
    assert view.search.text() != "abc"  # the box undid its typing
    assert "Lê Văn Trao" in [p.name for p in list_presenters(store, demo_id)]  # not undone


def test_an_edit_made_elsewhere_since_is_not_overwritten(
    window, store, demo_id, qtbot, shown_messages
):
    row = get_honouree(store, demo_id, 1)
    update_honouree(store, demo_id, 1, input_from_row(row, unit="Sửa trong cửa sổ"))
    with store.engine.begin() as conn:  # another PC, straight into the shared store
        conn.execute(update(Honouree).where(Honouree.id == 1).values(unit="Sửa ở máy khác"))
    qtbot.keyClick(window.honourees.table, Qt.Key.Key_Z, CTRL)
    assert get_honouree(store, demo_id, 1).unit == "Sửa ở máy khác"
    assert any("đã được sửa sau đó" in m for m in shown_messages)
    assert not window.undo.undo_action.isEnabled()


def test_each_ceremony_offers_only_its_own_edits(window, store, demo_id):
    import datetime as dt

    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony

    other = create_ceremony(store, CeremonyInput("Lễ khác", dt.date(2026, 1, 9)))
    add_presenter(store, demo_id, PresenterInput(name="Người của lễ đầu"))
    assert window.undo.undo_action.isEnabled()
    window.open_ceremony(other)
    assert not window.undo.undo_action.isEnabled()
    assert not window.honourees.undo_button.isEnabled()
    window.open_ceremony(demo_id)
    assert _edit_menu(window)[0] == "Hoàn tác: thêm người trao «Người của lễ đầu»"


def test_a_wrong_list_imported_is_taken_back_with_ctrl_z(window, store, demo_id, qtbot, tmp_path):
    from kx_ceremony.core.importing.service import run_import
    from kx_ceremony.core.services.awards import list_award_forms

    view = window.honourees
    total = view.model.total
    sheet = tmp_path / "nham-tep.csv"
    award = list_award_forms(store, demo_id)[0].full_name
    sheet.write_text(f"Họ và tên,Đơn vị,Hình thức\nNgười Nhầm Tệp,Xã Nhầm,{award}\n")
    run_import(store, demo_id, sheet)
    assert view.model.total == total + 1
    assert _edit_menu(window)[0] == "Hoàn tác: nhập 1 dòng từ «nham-tep.csv»"
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert view.model.total == total
