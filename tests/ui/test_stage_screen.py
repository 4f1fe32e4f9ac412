"""The stage screen: plan the rounds, drag someone to another place, presenters, absentees."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from kx_ceremony.core.services.honourees import get_honouree
from kx_ceremony.core.services.stage import list_rounds
from kx_ceremony.ui import messages
from kx_ceremony.ui.stage_board import honouree_mime


def _drop(widget, honouree_id: int, point: QPointF) -> None:
    """What Qt delivers when a person is dropped at ``point`` (viewport coordinates)."""
    mime = honouree_mime(honouree_id)  # the event does not own it: keep it alive
    event = QDropEvent(
        point,
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def _ids(column) -> list[int]:
    lst = column.people
    return [int(lst.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(lst.count())]


def test_plan_rounds_and_move_someone(window, store, demo_id, monkeypatch):
    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    view.per_round.setValue(4)
    asked = []
    monkeypatch.setattr("kx_ceremony.ui.messages.ask", lambda *a, **k: asked.append(a) or True)
    view.plan()
    rounds = list_rounds(store, demo_id)
    assert len(rounds) >= 3 and max(r.count for r in rounds) <= 4
    assert view.navigator.count() == len(rounds)
    assert len(view.columns) == min(4, len(rounds))

    # Find a round with at least two people on stage; drag its last person to the front.
    column = next(c for c in view.columns if len(c.people.on_stage) >= 2)
    last_id = column.people.on_stage[-1]
    first_rect = column.people.visualItemRect(column.people.item(0))
    _drop(column.people, last_id, QPointF(first_rect.center()))
    moved = get_honouree(store, demo_id, last_id)
    assert moved.position_on_stage == 1
    assert moved.round == column.round_number
    column = next(c for c in view.columns if c.round_number == moved.round)
    assert _ids(column)[0] == last_id
    assert "✎" in column.heading.text()

    # Into a round of another award: refused with the reason, nothing moves.
    forms = {r.number: r.award_form_id for r in list_rounds(store, demo_id)}
    other = next(
        c for c in view.columns if c.people.on_stage and forms[c.round_number] != forms[moved.round]
    )
    _drop(other.people, last_id, QPointF(5, 5))
    assert "chỉ chuyển được sang đợt trao cùng hình thức" in messages.shown[-1]
    assert get_honouree(store, demo_id, last_id).round == moved.round

    # Replanning now asks first, because of the hand change.
    view.plan()
    assert asked and "sửa bằng tay" in asked[-1][1]
    assert not any(r.manual for r in list_rounds(store, demo_id))


def test_presenter_per_round_and_attendance(window, store, demo_id, monkeypatch):
    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    view.plan()
    column = view.columns[0]
    combo = column.presenter
    other = next(i for i in range(1, combo.count()) if combo.itemData(i) != combo.currentData())
    wanted = combo.itemData(other)
    combo.setCurrentIndex(other)
    assert list_rounds(store, demo_id)[0].presenter.id == wanted

    column = view.columns[0]
    column.people.setCurrentRow(0)
    person = int(column.people.item(0).data(Qt.ItemDataRole.UserRole))
    view.mark("absent")
    assert get_honouree(store, demo_id, person).attendance == "absent"
    column = view.columns[0]
    assert _ids(column)[-1] == person  # absentees go last, greyed
    assert "vắng" in column.people.item(column.people.count() - 1).text()

    column.people.setCurrentRow(column.people.count() - 1)
    monkeypatch.setattr(view, "ask_substitute", lambda: "Nguyễn Thị Mai")
    view.mark("substitute")
    back = get_honouree(store, demo_id, person)
    assert back.attendance == "substitute" and back.substitute_name == "Nguyễn Thị Mai"


def test_adding_a_presenter_with_an_error_next_to_the_field(window, store, demo_id):
    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    before = view.presenter_list.count()
    dialog = view.add_presenter()
    dialog._try_save()
    assert "Họ tên người trao đang trống" in dialog.form.error_text("name")
    dialog.name.setText("Trần Văn Hùng")
    dialog.titles.setPlainText("Ủy viên Ban Thường vụ Huyện ủy\nPhó Chủ tịch UBND huyện")
    dialog.seniority.setValue(3)
    dialog._try_save()
    assert view.presenter_list.count() == before + 1


def test_placing_newcomers_asks_before_renumbering_rounds(window, store, demo_id, monkeypatch):
    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree
    from kx_ceremony.core.services.stage import Placement

    window.tabs.setCurrentWidget(window.stage)
    view = window.stage
    before = [(r.number, r.award_form_id, r.count) for r in list_rounds(store, demo_id)]
    tinh = find_award_form(store, demo_id, "Bằng khen của Chủ tịch UBND tỉnh").id
    add_honouree(store, demo_id, HonoureeInput("Lương Văn Hai", tinh, unit="Xã Vũ Tây"))
    questions = []

    def cancel(parent, text, choices, *a):
        questions.append((text, [key for key, _ in choices]))
        return None

    monkeypatch.setattr("kx_ceremony.ui.messages.choose", cancel)
    view.place_button.click()
    # Asked once, naming the round that would change number; Hủy changes nothing.
    assert len(questions) == 1 and "đợt 3" in questions[0][0]
    assert questions[0][1] == [Placement.AT_END, Placement.RENUMBER]
    assert [(r.number, r.award_form_id, r.count) for r in list_rounds(store, demo_id)] == before
    monkeypatch.setattr("kx_ceremony.ui.messages.choose", lambda *a: Placement.AT_END)
    view.place_button.click()
    after = list_rounds(store, demo_id)
    assert [(r.number, r.award_form_id, r.count) for r in after[:-1]] == before
    assert (after[-1].number, after[-1].award_form_id) == (len(before) + 1, tinh)
    assert view.navigator.count() == len(after)  # the screen shows the new round


def test_per_round_changed_in_the_ceremony_details_reaches_the_stage(window, store, demo_id):
    from kx_ceremony.core.services.ceremonies import get_ceremony

    window.tabs.setCurrentWidget(window.stage)
    assert window.stage.per_round.value() == get_ceremony(store, demo_id).per_round
    window.tabs.setCurrentWidget(window.ceremonies)
    dialog = window.ceremonies.edit_details()
    dialog.per_round.setValue(4)
    dialog._try_save()
    window.tabs.setCurrentWidget(window.stage)
    assert window.stage.per_round.value() == 4
    window.stage.plan_button.click()  # plans with the new size, never writes the old back
    assert get_ceremony(store, demo_id).per_round == 4
    assert max(r.count for r in list_rounds(store, demo_id)) <= 4
