"""The duplicate rule for honourees of one ceremony, by hand and by import.

The same person is the same name with its marks (case, spacing, NFC and the hòa/hoà
placement aside), the same unit, and the same birth year where both have one. Two known
birth years that differ are two people; exactly one missing is LIKELY the same person: a
question for the organiser, never a silent refusal.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Honouree
from kx_ceremony.core.text.vietnamese import fold_for_search, identity_key


class LikelyDuplicate(UserError):
    """The same name and unit as someone already listed, and exactly one birth year is
    missing: maybe the same person, maybe not. The organiser decides (the window asks;
    pass ``confirm_likely=True`` once they said it is another person)."""

    def __init__(self, other: Honouree) -> None:
        details = [other.unit] if other.unit else []
        details.append(f"năm sinh {other.birth_year}" if other.birth_year else "chưa có năm sinh")
        self.other_name = other.name
        super().__init__(
            f"Có thể trùng với «{other.name}» ({', '.join(details)}) đã có trong danh sách "
            "buổi lễ: cùng tên, cùng đơn vị, một bên thiếu năm sinh để phân biệt.",
            field="name",
            cli_hint="Nếu là hai người khác nhau, hãy ghi năm sinh để phân biệt.",
            window_hint="Vẫn thêm?",
        )


SAME, LIKELY = "same", "likely"


def same_person(
    birth_a: int | None, birth_b: int | None, *, neither_known: str = SAME
) -> str | None:
    """For two entries with the same identity_key name and the same folded unit: SAME when
    both birth years are known and equal, None (two people) when both are known and
    differ, LIKELY (ask the organiser) when exactly one is missing. When neither is known
    nothing tells them apart: ``neither_known`` decides (SAME against the store, where it
    is the same list imported again; a list may repeat a line on purpose, so LIKELY there).
    """
    if birth_a is not None and birth_b is not None:
        return SAME if birth_a == birth_b else None
    if birth_a is None and birth_b is None:
        return neither_known
    return LIKELY


def duplicate_of(
    session: Session,
    ceremony_id: int,
    name: str,
    unit: str,
    exclude_id: int | None = None,
    birth_year: int | None = None,
) -> tuple[Honouree, str] | None:
    """The honouree already in the ceremony this one would duplicate, and the verdict
    (SAME before LIKELY): the same name with its marks (case, spacing and the hòa/hoà
    placement aside), the same unit, and no clash of birth years (see :func:`same_person`)."""
    candidates = session.scalars(
        select(Honouree).where(
            Honouree.ceremony_id == ceremony_id, Honouree.name_fold == fold_for_search(name)
        )
    )
    key, unit_fold = identity_key(name), fold_for_search(unit)
    likely: tuple[Honouree, str] | None = None
    for other in candidates:
        if (
            other.id == exclude_id
            or identity_key(other.name) != key
            or fold_for_search(other.unit) != unit_fold
        ):
            continue
        verdict = same_person(other.birth_year, birth_year)
        if verdict == SAME:
            return other, SAME
        if verdict == LIKELY and likely is None:
            likely = other, LIKELY
    return likely


def find_duplicate(
    session: Session,
    ceremony_id: int,
    name: str,
    unit: str,
    exclude_id: int | None = None,
    birth_year: int | None = None,
) -> Honouree | None:
    """The same or likely the same honouree already in the ceremony (:func:`duplicate_of`)."""
    found = duplicate_of(session, ceremony_id, name, unit, exclude_id, birth_year)
    return found[0] if found else None
