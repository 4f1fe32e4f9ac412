"""Hand changes to the stage plan: move a person, swap a presenter, mark absent, name a
substitute. Each marks the rounds it touches as ``manual``, so replanning asks first.

Positions stay a gap-free 1..n in every round, with the people who go on stage first
and absentees packed after them: the stage numbers, the MC's list, the tray list and the
certificate stack then share one numbering and an absentee's certificate sits at the end
of its round, set aside.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kx_ceremony.core.errors import NotFound, UserError
from kx_ceremony.core.model import Attendance, Honouree, Presenter, Round
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.loading import load_in_ceremony
from kx_ceremony.core.services.stage_positions import load_rounds, pack_positions, renumber_rounds
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import clean_text


def _honouree(session: Session, ceremony_id: int, honouree_id: int) -> Honouree:
    return load_in_ceremony(session, Honouree, ceremony_id, honouree_id)


def _round(session: Session, ceremony_id: int, number: int) -> Round:
    found = session.scalar(
        select(Round).where(Round.ceremony_id == ceremony_id, Round.number == number)
    )
    if found is None:
        raise NotFound(
            f"Không có đợt trao số {number} trong buổi lễ này; lệnh «rounds» liệt kê các đợt."
        )
    return found


def _members(session: Session, round_id: int, exclude_id: int | None = None) -> list[Honouree]:
    return [
        h
        for h in session.scalars(
            select(Honouree)
            .where(Honouree.round_id == round_id)
            .order_by(Honouree.position_on_stage, Honouree.id)
        )
        if h.id != exclude_id
    ]


def move_honouree(
    store: Store,
    ceremony_id: int,
    honouree_id: int,
    round_number: int,
    position: int | None = None,
) -> None:
    """Put one person at ``position`` of round ``round_number``; both rounds renumber.

    ``position`` None is the end of the round: after everyone on stage, before the
    absentees. Only to a round that presents the person's own award form: the MC
    announces one award per round and the wrong certificate in the wrong hands is the
    failure we avoid. A round left empty disappears and the rounds after it move up one
    number.
    """
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        honouree = _honouree(session, ceremony_id, honouree_id)
        target = _round(session, ceremony_id, round_number)
        _move(session, ceremony_id, honouree, target, position)


def move_many(
    store: Store, ceremony_id: int, honouree_ids: Sequence[int], round_number: int
) -> int:
    """Everyone named to the end of round ``round_number``, in one transaction: all or none.

    Everyone is checked before anyone moves (the round presents each one's own award;
    no absentee, who has no place on stage); a failure on any of them leaves every
    round as it was. Those already in the round go to its end among the others, in the
    order given. Returns how many moved.
    """
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        target = session.scalar(
            select(Round).where(Round.ceremony_id == ceremony_id, Round.number == round_number)
        )
        if target is None:
            last = session.scalar(
                select(func.max(Round.number)).where(Round.ceremony_id == ceremony_id)
            )
            if last is None:
                raise UserError("Chưa có đợt trao nào: hãy lập các đợt trao trước.")
            raise UserError(
                f"Không có đợt {round_number}: các đợt hiện có từ 1 đến {last}.", field="round"
            )
        people = [_honouree(session, ceremony_id, i) for i in honouree_ids]
        for check in (_wrong_award, _absent):  # every wrong award first, then absentees
            for person in people:
                refusal = check(person, target, many=True)
                if refusal is not None:
                    raise refusal
        for person in people:
            _move(session, ceremony_id, person, target, None)
        return len(people)


def _wrong_award(person: Honouree, target: Round, *, many: bool = False) -> UserError | None:
    """The round presents another award form: the MC announces one award per round."""
    if person.award_form_id == target.award_form_id:
        return None
    award = target.award_form.full_name if target.award_form else ""
    if many:
        text = (
            f"Đợt {target.number} trao «{award}», còn «{person.name}» nhận "
            f"«{person.award_form.full_name}»: chỉ chuyển được sang đợt trao cùng hình "
            "thức. Chưa chuyển ai cả."
        )
    else:
        text = (
            f"«{person.name}» nhận «{person.award_form.full_name}», còn đợt {target.number} "
            f"trao «{award or 'khác'}»: chỉ chuyển được sang đợt trao cùng hình thức khen thưởng."
        )
    return UserError(text, field="round")


def _absent(person: Honouree, _target: Round, *, many: bool = False) -> UserError | None:
    """An absentee has no place on stage."""
    if person.attendance != Attendance.ABSENT:
        return None
    then = (
        "hãy bỏ chọn dòng này. Chưa chuyển ai cả."
        if many
        else "hãy đánh dấu có mặt trước khi chuyển chỗ."
    )
    return UserError(
        f"«{person.name}» đang vắng mặt nên không có vị trí trên sân khấu; {then}",
        field="position_on_stage",
    )


def _move(
    session: Session, ceremony_id: int, honouree: Honouree, target: Round, position: int | None
) -> None:
    round_number = target.number
    refusal = _wrong_award(honouree, target) or _absent(honouree, target)
    if refusal is not None:
        raise refusal
    members = _members(session, target.id, exclude_id=honouree.id)
    on_stage = [h for h in members if h.attendance != Attendance.ABSENT]
    limit = len(on_stage) + 1
    if position is None:
        position = limit
    if not 1 <= position <= limit:
        raise UserError(
            f"Vị trí {position} không có ở đợt {round_number}: hãy chọn từ 1 đến {limit}.",
            field="position_on_stage",
        )
    old_round = honouree.round
    on_stage.insert(position - 1, honouree)
    honouree.round_id = target.id
    pack_positions([*on_stage, *[h for h in members if h.attendance == Attendance.ABSENT]])
    target.manual = True
    if old_round is not None and old_round.id != target.id:
        old_round.manual = True
        left = _members(session, old_round.id, exclude_id=honouree.id)
        if left:
            pack_positions(left)
        else:
            session.delete(old_round)
            session.flush()
            rounds = [r for r in load_rounds(session, ceremony_id) if r.id != old_round.id]
            renumber_rounds(session, rounds)
    session.flush()


def set_round_presenter(
    store: Store, ceremony_id: int, round_number: int, presenter_id: int | None
) -> None:
    """Give a round another presenter (None: to be decided)."""
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        target = _round(session, ceremony_id, round_number)
        if presenter_id is not None:
            load_in_ceremony(session, Presenter, ceremony_id, presenter_id)
        target.presenter_id = presenter_id
        target.manual = True


def set_attendance(
    store: Store,
    ceremony_id: int,
    honouree_id: int,
    attendance: str,
    substitute_name: str = "",
) -> None:
    """Mark present, absent, or received by a substitute; the round repacks its positions.

    An absentee goes after everyone on stage; one who comes back joins the end of the
    line (others keep their numbers).
    """
    if attendance not in {a.value for a in Attendance}:
        raise UserError(f"Tình trạng có mặt «{attendance}» không hợp lệ.", field="attendance")
    substitute_name = clean_text(substitute_name)
    if attendance == Attendance.SUBSTITUTE and not substitute_name:
        raise UserError("Hãy nhập tên người nhận thay.", field="substitute_name")
    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        honouree = _honouree(session, ceremony_id, honouree_id)
        was_absent = honouree.attendance == Attendance.ABSENT
        honouree.attendance = attendance
        honouree.substitute_name = substitute_name if attendance == Attendance.SUBSTITUTE else ""
        if honouree.round is None:
            return
        honouree.round.manual = True
        members = _members(session, honouree.round.id)
        if was_absent and attendance != Attendance.ABSENT:
            members = [h for h in members if h.id != honouree.id]
            on_stage = [h for h in members if h.attendance != Attendance.ABSENT]
            members = [*on_stage, honouree, *[h for h in members if h not in on_stage]]
        pack_positions(members)


def set_on_stage(store: Store, ceremony_id: int, honouree_id: int, on_stage: bool | None) -> None:
    """Whether this person goes up on stage: True, False, or None (as their award form says).

    Taken off stage, they leave their round (its line closes up; a round left empty goes
    and later rounds renumber) and receive through their unit. Brought on stage, they wait
    for «Xếp người mới vào đợt» like anyone added after planning.
    """
    from kx_ceremony.core.services.honourees import goes_on_stage

    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        honouree = _honouree(session, ceremony_id, honouree_id)
        honouree.on_stage = on_stage
        session.flush()
        old_round = honouree.round
        if old_round is None or goes_on_stage(honouree):
            return
        honouree.round = None
        honouree.position_on_stage = None
        session.flush()
        members = _members(session, old_round.id)
        if members:
            pack_positions(members)
            return
        session.delete(old_round)
        session.flush()
        renumber_rounds(session, load_rounds(session, ceremony_id))


def set_form_on_stage(store: Store, ceremony_id: int, award_form_id: int, on_stage: bool) -> int:
    """Whether an award form is presented on stage; returns how many left their rounds.

    Off stage, everyone of the form who follows the form (not those the organiser put on
    stage one by one) leaves their round; rounds left empty go and the later ones renumber.
    On stage again, they wait for «Xếp người mới vào đợt».
    """
    from kx_ceremony.core.model import AwardForm

    with store.transaction() as session:
        load_ceremony(session, ceremony_id)
        form = session.get(AwardForm, award_form_id)
        if form is None or form.ceremony_id != ceremony_id:
            raise NotFound(f"Không có hình thức khen thưởng số {award_form_id} trong buổi lễ này.")
        form.on_stage = bool(on_stage)
        if on_stage:
            return 0
        leaving = list(
            session.scalars(
                select(Honouree).where(
                    Honouree.ceremony_id == ceremony_id,
                    Honouree.award_form_id == award_form_id,
                    Honouree.round_id.is_not(None),
                    Honouree.on_stage.is_not(True),
                )
            )
        )
        touched = {h.round_id for h in leaving}
        for h in leaving:
            h.round_id = None
            h.position_on_stage = None
        session.flush()
        emptied = False
        for round_id in touched:
            members = _members(session, round_id)
            if members:
                pack_positions(members)
            else:
                session.delete(session.get(Round, round_id))
                emptied = True
        session.flush()
        if emptied:
            renumber_rounds(session, load_rounds(session, ceremony_id))
        return len(leaving)
