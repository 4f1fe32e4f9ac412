"""Reading the ceremony's catalogue and people for an import, and writing the import.

The import reads and writes through Core on the mapped tables: the same schema and the
same transactions as the services, without configuring every ORM mapper first, which
costs a command-line import a noticeable part of its run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kx_ceremony.core.award_types import type_from_name
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.importing import sqlite_bulk
from kx_ceremony.core.importing.award_choice import MAPPED, NEW, AwardValue
from kx_ceremony.core.importing.award_matching import normalise_award, proposed_printed_word
from kx_ceremony.core.importing.duplicates import DuplicateIndex, Entry, PersonKey
from kx_ceremony.core.importing.results import ImportRow
from kx_ceremony.core.model import Attendance, AwardForm, Ceremony, Honouree, Kind
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.honouree_duplicates import SAME
from kx_ceremony.core.services.row_types import AwardFormRow
from kx_ceremony.core.store import Store, journal
from kx_ceremony.core.store.column_limits import require_fit_columns
from kx_ceremony.core.store.written import note_written
from kx_ceremony.core.text.vietnamese import fold_for_search, identity_key

_CEREMONIES = Ceremony.__table__
_FORMS = AwardForm.__table__
_HONOUREES = Honouree.__table__


def bulk_insert(session: Session, count: int):  # type: ignore[no-untyped-def]
    """Around the insert_rows calls of one import of ``count`` rows (sqlite_bulk.py)."""
    return sqlite_bulk.bulk_indexes(session.connection(), _HONOUREES.name, count)


def require_ceremony(session: Session, ceremony_id: int) -> None:
    found = session.connection().execute(
        select(_CEREMONIES.c.id).where(_CEREMONIES.c.id == ceremony_id)
    )
    if found.first() is None:
        load_ceremony(session, ceremony_id)  # raises the usual NotFound


def catalogue(store: Store, ceremony_id: int) -> tuple[list[AwardFormRow], DuplicateIndex]:
    """The ceremony's award forms, and everyone already in it (for the duplicate rule)."""
    with store.reading() as session:
        require_ceremony(session, ceremony_id)
        conn = session.connection()
        forms = [
            AwardFormRow(
                **{
                    **row._asdict(),
                    "kinds": tuple(row.kinds or ()),
                    "aliases": tuple(row.aliases or ()),
                }
            )
            for row in conn.execute(
                select(*(_FORMS.c[f.name] for f in fields(AwardFormRow)))
                .where(_FORMS.c.ceremony_id == ceremony_id)
                .order_by(_FORMS.c.rank, _FORMS.c.id)
            )
        ]
        return forms, DuplicateIndex(existing=existing_people(session, ceremony_id))


def existing_people(session: Session, ceremony_id: int) -> dict[PersonKey, list[Entry]]:
    rows = session.connection().execute(
        select(
            _HONOUREES.c.name,
            _HONOUREES.c.unit,
            _HONOUREES.c.birth_year,
            _HONOUREES.c.award_form_id,
        ).where(_HONOUREES.c.ceremony_id == ceremony_id)
    )
    units: dict[str, str] = {}  # a ceremony has thousands of people but few units
    people: dict[PersonKey, list[Entry]] = {}
    for name, unit, birth_year, award_form_id in rows:
        folded = units.get(unit)
        if folded is None:
            folded = units[unit] = fold_for_search(unit or "")
        key = (identity_key(name), folded)
        people.setdefault(key, []).append(Entry(0, birth_year, award_form_id, ""))
    return people


# The columns an import writes, in the order of records()' values.
COLUMNS = (
    "ceremony_id",
    "kind",
    "name",
    "title",
    "name_fold",
    "gender",
    "birth_year",
    "position",
    "unit",
    "achievement",
    "award_form_id",
    "decision_id",
    "register_number",
    "representative",
    "attendance",
    "substitute_name",
    "note",
    "posthumous",
)
_PRESENT = Attendance.PRESENT.value


