"""Vietnamese text rules: normalisation, name repair, search folding, collation, date lines.

Everything a user types or a spreadsheet brings in passes through :func:`clean_text`
(NFC, tidy spacing) before it is stored; display keeps the original spelling, while
searching and sorting use the derived keys below.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from kx_ceremony.core.text.hygiene import UNSAFE_CHARACTERS, strip_unsafe
from kx_ceremony.core.text.tcvn3 import looks_like_tcvn3, tcvn3_to_unicode

__all__ = [
    "clean_text",
    "collation_key",
    "date_line",
    "date_words",
    "fold",
    "fold_for_search",
    "Honorific",
    "looks_like_tcvn3",
    "parse_typed_date",
    "person_sort_key",
    "repair_name_case",
    "split_honorific",
    "tcvn3_to_unicode",
]

_SPACE_RE = re.compile(r"\s+")
# Invisible characters that arrive from Word/Excel copy-paste.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


# Anything clean_text would change besides NFC: odd or doubled spaces, invisibles,
# controls and the other unsafe characters (text/hygiene.py).
_UNTIDY = re.compile(r"[^\S ]|  |^ | $|[\u200b\u200c\u200d\u2060\ufeff" + UNSAFE_CHARACTERS + "]")


def clean_text(value: object) -> str:
    """NFC, no invisible or unsafe characters, single spaces, no leading/trailing space.

    Every text that enters the store passes here (import cells and every edit), so this
    is where control characters, noncharacters and bidi overrides are removed
    (``hygiene.strip_unsafe``; a tab or a newline becomes a space).
    """
    if value is None:
        return ""
    text = str(value)
    if unicodedata.is_normalized("NFC", text) and not _UNTIDY.search(text):
        return text  # already clean, as everything read back from the store is
    text = unicodedata.normalize("NFC", strip_unsafe(text)).translate(_INVISIBLE)
    text = text.replace("\u00a0", " ")
    return _SPACE_RE.sub(" ", text).strip()


# ---------------------------------------------------------------------------
# Case repair

# Abbreviations that stay upper case when a name written in capitals is repaired.
# fmt: off
_KEEP_UPPER = {
    "UBND", "HĐND", "MTTQ", "THCS", "THPT", "TNHH", "CP", "BCH", "BTV", "HTX", "CĐ", "ĐH",
    "TW", "TƯ", "QĐ", "UBMTTQ", "LĐLĐ", "CCB", "TDTT", "VH", "KT", "XH", "CNTT", "GD",
    "ĐT", "PCCC", "CAND", "QĐND", "TP", "II", "III", "IV", "VI", "VII",
}
# fmt: on


def _is_upper_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _capitalise_word(word: str) -> str:
    if word in _KEEP_UPPER:
        return word
    # Hyphenated or slashed parts each take a capital ("Thanh-Nê" rarely, but be kind).
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), word)


def repair_name_case(name: str) -> str:
    """Turn a name typed in capitals (or all lower case) into normal case.

    "NGUYỄN VĂN AN" -> "Nguyễn Văn An". Mixed-case text is left exactly as typed, so
    "UBND xã Lê Lợi" keeps its abbreviation and lower-case common nouns.
    """
    name = clean_text(name)
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return name
    if all(c.isupper() for c in letters) or all(c.islower() for c in letters):
        return " ".join(_capitalise_word(w) for w in name.split(" "))
    return name


# ---------------------------------------------------------------------------
# Honorifics

# (folded prefix, gender it implies). Longest first so a longer title wins.
_HONORIFICS: list[tuple[str, str | None]] = [
    ("dong chi", None),
    ("d/c", None),
    ("d / c", None),
    ("ong", "male"),
    ("ba", "female"),
]
# Military and police ranks fused into names ("Đại tá Lê Văn Tiến").
_RANKS = [
    f"{grade} {step}"
    for step in ("tuong", "ta", "uy")
    for grade in ("dai", "thuong", "trung", "thieu")
]


class Honorific(NamedTuple):
    name: str
    gender: str | None
    prefix: str  # the words removed, as written ("Ông", "Đại tá"), or ""


def split_honorific(name: str) -> Honorific:
    """Strip a leading "Ông" / "Bà" / "Đồng chí" / "Đ/c" or a rank from a person's name.

    "Ông Trương Quang Sáng" -> ("Trương Quang Sáng", "male", "Ông"). The name left must
    still have two words, so "Bà" alone, or a surname that happens to match, stays.
    Call it for individuals only: collectives ("Chi bộ ...") have no honorific.
    """
    name = clean_text(name)
    folded = fold(name)
    for prefix, gender in [*_HONORIFICS, *((r, None) for r in _RANKS)]:
        if folded.startswith(prefix + " ") or folded.startswith(prefix + "."):
            # fold() keeps one character per character, so the cut lines up.
            rest = name[len(prefix) :].lstrip(" .:")
            if len(rest.split()) >= 2:
                return Honorific(rest, gender, name[: len(prefix)])
    return Honorific(name, None, "")


# ---------------------------------------------------------------------------
# Search folding

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def _fold_by_decomposing(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


def _latin_fold_table() -> tuple[dict[int, str], re.Pattern[str]]:
    """Each precomposed Latin letter (all of Vietnamese) -> its fold, worked out once by
    decomposing; and a pattern finding any character the table does not cover."""
    table = {code: chr(code).lower() for code in range(0x80)}  # every character a hit
    for code in (*range(0x80, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", char):
            continue
        table[code] = _fold_by_decomposing(char)
    other = "".join(chr(c) for c in table if c >= 0x80)
    return table, re.compile(f"[^\x00-\x7f{re.escape(other)}]")


_LATIN_FOLD, _NOT_LATIN = _latin_fold_table()


def fold(text: str) -> str:
    """Case- and mark-insensitive form for searching: "Hoà", "HÒA", "hoa" -> "hoa".

    Keeps one output character per input character of NFC text (marks are dropped from
    their base letter), so positions line up with the cleaned original. NFC text of Latin
    letters (every Vietnamese name, unit and award) is folded a character at a time from
    a table, which gives what decomposing gives, several times faster.
    """
    if text.isascii():
        return text.lower()
    if unicodedata.is_normalized("NFC", text) and not _NOT_LATIN.search(text):
        return text.translate(_LATIN_FOLD)
    return _fold_by_decomposing(text)


def fold_for_search(text: str) -> str:
    """Fold and collapse spacing; use on both the stored text and the query."""
    return _SPACE_RE.sub(" ", fold(text)).strip()


# ---------------------------------------------------------------------------
# Collation

# Vietnamese alphabet order for base letters; f, j, w, z appear in foreign names.
_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
# Marks that make a new letter (breve, circumflex, horn).
_LETTER_MARKS = "\u0306\u0302\u031b"
# Tone marks as a secondary difference: none < huyền < hỏi < ngã < sắc < nặng.
_TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
# Letters map to code points above digits, spaces and punctuation (which keep their own,
# lower, code points) and below other scripts, so plain string comparison is Vietnamese
# order. Digits come before letters.
_LETTER_BASE = 0x2000
_DIGIT_BASE = 0x1F00


def _collation_tables() -> tuple[dict[int, str], dict[int, str]]:
    primary: dict[int, str] = {}
    tones: dict[int, str] = {}
    for rank, letter in enumerate(_ALPHABET, start=1):
        for tone, mark in enumerate(_TONE_MARKS):
            toned = unicodedata.normalize("NFC", letter + mark)
            if len(toned) != 1:
                continue  # a combination Unicode has no single letter for (not Vietnamese)
            primary[ord(toned)] = chr(_LETTER_BASE + rank)
            tones[ord(toned)] = str(tone)
    for digit in "0123456789":
        primary[ord(digit)] = chr(_DIGIT_BASE + int(digit))
    return primary, tones


_PRIMARY_TABLE, _TONE_TABLE = _collation_tables()


@functools.lru_cache(maxsize=65536)
def letters_and_tones(text: str) -> tuple[str, str]:
    """Primary (letters) and secondary (tones) collation strings of lower-case NFC text.

    Both are made with ``str.translate`` (one pass in C) and remembered: given names and
    family-and-middle parts repeat across a list, which keeps ordering 10,000 names quick. Characters other than letters and digits stay as they are in
    both strings: where the primaries are equal they stand at the same places.
    """
    return text.translate(_PRIMARY_TABLE), text.translate(_TONE_TABLE)


def _lower_nfc(text: str) -> str:
    text = text.lower()
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def collation_key(text: str) -> tuple[str, str]:
    """Vietnamese sort key for a whole string: letters first, tones as a tie-break."""
    return letters_and_tones(_lower_nfc(clean_text(text)))


HOUSEHOLD_PREFIX = re.compile(r"^(hộ\s+)?gia\s+đình\s+(ông|bà)\s+|^hộ\s+(ông|bà)\s+", re.IGNORECASE)


def person_sort_key(name: str) -> tuple[str, str, str, str, str]:
    """Sort people by given name (last word), then the rest, in Vietnamese order.

    "Gia đình ông Lê Văn Hải" sorts as "Lê Văn Hải".
    """
    name = HOUSEHOLD_PREFIX.sub("", clean_text(name))
    rest, _, given = _lower_nfc(name).rpartition(" ")
    g_primary, g_tones = letters_and_tones(given)
    r_primary, r_tones = letters_and_tones(rest)
    return (g_primary, g_tones, r_primary, r_tones, name)


def sorted_people(names: Iterable[str]) -> list[str]:
    return sorted(names, key=person_sort_key)


# ---------------------------------------------------------------------------
# Dates (Decree 30/2020)


def date_words(day: _dt.date) -> str:
    """ "ngày 05 tháng 01 năm 2023": days below 10 and months 1-2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str | None, day: _dt.date) -> str:
    """The place-and-date line: "Kiến Xương, ngày 05 tháng 01 năm 2023"."""
    place = clean_text(place)
    words = date_words(day)
    return f"{place}, {words}" if place else words


