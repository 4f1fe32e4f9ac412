"""Small reads the window makes while it starts, written with Core, not the ORM.

The first ORM query of a process configures every mapper (about 40 ms); the window's
first screen needs only a few columns, so it reads them through the mapped tables and
leaves the ORM for the first edit.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from kx_ceremony.core.model import AwardForm, Ceremony
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.store import Store

_C = Ceremony.__table__.c
_A = AwardForm.__table__.c


class CeremonyHeading(NamedTuple):
    id: int
    title: str
    held_on: dt.date


class AwardName(NamedTuple):
    id: int
    full_name: str


def require_ceremony(session: Session, ceremony_id: int) -> None:
    """NotFound (the services' own message) when the ceremony does not exist."""
    found = session.connection().execute(select(_C.id).where(_C.id == ceremony_id)).first()
    if found is None:
        load_ceremony(session, ceremony_id)


def ceremony_headings(store: Store) -> list[CeremonyHeading]:
    """Every ceremony, newest first (the order of ``list_ceremonies``)."""
    with store.reading() as session:
        rows = session.connection().execute(
            select(_C.id, _C.title, _C.held_on).order_by(_C.held_on.desc(), _C.id)
        )
        return [CeremonyHeading(*row) for row in rows]


def award_names(store: Store, ceremony_id: int) -> list[AwardName]:
    """The catalogue's names, highest precedence first (the order of ``list_award_forms``)."""
    with store.reading() as session:
        require_ceremony(session, ceremony_id)
        rows = session.connection().execute(
            select(_A.id, _A.full_name)
            .where(_A.ceremony_id == ceremony_id)
            .order_by(_A.rank, _A.id)
        )
        return [AwardName(*row) for row in rows]