def records(
    ceremony_id: int, rows: Sequence[ImportRow], new_ids: dict[str, int]
) -> list[tuple[object, ...]]:
    """The honourees' values in the order of COLUMNS, one tuple per row (cheaper than a
    dict); a row naming a new award form gets the id it was added with (``new_ids``)."""
    return [
        (
            ceremony_id,
            row.kind,
            row.name,
            row.title,
            row.name_fold or fold_for_search(row.name),
            row.gender,
            row.birth_year,
            row.position,
            row.unit,
            row.achievement,
            new_ids[row.award_new] if row.award_new else row.award_form_id,
            None,
            row.register_number,
            "",
            _PRESENT,
            "",
            row.note,
            bool(row.posthumous),
        )
        for row in rows
    ]


def insert_rows(session: Session, records: list[tuple[object, ...]]) -> None:
    """Insert records() tuples, in their order. On SQLite straight to the driver, many rows
    per statement (sqlite_bulk.py): SQLAlchemy's per-row parameter processing, and
    SQLite's per-statement work, cost more than SQLite's insert itself."""
    require_fit_columns(_HONOUREES, COLUMNS, records)  # the same limits on every store
    note_written(session, "honourees")  # the fast path below is not seen by the session
    conn = session.connection()
    kept = journal.keeping(session)  # the window offers undo: the rows added are read back
    key = _HONOUREES.c.id
    if conn.dialect.name == "sqlite" and records:
        # One writer at a time on SQLite (BEGIN IMMEDIATE): the new ids are those above.
        before = (conn.execute(select(func.max(key))).scalar() or 0) if kept else 0
        sqlite_bulk.insert_many(conn, _HONOUREES.name, COLUMNS, records)
        if kept:
            added = conn.execute(select(key).where(key > before)).scalars().all()
            journal.note_added(session, _HONOUREES, added)
    elif records:
        params = [dict(zip(COLUMNS, r, strict=True)) for r in records]
        if kept:  # another PC may add meanwhile: the ids this statement gave, exactly
            added = conn.execute(insert(_HONOUREES).returning(key), params).scalars().all()
            journal.note_added(session, _HONOUREES, added)
        else:
            conn.execute(insert(_HONOUREES), params)


def apply_award_choices(
    session: Session, ceremony_id: int, values: tuple[AwardValue, ...]
) -> dict[str, int]:
    """Add the new award forms (text -> new id) and keep each mapped text as an alias of
    the form it was mapped to, so the next list matches by itself."""
    new_ids: dict[str, int] = {}
    for value in values:
        if value.status == NEW and value.text not in new_ids:
            form = AwardForm(
                ceremony_id=ceremony_id,
                code=_free_code(session, ceremony_id, value.text),
                full_name=value.text,
                short_name=value.text[:100],
                printed_word=proposed_printed_word(value.text)[:100],
                authority_line="",
                award_type=type_from_name(value.text),
                rank=value.proposed_rank,
                kinds=[k.value for k in Kind],
                aliases=[],
            )
            session.add(form)
            session.flush()
            new_ids[value.text] = form.id
        elif value.status == MAPPED and value.form is not None:
            form = session.get(AwardForm, value.form.id)
            if form is None:
                continue
            known = {normalise_award(a) for a in (form.aliases or [])}
            known.add(normalise_award(form.full_name))
            if normalise_award(value.text) not in known:
                form.aliases = [*(form.aliases or []), value.text]
    session.flush()
    return new_ids


def _free_code(session: Session, ceremony_id: int, text: str) -> str:
    base = "-".join(fold_for_search(text).replace("đ", "d").split())[:40] or "hinh-thuc"
    taken = set(
        session.connection()
        .execute(select(_FORMS.c.code).where(_FORMS.c.ceremony_id == ceremony_id))
        .scalars()
    )
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


def recheck_duplicates(session: Session, ceremony_id: int, rows: tuple[ImportRow, ...]) -> None:
    """Someone may have added people since the preview: check again inside the write lock."""
    existing = existing_people(session, ceremony_id)
    if not existing:
        return
    index = DuplicateIndex(existing=existing)
    for r in rows:
        key = (identity_key(r.name), fold_for_search(r.unit))
        if key not in existing:
            continue
        award = r.award_form_id if r.award_form_id is not None else r.award_new
        _, in_store = index.check(key, Entry(r.row, r.birth_year, award, ""))
        if in_store == SAME:
            raise UserError(
                f"«{r.name}» (dòng {r.row}) vừa được thêm vào buổi lễ trong lúc đang nhập; "
                "không lưu gì. Hãy nhập lại tệp để xem danh sách mới nhất."
            )
