"""Planning the rounds (đợt) on stage: who goes up with whom, in which order, handed by whom.

The rule, so the organiser can predict it:

- Honourees are taken in precedence order (``ordering.precedence_key``): award forms from
  the highest (lowest rank number) down; within a form collectives, then individuals,
  then households, each in Vietnamese name order.
- Each award form is cut into rounds of at most ``per_round`` people; a round never mixes
  two award forms, because the MC announces one award per round.
- Each award form's rounds go to its presenters (``award_presenters``): the organiser's
  choice for the form (several in turn), else the rule: the host's leaders for the
  host's own awards, the guests for the others, most senior first from the highest form
  down (the least senior also takes every lower form when there are fewer presenters
  than forms). With no presenters the rounds wait for one; the organiser swaps any
  round's presenter by hand.
- Everyone in a round gets a position on stage 1..n, left to right seen from the audience.

Hand changes (``stage_edits``) set ``Round.manual``; :func:`plan_rounds` then refuses to
overwrite them unless ``force`` is given. People added after planning are not placed
automatically; :func:`place_new_honourees` places them without changing anybody's round
or any number already printed (see there).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, joinedload

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Attendance, AwardForm, Honouree, Round
from kx_ceremony.core.services.award_presenters import presenters_for_forms
from kx_ceremony.core.services.ceremonies import MAX_PER_ROUND, load_ceremony
from kx_ceremony.core.services.honourees import goes_on_stage, honouree_row, on_stage_clause
from kx_ceremony.core.services.ordering import precedence_key
from kx_ceremony.core.services.presenters import presenter_row
from kx_ceremony.core.services.row_types import PresenterRow
from kx_ceremony.core.services.stage_positions import (  # noqa: F401 - part of stage's face
    load_rounds,
    pack_positions,
    renumber_rounds,
    tidy_plan,
)
from kx_ceremony.core.store import Store


class ManualChangesExist(UserError):
    """Replanning would overwrite hand changes; the window asks, the CLI wants --force."""


@dataclass(frozen=True)
class RoundRow:
    id: int
    number: int
    award_form_id: int | None
    award: str  # the award form's full name, "" if the form was deleted
    award_rank: int | None
    presenter: PresenterRow | None
    count: int  # everyone placed in the round, absentees included
    on_stage: int  # those who go up (present or a substitute)
    manual: bool

    def to_json(self) -> dict:
        return {
            "number": self.number,
            "award": self.award,
            "presenter": self.presenter.introduction if self.presenter else None,
            "count": self.count,
            "on_stage": self.on_stage,
            "manual": self.manual,
        }


def _honourees(session: Session, ceremony_id: int) -> list[Honouree]:
    return list(
        session.scalars(
            select(Honouree)
            .where(Honouree.ceremony_id == ceremony_id)
            .options(
                joinedload(Honouree.award_form),
                joinedload(Honouree.round),
                joinedload(Honouree.decision),
            )
        )
    )


def _in_precedence(honourees: Sequence[Honouree]) -> list[Honouree]:
    pairs = [(precedence_key(honouree_row(h)), h) for h in honourees]
    pairs.sort(key=lambda pair: pair[0])
    return [h for _, h in pairs]


def has_manual_changes(store: Store, ceremony_id: int) -> bool:
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        return bool(
            session.scalar(
                select(func.count())
                .select_from(Round)
                .where(Round.ceremony_id == ceremony_id, Round.manual)
            )
        )


def check_per_round(per_round: int) -> int:
    if not 1 <= per_round <= MAX_PER_ROUND:
        raise UserError(
            f"Số người mỗi đợt phải từ 1 đến {MAX_PER_ROUND} (đang là {per_round}).",
            field="per_round",
        )
    return per_round


def plan_rounds(
    store: Store, ceremony_id: int, per_round: int | None = None, force: bool = False
) -> list[RoundRow]:
    """(Re)build every round from scratch; ``per_round`` given is saved on the ceremony.

    Refuses with :class:`ManualChangesExist` when a round was changed by hand, unless
    ``force``: then the hand changes are dropped (attendance and substitutes are kept,
    they belong to the person, not to the plan).
    """
    if per_round is not None:
        check_per_round(per_round)
    with store.transaction() as session:
        ceremony = load_ceremony(session, ceremony_id)
        manual = session.scalar(
            select(func.count())
            .select_from(Round)
            .where(Round.ceremony_id == ceremony_id, Round.manual)
        )
        if manual and not force:
            raise ManualChangesExist(
                f"Có {manual} đợt trao đã được sửa bằng tay; lập lại sẽ xóa các thay đổi đó.",
                cli_hint="Hãy thêm --force nếu muốn lập lại từ đầu, "
                "hoặc dùng --place-new để chỉ xếp những người chưa có đợt.",
                window_hint="Bấm «Xếp người mới vào đợt» để chỉ xếp những người chưa có đợt.",
            )
        if per_round is not None:
            ceremony.per_round = per_round
        size = ceremony.per_round
        session.execute(
            update(Honouree)
            .where(Honouree.ceremony_id == ceremony_id)
            .values(round_id=None, position_on_stage=None)
        )
        session.execute(Round.__table__.delete().where(Round.ceremony_id == ceremony_id))
        session.expire_all()
        by_form = presenters_for_forms(session, ceremony_id)
        number = 0
        form_rounds = 0
        current_form: int | None = None
        current: Round | None = None
        position = 0
        on_stage = [h for h in _honourees(session, ceremony_id) if goes_on_stage(h)]
        for honouree in _in_precedence(on_stage):
            if honouree.award_form_id != current_form:
                current_form = honouree.award_form_id
                form_rounds = 0
                current = None
            if current is None or position >= size:
                number += 1
                in_turn = by_form.get(current_form, [])
                presenter = in_turn[form_rounds % len(in_turn)] if in_turn else None
                form_rounds += 1
                current = Round(
                    ceremony_id=ceremony_id,
                    number=number,
                    award_form_id=current_form,
                    presenter_id=presenter.id if presenter else None,
                    manual=False,
                )
                session.add(current)
                session.flush()
                position = 0
            position += 1
            honouree.round_id = current.id
            honouree.position_on_stage = position
        session.flush()
        return _round_rows(session, ceremony_id)


class Placement(enum.StrEnum):
    """How :func:`place_new_honourees` may treat the numbers already given out."""

    KEEP = "keep"  # never change an existing round number or stage position (the default)
    RENUMBER = "renumber"  # insert new rounds in precedence order, renumbering later rounds
    AT_END = "at-end"  # new rounds go after the last round, out of precedence order


class PlacementNeedsChoice(UserError):
    """Placing newcomers needs a round between numbered rounds: the organiser chooses."""

    def __init__(self, count: int, before_round: int) -> None:
        super().__init__(
            f"{count} người/tập thể mới cần một đợt trao mới chen trước đợt {before_round}, "
            f"nên đợt {before_round} và các đợt sau sẽ đổi số (khay, giấy đã in theo số cũ).",
            cli_hint="Hãy chọn: chèn đợt mới và đánh số lại (--renumber), hoặc thêm đợt mới "
            "vào cuối buổi lễ (--at-end).",
            window_hint="Hãy chọn chèn đợt mới và đánh số lại, hoặc thêm đợt mới vào cuối.",
        )
        self.count = count
        self.before_round = before_round


def place_new_honourees(
    store: Store, ceremony_id: int, how: Placement | str = Placement.KEEP
) -> int:
    """Place people who have no round yet, and those whose award changed after planning;
    nobody else changes round, and no number already given out changes. Returns how many
    were placed.

    Round numbers and stage positions are printed on trays, line-ups and the MC's script,
    so a newcomer (in precedence order) joins the END of the line of the last round of its
    award form when that round has room and nobody in it is absent (absentees keep the
    last places; a newcomer after them would renumber them), otherwise a new round. A new
    round goes right after the form's last round (or, for a form with no round, after the
    rounds of the higher forms) when that is after every existing round; when it would
    come before an existing round, the rounds after it would change number, so with
    ``Placement.KEEP`` nothing is placed and :class:`PlacementNeedsChoice` asks the
    organiser: ``RENUMBER`` inserts it and renumbers the later rounds, ``AT_END`` puts it
    after the last round. A new round after a round of the same form keeps that round's
    presenter; a new form's round takes the form's first presenter (award_presenters).
    """
    how = Placement(how)
    with store.transaction() as session:
        ceremony = load_ceremony(session, ceremony_id)
        size = ceremony.per_round
        honourees = _honourees(session, ceremony_id)
        left: set[int] = set()
        for h in honourees:
            if h.round is not None and not goes_on_stage(h):
                # No longer presented on stage (their award form or they were taken off):
                # out of the round; their unit hands the certificate over.
                left.add(h.round.id)
                h.round = None
                h.position_on_stage = None
            elif h.round is not None and h.round.award_form_id != h.award_form_id:
                # The award changed after planning: leave the old award's round (whose
                # certificate would be the wrong one) and be placed like a newcomer.
                left.add(h.round.id)
                h.round = None
                h.position_on_stage = None
        session.flush()
        newcomers = _in_precedence(
            [h for h in honourees if h.round_id is None and goes_on_stage(h)]
        )
        if not newcomers and not left:
            return 0
        by_form = presenters_for_forms(session, ceremony_id)
        rounds = load_rounds(session, ceremony_id)
        existing = len(rounds)
        members: dict[int, list[Honouree]] = {r.id: [] for r in rounds}
        for h in sorted(honourees, key=lambda h: (h.position_on_stage or 0, h.id)):
            if h.round_id is not None:
                members[h.round_id].append(h)
        new_rounds: set[int] = set()
        inserted_before: list[int] = []  # numbers of existing rounds a new round precedes
        for honouree in newcomers:
            form_rounds = [r for r in rounds if r.award_form_id == honouree.award_form_id]
            target = form_rounds[-1] if form_rounds else None
            if target is None or not _has_room_at_end(target, members[target.id], size, new_rounds):
                if target is not None:
                    index = rounds.index(target) + 1
                    presenter_id = target.presenter_id
                else:
                    index = _slot_for_new_form(rounds, honouree.award_form.rank)
                    in_turn = by_form.get(honouree.award_form_id, [])
                    presenter_id = in_turn[0].id if in_turn else None
                later = [r for r in rounds[index:] if r.id not in new_rounds]
                if later:
                    if how == Placement.AT_END:
                        index = len(rounds)
                    else:
                        inserted_before.append(min(r.number for r in later))
                target = Round(
                    ceremony_id=ceremony_id,
                    number=0,
                    award_form_id=honouree.award_form_id,
                    presenter_id=presenter_id,
                    manual=False,
                )
                session.add(target)
                session.flush()
                rounds.insert(index, target)
                members[target.id] = []
                new_rounds.add(target.id)
            honouree.round_id = target.id
            members[target.id].append(honouree)
        if inserted_before and how == Placement.KEEP:
            waiting = sum(len(members[r]) for r in new_rounds)
            raise PlacementNeedsChoice(waiting, min(inserted_before))
        for r in rounds:
            if r.id in new_rounds:
                pack_positions(_in_precedence(members[r.id]))
            elif r.id in left:
                pack_positions(members[r.id])
            else:  # newcomers appended after everyone already there
                for position, h in enumerate(members[r.id], start=1):
                    h.position_on_stage = position
        for r in [r for r in rounds if not members[r.id]]:
            rounds.remove(r)
            session.delete(r)
        session.flush()
        numbers = [r.number for r in rounds if r.id not in new_rounds]
        if how == Placement.RENUMBER or numbers != list(range(1, len(numbers) + 1)):
            renumber_rounds(session, rounds)
        else:  # existing numbers stay; new rounds (all at the end) continue them
            for number, r in enumerate(
                [r for r in rounds if r.id in new_rounds], start=existing + 1
            ):
                r.number = number
            session.flush()
        return len(newcomers)


def _has_room_at_end(
    target: Round, line: Sequence[Honouree], size: int, new_rounds: set[int]
) -> bool:
    """A newcomer can join the end of this round's line without moving anybody."""
    if len(line) >= size:
        return False
    if target.id in new_rounds:
        return True
    return all(h.attendance != Attendance.ABSENT for h in line)


