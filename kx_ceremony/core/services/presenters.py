"""Presenting officials: who hands over awards, introduced Party post first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Presenter
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.loading import load_in_ceremony
from kx_ceremony.core.services.row_types import PresenterRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import clean_text, repair_name_case


@dataclass(frozen=True)
class PresenterInput:
    name: str
    titles: Sequence[str] = ()  # Party post first, then state post
    honorific: str = "đồng chí"
    seniority: int = 1  # 1 = most senior
    host: bool = False  # a leader of the organiser (presents the host's own awards)


def _clean(data: PresenterInput) -> dict:
    name = repair_name_case(clean_text(data.name))
    if not name:
        raise UserError("Họ tên người trao đang trống: hãy nhập họ và tên.", field="name")
    if data.seniority < 1:
        raise UserError("Thứ tự cấp bậc phải từ 1 trở lên (1 là cao nhất).", field="seniority")
    titles = [clean_text(t) for t in data.titles if clean_text(t)]
    return {
        "name": name,
        "titles": titles,
        "honorific": clean_text(data.honorific),
        "seniority": int(data.seniority),
        "host": bool(data.host),
    }


def presenter_row(p: Presenter) -> PresenterRow:
    return PresenterRow(
        p.id, p.ceremony_id, p.honorific, p.name, tuple(p.titles or ()), p.seniority, p.host
    )


def add_presenter(store: Store, ceremony_id: int, data: PresenterInput) -> int:
    values = _clean(data)
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        presenter = Presenter(ceremony_id=ceremony_id, **values)
        session.add(presenter)
        session.flush()
        return presenter.id


def _load(session, ceremony_id: int, presenter_id: int) -> Presenter:  # type: ignore[no-untyped-def]
    return load_in_ceremony(session, Presenter, ceremony_id, presenter_id)


def update_presenter(
    store: Store, ceremony_id: int, presenter_id: int, data: PresenterInput
) -> PresenterRow:
    values = _clean(data)
    with store.transaction() as session:
        presenter = _load(session, ceremony_id, presenter_id)
        for key, value in values.items():
            setattr(presenter, key, value)
        session.flush()
        return presenter_row(presenter)


def remove_presenter(store: Store, ceremony_id: int, presenter_id: int) -> None:
    """Rounds this presenter had keep their place and wait for another presenter."""
    with store.transaction() as session:
        session.delete(_load(session, ceremony_id, presenter_id))


def list_presenters(store: Store, ceremony_id: int) -> list[PresenterRow]:
    """Most senior first."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        rows = session.scalars(
            select(Presenter)
            .where(Presenter.ceremony_id == ceremony_id)
            .order_by(Presenter.seniority, Presenter.id)
        )
        return [presenter_row(p) for p in rows]
