"""Which column is which, by header AND by what the cells hold.

Headers lie: «Tên gọi (Ông/Bà/Chức danh)» next to the real name column holds only
honorifics, «Phân loại cán bộ» holds staff categories, a «Lựa chọn …» drop-down column
is empty while the column beside it holds the values. So each column gets a profile of a
sample of its cells (personal names, collective names, years, dates, codes, marks,
award-like text, kind and gender words, honorifics, empty), and a header's field is kept
only when the content fits it; among columns naming the same field the best fit wins;
an empty column never wins. A list without a name header may still name its collectives
under «Đơn vị»: the column whose cells read as names becomes the name.

Only the first SAMPLE_ROWS data rows are looked at, so this costs the same on 100,000 rows
as on 300.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kx_ceremony.core.importing import values as v
from kx_ceremony.core.importing.award_matching import looks_like_award
from kx_ceremony.core.importing.columns import IGNORED, header_field, header_key
from kx_ceremony.core.importing.results import ColumnMapping
from kx_ceremony.core.importing.table import display_header, field_for_column, split_header
from kx_ceremony.core.model import Kind
from kx_ceremony.core.text.titles import is_title_only

SAMPLE_ROWS = 300
_MARKS = {"x", "v", "✓", "✔", "√", "+", "có", "co", "1"}
_DIGITS = re.compile(r"^\d+$")
# Any four-digit year, even a wrong one (1880, 2379): the column stays a year column and
# the wrong value is reported on its row.
_YEARS = re.compile(r"^[12]\d{3}(\s*[-–/]\s*[12]\d{3})?$")
_DATE = re.compile(r"^\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}$")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{2,}$")
_PERSON_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*$")


@dataclass
class Profile:
    """Counts of what a column's sampled cells look like."""

    filled: int = 0
    person: int = 0
    collective: int = 0
    title: int = 0
    year: int = 0
    date: int = 0
    code: int = 0
    number: int = 0
    kind: int = 0
    gender: int = 0
    mark: int = 0
    award: int = 0
    text: int = 0

    def share(self, *names: str) -> float:
        if not self.filled:
            return 0.0
        return sum(getattr(self, n) for n in names) / self.filled


def profile_columns(
    rows: list[list[object]], first: int, width: int, clean: v.TextCleaner
) -> list[Profile]:
    profiles = [Profile() for _ in range(width)]
    seen: dict[str, str | None] = {}  # a text's kind: units and awards repeat down a column
    for row in rows[first : first + SAMPLE_ROWS]:
        for index, value in enumerate(row[:width]):
            if value is None or value == "":
                continue
            if value.__class__ is str:
                what = seen.get(value, "")  # type: ignore[arg-type]
                if what == "":
                    what = seen[value] = _category(value, clean)  # type: ignore[index]
            else:
                what = _category(value, clean)
            if what is not None:
                p = profiles[index]
                p.filled += 1
                setattr(p, what, getattr(p, what) + 1)
    return profiles


def column_samples(
    rows: list[list[object]], first: int, width: int, clean: v.TextCleaner, count: int = 3
) -> tuple[tuple[str, ...], ...]:
    """The first ``count`` distinct values of each column (from the sampled rows)."""
    found: list[list[str]] = [[] for _ in range(width)]
    for row in rows[first : first + SAMPLE_ROWS]:
        for index, value in enumerate(row[:width]):
            kept = found[index]
            if len(kept) < count and value is not None and value != "":
                text = clean(value)
                if text and text not in kept:
                    kept.append(text)
    return tuple(tuple(k) for k in found)


def _category(value: object, clean: v.TextCleaner) -> str | None:
    """The Profile count a cell adds to; None for a cell that is blank once cleaned."""
    if isinstance(value, bool):
        return "mark"
    if isinstance(value, dt.date | dt.datetime):
        return "date"
    if isinstance(value, int | float):
        if float(value).is_integer() and 1000 <= value <= 2999:
            return "year"
        if value == 1:
            return "mark"
        if float(value).is_integer() and value >= 10_000:
            return "code"
        return "number"
    text = clean(value)
    if not text:
        return None
    if text.lower() in _MARKS:
        return "mark"
    if _YEARS.match(text):
        return "year"
    if _DIGITS.match(text):
        return "code" if len(text) >= 5 else "number"
    if _DATE.match(text):
        return "date"
    if _kind_word(text):
        return "kind"
    if _gender_word(text):
        return "gender"
    if is_title_only(text):
        return "title"
    if _CODE.match(text):
        return "code"
    if looks_like_award(text):
        return "award"
    if v.kind_from_name(text) is not None:
        return "collective"
    if _person_like(text):
        return "person"
    return "text"


