"""Ceremonies: create (with the default award catalogue), list, read, edit, delete."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kx_ceremony.core.award_types import type_from_name
from kx_ceremony.core.catalogue import catalogue_for, fill_authority, fill_template
from kx_ceremony.core.errors import NotFound, UserError
from kx_ceremony.core.model import AwardForm, Ceremony, Honouree
from kx_ceremony.core.services.row_types import CeremonyRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.hygiene import strip_unsafe
from kx_ceremony.core.text.vietnamese import clean_text

MAX_PER_ROUND = 60


@dataclass(frozen=True)
class CeremonyInput:
    title: str
    held_on: dt.date
    place: str = ""
    venue: str = ""
    organiser: str = ""
    province: str = ""
    achievement_year: int | None = None
    notes: str = ""
    per_round: int = 10
    is_sample: bool = False


def _validated(data: CeremonyInput) -> CeremonyInput:
    cleaned = replace(
        data,
        **{
            f.name: clean_text(getattr(data, f.name))
            for f in fields(data)
            if isinstance(getattr(data, f.name), str) and f.name != "notes"
        },
    )
    # Notes keep their line breaks; unsafe characters go all the same.
    cleaned = replace(cleaned, notes=strip_unsafe(cleaned.notes or ""))
    if not cleaned.title:
        raise UserError("Tên buổi lễ đang trống: hãy nhập tên buổi lễ.", field="title")
    if not isinstance(cleaned.held_on, dt.date):
        raise UserError(
            "Ngày tổ chức không hợp lệ: hãy nhập ngày dạng YYYY-MM-DD.", field="held_on"
        )
    if not 1 <= cleaned.per_round <= MAX_PER_ROUND:
        raise UserError(
            f"Số người mỗi đợt phải từ 1 đến {MAX_PER_ROUND} (đang là {cleaned.per_round}).",
            field="per_round",
        )
    year = cleaned.achievement_year
    if year is not None and not 1945 <= year <= cleaned.held_on.year + 1:
        raise UserError(f"Năm thành tích {year} không hợp lệ.", field="achievement_year")
    if year is None:
        # A review conference early in the year celebrates the year before.
        year = cleaned.held_on.year - 1 if cleaned.held_on.month <= 3 else cleaned.held_on.year
        cleaned = replace(cleaned, achievement_year=year)
    return cleaned


def ceremony_row(ceremony: Ceremony, honouree_count: int = 0) -> CeremonyRow:
    return CeremonyRow(
        id=ceremony.id,
        title=ceremony.title,
        held_on=ceremony.held_on,
        place=ceremony.place,
        venue=ceremony.venue,
        organiser=ceremony.organiser,
        province=ceremony.province,
        achievement_year=ceremony.achievement_year,
        notes=ceremony.notes,
        per_round=ceremony.per_round,
        is_sample=ceremony.is_sample,
        honouree_count=honouree_count,
    )


def load_ceremony(session: Session, ceremony_id: int) -> Ceremony:
    ceremony = session.get(Ceremony, ceremony_id)
    if ceremony is None:
        raise NotFound(
            f"Không có buổi lễ số {ceremony_id}. Lệnh «ceremonies» liệt kê các buổi lễ hiện có."
        )
    return ceremony


def create_ceremony(store: Store, data: CeremonyInput) -> int:
    """A new ceremony with its own copy of the default award catalogue; returns its id.

    A ceremony held from 1 July 2025 starts with today's catalogue (province, then
    commune/ward), one before it with the district era's.
    """
    data = _validated(data)
    with store.transaction() as session:
        ceremony = Ceremony(**{f.name: getattr(data, f.name) for f in fields(data)})
        session.add(ceremony)
        for template in catalogue_for(data.held_on):
            ceremony.award_forms.append(
                AwardForm(
                    code=template.code,
                    full_name=fill_template(
                        template.full_name, data.province, data.organiser, upper=False
                    ),
                    short_name=fill_template(
                        template.short_name, data.province, data.organiser, upper=False
                    ),
                    printed_word=template.printed_word,
                    authority_line=fill_authority(
                        template.authority_line, data.province, data.organiser
                    ),
                    rank=template.rank,
                    kinds=[k.value for k in template.kinds],
                    aliases=list(template.aliases),
                    layout_name=template.layout_name,
                    award_type=type_from_name(template.full_name),
                )
            )
        session.flush()
        return ceremony.id


def list_ceremonies(store: Store) -> list[CeremonyRow]:
    with store.reading() as session:
        counts = dict(
            session.execute(
                select(Honouree.ceremony_id, func.count()).group_by(Honouree.ceremony_id)
            ).all()
        )
        ceremonies = session.scalars(
            select(Ceremony).order_by(Ceremony.held_on.desc(), Ceremony.id)
        )
        return [ceremony_row(c, counts.get(c.id, 0)) for c in ceremonies]


def get_ceremony(store: Store, ceremony_id: int) -> CeremonyRow:
    with store.reading() as session:
        ceremony = load_ceremony(session, ceremony_id)
        count = session.scalar(
            select(func.count()).select_from(Honouree).where(Honouree.ceremony_id == ceremony_id)
        )
        return ceremony_row(ceremony, count or 0)


def update_ceremony(store: Store, ceremony_id: int, data: CeremonyInput) -> CeremonyRow:
    data = _validated(data)
    with store.transaction() as session:
        ceremony = load_ceremony(session, ceremony_id)
        for f in fields(data):
            setattr(ceremony, f.name, getattr(data, f.name))
        session.flush()
        return ceremony_row(ceremony)


def delete_ceremony(store: Store, ceremony_id: int) -> None:
    with store.transaction() as session:
        session.delete(load_ceremony(session, ceremony_id))
