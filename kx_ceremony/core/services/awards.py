"""The award catalogue of a ceremony and the decisions that grant its awards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kx_ceremony.core.award_types import check_award_type, type_from_name
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import AwardForm, Decision, Honouree, Kind
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.loading import load_in_ceremony
from kx_ceremony.core.services.row_types import AwardFormRow, DecisionRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import clean_text, fold_for_search


def award_form_row(form: AwardForm) -> AwardFormRow:
    return AwardFormRow(
        id=form.id,
        ceremony_id=form.ceremony_id,
        code=form.code,
        full_name=form.full_name,
        short_name=form.short_name,
        printed_word=form.printed_word,
        authority_line=form.authority_line,
        rank=form.rank,
        kinds=tuple(form.kinds or ()),
        aliases=tuple(form.aliases or ()),
        page_width_mm=form.page_width_mm,
        page_height_mm=form.page_height_mm,
        layout_name=form.layout_name,
        layout=form.layout,
        register_pattern=form.register_pattern or "",
        award_type=form.award_type or "certificate",
        keep_abbreviations=bool(form.keep_abbreviations),
        on_stage=bool(form.on_stage),
    )


def list_award_forms(store: Store, ceremony_id: int) -> list[AwardFormRow]:
    """The catalogue, highest precedence first."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        forms = session.scalars(
            select(AwardForm)
            .where(AwardForm.ceremony_id == ceremony_id)
            .order_by(AwardForm.rank, AwardForm.id)
        )
        return [award_form_row(f) for f in forms]


def load_award_form(session: Session, ceremony_id: int, award_form_id: int) -> AwardForm:
    return load_in_ceremony(session, AwardForm, ceremony_id, award_form_id)


def find_award_form(store: Store, ceremony_id: int, name: str) -> AwardFormRow:
    """An award form by its full name, short name, code or alias (marks and case ignored)."""
    wanted = fold_for_search(name)
    forms = list_award_forms(store, ceremony_id)
    for form in forms:
        names = (form.full_name, form.short_name, form.code, *form.aliases)
        if any(fold_for_search(n) == wanted for n in names if n):
            return form
    listing = "; ".join(f.full_name for f in forms)
    raise UserError(f"Không có hình thức khen thưởng «{name}». Các hình thức hiện có: {listing}.")


_EDITABLE = {
    "code",
    "full_name",
    "short_name",
    "printed_word",
    "authority_line",
    "rank",
    "kinds",
    "aliases",
    "page_width_mm",
    "page_height_mm",
    "layout_name",
    "layout",
    "award_type",
    "keep_abbreviations",
}


def _check_award_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - _EDITABLE
    if unknown:
        raise UserError(
            f"Không sửa được trường {', '.join(sorted(unknown))} của hình thức khen thưởng."
        )
    out = dict(values)
    for key in ("code", "full_name", "short_name", "printed_word", "authority_line", "layout_name"):
        if key in out:
            out[key] = clean_text(out[key])
    if "full_name" in out and not out["full_name"]:
        raise UserError(
            "Tên hình thức khen thưởng đang trống: hãy nhập tên đầy đủ.", field="full_name"
        )
    if "kinds" in out:
        kinds = [str(k) for k in out["kinds"]]
        bad = [k for k in kinds if k not in {m.value for m in Kind}]
        if bad or not kinds:
            raise UserError(
                "Hãy chọn ít nhất một đối tượng: tập thể, cá nhân hoặc hộ gia đình.", field="kinds"
            )
        out["kinds"] = kinds
    if "award_type" in out:
        out["award_type"] = check_award_type(out["award_type"])
    if "keep_abbreviations" in out:
        out["keep_abbreviations"] = bool(out["keep_abbreviations"])
    if "aliases" in out:
        out["aliases"] = [clean_text(a) for a in out["aliases"] if clean_text(a)]
    for key in ("page_width_mm", "page_height_mm"):
        if key in out and not 50 <= float(out[key]) <= 1200:
            raise UserError("Khổ giấy phải từ 50 đến 1200 mm.", field=key)
    return out


def add_award_form(store: Store, ceremony_id: int, full_name: str, rank: int, **values: Any) -> int:
    values.setdefault("award_type", type_from_name(full_name))
    values = _check_award_values({"full_name": full_name, "rank": rank, **values})
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        form = AwardForm(ceremony_id=ceremony_id, **values)
        session.add(form)
        session.flush()
        return form.id


def update_award_form(
    store: Store, ceremony_id: int, award_form_id: int, **values: Any
) -> AwardFormRow:
    values = _check_award_values(values)
    with store.transaction() as session:
        form = load_award_form(session, ceremony_id, award_form_id)
        for key, value in values.items():
            setattr(form, key, value)
        session.flush()
        return award_form_row(form)