def _kind_word(text: str) -> bool:
    try:
        return v.parse_kind(text) is not None
    except v.BadValue:
        return False


def _gender_word(text: str) -> bool:
    try:
        return v.parse_gender(text) is not None
    except v.BadValue:
        return False


def _person_like(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    return all(_PERSON_WORD.match(w) and w[0].isupper() for w in words)


# ---------------------------------------------------------------------------
# Fit of a field to a profile: None = the content refutes the header.

_NOT_TEXT = ("code", "number", "year", "date", "mark")


def content_fit(field: str, p: Profile) -> float | None:
    s = p.share
    if field == "name":
        if s("title") > 0.5 or s(*_NOT_TEXT) > 0.5 or s("kind", "gender") > 0.5:
            return None
        return s("person", "collective") + 0.4 * s("text", "award")
    if field == "unit":
        if s(*_NOT_TEXT) > 0.5:
            return None
        return s("collective") + 0.5 * s("text", "person")
    if field == "kind":
        return s("kind") if s("kind") >= 0.5 else None
    if field == "gender":
        return s("gender") if s("gender") >= 0.5 else None
    if field in ("birth", "birth_male", "birth_female"):
        return s("year", "date") if s("year", "date") >= 0.5 else None
    if field == "year":
        return s("year") if s("year") >= 0.5 else None
    if field == "award":
        if s("mark") > 0.5:
            return None
        return s("award") + 0.5 * s("code") + 0.3 * s("text", "collective")
    if field == "award_mark":
        return s("mark") if s("mark") >= 0.5 else None
    if field == "title":
        return s("title", "gender") if s("title", "gender") >= 0.5 else None
    if field == "position":
        return None if s("code", "number", "mark") > 0.5 else 0.5
    return 0.5


# ---------------------------------------------------------------------------
# Choosing the mapping


def _header_strength(text: str) -> float:
    parent, sub = split_header(text)
    strength = header_field(sub)[1] if sub else 0.0
    return strength or (header_field(parent)[1] if parent else 0.0) or 2.0


def choose_mapping(
    headers: list[str], profiles: list[Profile], has_data: bool
) -> list[ColumnMapping]:
    """The field of every column: header candidates checked against content, best wins."""
    best: dict[str, tuple[float, int]] = {}
    marks: set[int] = set()
    for index, text in enumerate(headers):
        field = field_for_column(text) if text else None
        if field is None and text:
            found = header_field(split_header(text)[1])[0]
            field = found if found == "award_mark" else None
        if field is None or field == IGNORED:
            continue
        p = profiles[index] if index < len(profiles) else Profile()
        if has_data:
            if not p.filled:
                continue  # never an empty column
            fit = content_fit(field, p)
            if fit is None:
                continue
        else:
            fit = 0.0
        if field == "award_mark":
            marks.add(index)
            continue
        score = _header_strength(text) + 2 * fit
        if field not in best or score > best[field][0]:
            best[field] = (score, index)
    chosen = {index: field for field, (_, index) in best.items()}
    if has_data and "name" not in best:
        _name_by_content(headers, profiles, chosen)
    return [
        ColumnMapping(
            index,
            display_header(text) if text else "",
            "award_mark" if index in marks else chosen.get(index),
        )
        for index, text in enumerate(headers)
    ]


def _name_by_content(headers: list[str], profiles: list[Profile], chosen: dict[int, str]) -> None:
    """No name header: the column whose cells read best as names (a unit column of a
    collective list, an unlabelled column) becomes the name."""
    best, best_index = 0.5, -1
    for index, p in enumerate(profiles):
        if chosen.get(index) not in (None, "unit", "position") or not p.filled:
            continue
        if index < len(headers) and header_field(headers[index])[0] == IGNORED:
            continue
        fit = p.share("person", "collective")
        if fit > best:
            best, best_index = fit, index
    if best_index >= 0:
        chosen[best_index] = "name"


def list_kind_from_header(header: str) -> Kind | None:
    """«Tên Khoa», «Đơn vị», «Tên tập thể» over the names: a list of collectives."""
    key = header_key(header)
    if not key or "ca nhan" in key or "ho ten" in key or "ho va ten" in key:
        return None
    if key.startswith("ho gia dinh") or key == "gia dinh":
        return Kind.HOUSEHOLD
    collective_words = ("tap the", "don vi", "khoa", "phong", "lop", "co quan", "to ", "truong")
    if any(w in f"{key} " for w in collective_words):
        return Kind.COLLECTIVE
    return None
