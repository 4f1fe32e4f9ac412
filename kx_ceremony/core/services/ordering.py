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
from kx_ceremony.core.vietnamese import collation_key, person_sort_key


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
    return (
        row.award_rank,
        row.award_form_id,
        KIND_ORDER.get(Kind(row.kind), 9),
        name_key(row.kind, row.name),
        row.id,
    )


def presentation_key(row: Orderable) -> tuple:
    """Placed people by round and position (absentees were packed last by the planner)."""
    if row.round is not None:
        return (0, row.round, row.position_on_stage or 0, precedence_key(row))
    return (1, 0, 0, precedence_key(row))


def in_presentation_order(rows: Iterable[T]) -> list[T]:
    """THE order: lists, rounds, MC script, line-up, tray lists and certificates use it."""
    return sorted(rows, key=presentation_key)
