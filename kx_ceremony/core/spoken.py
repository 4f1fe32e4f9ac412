"""Words to be read aloud by the MC: no abbreviation, no capitals inside a sentence, who
walks up said in a sentence ("…, do ông X đại diện nhận"), never in brackets.

Names of people, places and bodies keep their capitals; what is spelled out comes from
core/abbreviations.py, so "UBND" is "Ủy ban nhân dân" here as on the certificates.
"""

from __future__ import annotations

import re

from kx_ceremony.core.model import Attendance, Gender, Kind
from kx_ceremony.core.services.row_types import HonoureeRow, PresenterRow
from kx_ceremony.core.text.abbreviations import spell_out
from kx_ceremony.core.text.vietnamese import clean_text, fold_for_search

# Folded words that mark a Party post (read before the state post).
_PARTY_WORDS = (
    "bi thu",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "quan uy",
    "dang uy",
    "dang bo",
    "ban thuong vu",
    "ban chap hanh dang",
    "trung uong dang",
    "uy vien trung uong",
)
_NOT_PARTY = ("doan thanh nien", "bi thu doan")


def say(text: str) -> str:
    """One line as read aloud: abbreviations spelled out, single spaces."""
    return " ".join(spell_out(text).split())


def lower_first(text: str) -> str:
    """ "Hội nghị tổng kết …" inside a sentence: "hội nghị tổng kết …".

    A first word written in capitals or with a capital inside ("UBND", "TP.HCM") is a name
    or an acronym and is left as it is.
    """
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and any(c.isupper() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def is_party_post(title: str) -> bool:
    folded = fold_for_search(title)
    if any(word in folded for word in _NOT_PARTY):
        return False
    return any(word in folded for word in _PARTY_WORDS)


def party_first(titles: tuple[str, ...] | list[str]) -> list[str]:
    """Party posts before state posts, each group in the order it was typed."""
    return [t for t in titles if is_party_post(t)] + [t for t in titles if not is_party_post(t)]


def introduction(p: PresenterRow) -> str:
    """ "đồng chí Nguyễn Quang Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực
    Ủy ban nhân dân tỉnh": Party post first, spelled out."""
    head = f"{p.honorific} {p.name}".strip()
    return say(", ".join([head, *party_first(list(p.titles))]))


def short_name(p: PresenterRow) -> str:
    """ "đồng chí Nguyễn Quang Hưng", to thank or invite again."""
    return say(f"{p.honorific} {p.name}")


def called_name(h: HonoureeRow) -> str:
    """ "Bà Phạm Thị Thu Hằng"; a collective or household by its name, spelled out."""
    if h.kind == Kind.INDIVIDUAL and h.gender:
        return f"{'Ông' if h.gender == Gender.MALE else 'Bà'} {h.name}"
    return say(h.name)


# Words naming a level of place, written in lower case inside a sentence ("…, huyện Kiến
# Xương", "thôn Đông, xã Thanh Tân"), folded.
_PLACE_LEVELS = (
    "tinh",
    "thanh pho",
    "huyen",
    "quan",
    "thi xa",
    "xa",
    "phuong",
    "thi tran",
    "dac khu",
    "thon",
    "xom",
    "ap",
    "ban",
    "to dan pho",
    "khu pho",
)


def lower_place_level(text: str) -> str:
    """ "Huyện Kiến Xương" → "huyện Kiến Xương" when it follows other words."""
    words = text.split(" ")
    for size in (3, 2, 1):
        if len(words) > size and fold_for_search(" ".join(words[:size])) in _PLACE_LEVELS:
            return " ".join([*(w.lower() for w in words[:size]), *words[size:]])
    return text


def where_from(h: HonoureeRow) -> str:
    """Position and unit, written out; "" when neither is known. A unit that is a place
    ("Huyện Kiến Xương") goes in lower case after the name."""
    from kx_ceremony.core.printing.certificate_text import join_position_unit

    position = h.position
    unit = h.unit if position else lower_place_level(h.unit)
    return say(join_position_unit(position, unit))


_HONORIFICS = ("ông", "bà", "anh", "chị", "đồng chí", "đ/c")


def _person(text: str) -> str:
    """A name typed "Ông Bùi Văn Thay" said inside a sentence: "ông Bùi Văn Thay"."""
    text = say(text)
    for word in _HONORIFICS:
        if text.lower().startswith(word + " "):
            return text[: len(word)].lower() + text[len(word) :]
    return text


def receiver_phrase(h: HonoureeRow) -> str:
    """Who walks up when it is not the honouree, as a clause: "do ông Y nhận thay",
    "do Trưởng phòng Phạm Văn Toàn đại diện nhận"; "" when the honouree walks up."""
    if h.attendance == Attendance.SUBSTITUTE and clean_text(h.substitute_name):
        return f"do {_person(h.substitute_name)} nhận thay"
    if h.kind != Kind.INDIVIDUAL and clean_text(h.representative):
        return f"do {_person(h.representative)} đại diện nhận"
    return ""


def honouree_words(h: HonoureeRow) -> tuple[str, str]:
    """(called name, the rest of the line): "Bà Phạm Thị Thu Hằng", ", Hiệu trưởng …"."""
    rest = ""
    detail = where_from(h)
    if detail:
        rest += f", {detail}"
    receiver = receiver_phrase(h)
    if receiver:
        rest += f", {receiver}"
    return called_name(h), rest


_BLANK_LINES = re.compile(r"\n{3,}")


def clean_paragraphs(text: str) -> str:
    """Text typed by the organiser: each line cleaned, at most one empty line in a row."""
    lines = [clean_text(line) for line in str(text).replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a part's words: one per non-empty line."""
    return [line.strip() for line in text.split("\n") if line.strip()]
