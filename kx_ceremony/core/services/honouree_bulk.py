"""Changes to many honourees at once from the window: undo of a delete, bulk award change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Decision, Honouree, Presenter, Round, kind_refusal
from kx_ceremony.core.services.awards import load_award_form
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.honourees import (
    RemovedHonouree,
    apply_input,
    check_against_store,
    prepare,
)
from kx_ceremony.core.services.loading import load_in_ceremony
from kx_ceremony.core.services.stage import load_rounds, pack_positions, renumber_rounds
from kx_ceremony.core.store import Store


def restore_honourees(
    store: Store, ceremony_id: int, removed: Sequence[RemovedHonouree]
) -> list[int]:
    """Undo of ``remove_honourees``: every row back as it was, in one transaction.

    Each person gets their id back when it is still free, all their fields (a decision
    deleted meanwhile is left out, as its deletion would have done), and their stage
    place: the same round, at the same position, the others of the round moving down
    one. A round tidied away because the delete emptied it is made again at its old
    number with its award, presenter and hand-change flag. All or nothing; returns ids.
    """
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        back: list[tuple[RemovedHonouree, Honouree]] = []
        for item in removed:
            data = item.data
            if data.decision_id is not None and session.get(Decision, data.decision_id) is None:
                data = replace(data, decision_id=None)
            data = prepare(data)
            check_against_store(session, ceremony_id, data, None)
            free = session.get(Honouree, item.id) is None
            honouree = Honouree(id=item.id if free else None, ceremony_id=ceremony_id)
            apply_input(honouree, data)
            if item.created_at is not None:
                honouree.created_at = item.created_at
            session.add(honouree)
            session.flush()
            back.append((item, honouree))
        made: dict[int, Round] = {}
        placed = [(i, h) for i, h in back if i.round_id is not None]
        for item, honouree in sorted(
            placed, key=lambda p: (p[0].round_number or 0, p[0].position_on_stage or 0)
        ):
            stage = _round_to_restore(session, ceremony_id, item, made)
            line = list(
                session.scalars(
                    select(Honouree)
                    .where(Honouree.round_id == stage.id, Honouree.id != honouree.id)
                    .order_by(Honouree.position_on_stage, Honouree.id)
                )
            )
            line.insert(min(max((item.position_on_stage or 1) - 1, 0), len(line)), honouree)
            honouree.round_id = stage.id
            pack_positions(line)
            session.flush()
        return [h.id for _, h in back]


def _round_to_restore(
    session: Session, ceremony_id: int, item: RemovedHonouree, made: dict[int, Round]
) -> Round:
    """The person's round if it is still there, else the round made again at its number."""
    assert item.round_id is not None
    if item.round_id in made:
        return made[item.round_id]
    existing = session.get(Round, item.round_id)
    if existing is not None and existing.ceremony_id == ceremony_id:
        return existing
    rounds = load_rounds(session, ceremony_id)
    presenter_id = item.round_presenter_id
    if presenter_id is not None and session.get(Presenter, presenter_id) is None:
        presenter_id = None
    again = Round(
        id=item.round_id if existing is None else None,
        ceremony_id=ceremony_id,
        number=max((r.number for r in rounds), default=0) + 1,
        award_form_id=item.round_award_form_id or item.data.award_form_id,
        presenter_id=presenter_id,
        manual=item.round_manual,
    )
    session.add(again)
    session.flush()
    rounds.insert(min(max((item.round_number or 1) - 1, 0), len(rounds)), again)
    renumber_rounds(session, rounds)
    made[item.round_id] = again
    return again


def change_award(
    store: Store, ceremony_id: int, honouree_ids: Iterable[int], award_form_id: int
) -> int:
    """Give many honourees another award form; a decision for the old award is dropped.

    Refuses the whole change (nothing saved) when the form is not for someone's kind.
    Returns how many were changed.
    """
    count = 0
    with store.transaction() as session:
        form = load_award_form(session, ceremony_id, award_form_id)
        for honouree_id in honouree_ids:
            honouree = load_in_ceremony(session, Honouree, ceremony_id, honouree_id)
            refusal = kind_refusal(form.full_name, form.kinds, honouree.kind)
            if refusal:
                raise UserError(
                    f"{refusal} («{honouree.name}»). Chưa đổi ai cả: hãy bỏ chọn những dòng này "
                    "rồi thử lại."
                )
            if honouree.decision_id is not None:
                decision = session.get(Decision, honouree.decision_id)
                if decision is None or decision.award_form_id != award_form_id:
                    honouree.decision_id = None
            honouree.award_form_id = award_form_id
            count += 1
    return count
