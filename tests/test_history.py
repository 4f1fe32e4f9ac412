"""Undo and redo of every edit: the store goes back to exactly the rows it held, and forward.

The store is read row by row, table by table, straight from the database (not through the
services that made the changes), so an undo that forgets a column, a round the database
emptied, or a foreign key it set to NULL is seen. Both SQLite and the PostgreSQL server.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from kx_ceremony.core.demo import create_demo
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Base, Honouree
from kx_ceremony.core.services.awards import list_award_forms, update_award_form
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.history import History
from kx_ceremony.core.services.honourees import (
    HonoureeInput,
    add_honouree,
    get_honouree,
    input_from_row,
    list_honourees,
    remove_honourees,
    update_honouree,
)
from kx_ceremony.core.services.presenters import (
    PresenterInput,
    add_presenter,
    list_presenters,
    remove_presenter,
)
from kx_ceremony.core.services.stage import list_rounds, plan_rounds
from kx_ceremony.core.services.stage_edits import move_many, set_attendance


def snapshot(store):
    """Every row of every table, as the database holds it."""
    with store.engine.connect() as conn:
        return {
            table.name: [
                dict(r) for r in conn.execute(select(table).order_by(*table.primary_key)).mappings()
            ]
            for table in Base.metadata.sorted_tables
        }


@pytest.fixture
def kept(any_store):
    """A planned demo ceremony whose edits are recorded, as the window records them."""
    ceremony_id = create_demo(any_store)
    plan_rounds(any_store, ceremony_id, per_round=4, force=True)
    history = History()
    any_store.keep_journals(history.record)
    return any_store, ceremony_id, history


def _round_trip(store, ceremony_id, history, edit, label_part):
    before, earlier = snapshot(store), history.undo_label(ceremony_id)
    edit()
    after = snapshot(store)
    assert after != before
    assert label_part in history.undo_label(ceremony_id)
    history.undo(store, ceremony_id)
    assert snapshot(store) == before
    assert history.undo_label(ceremony_id) == earlier
    assert label_part in history.redo_label(ceremony_id)
    history.redo(store, ceremony_id)
    assert snapshot(store) == after
    history.undo(store, ceremony_id)
    assert snapshot(store) == before


def test_an_honourees_edit_is_undone_and_redone(kept):
    store, ceremony_id, history = kept
    person = list_honourees(store, ceremony_id)[0]
    row = get_honouree(store, ceremony_id, person.id)
    _round_trip(
        store,
        ceremony_id,
        history,
        lambda: update_honouree(
            store, ceremony_id, person.id, input_from_row(row, unit="Phòng Nội vụ", note="x")
        ),
        f"sửa «{person.name}»",
    )


def test_deleting_people_undone_brings_back_rows_ids_rounds_and_places(kept):
    store, ceremony_id, history = kept
    rounds = list_rounds(store, ceremony_id)
    everyone = list_honourees(store, ceremony_id)
    whole_round = [h.id for h in everyone if h.round == rounds[1].number]
    doomed = [*whole_round, everyone[0].id]
    _round_trip(
        store,
        ceremony_id,
        history,
        lambda: remove_honourees(store, ceremony_id, doomed),
        f"xóa {len(doomed)} người nhận",
    )


def test_removing_a_presenter_undone_gives_the_rounds_their_presenter_again(kept):
    """The database clears rounds.presenter_id itself (ON DELETE SET NULL): the undo must
    put it back too."""
    store, ceremony_id, history = kept
    presenter_id = add_presenter(store, ceremony_id, PresenterInput(name="Lê Văn Trao"))
    first = list_rounds(store, ceremony_id)[0]
    from kx_ceremony.core.services.stage_edits import set_round_presenter

    set_round_presenter(store, ceremony_id, first.number, presenter_id)
    assert history.undo_label(ceremony_id) == "sắp xếp các đợt trao"
    _round_trip(
        store,
        ceremony_id,
        history,
        lambda: remove_presenter(store, ceremony_id, presenter_id),
        "xóa người trao «Lê Văn Trao»",
    )


def test_replanning_the_rounds_is_undone_to_the_old_plan(kept):
    """plan_rounds clears and deletes with bulk statements, not row by row."""
    store, ceremony_id, history = kept
    _round_trip(
        store,
        ceremony_id,
        history,
        lambda: plan_rounds(store, ceremony_id, per_round=3, force=True),
        "sắp xếp",
    )


def test_a_catalogue_edit_and_stage_moves_are_steps_undone_last_first(kept):
    store, ceremony_id, history = kept
    start = snapshot(store)
    form = list_award_forms(store, ceremony_id)[0]
    update_award_form(store, ceremony_id, form.id, short_name="BK mới")
    assert history.undo_label(ceremony_id) == f"sửa hình thức «{form.full_name}»"
    everyone = [h for h in list_honourees(store, ceremony_id) if h.round]
    biggest = max({h.round for h in everyone}, key=[h.round for h in everyone].count)
    people = sorted((h for h in everyone if h.round == biggest), key=lambda h: h.position_on_stage)
    assert len(people) >= 3
    set_attendance(store, ceremony_id, people[0].id, "absent")
    assert history.undo_label(ceremony_id) == f"điểm danh «{people[0].name}»"
    move_many(store, ceremony_id, [people[1].id], biggest)
    history.undo(store, ceremony_id)
    history.undo(store, ceremony_id)
    history.undo(store, ceremony_id)
    assert snapshot(store) == start
    assert history.undo_label(ceremony_id) is None
    with pytest.raises(UserError, match="Không còn thao tác nào để hoàn tác"):
        history.undo(store, ceremony_id)


def test_a_new_edit_after_an_undo_forgets_what_could_be_redone(kept):
    store, ceremony_id, history = kept
    presenter_id = add_presenter(store, ceremony_id, PresenterInput(name="Ông A"))
    history.undo(store, ceremony_id)
    assert history.redo_label(ceremony_id) == "thêm người trao «Ông A»"
    add_presenter(store, ceremony_id, PresenterInput(name="Bà B"))
    assert history.redo_label(ceremony_id) is None
    assert [p.name for p in list_presenters(store, ceremony_id)].count("Ông A") == 0
    assert presenter_id


def test_a_row_changed_since_refuses_the_undo_and_changes_nothing(kept):
    """Another PC (a write the history never saw) changed the same person: undo must not
    overwrite it."""
    store, ceremony_id, history = kept
    person = list_honourees(store, ceremony_id)[0]
    row = get_honouree(store, ceremony_id, person.id)
    update_honouree(store, ceremony_id, person.id, input_from_row(row, unit="Đơn vị mới"))
    with store.engine.begin() as conn:  # behind the store's back, as another program would
        conn.execute(update(Honouree).where(Honouree.id == person.id).values(unit="Khác"))
    before = snapshot(store)
    with pytest.raises(UserError, match="đã được sửa sau đó"):
        history.undo(store, ceremony_id)
    assert snapshot(store) == before
    assert history.undo_label(ceremony_id) is None  # the history no longer holds


def test_each_ceremony_has_its_own_history(kept):
    store, ceremony_id, history = kept
    other = create_ceremony(store, CeremonyInput("Lễ khác", dt.date(2026, 1, 9)))
    assert history.undo_label(other) is None
    add_presenter(store, other, PresenterInput(name="Người của lễ khác"))
    assert history.undo_label(ceremony_id) is None
    assert history.undo_label(other) == "thêm người trao «Người của lễ khác»"


def test_an_import_is_one_step_its_new_award_form_too(kept, tmp_path):
    """A wrong file imported: Ctrl+Z takes the whole list back, and the award form the
    import added for it; Ctrl+Y brings both again with the same ids. (The remembered
    mapping of the file's header stays: it is no edit.)"""
    from kx_ceremony.core.importing.service import run_import

    store, ceremony_id, history = kept
    sheet = tmp_path / "ds-xa.csv"
    award = list_award_forms(store, ceremony_id)[0].full_name
    sheet.write_text(
        "Họ và tên,Đơn vị,Hình thức\n"
        f"Hoàng Văn Mới,Xã An Bình,{award}\n"
        "Lò Thị Hai,Xã An Bình,Giấy khen của Giám đốc Sở Nội vụ\n"
        f"Vi Văn Ba,Xã Tân Lập,{award}\n",
        encoding="utf-8",
    )

    def rows():
        found = snapshot(store)
        found.pop("import_profiles")
        return found

    before = rows()
    result = run_import(store, ceremony_id, sheet, add_awards=True)
    assert result.stored and result.imported == 3
    after = rows()
    assert len(after["award_forms"]) == len(before["award_forms"]) + 1
    assert history.undo_label(ceremony_id) == "nhập 3 dòng từ «ds-xa.csv»"
    history.undo(store, ceremony_id)
    assert rows() == before
    history.redo(store, ceremony_id)
    assert rows() == after


def test_putting_back_someone_typed_in_again_elsewhere_is_refused_whole(kept, any_db):
    """Two people deleted; one of them typed in again on another PC (a write this history
    never saw): undoing the delete would list them twice, so nothing is put back."""
    store, ceremony_id, history = kept
    first, second = list_honourees(store, ceremony_id)[:2]
    remove_honourees(store, ceremony_id, [first.id, second.id])
    from kx_ceremony.core.store import open_store

    elsewhere = open_store(any_db)  # another PC's program: this history never hears of it
    try:
        add_honouree(
            elsewhere,
            ceremony_id,
            HonoureeInput(
                name=second.name,
                award_form_id=second.award_form_id,
                unit=second.unit,
                kind=second.kind,
            ),
        )
    finally:
        elsewhere.close()
    assert history.undo_label(ceremony_id) == "xóa 2 người nhận"
    before = snapshot(store)
    with pytest.raises(UserError, match="đã có lại trong danh sách"):
        history.undo(store, ceremony_id)
    assert snapshot(store) == before
    assert first.id not in [h.id for h in list_honourees(store, ceremony_id)]


def test_printing_is_no_step_and_its_numbers_stay(kept):
    """Register numbers given by printing are not taken back by Ctrl+Z: the ledger and the
    papers carry them."""
    from kx_ceremony.core.services.print_ledger import plan_prints, record_prints
    from kx_ceremony.core.services.register_numbers import set_register_pattern

    store, ceremony_id, history = kept
    person = list_honourees(store, ceremony_id)[0]
    set_register_pattern(store, ceremony_id, person.award_form_id, "{n:03d}/{year}")
    assert history.undo_label(ceremony_id).startswith("sửa hình thức")
    planned = plan_prints(store, ceremony_id, [person], "full")
    record_prints(store, ceremony_id, "full", planned, "file", "in.pdf")
    assert get_honouree(store, ceremony_id, person.id).register_number
    assert history.undo_label(ceremony_id).startswith("sửa hình thức")  # printing: no step
    history.undo(store, ceremony_id)  # the pattern back; the number given stays
    assert get_honouree(store, ceremony_id, person.id).register_number


def test_the_oldest_steps_go_when_too_many_rows_are_kept(any_store):
    """Memory stays bounded: past the rows a history keeps, the oldest steps are dropped,
    never the newest."""
    ceremony_id = create_demo(any_store)
    history = History(kept_rows=3)
    any_store.keep_journals(history.record)
    for name in ("Ông A", "Ông B", "Ông C", "Ông D"):
        add_presenter(any_store, ceremony_id, PresenterInput(name=name))
    labels = []
    while history.undo_label(ceremony_id):
        labels.append(history.undo_label(ceremony_id))
        history.undo(any_store, ceremony_id)
    assert labels == [
        "thêm người trao «Ông D»",
        "thêm người trao «Ông C»",
        "thêm người trao «Ông B»",
    ]
