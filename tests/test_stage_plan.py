"""Planning rounds: precedence, round size, presenters by seniority, the rounds CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import KIND_ORDER, Kind
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony, get_ceremony
from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree, list_honourees
from kx_ceremony.core.services.ordering import name_key
from kx_ceremony.core.services.presenters import PresenterInput, add_presenter
from kx_ceremony.core.services.stage import list_rounds, plan_rounds


def _forms(store, ceremony_id):
    return {code: find_award_form(store, ceremony_id, code).id for code in ("ttg", "tinh", "huyen")}


@pytest.fixture
def small(store):
    """Three award forms, people added out of order, presenters added junior first."""
    cid = create_ceremony(store, CeremonyInput("Lễ thử", dt.date(2023, 1, 5), per_round=3))
    f = _forms(store, cid)
    people = [
        ("huyen", "individual", "Trần Văn An", "male"),
        ("tinh", "individual", "Đỗ Thị Bích", "female"),
        ("huyen", "household", "Gia đình ông Lê Văn Hải", None),
        ("tinh", "collective", "UBND xã Quang Trung", None),
        ("huyen", "individual", "Nguyễn Thị Ánh", "female"),
        ("ttg", "individual", "Bùi Văn Khải", "male"),
        ("tinh", "individual", "Ngô Văn Đạt", "male"),
        ("huyen", "collective", "Hội Nông dân xã An Bồi", None),
        ("tinh", "individual", "Vũ Văn Dũng", "male"),
        ("huyen", "individual", "Lê Văn Ân", "male"),
    ]
    for code, kind, name, gender in people:
        add_honouree(store, cid, HonoureeInput(name, f[code], kind=kind, gender=gender))
    junior = add_presenter(
        store, cid, PresenterInput("Vũ Ngọc Trì", ("Tỉnh ủy viên",), seniority=2)
    )
    senior = add_presenter(
        store,
        cid,
        PresenterInput(
            "Nguyễn Quang Hưng",
            ("Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh"),
            seniority=1,
        ),
    )
    return cid, f, senior, junior


def test_rounds_follow_rank_then_collectives_then_names(store, small):
    cid, f, _, _ = small
    rounds = plan_rounds(store, cid)
    ranks = [r.award_rank for r in rounds]
    assert ranks == sorted(ranks)
    assert [r.award_form_id for r in rounds][:1] == [f["ttg"]]
    rows = list_honourees(store, cid)
    assert all(r.round is not None and r.position_on_stage is not None for r in rows)
    # Each round presents one form only, and stage order is rank, kind, Vietnamese name.
    by_round = {}
    for r in rows:
        by_round.setdefault(r.round, set()).add(r.award_form_id)
    assert all(len(forms) == 1 for forms in by_round.values())
    keys = [(r.award_rank, KIND_ORDER[Kind(r.kind)], name_key(r.kind, r.name)) for r in rows]
    assert keys == sorted(keys)
    tinh = [r.name for r in rows if r.award_form_id == f["tinh"]]
    # Given names: Bích < Dũng < Đạt (d before đ, unlike code-point order for some).
    assert tinh == ["UBND xã Quang Trung", "Đỗ Thị Bích", "Vũ Văn Dũng", "Ngô Văn Đạt"]
    huyen = [r.name for r in rows if r.award_form_id == f["huyen"]]
    # Collective first, then individuals by given name, household last. Letters first,
    # tones second: An < Ánh (a-n-h) < Ân (â comes after every a).
    assert huyen == [
        "Hội Nông dân xã An Bồi",
        "Trần Văn An",
        "Nguyễn Thị Ánh",
        "Lê Văn Ân",
        "Gia đình ông Lê Văn Hải",
    ]
    # Positions are 1..n inside each round, in stage order.
    for number in by_round:
        positions = [r.position_on_stage for r in rows if r.round == number]
        assert positions == list(range(1, len(positions) + 1))


def test_round_size_splits_forms_and_is_saved(store, small, cli):
    cid, f, _, _ = small
    rounds = plan_rounds(store, cid)
    assert [(r.award_form_id, r.count) for r in rounds] == [
        (f["ttg"], 1),
        (f["tinh"], 3),
        (f["tinh"], 1),
        (f["huyen"], 3),
        (f["huyen"], 2),
    ]
    result = cli("rounds", "--ceremony", str(cid), "--plan", "--per-round", "2")
    assert result.status == 0, result.err
    lines = result.out.strip().splitlines()
    assert len(lines) == 6  # ttg 1; tinh 2+2; huyen 2+2+1
    assert lines[0].startswith("Đợt 1: Bằng khen của Thủ tướng Chính phủ")
    assert "Nguyễn Quang Hưng" in lines[0] and lines[0].endswith("1 người")
    assert get_ceremony(store, cid).per_round == 2
    assert max(r.count for r in list_rounds(store, cid)) == 2
    # A later plain --plan keeps the saved size.
    again = cli("rounds", "--ceremony", str(cid), "--plan")
    assert len(again.out.strip().splitlines()) == 6


def test_presenters_by_seniority_least_senior_takes_the_rest(store, small):
    cid, f, senior, junior = small
    rounds = plan_rounds(store, cid)
    by_form = {}
    for r in rounds:
        by_form.setdefault(r.award_form_id, set()).add(r.presenter.id)
    assert by_form[f["ttg"]] == {senior}
    assert by_form[f["tinh"]] == {junior}
    assert by_form[f["huyen"]] == {junior}
    assert rounds[0].presenter.introduction == (
        "đồng chí Nguyễn Quang Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, "
        "Phó Chủ tịch Thường trực UBND tỉnh"
    )


def test_rounds_without_presenters_wait_for_one(store, cli):
    cid = create_ceremony(store, CeremonyInput("Lễ thử", dt.date(2023, 1, 5)))
    add_honouree(store, cid, HonoureeInput("Trần Văn An", _forms(store, cid)["huyen"]))
    rounds = plan_rounds(store, cid)
    assert len(rounds) == 1 and rounds[0].presenter is None
    assert "chưa có người trao" in cli("rounds", "--ceremony", str(cid)).out


def test_bad_round_size_is_refused_and_changes_nothing(store, small, cli):
    cid, _, _, _ = small
    plan_rounds(store, cid)
    before = cli("rounds", "--ceremony", str(cid)).out
    for bad in ("0", "abc", "61"):
        result = cli("rounds", "--ceremony", str(cid), "--plan", "--per-round", bad)
        assert result.status == 2
        assert len(result.err.strip().splitlines()) == 1
    assert cli("rounds", "--ceremony", str(cid)).out == before
    with pytest.raises(UserError):
        plan_rounds(store, cid, per_round=0)
    assert get_ceremony(store, cid).per_round == 3


def test_honourees_json_has_round_and_position_after_planning(cli):
    cid = cli("demo").last_line  # the demo plans its rounds itself
    rows = json.loads(cli("honourees", "--ceremony", cid, "--format", "json").out)
    assert rows and all(isinstance(r["round"], int) for r in rows)
    assert all(isinstance(r["position_on_stage"], int) for r in rows)
    pairs = [(r["round"], r["position_on_stage"]) for r in rows]
    assert pairs == sorted(pairs) and len(set(pairs)) == len(pairs)
    shown = cli("rounds", "--ceremony", cid)
    assert shown.status == 0
    assert len(shown.out.strip().splitlines()) == max(r["round"] for r in rows)
    listing = json.loads(cli("rounds", "--ceremony", cid, "--format", "json").out)
    assert sum(r["count"] for r in listing) == len(rows)


def test_rounds_of_unknown_ceremony_is_one_line_exit_2(cli):
    result = cli("rounds", "--ceremony", "99", "--plan")
    assert result.status == 2
    assert "99" in result.err and len(result.err.strip().splitlines()) == 1
