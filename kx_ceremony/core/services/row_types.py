"""Plain, detached results that services hand to the window and the command line.

Nothing here holds a database session, so a widget may keep these as long as it likes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class CeremonyRow:
    id: int
    title: str
    held_on: dt.date
    place: str
    venue: str
    organiser: str
    province: str
    achievement_year: int | None
    notes: str
    per_round: int
    is_sample: bool
    honouree_count: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["held_on"] = self.held_on.isoformat()
        return data


@dataclass(frozen=True)
class AwardFormRow:
    id: int
    ceremony_id: int
    code: str
    full_name: str
    short_name: str
    printed_word: str
    authority_line: str
    rank: int
    kinds: tuple[str, ...]
    aliases: tuple[str, ...]
    page_width_mm: float
    page_height_mm: float
    layout_name: str
    layout: dict[str, Any] | None = None
    register_pattern: str = ""
    award_type: str = "certificate"  # certificate, title (DANH HIỆU …) or flag (Cờ thi đua)
    keep_abbreviations: bool = False  # print UBND, THCS… as written
    on_stage: bool = True  # presented on stage; False: handed over through the units


@dataclass(frozen=True)
class DecisionRow:
    id: int
    ceremony_id: int
    award_form_id: int
    number: str
    signed_on: dt.date
    authority: str
    signer_title: str
    signer_subtitle: str
    signer_name: str
    place: str


@dataclass(frozen=True)
class HonoureeRow:
    id: int
    ceremony_id: int
    kind: str
    name: str
    gender: str | None
    birth_year: int | None
    position: str
    unit: str
    achievement: str
    award_form_id: int
    award: str  # the award form's full name
    award_rank: int
    decision_id: int | None
    decision_number: str
    register_number: str
    representative: str
    attendance: str
    substitute_name: str
    round: int | None  # the round's number on the day
    round_id: int | None
    position_on_stage: int | None
    note: str = ""
    title: str = ""  # "Ông", "Đại tá", "PGS.TS." written before the name
    posthumous: bool = False  # awarded after death (TRUY TẶNG); a family member receives
    on_stage: bool | None = None  # the person's own choice; None: as the award form says
    goes_on_stage: bool = True  # the choice in force (own, else the award form's)

    def to_json(self) -> dict[str, Any]:
        keys = (
            "id",
            "name",
            "kind",
            "gender",
            "birth_year",
            "position",
            "unit",
            "award",
            "achievement",
            "round",
            "position_on_stage",
            "decision_number",
            "register_number",
            "representative",
            "attendance",
            "substitute_name",
            "title",
            "posthumous",
            "goes_on_stage",
        )
        return {k: getattr(self, k) for k in keys}


@dataclass(frozen=True)
class PresenterRow:
    id: int
    ceremony_id: int
    honorific: str
    name: str
    titles: tuple[str, ...]
    seniority: int
    host: bool = False  # a leader of the organiser, not a guest from a higher level

    @property
    def introduction(self) -> str:
        """ "đồng chí Nguyễn Quang Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch …"."""
        head = f"{self.honorific} {self.name}".strip()
        return ", ".join([head, *self.titles])


@dataclass(frozen=True)
class SignatoryRow:
    order: int
    unit: str
    signer_title: str
    signer_name: str


@dataclass(frozen=True)
class DocumentRow:
    id: int
    ceremony_id: int
    kind: str
    title: str
    sections: tuple[dict[str, Any], ...]
    extra: dict[str, Any]
    place: str
    signed_on: dt.date | None
    signatories: tuple[SignatoryRow, ...] = field(default_factory=tuple)