_TYPED_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_typed_date(text: str) -> _dt.date:
    """A day as a Vietnamese organiser types it: day/month/year ("5/1/2023", "05.01.2023",
    "5-1-23"), or ISO "2023-01-05". Raises ValueError with a Vietnamese sentence."""
    typed = (text or "").strip()
    iso = _ISO_DATE.fullmatch(typed)
    match = _TYPED_DATE.fullmatch(typed)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif match:
        day, month, year = (int(g) for g in match.groups())
        if len(match[3]) == 2:
            year += 2000
    else:
        raise ValueError(
            f"«{typed}» không phải ngày; hãy gõ theo dạng ngày/tháng/năm, ví dụ 05/01/2023."
            if typed
            else "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/01/2023."
        )
    try:
        return _dt.date(year, month, day)
    except ValueError:
        raise ValueError(
            f"Không có ngày {day:02d}/{month:02d}/{year}; hãy kiểm tra lại ngày và tháng."
        ) from None


# ---------------------------------------------------------------------------
# Identity: the same name, marks and all

# A tone written on the first vowel of "oa", "oe", "uy" (old style: "hòa", "thủy") moved
# to the second (new style: "hoà", "thuỷ"), so both spellings give one key.
_OLD_TONE = re.compile("([òóỏõọ])([ae])|([ùúủũụ])(y)")
_TONE_OF = {
    **dict(zip("òóỏõọ", "\u0300\u0301\u0309\u0303\u0323", strict=True)),
    **dict(zip("ùúủũụ", "\u0300\u0301\u0309\u0303\u0323", strict=True)),
}


def _new_style(match: re.Match[str]) -> str:
    marked = match.group(1) or match.group(3)
    vowel = match.group(2) or match.group(4)
    base = "o" if match.group(1) else "u"
    return base + unicodedata.normalize("NFC", vowel + _TONE_OF[marked])


def identity_key(name: str) -> str:
    """A name as the same person's: case, spacing, NFC and the hòa/hoà tone placement
    ignored, every other mark kept ("Hương", "Hường" and "Hưởng" stay three names)."""
    return identity_key_of_clean(_SPACE_RE.sub(" ", unicodedata.normalize("NFC", name)).strip())


def identity_key_of_clean(name: str) -> str:
    """identity_key of a name already through clean_text (NFC, single spaces)."""
    text = name.lower()
    return _OLD_TONE.sub(_new_style, text) if _OLD_TONE.search(text) else text
