"""Undo of a delete in the window (Ctrl+Z): the person is back on the stage board, same place."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kx_ceremony.core.services.honourees import get_honouree, list_honourees
from kx_ceremony.core.services.stage import list_rounds, plan_rounds


def _board_line(stage, number: int) -> list[int]:
    stage._show_from(number - 1)
    column = next(c for c in stage.columns if c.round_number == number)
    people = column.people
    return [int(people.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(people.count())]


def test_delete_a_placed_person_then_undo_on_the_stage_board(window, store, demo_id, qtbot):
    plan_rounds(store, demo_id, per_round=4, force=True)
    rounds = list_rounds(store, demo_id)
    number = next(r.number for r in rounds if r.count >= 3 and r.number > 1)
    window.tabs.setCurrentWidget(window.stage)
    stage = window.stage
    stage.reload()
    line = _board_line(stage, number)
    chosen = line[1]
    before = get_honouree(store, demo_id, chosen)

    window.tabs.setCurrentWidget(window.honourees)
    view = window.honourees
    view.select_id(chosen)
    assert [r.id for r in view.selected_rows()] == [chosen]
    view.delete_selected()
    assert chosen not in {h.id for h in list_honourees(store, demo_id)}
    window.tabs.setCurrentWidget(stage)
    assert chosen not in _board_line(stage, number)

    window.tabs.setCurrentWidget(view)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.tabs.setCurrentWidget(stage)
    assert _board_line(stage, number) == line  # same round, same place, others as before
    assert get_honouree(store, demo_id, chosen) == before
    assert list_rounds(store, demo_id) == rounds