def add_alias(store: Store, ceremony_id: int, award_form_id: int, alias: str) -> AwardFormRow:
    """Another name spreadsheets use for a form; refused when another form has it."""
    alias = clean_text(alias)
    if not alias:
        raise UserError("Tên gọi khác đang trống: hãy nhập tên, ví dụ «BK tỉnh».", field="aliases")
    wanted = fold_for_search(alias)
    with store.transaction() as session:
        form = load_award_form(session, ceremony_id, award_form_id)
        others = session.scalars(
            select(AwardForm).where(
                AwardForm.ceremony_id == ceremony_id, AwardForm.id != award_form_id
            )
        )
        for other in others:
            names = (other.full_name, other.short_name, other.code, *(other.aliases or ()))
            if any(fold_for_search(n) == wanted for n in names if n):
                raise UserError(
                    f"Tên «{alias}» đã dùng cho «{other.full_name}»; hãy chọn tên khác.",
                    field="aliases",
                )
        aliases = list(form.aliases or ())
        if all(fold_for_search(a) != wanted for a in aliases):
            form.aliases = [*aliases, alias]
        session.flush()
        return award_form_row(form)


def add_agency_award(store: Store, ceremony_id: int, head: str, issuer: str) -> int:
    """An agency head's Giấy khen ("Giấy khen của Giám đốc Sở Tư pháp tỉnh …")."""
    from kx_ceremony.core.catalogue import agency_giay_khen

    head, issuer = clean_text(head), clean_text(issuer)
    if not head or not issuer:
        raise UserError(
            "Hãy nhập cả chức vụ người đứng đầu (ví dụ Giám đốc) và tên cơ quan, đơn vị "
            "(ví dụ Sở Tư pháp tỉnh Quảng Bình).",
            field="issuer",
        )
    values = agency_giay_khen(head, issuer)
    return add_award_form(store, ceremony_id, **values)  # type: ignore[arg-type]


def delete_award_form(store: Store, ceremony_id: int, award_form_id: int) -> None:
    with store.transaction() as session:
        form = load_award_form(session, ceremony_id, award_form_id)
        used = session.scalar(
            select(func.count())
            .select_from(Honouree)
            .where(Honouree.award_form_id == award_form_id)
        )
        if used:
            raise UserError(
                f"Không xóa được «{form.full_name}»: còn {used} người/tập thể nhận hình thức này. "
                "Hãy chuyển họ sang hình thức khác trước."
            )
        session.delete(form)


# ---------------------------------------------------------------------------
# Decisions


@dataclass(frozen=True)
class DecisionInput:
    award_form_id: int
    number: str
    signed_on: dt.date
    authority: str = ""
    signer_title: str = ""
    signer_subtitle: str = ""
    signer_name: str = ""
    place: str = ""


def decision_row(d: Decision) -> DecisionRow:
    return DecisionRow(**{f.name: getattr(d, f.name) for f in fields(DecisionRow)})


def _check_decision(data: DecisionInput) -> dict[str, Any]:
    values = {
        f.name: clean_text(v) if isinstance(v := getattr(data, f.name), str) else v
        for f in fields(data)
    }
    if not values["number"]:
        raise UserError("Số quyết định đang trống: hãy nhập số, ví dụ 123/QĐ-UBND.", field="number")
    if not isinstance(values["signed_on"], dt.date):
        raise UserError("Ngày ký quyết định không hợp lệ.", field="signed_on")
    return values


def add_decision(store: Store, ceremony_id: int, data: DecisionInput) -> int:
    values = _check_decision(data)
    with store.transaction() as session:
        load_award_form(session, ceremony_id, data.award_form_id)
        decision = Decision(ceremony_id=ceremony_id, **values)
        session.add(decision)
        session.flush()
        return decision.id


def update_decision(
    store: Store, ceremony_id: int, decision_id: int, data: DecisionInput
) -> DecisionRow:
    values = _check_decision(data)
    with store.transaction() as session:
        decision = load_in_ceremony(session, Decision, ceremony_id, decision_id)
        load_award_form(session, ceremony_id, data.award_form_id)
        for key, value in values.items():
            setattr(decision, key, value)
        session.flush()
        return decision_row(decision)


def get_decision(store: Store, ceremony_id: int, decision_id: int) -> DecisionRow:
    with store.reading() as session:
        decision = load_in_ceremony(session, Decision, ceremony_id, decision_id)
        return decision_row(decision)


def list_decisions(store: Store, ceremony_id: int) -> list[DecisionRow]:
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        rows = session.scalars(
            select(Decision)
            .where(Decision.ceremony_id == ceremony_id)
            .order_by(Decision.signed_on, Decision.id)
        )
        return [decision_row(d) for d in rows]
