"""Undo of a delete puts every row back as it was, its stage place included."""

from __future__ import annotations

import pytest

from kx_ceremony.core.demo import create_demo
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.honouree_bulk import restore_honourees
from kx_ceremony.core.services.honourees import (
    HonoureeInput,
    add_honouree,
    get_honouree,
    input_from_row,
    list_honourees,
    remove_honourees,
    update_honouree,
)
from kx_ceremony.core.services.stage import list_rounds, plan_rounds, tidy_plan
from kx_ceremony.core.services.stage_edits import set_attendance


def _plan(store, ceremony_id):
    return {
        r.number: [h.id for h in sorted(rows, key=lambda h: h.position_on_stage)]
        for r in list_rounds(store, ceremony_id)
        for rows in [[h for h in list_honourees(store, ceremony_id) if h.round == r.number]]
    }


def _everyone(store, ceremony_id):
    return {h.id: h for h in list_honourees(store, ceremony_id)}


@pytest.fixture
def planned(any_store):
    ceremony_id = create_demo(any_store)
    plan_rounds(any_store, ceremony_id, per_round=4, force=True)
    return any_store, ceremony_id


def test_undo_puts_a_placed_person_back_in_the_same_round_and_place(planned):
    store, ceremony_id = planned
    line = next(ids for ids in _plan(store, ceremony_id).values() if len(ids) >= 3)
    chosen = line[1]  # second in the line: the others close the gap when tidied
    row = get_honouree(store, ceremony_id, chosen)
    update_honouree(
        store,
        ceremony_id,
        chosen,
        input_from_row(row, register_number="Sổ 12/2023", note="Nhận thay cho đơn vị"),
    )
    set_attendance(store, ceremony_id, chosen, "substitute", "Trần Thị Thay")
    before_rows, before_plan = _everyone(store, ceremony_id), _plan(store, ceremony_id)
    rounds_before = list_rounds(store, ceremony_id)
    assert before_rows[chosen].decision_id is not None  # the sample's people have decisions

    removed = remove_honourees(store, ceremony_id, [chosen])
    tidy_plan(store, ceremony_id)  # what the stage screen and printing do: gaps closed
    assert chosen not in _everyone(store, ceremony_id)

    assert restore_honourees(store, ceremony_id, removed) == [chosen]
    assert _everyone(store, ceremony_id) == before_rows  # every field, id, round, position
    assert _plan(store, ceremony_id) == before_plan
    assert list_rounds(store, ceremony_id) == rounds_before


def test_undo_makes_again_a_round_the_delete_emptied(planned):
    store, ceremony_id = planned
    plan = _plan(store, ceremony_id)
    middle = sorted(plan)[len(plan) // 2]
    rounds_before = list_rounds(store, ceremony_id)
    before_rows = _everyone(store, ceremony_id)
    doomed = [*plan[middle], plan[1][0]]  # a whole round and the first person of round 1

    removed = remove_honourees(store, ceremony_id, doomed)
    tidy_plan(store, ceremony_id)
    assert len(list_rounds(store, ceremony_id)) == len(rounds_before) - 1  # the round is gone

    restore_honourees(store, ceremony_id, removed)
    assert list_rounds(store, ceremony_id) == rounds_before  # number, award, presenter, flag
    assert _everyone(store, ceremony_id) == before_rows
    assert _plan(store, ceremony_id) == plan


def test_undo_is_all_or_nothing(planned):
    store, ceremony_id = planned
    rows = list_honourees(store, ceremony_id)
    first, second = rows[0], rows[1]
    removed = remove_honourees(store, ceremony_id, [first.id, second.id])
    # Meanwhile the second one was typed in again: putting both back would make a double.
    add_honouree(
        store,
        ceremony_id,
        HonoureeInput(
            name=second.name, award_form_id=second.award_form_id, unit=second.unit, kind=second.kind
        ),
    )
    count = len(list_honourees(store, ceremony_id))
    with pytest.raises(UserError, match="đã có trong danh sách"):
        restore_honourees(store, ceremony_id, removed)
    assert len(list_honourees(store, ceremony_id)) == count
    assert first.id not in _everyone(store, ceremony_id)
