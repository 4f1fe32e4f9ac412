"""Hand changes to the stage plan survive later edits; replanning over them needs force."""

from __future__ import annotations

import pytest

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.honourees import (
    HonoureeInput,
    add_honouree,
    input_from_row,
    list_honourees,
    update_honouree,
)
from kx_ceremony.core.services.presenters import list_presenters
from kx_ceremony.core.services.stage import (
    Placement,
    PlacementNeedsChoice,
    list_rounds,
    place_new_honourees,
    plan_rounds,
)
from kx_ceremony.core.services.stage_edits import (
    move_honouree,
    move_many,
    set_attendance,
    set_round_presenter,
)


def _placing(store, cid):
    return {r.name: (r.round, r.position_on_stage) for r in list_honourees(store, cid)}


def _round(store, cid, number):
    return [r.name for r in list_honourees(store, cid) if r.round == number]


def test_move_renumbers_and_survives_edits_and_refuses_plain_replan(store, demo_id, cli):
    cid = demo_id
    before = _round(store, cid, 2)
    last = before[-1]
    row = next(r for r in list_honourees(store, cid) if r.name == last)
    move_honouree(store, cid, row.id, 2, 1)
    after = _round(store, cid, 2)
    assert after == [last, *before[:-1]]
    placing = _placing(store, cid)
    assert [placing[n][1] for n in after] == list(range(1, len(after) + 1))
    assert list_rounds(store, cid)[1].manual
    # Later edits: a new honouree and a changed unit keep the hand placement.
    huyen = find_award_form(store, cid, "huyen").id  # its last round has room
    add_honouree(
        store, cid, HonoureeInput("Nguyễn Văn Mới", huyen, gender="male", unit="Xã Vũ Ninh")
    )
    update_honouree(store, cid, row.id, input_from_row(row, unit="Đơn vị mới"))
    kept = _placing(store, cid)
    assert {n: kept[n] for n in placing} == placing
    assert kept["Nguyễn Văn Mới"] == (None, None)
    # A plain replan refuses, in one line, and changes nothing.
    refused = cli("rounds", "--ceremony", str(cid), "--plan")
    assert refused.status == 2
    assert "--force" in refused.err and len(refused.err.strip().splitlines()) == 1
    assert _placing(store, cid) == kept
    with pytest.raises(UserError):
        plan_rounds(store, cid)
    # Showing the rounds mentions the unplaced newcomer (on stderr, stdout stays one line
    # per round), and --place-new puts them at the end without moving anyone.
    shown = cli("rounds", "--ceremony", str(cid))
    assert "--place-new" in shown.err
    placed = cli("rounds", "--ceremony", str(cid), "--place-new")
    assert placed.status == 0, placed.err
    now = _placing(store, cid)
    # Nobody changes round; the hand-made round 2 is untouched.
    assert {n: now[n][0] for n in placing} == {n: p[0] for n, p in placing.items()}
    assert _round(store, cid, 2) == after
    last_round = list_rounds(store, cid)[-1]
    assert last_round.award_form_id == huyen and now["Nguyễn Văn Mới"][0] == last_round.number
    # In that round the newcomer joins the end of the line: the positions already printed
    # on trays and line-ups stay (a precedence place would push the households right).
    rows = [r for r in list_honourees(store, cid) if r.round == last_round.number]
    assert [r.position_on_stage for r in rows] == list(range(1, len(rows) + 1))
    assert rows[-1].name == "Nguyễn Văn Mới"
    assert {r.name: now[r.name] for r in rows[:-1]} == {r.name: placing[r.name] for r in rows[:-1]}
    # --force rebuilds from scratch: precedence order again, no manual rounds.
    forced = cli("rounds", "--ceremony", str(cid), "--plan", "--force")
    assert forced.status == 0, forced.err
    assert not any(r.manual for r in list_rounds(store, cid))
    assert _round(store, cid, 2) == before


