"""How a name is said and printed on stage documents: one wording for the MC script,
the line-up and the tray list, so the three read the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from kx_ceremony.core.model import KIND_LABELS, KINDS_IN_ORDER, Attendance, Gender, Kind
from kx_ceremony.core.services.row_types import HonoureeRow

PLACEHOLDER_PRESENTER = "đồng chí ………………………"


def escape(text: str) -> str:
    """Make text safe for ReportLab's Paragraph mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def called_name(h: HonoureeRow) -> str:
    """The name as read out: "Bà Phạm Thị Thu Hằng", a collective or household as stored."""
    if h.kind == Kind.INDIVIDUAL and h.gender:
        return f"{'Ông' if h.gender == Gender.MALE else 'Bà'} {h.name}"
    return h.name


def where_from(h: HonoureeRow) -> str:
    """Position and unit, "Hiệu trưởng, Trường THCS …", or "" when neither is known."""
    from kx_ceremony.core.printing.certificate_text import join_position_unit

    return join_position_unit(h.position, h.unit)


def who_receives(h: HonoureeRow) -> str:
    """Who actually walks up, when it is not the honouree: a representative or a substitute."""
    if h.attendance == Attendance.SUBSTITUTE and h.substitute_name:
        return f"{h.substitute_name} nhận thay"
    if h.kind != Kind.INDIVIDUAL and h.representative:
        return f"đại diện: {h.representative}"
    return ""


def script_line(h: HonoureeRow) -> str:
    """One numbered line of the MC's list (without the number)."""
    text = called_name(h)
    detail = where_from(h)
    if detail:
        text += f", {detail}"
    receiver = who_receives(h)
    if receiver:
        text += f" ({receiver})"
    return text


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def _kinds(rows: Iterable[HonoureeRow]) -> list[str]:
    present = {h.kind for h in rows}
    return [k for k in KINDS_IN_ORDER if k in present]


def grantees_phrase(rows: Iterable[HonoureeRow]) -> str:
    """ "các tập thể, cá nhân" for the presenter's invitation, naming the kinds in the round."""
    words = KIND_LABELS
    return "các " + ", ".join(words[k] for k in _kinds(rows))


def receivers_phrase(rows: Iterable[HonoureeRow]) -> str:
    """ "đại diện các tập thể và các cá nhân" for the invitation to come up."""
    words = {
        Kind.COLLECTIVE: "đại diện các tập thể",
        Kind.INDIVIDUAL: "các cá nhân",
        Kind.HOUSEHOLD: "đại diện các hộ gia đình",
    }
    return _join([words[k] for k in _kinds(rows)])


def counts_phrase(rows: Iterable[HonoureeRow]) -> str:
    """ "2 tập thể và 3 cá nhân"."""
    rows = list(rows)
    words = KIND_LABELS
    return _join([f"{sum(1 for h in rows if h.kind == k)} {words[k]}" for k in _kinds(rows)])
