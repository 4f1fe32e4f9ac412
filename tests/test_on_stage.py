"""On stage or not: only those presented on stage are planned, scripted and lined up; the
others receive through their unit, their certificates grouped by unit."""

from __future__ import annotations

import json

from printing_helpers import page_texts

from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.readiness import ceremony_readiness
from kx_ceremony.core.services.stage import (
    count_unplaced,
    list_rounds,
    place_new_honourees,
    plan_rounds,
)
from kx_ceremony.core.services.stage_edits import set_form_on_stage, set_on_stage


def _district(store, cid):
    return find_award_form(store, cid, "Giấy khen của Chủ tịch UBND huyện")


def test_an_award_form_off_stage_leaves_the_plan_and_the_papers(store, demo_id, cli, tmp_path):
    cid = demo_id
    form = _district(store, cid)
    district = [h for h in list_honourees(store, cid) if h.award_form_id == form.id]
    before = list_rounds(store, cid)
    assert any(r.award_form_id == form.id for r in before)
    left = set_form_on_stage(store, cid, form.id, False)
    assert left == len(district)
    rounds = list_rounds(store, cid)
    assert all(r.award_form_id != form.id for r in rounds)
    assert [r.number for r in rounds] == list(range(1, len(rounds) + 1))
    # Not "unplaced": nobody waits for a round, and the readiness says nothing about them.
    assert count_unplaced(store, cid) == 0
    assert "unplaced" not in {i.key for i in ceremony_readiness(store, cid)}
    # Replanning keeps them off; the script and line-up never name them.
    plan_rounds(store, cid, force=True)
    assert all(r.award_form_id != form.id for r in list_rounds(store, cid))
    for doc in ("script", "lineup"):
        out = tmp_path / f"{doc}.pdf"
        assert cli("print", doc, "--ceremony", str(cid), "-o", str(out)).status == 0
        text = " ".join(page_texts(out))
        # (a collective may sign the covenant, which the script reads out: people only)
        people = [h.name for h in district if h.kind == "individual"]
        assert people and not [n for n in people if n in text], doc
    # Their certificates still print: after everyone on stage, grouped by unit.
    out = tmp_path / "bang.pdf"
    assert (
        cli(
            "print", "certificates", "--ceremony", str(cid), "--mode", "full", "-o", str(out)
        ).status
        == 0
    )
    from kx_ceremony.core.services.print_ledger import list_ledger

    by_id = {h.id: h for h in list_honourees(store, cid)}
    printed = [by_id[r.honouree_id] for r in list_ledger(store, cid)]  # in printing order
    assert len(printed) == len(page_texts(out)) == len(by_id)
    tail = printed[-len(district) :]
    assert {h.id for h in tail} == {h.id for h in district}
    units = [h.unit for h in tail]
    from kx_ceremony.core.text.vietnamese import collation_key

    assert units == sorted(units, key=collation_key)
    # The JSON says who goes up.
    listed = json.loads(cli("honourees", "--ceremony", str(cid), "--format", "json").out)
    assert {r["name"] for r in listed if not r["goes_on_stage"]} == {h.name for h in district}


def test_one_person_off_stage_then_back(store, demo_id):
    cid = demo_id
    first_round = [h for h in list_honourees(store, cid) if h.round == 2]
    leaving, staying = first_round[0], first_round[1:]
    set_on_stage(store, cid, leaving.id, False)
    now = {h.id: h for h in list_honourees(store, cid)}
    assert now[leaving.id].round is None and not now[leaving.id].goes_on_stage
    assert [now[h.id].position_on_stage for h in staying] == list(range(1, len(staying) + 1))
    assert count_unplaced(store, cid) == 0
    set_on_stage(store, cid, leaving.id, None)  # as the award form says: on stage again
    assert count_unplaced(store, cid) == 1
    assert place_new_honourees(store, cid, "at-end") == 1
    assert {h.id: h for h in list_honourees(store, cid)}[leaving.id].round is not None


def test_someone_kept_on_stage_while_their_form_goes_off(store, demo_id, cli):
    cid = demo_id
    form = _district(store, cid)
    keeper = next(h for h in list_honourees(store, cid) if h.award_form_id == form.id)
    assert cli("rounds", "--ceremony", str(cid), "--on-stage", str(keeper.id)).status == 0
    edited = cli("awards", "edit", str(form.id), "--ceremony", str(cid), "--off-stage")
    assert edited.status == 0, edited.err
    staying = [h for h in list_honourees(store, cid) if h.award_form_id == form.id and h.round]
    assert [h.id for h in staying] == [keeper.id]
    forms = json.loads(cli("awards", "--ceremony", str(cid), "--format", "json").out)
    assert next(f for f in forms if f["id"] == form.id)["on_stage"] is False
