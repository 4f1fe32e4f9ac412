"""The one presentation order that the lists, the stage plan, the script, the line-up
and the certificates all follow.

People already placed on stage come first, by round and position. Everyone else follows
by award precedence (rank; two forms of the same rank stay apart, by their id), then
collectives, individuals, households, then Vietnamese name order (given name first; a
household by the person it is named after). The stage planner (``services/stage.py``)
cuts exactly this order into rounds, so right after planning "placed" and "precedence"
order agree; after hand changes the placed order wins everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from kx_ceremony.core.model import KIND_ORDER, Kind
from kx_ceremony.core.text.vietnamese import collation_key, person_sort_key


class Orderable(Protocol):
    id: int
    kind: str
    name: str
    award_rank: int
    award_form_id: int
    round: int | None
    position_on_stage: int | None


T = TypeVar("T", bound=Orderable)


def name_key(kind: str, name: str) -> tuple:
    if kind == Kind.COLLECTIVE:
        return collation_key(name)
    return person_sort_key(name)


def precedence_key(row: Orderable) -> tuple:
    """Award rank, then kind, then name: the order before anyone is placed on stage.

    The award form's id separates two forms that share a rank, so one form's people are
    never interleaved with another's (a round presents a single form).
    """
    return _precedence(row.award_rank, row.award_form_id, row.kind, row.name, row.id)


def _precedence(rank: int, form_id: int, kind: str, name: str, row_id: int) -> tuple:
    # Kind is a StrEnum: its plain string value finds it in KIND_ORDER.
    return (rank, form_id, KIND_ORDER.get(kind, 9), name_key(kind, name), row_id)


def presentation_key(row: Orderable) -> tuple:
    """Placed people by round and position (absentees were packed last by the planner)."""
    return presentation_key_of(
        row.round,
        row.position_on_stage,
        row.award_rank,
        row.award_form_id,
        row.kind,
        row.name,
        row.id,
    )


def presentation_key_of(
    round_number: int | None,
    position: int | None,
    rank: int,
    form_id: int,
    kind: str,
    name: str,
    row_id: int,
) -> tuple:
    """``presentation_key`` from the fields themselves, for callers holding plain tuples."""
    precedence = _precedence(rank, form_id, kind, name, row_id)
    if round_number is not None:
        return (0, round_number, position or 0, precedence)
    return (1, 0, 0, precedence)


def in_presentation_order(rows: Iterable[T]) -> list[T]:
    """THE order: lists, rounds, MC script, line-up, tray lists and certificates use it."""
    return sorted(rows, key=presentation_key)
