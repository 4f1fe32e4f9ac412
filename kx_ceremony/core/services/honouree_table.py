"""The honourees of a ceremony as plain rows, fast enough for a 10,000-row window table.

``list_honourees`` builds ORM objects first; for the window's table that costs more than
the rest of start-up together, so this reads the same rows with one Core query (three
outer joins) and builds ``HonoureeRow`` straight from the result tuples. The order is
the same presentation order (``ordering.in_presentation_order``).
"""

from __future__ import annotations

from sqlalchemy import select

from kx_ceremony.core.model import AwardForm, Decision, Honouree, Round
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.ordering import in_presentation_order
from kx_ceremony.core.services.rows import HonoureeRow
from kx_ceremony.core.store import Store

_H = Honouree.__table__.c
_COLUMNS = (
    _H.id,
    _H.ceremony_id,
    _H.kind,
    _H.name,
    _H.gender,
    _H.birth_year,
    _H.position,
    _H.unit,
    _H.achievement,
    _H.award_form_id,
    AwardForm.__table__.c.full_name,
    AwardForm.__table__.c.rank,
    _H.decision_id,
    Decision.__table__.c.number,
    _H.register_number,
    _H.representative,
    _H.attendance,
    _H.substitute_name,
    Round.__table__.c.number,
    _H.round_id,
    _H.position_on_stage,
    _H.note,
)


def honouree_rows(store: Store, ceremony_id: int) -> list[HonoureeRow]:
    """Every honouree of the ceremony, in presentation order."""
    query = (
        select(*_COLUMNS)
        .select_from(Honouree.__table__)
        .join(AwardForm.__table__, AwardForm.__table__.c.id == _H.award_form_id)
        .outerjoin(Decision.__table__, Decision.__table__.c.id == _H.decision_id)
        .outerjoin(Round.__table__, Round.__table__.c.id == _H.round_id)
        .where(_H.ceremony_id == ceremony_id)
    )
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        result = session.execute(query).all()
    rows = [
        HonoureeRow(
            id,
            cer,
            kind,
            name,
            gender,
            birth,
            position,
            unit,
            achievement or "",
            form_id,
            award,
            rank,
            decision_id,
            decision_number or "",
            register or "",
            representative or "",
            attendance,
            substitute or "",
            round_no,
            round_id,
            stage_pos,
            note or "",
        )
        for (
            id,
            cer,
            kind,
            name,
            gender,
            birth,
            position,
            unit,
            achievement,
            form_id,
            award,
            rank,
            decision_id,
            decision_number,
            register,
            representative,
            attendance,
            substitute,
            round_no,
            round_id,
            stage_pos,
            note,
        ) in result
    ]
    return in_presentation_order(rows)


def award_counts(store: Store, ceremony_id: int) -> list[tuple[int, int]]:
    """(award form id, number of honourees) for the catalogue screen."""
    from sqlalchemy import func

    query = (
        select(_H.award_form_id, func.count())
        .where(_H.ceremony_id == ceremony_id)
        .group_by(_H.award_form_id)
    )
    with store.reading() as session:
        return [(form_id, count) for form_id, count in session.execute(query)]