def _slot_for_new_form(rounds: Sequence[Round], rank: int) -> int:
    """Where a round of a form with this rank goes: after every round of a higher form."""
    for index, existing in enumerate(rounds):
        existing_rank = existing.award_form.rank if existing.award_form else 10**9
        if existing_rank > rank:
            return index
    return len(rounds)


def _round_rows(session: Session, ceremony_id: int) -> list[RoundRow]:
    rounds = load_rounds(session, ceremony_id)
    people = session.execute(
        select(Honouree.round_id, Honouree.attendance).where(
            Honouree.ceremony_id == ceremony_id, Honouree.round_id.is_not(None)
        )
    ).all()
    rows = []
    for r in rounds:
        mine = [attendance for round_id, attendance in people if round_id == r.id]
        rows.append(
            RoundRow(
                id=r.id,
                number=r.number,
                award_form_id=r.award_form_id,
                award=r.award_form.full_name if r.award_form else "",
                award_rank=r.award_form.rank if r.award_form else None,
                presenter=presenter_row(r.presenter) if r.presenter else None,
                count=len(mine),
                on_stage=sum(1 for a in mine if a != Attendance.ABSENT),
                manual=r.manual,
            )
        )
    return rows


def list_rounds(store: Store, ceremony_id: int) -> list[RoundRow]:
    """The rounds in the order of the day."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        return _round_rows(session, ceremony_id)


def count_unplaced(store: Store, ceremony_id: int) -> int:
    """Honourees presented on stage with no round yet (added after planning)."""
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        return (
            session.scalar(
                select(func.count())
                .select_from(Honouree)
                .join(AwardForm, AwardForm.id == Honouree.award_form_id)
                .where(
                    Honouree.ceremony_id == ceremony_id,
                    Honouree.round_id.is_(None),
                    on_stage_clause(),
                )
            )
            or 0
        )
