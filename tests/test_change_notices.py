"""Every committed write tells what it changed; the screens refresh from that, never a guess."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from import_files import SAMPLES

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony, get_ceremony
from kx_ceremony.core.services.changes import (
    AWARDS,
    CEREMONIES,
    HONOUREES,
    PRINTED,
    STAGE,
    areas_changed,
)
from kx_ceremony.core.services.honourees import list_honourees, remove_honourees
from kx_ceremony.core.services.stage import list_rounds
from kx_ceremony.core.services.stage_edits import move_honouree, set_round_presenter


@pytest.fixture
def heard(store):
    notices: list[list[str]] = []
    stop = store.listen(lambda written: notices.append(areas_changed(written)))
    yield notices
    stop()


def test_each_service_reports_what_it_changed(store, demo_id, heard):
    from kx_ceremony.core.services.ceremonies import update_ceremony

    row = get_ceremony(store, demo_id)
    data = CeremonyInput(
        **{
            f.name: getattr(row, f.name)
            for f in dataclasses.fields(CeremonyInput)
            if hasattr(row, f.name)
        }
    )
    update_ceremony(store, demo_id, dataclasses.replace(data, per_round=data.per_round + 1))
    assert heard[-1] == [CEREMONIES]  # the stage screen listens: "per round" reaches it

    first = list_rounds(store, demo_id)[0]
    person = next(h for h in list_honourees(store, demo_id) if h.round == first.number)
    move_honouree(store, demo_id, person.id, first.number, 1)
    assert heard[-1] == [STAGE]  # a move is a stage change, not a new list of people

    set_round_presenter(store, demo_id, first.number, None)
    assert heard[-1] == [STAGE]

    remove_honourees(store, demo_id, [person.id])
    assert heard[-1] == [HONOUREES]


def test_a_refused_or_read_only_call_reports_nothing(store, demo_id, heard):
    list_honourees(store, demo_id)
    with pytest.raises(UserError):
        move_honouree(store, demo_id, list_honourees(store, demo_id)[0].id, 999, 1)
    assert heard == []


def test_the_import_fast_path_reports_the_honourees(store, heard):
    from kx_ceremony.core.importing.service import run_import

    ceremony = create_ceremony(store, CeremonyInput(title="Tổng kết", held_on=dt.date(2023, 1, 5)))
    heard.clear()
    result = run_import(store, ceremony, SAMPLES / "district.xlsx")
    assert result.stored
    assert HONOUREES in heard[-1]


def test_the_areas_of_written_tables():
    everything = frozenset({"*"})
    assert areas_changed({"award_forms": everything, "decisions": everything}) == [AWARDS]
    assert areas_changed({"honourees": frozenset({"register_number"})}) == [PRINTED]
    assert areas_changed({"honourees": frozenset({"unit"})}) == [HONOUREES]
    # Honourees and the stage together: one notice, every stage screen listens to both.
    assert areas_changed({"honourees": everything, "rounds": everything}) == [HONOUREES]
    assert areas_changed({"import_profiles": everything}) == []


def test_a_failing_listener_never_fails_the_saved_change(store, demo_id, heard):
    def broken(_written):
        raise RuntimeError("a closed window")

    stop = store.listen(broken)
    try:
        remove_honourees(store, demo_id, [list_honourees(store, demo_id)[0].id])
    finally:
        stop()
    assert heard[-1] == [HONOUREES]


def test_a_failing_journal_listener_is_logged_with_its_cost_and_a_dead_one_dropped(
    store, demo_id, caplog
):
    """The change is saved; the log says what the failure costs. A listener whose Qt object
    is gone (a closed window) is dropped, not called on every later save."""
    calls = []

    def broken(_kept):
        calls.append("broken")
        raise ValueError("a bug in a view")

    def dead(_kept):
        calls.append("dead")
        raise RuntimeError("Internal C++ object (UndoActions) already deleted.")

    store.keep_journals(broken)
    store.keep_journals(dead)
    first, second = list_honourees(store, demo_id)[:2]
    with caplog.at_level("WARNING"):
        remove_honourees(store, demo_id, [first.id])
        remove_honourees(store, demo_id, [second.id])
    assert second.id not in {h.id for h in list_honourees(store, demo_id)}
    assert calls == ["broken", "dead", "broken"]
    assert "Hoàn tác will not offer this change" in caplog.text
    assert "belongs to a closed window" in caplog.text