def test_newcomer_into_full_round_gets_a_new_round_after_it_when_asked(store, demo_id):
    cid = demo_id
    plan_rounds(store, cid, per_round=2)
    numbers_before = [(r.number, r.award_form_id, r.count) for r in list_rounds(store, cid)]
    placing = _placing(store, cid)
    ttg = find_award_form(store, cid, "ttg").id
    add_honouree(store, cid, HonoureeInput("Trần Thị Mới", ttg, gender="female"))
    # Its place is between round 1 and round 2: that would renumber every later round.
    with pytest.raises(PlacementNeedsChoice) as refused:
        place_new_honourees(store, cid)
    assert refused.value.before_round == 2 and refused.value.count == 1
    assert [(r.number, r.award_form_id, r.count) for r in list_rounds(store, cid)] == numbers_before
    assert _placing(store, cid) == {**placing, "Trần Thị Mới": (None, None)}
    assert place_new_honourees(store, cid, Placement.RENUMBER) == 1
    rounds = list_rounds(store, cid)
    assert [(r.award_form_id, r.count) for r in rounds[:2]] == [(ttg, 2), (ttg, 1)]
    assert rounds[1].presenter == rounds[0].presenter
    # Everyone after moved down one round number, in the same order.
    assert [(r.award_form_id, r.count) for r in rounds[2:]] == [
        (form, count) for _, form, count in numbers_before[1:]
    ]
    assert [r.number for r in rounds] == list(range(1, len(rounds) + 1))


def test_newcomers_at_the_end_keep_every_number(store, demo_id, cli):
    # The sample: round 2 (the province's certificates) is full, round 3 is the district's.
    # Two people added to the province's list must not turn round 3 into round 4.
    cid = demo_id
    tinh = find_award_form(store, cid, "Bằng khen của Chủ tịch UBND tỉnh").id
    before = [(r.number, r.award_form_id, r.count) for r in list_rounds(store, cid)]
    assert before[1][1] == tinh and before[1][2] == 10
    placing = _placing(store, cid)
    for name in ("Lương Thị Một", "Lương Văn Hai"):
        add_honouree(store, cid, HonoureeInput(name, tinh, unit="Xã Vũ Tây"))
    refused = cli("rounds", "--ceremony", str(cid), "--place-new")
    assert refused.status == 2 and len(refused.err.strip().splitlines()) == 1
    assert "đợt 3" in refused.err and "--at-end" in refused.err and "--renumber" in refused.err
    assert [(r.number, r.award_form_id, r.count) for r in list_rounds(store, cid)] == before
    placed = cli("rounds", "--ceremony", str(cid), "--place-new", "--at-end")
    assert placed.status == 0, placed.err
    after = list_rounds(store, cid)
    assert [(r.number, r.award_form_id, r.count) for r in after[: len(before)]] == before
    assert [(r.number, r.award_form_id, r.count) for r in after[len(before) :]] == [
        (len(before) + 1, tinh, 2)
    ]
    now = _placing(store, cid)
    assert {n: now[n] for n in placing} == placing
    # Within the new round, precedence (name) order: Hai before Một.
    assert now["Lương Văn Hai"] == (len(before) + 1, 1)
    assert now["Lương Thị Một"] == (len(before) + 1, 2)
    assert cli("rounds", "--ceremony", str(cid), "--renumber").status == 2  # only with --place-new


def test_newcomer_never_pushes_an_absentee_along(store, demo_id):
    cid = demo_id
    last = list_rounds(store, cid)[-1]
    names = _round(store, cid, last.number)
    absent = next(r for r in list_honourees(store, cid) if r.name == names[0])
    set_attendance(store, cid, absent.id, "absent")
    placing = _placing(store, cid)
    assert placing[absent.name] == (last.number, len(names))
    huyen = find_award_form(store, cid, "huyen").id
    add_honouree(store, cid, HonoureeInput("Hợp tác xã Vũ Hòa", huyen, kind="collective"))
    assert place_new_honourees(store, cid) == 1
    now = _placing(store, cid)
    assert {n: now[n] for n in placing} == placing
    assert now["Hợp tác xã Vũ Hòa"] == (last.number + 1, 1)


