"""Honourees: add, edit, remove, and list in presentation order with search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import (
    Attendance,
    AwardForm,
    Decision,
    Gender,
    Honouree,
    Kind,
    kind_refusal,
)
from kx_ceremony.core.services.awards import load_award_form
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.honouree_duplicates import (  # noqa: F401 - LIKELY re-exported
    LIKELY,
    SAME,
    LikelyDuplicate,
    duplicate_of,
    find_duplicate,
    same_person,
)
from kx_ceremony.core.services.loading import load_in_ceremony
from kx_ceremony.core.services.ordering import in_presentation_order
from kx_ceremony.core.services.row_types import HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.titles import gender_of_title, split_title
from kx_ceremony.core.text.vietnamese import (
    clean_text,
    fold_for_search,
    repair_name_case,
)

MIN_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class HonoureeInput:
    name: str
    award_form_id: int
    kind: str = Kind.INDIVIDUAL.value
    gender: str | None = None
    birth_year: int | None = None
    position: str = ""
    unit: str = ""
    achievement: str = ""
    decision_id: int | None = None
    register_number: str = ""
    representative: str = ""
    attendance: str = Attendance.PRESENT.value
    substitute_name: str = ""
    note: str = ""
    title: str = ""  # "Ông", "Đại tá", "PGS.TS." written before the name
    posthumous: bool = False  # awarded after death (TRUY TẶNG)
    on_stage: bool | None = None  # None: as the award form says (goes_on_stage)


def normalise_input(data: HonoureeInput) -> HonoureeInput:
    """Clean every text, repair a name typed in capitals, take a leading "Ông"/"Bà" off."""
    texts = {
        f.name: clean_text(getattr(data, f.name))
        for f in fields(data)
        if isinstance(getattr(data, f.name), str)
    }
    data = replace(data, **texts)
    if data.kind == Kind.INDIVIDUAL:
        parts = split_title(data.name)
        if parts.title:  # kept in its own field, never dropped
            title = f"{data.title} {parts.title}".strip() if data.title else parts.title
            data = replace(data, name=parts.name, title=title)
        data = replace(data, gender=data.gender or parts.gender or gender_of_title(data.title))
    return replace(data, name=repair_name_case(data.name), gender=data.gender or None)


def validate_input(data: HonoureeInput) -> None:
    """Field-level checks that need no database; each error names its field."""
    if not data.name:
        raise UserError("Họ tên đang trống: hãy nhập họ và tên (hoặc tên tập thể).", field="name")
    if data.kind not in {k.value for k in Kind}:
        raise UserError(
            f"Đối tượng «{data.kind}» không hợp lệ: chọn tập thể, cá nhân hoặc hộ gia đình.",
            field="kind",
        )
    if data.gender is not None and data.gender not in {g.value for g in Gender}:
        raise UserError(
            f"Giới tính «{data.gender}» không hợp lệ: chọn Nam hoặc Nữ.", field="gender"
        )
    if data.birth_year is not None:
        this_year = dt.date.today().year
        if not MIN_BIRTH_YEAR <= data.birth_year <= this_year:
            raise UserError(
                f"Năm sinh {data.birth_year} không hợp lệ: hãy nhập năm từ {MIN_BIRTH_YEAR} đến {this_year}.",
                field="birth_year",
            )
    if data.posthumous and data.kind != Kind.INDIVIDUAL:
        raise UserError(
            "Chỉ cá nhân mới được truy tặng: hãy bỏ đánh dấu «Truy tặng» hoặc chọn đối tượng "
            "cá nhân.",
            field="posthumous",
        )
    if data.attendance not in {a.value for a in Attendance}:
        raise UserError(f"Tình trạng có mặt «{data.attendance}» không hợp lệ.", field="attendance")
    if data.attendance == Attendance.SUBSTITUTE and not data.substitute_name:
        raise UserError("Hãy nhập tên người nhận thay.", field="substitute_name")


def check_against_store(
    session: Session,
    ceremony_id: int,
    data: HonoureeInput,
    own_id: int | None,
    *,
    confirm_likely: bool = False,
) -> None:
    """The rules that need the store: the award form's kinds, the decision, duplicates. A
    SAME duplicate is always refused; a LIKELY one raises LikelyDuplicate unless the
    organiser confirmed it (``confirm_likely``)."""
    form = load_award_form(session, ceremony_id, data.award_form_id)
    refusal = kind_refusal(form.full_name, form.kinds, data.kind)
    if refusal:
        raise UserError(refusal + ".", field="award_form_id")
    if data.decision_id is not None:
        decision = session.get(Decision, data.decision_id)
        if decision is None or decision.ceremony_id != ceremony_id:
            raise UserError("Quyết định đã chọn không thuộc buổi lễ này.", field="decision_id")
        if decision.award_form_id != data.award_form_id:
            raise UserError(
                f"Quyết định {decision.number} không tặng «{form.full_name}»: hãy chọn đúng quyết định.",
                field="decision_id",
            )
    found = duplicate_of(
        session, ceremony_id, data.name, data.unit, exclude_id=own_id, birth_year=data.birth_year
    )
    if found is None:
        return
    other, verdict = found
    if verdict == SAME:
        where = f" ({other.unit})" if other.unit else ""
        raise UserError(
            f"«{data.name}»{where} đã có trong danh sách buổi lễ này; không thêm trùng.",
            field="name",
        )
    if not confirm_likely:
        raise LikelyDuplicate(other)


def apply_input(honouree: Honouree, data: HonoureeInput) -> None:
    for f in fields(data):
        setattr(honouree, f.name, getattr(data, f.name))
    honouree.name_fold = fold_for_search(data.name)
    if data.attendance != Attendance.SUBSTITUTE:
        honouree.substitute_name = ""


def prepare(data: HonoureeInput) -> HonoureeInput:
    data = normalise_input(data)
    validate_input(data)
    return data


def add_honouree(
    store: Store, ceremony_id: int, data: HonoureeInput, *, confirm_likely: bool = False
) -> int:
    """One honouree, in its own transaction (the window's «Thêm», the command line). A likely
    duplicate raises LikelyDuplicate unless ``confirm_likely`` (the organiser said it is
    another person); the same person is always refused."""
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        return insert_honourees(session, ceremony_id, [data], confirm_likely=confirm_likely)[0]


def insert_honourees(
    session: Session,
    ceremony_id: int,
    items: Iterable[HonoureeInput],
    *,
    confirm_likely: bool = False,
) -> list[int]:
    """Honourees inside the caller's transaction (the demo, tests): the caller commits, and
    a refusal of any one leaves the caller to roll back all of them."""
    added: list[Honouree] = []
    for data in items:
        data = prepare(data)
        check_against_store(session, ceremony_id, data, None, confirm_likely=confirm_likely)
        honouree = Honouree(ceremony_id=ceremony_id)
        apply_input(honouree, data)
        session.add(honouree)
        session.flush()
        added.append(honouree)
    return [h.id for h in added]


def _load(session: Session, ceremony_id: int, honouree_id: int) -> Honouree:
    return load_in_ceremony(session, Honouree, ceremony_id, honouree_id)


def update_honouree(
    store: Store,
    ceremony_id: int,
    honouree_id: int,
    data: HonoureeInput,
    *,
    confirm_likely: bool = False,
) -> HonoureeRow:
    data = prepare(data)
    with store.transaction() as session:
        honouree = _load(session, ceremony_id, honouree_id)
        check_against_store(session, ceremony_id, data, honouree_id, confirm_likely=confirm_likely)
        apply_input(honouree, data)
        session.flush()
        if honouree.round_id is not None and not goes_on_stage(honouree):
            # Taken off stage: out of the round (the gap closes when the plan is tidied
            # before printing); their unit hands the certificate over.
            honouree.round_id = None
            honouree.position_on_stage = None
            session.flush()
        return honouree_row(honouree)


def remove_honourees(store: Store, ceremony_id: int, honouree_ids: Iterable[int]) -> list[str]:
    """Delete honourees, in one transaction; returns their names. (The window's Undo puts
    them back from the store's journal: ``history.py``.)"""
    removed: list[str] = []
    with store.transaction() as session:
        for honouree_id in honouree_ids:
            honouree = _load(session, ceremony_id, honouree_id)
            removed.append(honouree.name)
            session.delete(honouree)
    return removed


def goes_on_stage(h: Honouree) -> bool:
    """Presented on stage: the person's own choice, else their award form's."""
    return bool(h.on_stage if h.on_stage is not None else h.award_form.on_stage)


def on_stage_clause():  # type: ignore[no-untyped-def]
    """The same rule in SQL, over Honouree joined with its AwardForm."""
    return func.coalesce(Honouree.on_stage, AwardForm.on_stage).is_(True)


def honouree_row(h: Honouree) -> HonoureeRow:
    return HonoureeRow(
        id=h.id,
        ceremony_id=h.ceremony_id,
        kind=h.kind,
        name=h.name,
        gender=h.gender,
        birth_year=h.birth_year,
        position=h.position,
        unit=h.unit,
        achievement=h.achievement,
        award_form_id=h.award_form_id,
        award=h.award_form.full_name,
        award_rank=h.award_form.rank,
        decision_id=h.decision_id,
        decision_number=h.decision.number if h.decision else "",
        register_number=h.register_number,
        representative=h.representative,
        attendance=h.attendance,
        substitute_name=h.substitute_name,
        round=h.round.number if h.round else None,
        round_id=h.round_id,
        position_on_stage=h.position_on_stage,
        note=h.note,
        title=h.title or "",
        posthumous=bool(h.posthumous),
        on_stage=h.on_stage,
        goes_on_stage=goes_on_stage(h),
    )


def matches(row: HonoureeRow, query_fold: str) -> bool:
    """Marks- and case-insensitive match on name, unit and position."""
    return any(query_fold in fold_for_search(text) for text in (row.name, row.unit, row.position))


def list_honourees(store: Store, ceremony_id: int, search: str | None = None) -> list[HonoureeRow]:
    """Every honouree of the ceremony in presentation order, optionally filtered."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        rows = [
            honouree_row(h)
            for h in session.scalars(
                select(Honouree)
                .where(Honouree.ceremony_id == ceremony_id)
                .options(
                    joinedload(Honouree.award_form),
                    joinedload(Honouree.decision),
                    joinedload(Honouree.round),
                )
            )
        ]
    query = fold_for_search(search or "")
    if query:
        rows = [r for r in rows if matches(r, query)]
    return in_presentation_order(rows)


def get_honouree(store: Store, ceremony_id: int, honouree_id: int) -> HonoureeRow:
    with store.reading() as session:
        return honouree_row(_load(session, ceremony_id, honouree_id))


def input_from_row(row: HonoureeRow, **changes: Any) -> HonoureeInput:
    """The editable fields of a listed honouree, with some changed (bulk edits, undo)."""
    values = {f.name: getattr(row, f.name) for f in fields(HonoureeInput)}
    values.update(changes)
    return HonoureeInput(**values)
