"""Who presents which award form: the organiser's choice, or the rule by default.

The rule, so the organiser can predict it:

- The host's own awards (a form whose authority is the organiser: the district's or
  commune's Giấy khen, an agency head's) go to the host's leaders (presenters marked
  "thuộc đơn vị tổ chức"); every other form goes to the guests from higher levels.
- Within each group, most senior first, presenters take the forms from the highest down;
  with fewer presenters than forms the least senior one also takes every lower form
  (form k gets presenter min(k, P-1)), so the most senior takes the highest award and the
  head of a delegation is never called back for the lowest one.
- With no host leader, every form follows that seniority rule over all presenters; a
  group with no presenter borrows the other group's.

The organiser may choose one or more presenters for a form (table award_presenters);
with several, the form's rounds go to them in turn. The choice is kept for replanning
and applied at once to the form's rounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kx_ceremony.core.errors import NotFound, UserError
from kx_ceremony.core.model import AwardForm, AwardPresenter, Decision, Honouree, Presenter, Round
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.presenters import presenter_row
from kx_ceremony.core.services.row_types import PresenterRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import fold_for_search


def presenter_for_form(form_index: int, presenters: Sequence[Presenter]) -> Presenter | None:
    """The presenter of the ``form_index``-th award form (0 = highest) by seniority; the
    least senior one takes every form beyond the number of presenters."""
    if not presenters:
        return None
    return presenters[min(form_index, len(presenters) - 1)]


def is_host_form(form: AwardForm, organiser: str, authorities: Sequence[str] = ()) -> bool:
    """The organiser gives this award itself: its authority line, or the issuer of one of
    its decisions, names the organiser ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG" for
    "UBND huyện Kiến Xương")."""
    host = fold_for_search(spell_out(organiser))
    if not host:
        return False
    return any(host in fold_for_search(spell_out(a)) for a in (form.authority_line, *authorities))


def presenters_by_seniority(session: Session, ceremony_id: int) -> list[Presenter]:
    return list(
        session.scalars(
            select(Presenter)
            .where(Presenter.ceremony_id == ceremony_id)
            .order_by(Presenter.seniority, Presenter.id)
        )
    )


def default_presenters(
    forms: Sequence[AwardForm], host_forms: set[int], presenters: Sequence[Presenter]
) -> dict[int, Presenter | None]:
    """The rule's presenter of each form (``forms`` highest first)."""
    hosts = [p for p in presenters if p.host]
    guests = [p for p in presenters if not p.host]
    if not hosts:
        return {f.id: presenter_for_form(i, presenters) for i, f in enumerate(forms)}
    chosen: dict[int, Presenter | None] = {}
    counters = {True: 0, False: 0}
    for form in forms:
        host = form.id in host_forms
        group = (hosts if host else guests) or list(presenters)
        chosen[form.id] = presenter_for_form(counters[host], group)
        counters[host] += 1
    return chosen


def _forms_on_stage(session: Session, ceremony_id: int) -> list[AwardForm]:
    """The award forms someone receives, highest first."""
    used = set(
        session.scalars(
            select(Honouree.award_form_id).where(Honouree.ceremony_id == ceremony_id).distinct()
        )
    )
    forms = session.scalars(
        select(AwardForm).where(AwardForm.ceremony_id == ceremony_id, AwardForm.id.in_(used))
    )
    return sorted(forms, key=lambda f: (f.rank, f.id))


def _host_forms(session: Session, ceremony_id: int, forms: Sequence[AwardForm]) -> set[int]:
    organiser = load_ceremony(session, ceremony_id).organiser
    issuers: dict[int, list[str]] = {}
    for d in session.scalars(select(Decision).where(Decision.ceremony_id == ceremony_id)):
        issuers.setdefault(d.award_form_id, []).append(d.authority)
    return {f.id for f in forms if is_host_form(f, organiser, issuers.get(f.id, ()))}


