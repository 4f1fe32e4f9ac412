"""The stage plan as the printed documents read it: one snapshot, checked before printing.

The MC script and the line-up both take their rounds and names from here, and the
names come through ``in_presentation_order``, so the MC's list, the stage numbers and
the tray list cannot disagree. Printing refuses a plan that would put a wrong
certificate in someone's hands: people without a round, or in a round of another award.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Attendance, Decision
from kx_ceremony.core.services.awards import decision_row
from kx_ceremony.core.services.ceremonies import ceremony_row, load_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import CeremonyRow, DecisionRow, HonoureeRow
from kx_ceremony.core.services.stage import RoundRow, list_rounds, tidy_plan
from kx_ceremony.core.store import Store


@dataclass(frozen=True)
class StageSlot:
    """One place on stage: the number everybody uses for it and who stands there."""

    number: int
    honouree: HonoureeRow


@dataclass(frozen=True)
class RoundPlan:
    round: RoundRow
    slots: tuple[StageSlot, ...]  # on stage, left to right seen from the audience
    absent: tuple[HonoureeRow, ...]  # placed in the round but not coming up


@dataclass(frozen=True)
class StagePlan:
    ceremony: CeremonyRow
    decisions: tuple[DecisionRow, ...]  # highest award first
    rounds: tuple[RoundPlan, ...]  # rounds with nobody on stage are left out
    honourees: tuple[HonoureeRow, ...]  # everyone, in presentation order


def load_stage_plan(store: Store, ceremony_id: int) -> StagePlan:
    """Check, tidy and read the plan; a UserError says what to fix before printing.

    The checks run on what is stored, before anything is written, so a refusal leaves
    the store as it was; only a plan that passes is tidied (gaps closed, see tidy_plan).
    """
    _read_and_check(store, ceremony_id)
    tidy_plan(store, ceremony_id)
    return _read_and_check(store, ceremony_id)


def _read_and_check(store: Store, ceremony_id: int) -> StagePlan:
    with store.reading() as session:
        ceremony = ceremony_row(load_ceremony(session, ceremony_id))
        decisions = session.scalars(
            select(Decision)
            .where(Decision.ceremony_id == ceremony_id)
            .options(joinedload(Decision.award_form))
        ).all()
        decisions_sorted = sorted(
            decisions, key=lambda d: (d.award_form.rank, d.award_form_id, d.signed_on, d.id)
        )
        decision_rows = tuple(decision_row(d) for d in decisions_sorted)
    honourees = list_honourees(store, ceremony_id)
    rounds = list_rounds(store, ceremony_id)
    if not honourees:
        raise UserError("Buổi lễ chưa có người/tập thể nào được khen: hãy nhập danh sách trước.")
    if not rounds:
        raise UserError(
            "Chưa lập các đợt trao",
            cli_hint=f"hãy chạy «rounds --ceremony {ceremony_id} --plan» rồi in lại.",
            window_hint="hãy bấm «Lập các đợt trao» ở thẻ «Sân khấu» rồi in lại.",
        )
    unplaced = [h for h in honourees if h.round is None and h.goes_on_stage]
    if unplaced:
        raise UserError(
            f"Còn {len(unplaced)} người/tập thể chưa được xếp đợt trao (ví dụ «{unplaced[0].name}»)",
            cli_hint=f"hãy chạy «rounds --ceremony {ceremony_id} --place-new» hoặc «--plan» rồi in lại.",
            window_hint="hãy bấm «Xếp người mới vào đợt» ở thẻ «Sân khấu» rồi in lại.",
        )
    by_round: dict[int, list[HonoureeRow]] = {r.id: [] for r in rounds}
    for h in honourees:
        if h.round_id is not None:  # those off stage receive through their unit
            by_round[h.round_id].append(h)
    plans = []
    for r in rounds:
        members = by_round[r.id]
        for h in members:
            if h.award_form_id != r.award_form_id:
                raise UserError(
                    f"«{h.name}» nhận «{h.award}» nhưng đang ở đợt {r.number} trao "
                    f"«{r.award or 'hình thức đã xóa'}»",
                    cli_hint=f"hãy chạy «rounds --ceremony {ceremony_id} --place-new» để xếp "
                    "lại vào đợt đúng hình thức, rồi in lại.",
                    window_hint="hãy bấm «Xếp người mới vào đợt» ở thẻ «Sân khấu» để xếp lại "
                    "vào đợt đúng hình thức, rồi in lại.",
                )
        going = [h for h in members if h.attendance != Attendance.ABSENT]
        absent = [h for h in members if h.attendance == Attendance.ABSENT]
        if not going:
            continue
        # Once tidied, positions are 1..n with absentees last: the printed numbers are the
        # stored ones, which the certificates follow too.
        slots = tuple(StageSlot(h.position_on_stage or 0, h) for h in going)
        plans.append(RoundPlan(r, slots, tuple(absent)))
    return StagePlan(ceremony, decision_rows, tuple(plans), tuple(honourees))
