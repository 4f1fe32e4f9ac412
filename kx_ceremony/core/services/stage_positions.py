"""Positions and round numbers on stage: gap-free 1..n everywhere, absentees last.

The stage numbers, the MC's list, the tray list and the certificate stack share one
numbering; every change to the plan (planning, hand changes, deletions) ends here.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from kx_ceremony.core.model import Attendance, Honouree, Round
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.store import Store


def pack_positions(line: Sequence[Honouree]) -> None:
    """Positions 1..n: those going on stage in the given order, then absentees.


    Keeping absentees last makes the stage numbers, the MC's list, the tray list and the
    certificate stack share one gap-free numbering.
    """
    on_stage = [h for h in line if h.attendance != Attendance.ABSENT]
    absent = [h for h in line if h.attendance == Attendance.ABSENT]
    for position, h in enumerate([*on_stage, *absent], start=1):
        h.position_on_stage = position


def tidy_plan(store: Store, ceremony_id: int) -> None:
    """Close gaps left by deleted honourees or attendance changed elsewhere, keeping order.


    Positions become 1..n again (absentees last), rounds left empty disappear and the
    rest renumber from 1. Nothing moves relative to anyone else, so hand-change flags
    stay as they are. Called before printing, so paper and store show the same numbers;
    as part of printing it is no edit to undo (an undo that needs the old numbers back is
    then refused, since papers may carry them).
    """
    with store.transaction(journal_kept=False) as session:
        load_ceremony(session, ceremony_id)
        rounds = load_rounds(session, ceremony_id)
        members: dict[int, list[Honouree]] = {r.id: [] for r in rounds}
        for h in session.scalars(
            select(Honouree)
            .where(Honouree.ceremony_id == ceremony_id, Honouree.round_id.is_not(None))
            .order_by(Honouree.position_on_stage, Honouree.id)
        ):
            members[h.round_id].append(h)  # type: ignore[index]
        kept = []
        for r in rounds:
            if members[r.id]:
                pack_positions(members[r.id])
                kept.append(r)
            else:
                session.delete(r)
        session.flush()
        if [r.number for r in kept] != list(range(1, len(kept) + 1)):
            renumber_rounds(session, kept)


def renumber_rounds(session: Session, rounds: Sequence[Round]) -> None:
    """Numbers 1..n in list order, in two steps so no number is ever held twice."""
    for r in rounds:
        r.number = -r.id
    session.flush()
    for number, r in enumerate(rounds, start=1):
        r.number = number
    session.flush()


def load_rounds(session: Session, ceremony_id: int) -> list[Round]:
    return list(
        session.scalars(
            select(Round)
            .where(Round.ceremony_id == ceremony_id)
            .options(joinedload(Round.award_form), joinedload(Round.presenter))
            .order_by(Round.number, Round.id)
        )
    )
