"""Titles in front of people's names: honorifics, ranks and degrees, kept, never dropped.

"Ông Trương Quang Sáng" -> ("Ông", "Trương Quang Sáng"); "Đại tá Lê Văn Tiến" ->
("Đại tá", "Lê Văn Tiến"); "PGS.TS. Nguyễn Văn A" -> ("PGS.TS.", "Nguyễn Văn A"). The
title goes to the honouree's own field, so a certificate may still print it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kx_ceremony.core.text.vietnamese import clean_text, fold

# Multi-word titles (folded), longest first; each may be followed by a space or a dot.
_WORD_TITLES: list[tuple[str, str | None]] = [
    *(
        (f"{grade} {step}", None)
        for step in ("tuong", "ta", "uy")
        for grade in ("dai", "thuong", "trung", "thieu")
    ),
    ("dai uy", None),
    ("binh nhat", None),
    ("binh nhi", None),
    ("ha si", None),
    ("trung si", None),
    ("thuong si", None),
    ("dong chi", None),
    ("d/c", None),
    ("d / c", None),
    ("ong", "male"),
    ("ba", "female"),
    ("mrs", "female"),
    ("mr", "male"),
    ("ms", "female"),
]
# Degrees and titles written as abbreviations: "PGS.TS.", "ThS. BS.", "NGƯT".
_ABBREVIATIONS = {
    "gs",
    "pgs",
    "ts",
    "tskh",
    "ths",
    "bs",
    "bsck1",
    "bsckii",
    "bscki",
    "bsck2",
    "ds",
    "ks",
    "ls",
    "cn",
    "nsnd",
    "nsut",
    "ngnd",
    "ngut",
    "dr",
    "dc",
}
_ABBREVIATION = re.compile(r"([a-z0-9]+)\.\s*|([a-z0-9]+)\s+")
# What a title column or a title-only cell holds ("Ông", "Bà", "Mr.", "Đại tá").
TITLE_WORDS = {t for t, _ in _WORD_TITLES} | _ABBREVIATIONS
_GENDER_OF = {t: g for t, g in _WORD_TITLES if g}


class Titled(NamedTuple):
    title: str  # as written ("Đại tá", "PGS.TS."), or ""
    name: str
    gender: str | None


def _one_title(folded: str, at: int) -> tuple[int, str | None] | None:
    """The end of a title starting at ``at`` in the folded name, and the gender it implies."""
    rest = folded[at:]
    for title, gender in _WORD_TITLES:
        if rest.startswith(title) and rest[len(title) : len(title) + 1] in (" ", "."):
            end = at + len(title)
            while end < len(folded) and folded[end] in " .:":
                end += 1
            return end, gender
    match = _ABBREVIATION.match(rest)
    if match and (match.group(1) or match.group(2)) in _ABBREVIATIONS:
        # An abbreviation needs its dot, or must be written in capitals ("TS Nguyễn").
        return at + match.end(), None
    return None


def split_title(name: str, *, upper_abbreviations_only: str = "") -> Titled:
    """Split leading titles off a person's name; the name left keeps at least two words."""
    name = clean_text(name)
    folded = fold(name)  # one character per character of the cleaned name
    at, gender = 0, None
    while True:
        found = _one_title(folded, at)
        if found is None:
            break
        end, implied = found
        word = folded[at:end].strip(" .:")
        if word in _ABBREVIATIONS and "." not in name[at:end] and not name[at:end].isupper():
            break  # "Ts" typed as a word in a name is not a degree
        if len(name[end:].split()) < 2:
            break
        gender = gender or implied
        at = end
    if at == 0:
        return Titled("", name, None)
    return Titled(name[:at].strip(" :"), name[at:].strip(), gender)


def titled_name(name: str) -> Titled | None:
    """split_title for a name that has a title in front; None when it has none."""
    if not may_have_title(name):
        return None
    parts = split_title(name)
    return parts if parts.title else None


def is_title_only(text: str) -> bool:
    """A cell holding a title and nothing else: "Ông", "Bà", "Mr.", "Đại tá", "TS."."""
    key = fold(clean_text(text)).strip(" .:")
    return (
        key in TITLE_WORDS
        or key.replace(".", " ").split()
        and all(w in TITLE_WORDS for w in key.replace(".", " ").split())
    )


def gender_of_title(title: str) -> str | None:
    key = fold(clean_text(title)).strip(" .:")
    return _GENDER_OF.get(key)


_FIRST_WORDS = {t.split()[0] for t in TITLE_WORDS} | {"đ/c", "d/c", "đc"}
_FIRST_WORDS |= {
    "ông",
    "bà",
    "đồng",
    "đại",
    "thượng",
    "thiếu",
    "hạ",
    "ths",
    "tskh",
    "bsckii",
}
_FIRST_CUT = re.compile(r"[ .:]")


def may_have_title(name: str) -> bool:
    """A cheap first look (no Unicode folding): does the first word start like a title?"""
    return _FIRST_CUT.split(name[:14], 1)[0].lower() in _FIRST_WORDS
