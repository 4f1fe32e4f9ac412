"""The honourees screen driven as an organiser would: type, click, read the table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.text.vietnamese import fold_for_search


def _names(view) -> list[str]:
    model = view.model
    return [model.row_at(r).name for r in range(model.rowCount())]


def test_add_an_honouree_through_the_dialog(window, store, demo_id, qtbot):
    view = window.honourees
    before = view.model.total
    dialog = view.add()
    dialog.name.setText("  NGUYỄN   VĂN BÌNH ")
    dialog.unit.setText("Phòng Nội vụ huyện Kiến Xương")
    dialog.birth_year.setText("1980")
    dialog.award.setCurrentIndex(dialog.award.findText("Giấy khen của Chủ tịch UBND huyện"))
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == dialog.DialogCode.Accepted
    assert view.model.total == before + 1
    stored = [h for h in list_honourees(store, demo_id) if h.name == "Nguyễn Văn Bình"]
    assert len(stored) == 1 and stored[0].birth_year == 1980
    selected = view.selected_rows()
    assert [r.name for r in selected] == ["Nguyễn Văn Bình"]


def test_errors_appear_next_to_the_faulty_field(window, store, demo_id):
    view = window.honourees
    dialog = view.add()
    dialog.name.setText("")
    dialog._try_save()
    assert dialog.isVisible()
    assert "Họ tên đang trống" in dialog.form.error_text("name")
    assert dialog.form.errors["name"].isVisible()
    dialog.name.setText("Trần Thị Hoa")
    dialog.birth_year.setText("19x5")
    dialog._try_save()
    assert dialog.form.errors["name"].isHidden()
    assert "Năm sinh «19x5»" in dialog.form.error_text("birth_year")
    dialog.birth_year.setText("1850")
    dialog._try_save()
    assert "1850" in dialog.form.error_text("birth_year")
    existing = view.model.row_at(0)
    dialog.birth_year.setText("")
    dialog._try_save()
    assert "Chưa chọn hình thức" in dialog.form.error_text("award_form_id")
    dialog.award.setCurrentIndex(dialog.award.findData(existing.award_form_id))
    dialog.kind.setCurrentIndex(dialog.kind.findData(existing.kind))
    dialog.name.setText(existing.name)
    dialog.unit.setText(existing.unit)
    dialog.birth_year.setText(str(existing.birth_year or ""))
    dialog._try_save()
    assert "đã có trong danh sách" in dialog.form.error_text("name")
    assert all(h.name != "Trần Thị Hoa" for h in list_honourees(store, demo_id))


def test_a_likely_duplicate_is_a_question_the_same_person_a_refusal(
    window, store, demo_id, monkeypatch
):
    """Same name (with its marks) and unit, one birth year missing: maybe a namesake, so
    the organiser is asked; with both birth years equal it is the same person: refused."""
    view = window.honourees
    existing = next(h for h in list_honourees(store, demo_id) if h.birth_year)
    count = len(list_honourees(store, demo_id))
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        "kx_ceremony.ui.messages.ask", lambda _p, text, *a: asked.append(text) or answer[0]
    )

    def fill(dialog, birth: str) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(existing.kind))
        dialog.award.setCurrentIndex(dialog.award.findData(existing.award_form_id))
        dialog.name.setText(existing.name.upper())
        dialog.unit.setText(existing.unit)
        dialog.birth_year.setText(birth)

    dialog = view.add()
    fill(dialog, "")
    dialog._try_save()  # the organiser answers «No»: nothing added, the reason by the name
    assert len(asked) == 1 and f"Có thể trùng với «{existing.name}»" in asked[0]
    assert asked[0].endswith("Vẫn thêm?") and str(existing.birth_year) in asked[0]
    assert dialog.isVisible() and "năm sinh để phân biệt" in dialog.form.error_text("name")
    assert len(list_honourees(store, demo_id)) == count

    answer[0] = True  # «Yes»: another person of the same name, added
    dialog._try_save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(list_honourees(store, demo_id)) == count + 1

    asked.clear()
    dialog = view.add()
    fill(dialog, str(existing.birth_year))  # the same birth year: the same person
    dialog._try_save()
    assert asked == [] and "không thêm trùng" in dialog.form.error_text("name")
    assert len(list_honourees(store, demo_id)) == count + 1


def test_search_is_instant_and_ignores_marks(window, qtbot):
    view = window.honourees
    total = view.model.total
    qtbot.keyClicks(view.search, "pham thi thu hang")
    assert _names(view) == ["Phạm Thị Thu Hằng"]
    assert "Đang hiện 1" in view.count.text()
    view.search.clear()
    view.search.setText("TRƯỜNG")  # marks and capitals typed: the same rows as "truong"
    with_marks = _names(view)
    view.search.clear()
    qtbot.keyClicks(view.search, "truong")
    assert _names(view) == with_marks
    assert len(with_marks) > 1
    assert all(
        "truong" in fold_for_search(f"{r.name} {r.unit} {r.position}")
        for r in view.model.rows_at(range(view.model.rowCount()))
    )
    view.search.clear()
    assert view.model.rowCount() == total


def test_filters_by_award_kind_and_round(window):
    view = window.honourees
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("collective"))
    assert view.model.rowCount() > 0
    assert {view.model.row_at(r).kind for r in range(view.model.rowCount())} == {"collective"}
    view.kind_filter.setCurrentIndex(0)
    index = view.award_filter.findText("Bằng khen của Thủ tướng Chính phủ")
    view.award_filter.setCurrentIndex(index)
    assert _names(view) == ["Phạm Thị Thu Hằng", "Bùi Văn Khải"]
    view.award_filter.setCurrentIndex(0)
    from kx_ceremony.ui.honouree_model import UNPLACED

    view.round_filter.setCurrentIndex(view.round_filter.findData(UNPLACED))
    assert view.model.rowCount() == sum(1 for r in view.model.all_rows() if r.round is None)


def test_sorting_by_name_follows_vietnamese_order(window, store, demo_id):
    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree

    # A "Dũng" beside the sample's "Đạt", so "Đ" after "D" is really checked.
    huyen = find_award_form(store, demo_id, "huyen").id
    add_honouree(store, demo_id, HonoureeInput("Nguyễn Văn Dũng", huyen, unit="Xã Vũ Tây"))
    view = window.honourees
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("individual"))
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    names = _names(view)
    given = [n.split()[-1] for n in names]
    # Given names first: "Anh" < "Ánh" < "Bình" < … and "Đ" after "D".
    assert given.index("Anh") < given.index("Ánh") < given.index("Bình")
    assert given.index("Dũng") < given.index("Đạt")
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _names(view) == list(reversed(names))
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(view)[0] == "Phạm Thị Thu Hằng"


def test_delete_then_undo_restores_the_rows(window, store, demo_id):
    view = window.honourees
    total = view.model.total
    view.table.selectRow(5)
    view.table.selectionModel().select(
        view.model.index(6, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    doomed = {r.name for r in view.selected_rows()}
    assert len(doomed) == 2
    view.delete_selected()
    assert view.model.total == total - 2
    assert not doomed & {h.name for h in list_honourees(store, demo_id)}
    assert view.undo_button.isEnabled()
    assert "xóa 2 người nhận" in view.undo_button.toolTip()
    view.undo_button.click()
    assert view.model.total == total
    assert doomed <= {h.name for h in list_honourees(store, demo_id)}
    assert not view.undo_button.isEnabled()


def test_bulk_change_of_award_and_a_refused_one(window, store, demo_id, monkeypatch):
    view = window.honourees
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("individual"))
    view.table.selectAll()
    chosen = {r.id for r in view.selected_rows()}
    target = next(f for f in view.forms if f.full_name == "Chiến sĩ thi đua cơ sở")
    monkeypatch.setattr(view, "ask_award", lambda count: target.id)
    view.change_award_of_selected()
    after = {h.id: h.award for h in list_honourees(store, demo_id)}
    assert {after[i] for i in chosen} == {"Chiến sĩ thi đua cơ sở"}
    # A form for collectives only, given to individuals: refused, nothing changed.
    flag = next(f for f in view.forms if f.kinds == ("collective",))
    monkeypatch.setattr(view, "ask_award", lambda count: flag.id)
    view.table.selectAll()
    view.change_award_of_selected()
    assert any("chỉ dành cho tập thể" in m for m in window_messages())
    again = {h.id: h.award for h in list_honourees(store, demo_id)}
    assert again == after


def window_messages() -> list[str]:
    from kx_ceremony.ui import messages

    return messages.shown


def test_a_new_honouree_needs_an_award_chosen(window):
    dialog = window.honourees.add()
    dialog.name.setText("Trần Thị Hoa")
    dialog._try_save()
    assert "Chưa chọn hình thức khen thưởng" in dialog.form.error_text("award_form_id")
    assert dialog.isVisible()


def test_move_many_to_another_round(window, store, demo_id, monkeypatch):
    from kx_ceremony.core.services.stage import list_rounds, plan_rounds

    plan_rounds(store, demo_id, 4)
    window.events.changed.emit("stage")
    view = window.honourees
    rounds = list_rounds(store, demo_id)
    # Two rounds of the same award: move two people from the later one to the earlier one.
    by_form: dict[int, list] = {}
    for r in rounds:
        by_form.setdefault(r.award_form_id, []).append(r)
    first, second = next(rs for rs in by_form.values() if len(rs) >= 2)[:2]
    movers = [h for h in view.model.all_rows() if h.round == second.number][:2]
    view.round_filter.setCurrentIndex(view.round_filter.findData(second.number))
    view.table.selectAll()
    view.table.clearSelection()
    for r in range(view.model.rowCount()):
        if view.model.row_at(r).id in {m.id for m in movers}:
            view.table.selectionModel().select(
                view.model.index(r, 0),
                view.table.selectionModel().SelectionFlag.Select
                | view.table.selectionModel().SelectionFlag.Rows,
            )
    monkeypatch.setattr(view, "ask_round", lambda count: first.number)
    view.move_selected_to_round()
    after = {h.id: h for h in list_honourees(store, demo_id)}
    assert {after[m.id].round for m in movers} == {first.number}
    positions = sorted(after[m.id].position_on_stage for m in movers)
    assert positions == [first.on_stage + 1, first.on_stage + 2]

    # A round of another award: refused, nobody moves.
    other = next(r for r in rounds if r.award_form_id != first.award_form_id)
    view.round_filter.setCurrentIndex(0)
    view.table.selectRow(view.model.row_of_id(movers[0].id))
    monkeypatch.setattr(view, "ask_round", lambda count: other.number)
    view.move_selected_to_round()
    assert "Chưa chuyển ai cả" in window_messages()[-1]
    assert get_round(store, demo_id, movers[0].id) == first.number


def get_round(store, ceremony_id, honouree_id):
    from kx_ceremony.core.services.honourees import get_honouree

    return get_honouree(store, ceremony_id, honouree_id).round


def test_keyboard_shortcuts(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kx_ceremony.ui.honouree_dialog import HonoureeDialog

    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.tabs.setCurrentWidget(window.honourees)
    qtbot.keyClick(window.honourees.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.honourees.search

    def open_dialogs():
        return {
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, HonoureeDialog) and w.isVisible()
        }

    before = open_dialogs()
    qtbot.keyClick(window.honourees.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    opened = open_dialogs() - before
    assert len(opened) == 1
    opened.pop().reject()
    qtbot.keyClick(window.honourees.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.documents
