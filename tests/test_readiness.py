"""What is left to do: each count moves when the organiser does that job, and only then."""

from __future__ import annotations

import datetime as dt

from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree
from kx_ceremony.core.services.readiness import ceremony_readiness
from kx_ceremony.core.services.stage import place_new_honourees


def _counts(store, cid, **kw):
    return {item.key: item.count for item in ceremony_readiness(store, cid, **kw)}


def test_an_empty_ceremony_asks_for_its_list(store):
    cid = create_ceremony(store, CeremonyInput("Lễ trống", dt.date(2026, 1, 9)))
    items = ceremony_readiness(store, cid)
    assert [i.key for i in items] == ["no_honourees"]
    assert items[0].target == "honourees"


def test_the_sample_counts_move_with_the_work(store, demo_id):
    cid = demo_id
    before = _counts(store, cid)
    # The sample is planned, has decisions and presenters; its blanks are not fitted yet.
    assert "unplaced" not in before and "without_decision" not in before
    assert "rounds_without_presenter" not in before
    assert before["forms_without_layout"] == 3
    assert before["backup"] == 1  # a fresh store has no automatic copy yet
    # A newcomer: one more without a decision and one more unplaced, nothing else moves.
    huyen = find_award_form(store, cid, "huyen").id
    add_honouree(store, cid, HonoureeInput("Trần Văn Muộn", huyen, unit="Xã Vũ Tây"))
    after = _counts(store, cid)
    assert after["unplaced"] == 1
    assert after["without_decision"] == before.get("without_decision", 0) + 1
    place_new_honourees(store, cid, "at-end")
    assert "unplaced" not in _counts(store, cid)


def test_certificates_not_yet_printed_come_from_the_ledger(store, demo_id, tmp_path):
    from kx_ceremony.core.printing.certificates import print_certificates
    from kx_ceremony.core.services.honourees import list_honourees

    everyone = len(list_honourees(store, demo_id))
    assert _counts(store, demo_id)["not_printed"] == everyone
    print_certificates(store, demo_id, tmp_path / "xem.pdf", mode="full", preview=True)
    assert _counts(store, demo_id)["not_printed"] == everyone  # a preview prints nothing
    print_certificates(store, demo_id, tmp_path / "dot1.pdf", mode="blank", round_number=1)
    first_round = [h for h in list_honourees(store, demo_id) if h.round == 1]
    assert _counts(store, demo_id)["not_printed"] == everyone - len(first_round)


def test_the_days_backup(store, demo_id, store_path):
    from kx_ceremony.core.store.copies import automatic_backup

    automatic_backup(store_path, "daily")
    assert "backup" not in _counts(store, demo_id)
    later = dt.datetime.now() + dt.timedelta(days=2)
    items = {i.key: i for i in ceremony_readiness(store, demo_id, now=later)}
    assert "đã cũ" in items["backup"].text and items["backup"].target == "safety"


def test_no_rounds_counts_only_those_presented_on_stage(store):
    """253 Giấy khen to individuals go on stage; 1,780 Lao động tiên tiến receive through
    their unit: only the first need rounds, and a list with nobody on stage needs none."""
    from kx_ceremony.core.services.stage_edits import set_form_on_stage

    cid = create_ceremony(store, CeremonyInput("Lễ tổng kết", dt.date(2024, 12, 20)))
    on_stage = find_award_form(store, cid, "tinh").id
    through_unit = find_award_form(store, cid, "huyen").id
    set_form_on_stage(store, cid, through_unit, False)
    for i in range(3):
        add_honouree(store, cid, HonoureeInput(f"Người Trên Sân {i}", on_stage, unit="Xã A"))
    for i in range(5):
        add_honouree(store, cid, HonoureeInput(f"Người Qua Đơn Vị {i}", through_unit, unit="Xã B"))
    items = {i.key: i for i in ceremony_readiness(store, cid)}
    assert items["no_rounds"].count == 3
    assert "3 người/tập thể lên sân khấu" in items["no_rounds"].text
    set_form_on_stage(store, cid, on_stage, False)
    assert "no_rounds" not in _counts(store, cid)