def test_newcomer_of_a_form_without_rounds_goes_between_by_rank(store, demo_id):
    cid = demo_id
    co = find_award_form(store, cid, "Cờ thi đua của Chính phủ").id
    add_honouree(store, cid, HonoureeInput("UBND xã Vũ Lễ", co, kind="collective"))
    with pytest.raises(PlacementNeedsChoice, match="trước đợt 1"):
        place_new_honourees(store, cid)
    place_new_honourees(store, cid, "renumber")
    first = list_rounds(store, cid)[0]
    assert first.award_form_id == co and first.count == 1
    assert first.presenter.seniority == 1


def test_move_only_within_the_same_award(store, demo_id):
    cid = demo_id
    row = list_honourees(store, cid)[0]  # a Prime Minister's certificate, round 1
    before = _placing(store, cid)
    with pytest.raises(UserError, match="cùng hình thức"):
        move_honouree(store, cid, row.id, 2, 1)
    with pytest.raises(UserError, match="Vị trí"):
        move_honouree(store, cid, row.id, 1, 9)
    with pytest.raises(UserError, match="đợt trao số 99"):
        move_honouree(store, cid, row.id, 99, 1)
    assert _placing(store, cid) == before
    assert not any(r.manual for r in list_rounds(store, cid))


def test_emptied_round_disappears_and_rounds_renumber(store, demo_id):
    cid = demo_id
    plan_rounds(store, cid, per_round=9)  # district: 16 people -> rounds of 9 and 7
    rounds = list_rounds(store, cid)
    last, previous = rounds[-1], rounds[-2]
    assert last.award_form_id == previous.award_form_id
    for row in [r for r in list_honourees(store, cid) if r.round == last.number]:
        move_honouree(store, cid, row.id, previous.number, 1)
    after = list_rounds(store, cid)
    assert len(after) == len(rounds) - 1
    assert after[-1].count == previous.count + last.count
    positions = [
        r.position_on_stage for r in list_honourees(store, cid) if r.round == previous.number
    ]
    assert positions == list(range(1, len(positions) + 1))


def test_presenter_swap_and_attendance_are_manual(store, demo_id):
    cid = demo_id
    junior = list_presenters(store, cid)[-1]
    set_round_presenter(store, cid, 1, junior.id)
    first = list_rounds(store, cid)[0]
    assert first.presenter.id == junior.id and first.manual
    names = _round(store, cid, 2)
    absent = next(r for r in list_honourees(store, cid) if r.name == names[0])
    set_attendance(store, cid, absent.id, "absent")
    assert _round(store, cid, 2) == [*names[1:], names[0]]  # absentees packed last
    assert list_rounds(store, cid)[1].on_stage == len(names) - 1
    set_attendance(store, cid, absent.id, "present")
    assert _round(store, cid, 2) == [*names[1:], names[0]]  # back at the end of the line
    with pytest.raises(UserError, match="nhận thay"):
        set_attendance(store, cid, absent.id, "substitute")
    set_attendance(store, cid, absent.id, "substitute", "  Ông  Lê Văn Thay ")
    row = next(r for r in list_honourees(store, cid) if r.id == absent.id)
    assert (row.attendance, row.substitute_name) == ("substitute", "Ông Lê Văn Thay")
    with pytest.raises(UserError):
        set_attendance(store, cid, absent.id, "gone")


def test_newcomer_joins_the_end_of_a_hand_changed_round(store, demo_id):
    cid = demo_id
    last = list_rounds(store, cid)[-1]
    names = _round(store, cid, last.number)
    first = next(r for r in list_honourees(store, cid) if r.name == names[0])
    move_honouree(store, cid, first.id, last.number, len(names))  # first to the end
    order = [*names[1:], names[0]]
    assert _round(store, cid, last.number) == order
    huyen = find_award_form(store, cid, "huyen").id
    add_honouree(store, cid, HonoureeInput("Hợp tác xã Vũ Hòa", huyen, kind="collective"))
    place_new_honourees(store, cid)
    assert _round(store, cid, last.number) == [*order, "Hợp tác xã Vũ Hòa"]