def _choices(session: Session, ceremony_id: int) -> dict[int, list[Presenter]]:
    rows = session.execute(
        select(AwardPresenter.award_form_id, Presenter)
        .join(Presenter, Presenter.id == AwardPresenter.presenter_id)
        .where(AwardPresenter.ceremony_id == ceremony_id)
        .order_by(AwardPresenter.award_form_id, AwardPresenter.position, AwardPresenter.id)
    ).all()
    chosen: dict[int, list[Presenter]] = {}
    for form_id, presenter in rows:
        chosen.setdefault(form_id, []).append(presenter)
    return chosen


def presenters_for_forms(session: Session, ceremony_id: int) -> dict[int, list[Presenter]]:
    """Each award form's presenters in turn: the organiser's choice, else the rule's one
    (an empty list when the ceremony has no presenter yet)."""
    forms = _forms_on_stage(session, ceremony_id)
    defaults = default_presenters(
        forms,
        _host_forms(session, ceremony_id, forms),
        presenters_by_seniority(session, ceremony_id),
    )
    chosen = _choices(session, ceremony_id)
    result: dict[int, list[Presenter]] = {}
    for form in forms:
        fallback = defaults.get(form.id)
        result[form.id] = chosen.get(form.id) or ([fallback] if fallback else [])
    return result


@dataclass(frozen=True)
class FormPresenters:
    award_form_id: int
    award: str
    rank: int
    host_form: bool  # the host's own award
    chosen: tuple[PresenterRow, ...]  # the organiser's choice, in turn; () = the rule's
    default: PresenterRow | None  # the rule's presenter

    @property
    def presenters(self) -> tuple[PresenterRow, ...]:
        """Who presents the form, in effect."""
        if self.chosen:
            return self.chosen
        return (self.default,) if self.default else ()

    def to_json(self) -> dict:
        return {
            "award_form_id": self.award_form_id,
            "award": self.award,
            "host_form": self.host_form,
            "chosen": [p.id for p in self.chosen],
            "presenters": [p.introduction for p in self.presenters],
            "default": self.default.introduction if self.default else None,
        }


def list_form_presenters(store: Store, ceremony_id: int) -> list[FormPresenters]:
    """The award forms someone receives, highest first, with who presents each."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        forms = _forms_on_stage(session, ceremony_id)
        host_forms = _host_forms(session, ceremony_id, forms)
        defaults = default_presenters(
            forms, host_forms, presenters_by_seniority(session, ceremony_id)
        )
        chosen = _choices(session, ceremony_id)
        return [
            FormPresenters(
                f.id,
                f.full_name,
                f.rank,
                f.id in host_forms,
                tuple(presenter_row(p) for p in chosen.get(f.id, [])),
                presenter_row(defaults[f.id]) if defaults.get(f.id) else None,
            )
            for f in forms
        ]


def set_form_presenters(
    store: Store, ceremony_id: int, award_form_id: int, presenter_ids: Sequence[int]
) -> None:
    """Choose who presents an award form (in turn, in this order); no id = back to the
    rule. The form's rounds take the new presenters at once. One transaction."""
    if len(set(presenter_ids)) != len(presenter_ids):
        raise UserError("Một người trao được chọn hai lần cho cùng một hình thức.")
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        form = session.get(AwardForm, award_form_id)
        if form is None or form.ceremony_id != ceremony_id:
            raise NotFound(f"Không có hình thức khen thưởng số {award_form_id} trong buổi lễ này.")
        for pid in presenter_ids:
            presenter = session.get(Presenter, pid)
            if presenter is None or presenter.ceremony_id != ceremony_id:
                raise NotFound(f"Không có người trao số {pid} trong buổi lễ này.")
        session.execute(
            AwardPresenter.__table__.delete().where(AwardPresenter.award_form_id == award_form_id)
        )
        for position, pid in enumerate(presenter_ids, start=1):
            session.add(
                AwardPresenter(
                    ceremony_id=ceremony_id,
                    award_form_id=award_form_id,
                    presenter_id=pid,
                    position=position,
                )
            )
        session.flush()
        in_turn = presenters_for_forms(session, ceremony_id).get(award_form_id, [])
        rounds = session.scalars(
            select(Round)
            .where(Round.ceremony_id == ceremony_id, Round.award_form_id == award_form_id)
            .order_by(Round.number)
        ).all()
        for index, r in enumerate(rounds):
            r.presenter_id = in_turn[index % len(in_turn)].id if in_turn else None
