"""The values the store's text columns take (who receives, gender, attendance, print mode,
pledge kind) and the rules that belong to them: the order of kinds on stage, their words
in a sentence, and "this award form is not for this kind". No SQLAlchemy here: the models
(``core.model``) and everything else share these."""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Kind(enum.StrEnum):
    """Who receives an award."""

    COLLECTIVE = "collective"
    INDIVIDUAL = "individual"
    HOUSEHOLD = "household"


# Order on stage within one award form: collectives, then individuals, then households.
KINDS_IN_ORDER = (Kind.COLLECTIVE, Kind.INDIVIDUAL, Kind.HOUSEHOLD)
KIND_ORDER = {kind: n for n, kind in enumerate(KINDS_IN_ORDER)}
# The word for each kind in a sentence (capitalise it for a heading or a column).
KIND_LABELS = {
    Kind.COLLECTIVE: "tập thể",
    Kind.INDIVIDUAL: "cá nhân",
    Kind.HOUSEHOLD: "hộ gia đình",
}


def kind_refusal(form_name: str, form_kinds: Iterable[str] | None, kind: str) -> str | None:
    """Why an award form may not go to this kind ("«…» chỉ dành cho tập thể, không dành cho
    cá nhân"), or None when it may (a form naming no kinds goes to every kind)."""
    allowed = [Kind(k) for k in form_kinds or ()]
    if not allowed or kind in allowed:
        return None
    words = ", ".join(KIND_LABELS[k] for k in allowed)
    return f"«{form_name}» chỉ dành cho {words}, không dành cho {KIND_LABELS[Kind(kind)]}"


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class PrintMode(enum.StrEnum):
    """How a certificate was printed, as the ledger of blanks records it."""

    BLANK = "blank"  # the variable words onto a pre-printed blank (uses up a blank)
    FULL = "full"  # the whole design on plain paper
    PREVIEW = "preview"  # shown on screen or printed as a test


class Attendance(enum.StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"


class PledgeKind(enum.StrEnum):
    COVENANT = "covenant"  # bản giao ước thi đua
    PLEDGE = "pledge"  # bản cam kết thi đua


def str_enum(enum_cls: type[enum.StrEnum]) -> str:
    """The values of an enum as an SQL list, for CHECK constraints."""
    return ", ".join(f"'{m.value}'" for m in enum_cls)