def test_hand_changes_from_the_command_line(store, demo_id, cli):
    cid = str(demo_id)
    names = _round(store, demo_id, 2)
    rows = {r.name: r for r in list_honourees(store, demo_id)}
    last = rows[names[-1]]
    moved = cli("rounds", "--ceremony", cid, "--move", f"{last.id}:2:1")
    assert moved.status == 0, moved.err
    assert "[đã sửa tay]" in moved.out.splitlines()[1]
    assert _round(store, demo_id, 2)[0] == names[-1]
    assert cli("rounds", "--ceremony", cid, "--absent", str(rows[names[0]].id)).status == 0
    assert _round(store, demo_id, 2)[-1] == names[0]
    sub = cli("rounds", "--ceremony", cid, "--substitute", f"{rows[names[1]].id}:Bà Ngô Thị Thay")
    assert sub.status == 0, sub.err
    assert get_substitute(store, demo_id, rows[names[1]].id) == "Bà Ngô Thị Thay"
    junior = list_presenters(store, demo_id)[-1]
    assert cli("rounds", "--ceremony", cid, "--presenter", f"1:{junior.id}").status == 0
    assert list_rounds(store, demo_id)[0].presenter.id == junior.id
    before = _placing(store, demo_id)
    for bad in (["--move", "x"], ["--move", f"{last.id}:1:1"], ["--presenter", "1:999"]):
        result = cli("rounds", "--ceremony", cid, *bad)
        assert result.status == 2 and len(result.err.strip().splitlines()) == 1
    refused = cli("rounds", "--ceremony", cid, "--plan", "--move", f"{last.id}:2:1")
    assert refused.status == 2
    assert _placing(store, demo_id) == before


def get_substitute(store, cid, honouree_id):
    return next(r.substitute_name for r in list_honourees(store, cid) if r.id == honouree_id)


def _rounds_of(store, cid):
    return {r.id: (r.round, r.position_on_stage) for r in list_honourees(store, cid)}


def test_move_many_moves_everyone_to_the_end_of_the_round(store, demo_id):
    cid = demo_id
    first, second = _two_rounds_of_one_award(store, cid)
    staying = [r for r in list_honourees(store, cid) if r.round == first.number]
    movers = [r for r in list_honourees(store, cid) if r.round == second.number][:2]
    assert move_many(store, cid, [m.id for m in movers], first.number) == 2
    after = sorted(
        (r for r in list_honourees(store, cid) if r.round == first.number),
        key=lambda r: r.position_on_stage,
    )
    assert [r.name for r in after] == [*(r.name for r in staying), *(m.name for m in movers)]
    assert [r.position_on_stage for r in after] == list(range(1, len(after) + 1))


def _two_rounds_of_one_award(store, cid):
    by_award: dict[int, list] = {}
    for r in list_rounds(store, cid):
        by_award.setdefault(r.award_form_id, []).append(r)
    return next(rs for rs in by_award.values() if len(rs) > 1)[:2]


def test_move_many_moves_none_when_the_third_cannot_go(store, demo_id):
    """Reproduced bug: the window moved people one transaction each, leaving two moved."""
    cid = demo_id
    target, source = _two_rounds_of_one_award(store, cid)
    people = list_honourees(store, cid)
    same = [r for r in people if r.round == source.number]
    other = next(r for r in people if r.award_form_id != target.award_form_id)
    assert len(same) >= 2
    before = _rounds_of(store, cid)
    with pytest.raises(UserError, match="Chưa chuyển ai cả"):
        move_many(store, cid, [same[0].id, same[1].id, other.id], target.number)
    assert _rounds_of(store, cid) == before
    # An absentee among them: refused alike, nobody moved.
    set_attendance(store, cid, same[1].id, "absent")
    before = _rounds_of(store, cid)
    with pytest.raises(UserError, match="vắng mặt"):
        move_many(store, cid, [same[0].id, same[1].id], target.number)
    assert _rounds_of(store, cid) == before


def test_move_many_to_a_round_that_is_not_there(store, demo_id):
    last = len(list_rounds(store, demo_id))
    some = list_honourees(store, demo_id)[0]
    with pytest.raises(UserError, match=f"từ 1 đến {last}"):
        move_many(store, demo_id, [some.id], last + 1)
