"""Cleaning one cell at a time: text, kind, gender, birth year, legacy TCVN3.

Each parser returns the value, or raises :class:`BadValue` with the sentence that tells
the user what is wrong with what they typed; the service turns that into a row problem
naming the cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import time

from kx_ceremony.core.model import Gender, Kind
from kx_ceremony.core.services.honourees import MIN_BIRTH_YEAR
from kx_ceremony.core.text.tcvn3 import looks_like_tcvn3, tcvn3_to_unicode
from kx_ceremony.core.text.vietnamese import clean_text, fold_for_search

EXCEL_EPOCH = dt.date(1899, 12, 30)
_UNIX_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
ERROR_TEXTS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#N/A!"}
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]")


class BadValue(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def raw_text(value: object) -> str:
    """A cell as text, before cleaning: 12.0 -> "12", a date -> "17/01/1966"."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def detect_legacy(rows: list[list[object]], limit: int = 300) -> bool:
    """True when the sheet was typed in TCVN3: more legacy-looking cells than Unicode ones."""
    legacy = unicode = 0
    for row in rows[:limit]:
        for value in row:
            if isinstance(value, str) and value:
                if _UNICODE_VIETNAMESE.search(value):
                    unicode += 1
                elif looks_like_tcvn3(value):
                    legacy += 1
    return legacy > unicode


class Memo(dict):  # type: ignore[type-arg]
    """``function(key)`` worked out once per distinct key, then looked up: a list repeats
    its units, awards, names and years on row after row. At most ``limit`` keys are kept;
    a key whose function raises is simply worked out (and raises) again next time."""

    def __init__(self, function, limit: int = 200_000) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key):  # type: ignore[no-untyped-def]
        value = self.function(key)
        if len(self) < self.limit:
            self[key] = value
        return value


class TextCleaner:
    """clean_text, converting TCVN3 first when the sheet is legacy; once per distinct text."""

    def __init__(self, legacy: bool) -> None:
        self.legacy = legacy
        self.texts = Memo(self._clean, 50_000)  # raw text -> cleaned text

    def __call__(self, value: object) -> str:
        if value.__class__ is str:
            return self.texts[value]
        text = raw_text(value)
        return self.texts[text] if text else ""

    def _clean(self, text: str) -> str:
        if not text:
            return ""
        if self.legacy and not text.isascii() and not _UNICODE_VIETNAMESE.search(text):
            text = tcvn3_to_unicode(clean_text(text))
        return clean_text(text)


def is_error_text(text: str) -> bool:
    return text.strip().upper() in ERROR_TEXTS


# ---------------------------------------------------------------------------
# Kind

_KIND_WORDS = {
    "tapthe": Kind.COLLECTIVE,
    "tt": Kind.COLLECTIVE,
    "collective": Kind.COLLECTIVE,
    "canhan": Kind.INDIVIDUAL,
    "cn": Kind.INDIVIDUAL,
    "individual": Kind.INDIVIDUAL,
    "hogiadinh": Kind.HOUSEHOLD,
    "giadinh": Kind.HOUSEHOLD,
    "hgd": Kind.HOUSEHOLD,
    "ho": Kind.HOUSEHOLD,
    "household": Kind.HOUSEHOLD,
}


_KIND_PHRASES = (
    ("tapthe", Kind.COLLECTIVE),
    ("canhan", Kind.INDIVIDUAL),
    ("hogiadinh", Kind.HOUSEHOLD),
    ("giadinh", Kind.HOUSEHOLD),
)


def parse_kind(text: str) -> Kind | None:
    """TAPTHE / Tập thể / CANHAN / Cá nhân / HOGIADINH / Hộ gia đình; "" -> None."""
    if not text:
        return None
    key = re.sub(r"[\W_]+", "", _folded(text))
    kind = _KIND_WORDS.get(key)
    if kind is None:  # «Khen thưởng tập thể», «Cá nhân (CN)»: the one kind word it holds
        found = {k for word, k in _KIND_PHRASES if word in key}
        kind = found.pop() if len(found) == 1 else None
    if kind is None:
        raise BadValue(
            "không phải phân loại đã biết; hãy ghi TAPTHE (tập thể), CANHAN (cá nhân) hoặc "
            "HOGIADINH (hộ gia đình)."
        )
    return kind


_HOUSEHOLD_NAME = re.compile(r"^(hộ\s+)?gia\s+đình\s+(ông|bà)\b|^hộ\s+(ông|bà)\b", re.IGNORECASE)
_COLLECTIVE_STARTS = (
    "ubnd",
    "ủy ban",
    "uỷ ban",
    "hđnd",
    "ubmttq",
    "mặt trận",
    "phòng ",
    "trường ",
    "trung tâm",
    "ban ",
    "chi bộ",
    "đảng bộ",
    "đảng ủy",
    "đảng uỷ",
    "công an",
    "hội ",
    "văn phòng",
    "công ty",
    "hợp tác xã",
    "htx",
    "tổ ",
    "đội ",
    "thôn ",
    "xóm ",
    "khu dân cư",
    "xã ",
    "thị trấn",
    "phường ",
    "bệnh viện",
    "trạm ",
    "cục ",
    "sở ",
    "chi cục",
    "tập thể",
    "lớp ",
    "khoa ",
    "đoàn thanh niên",
    "đoàn tncs",
    "liên đoàn",
    "kho bạc",
    "ngân hàng",
    "chi nhánh",
    "bộ chỉ huy",
    "ban chỉ huy",
    "đồn ",
    "doanh nghiệp",
    "nhà văn hóa",
    "thư viện",
    "viện ",
    "huyện đoàn",
    "liên đội",
    "chi đoàn",
    "câu lạc bộ",
    "clb ",
    "bưu điện",
    "điện lực",
)


def kind_from_name(name: str) -> Kind | None:
    """ "Gia đình ông …" is a household, "UBND xã …" a collective; else we cannot tell."""
    if _HOUSEHOLD_NAME.match(name):
        return Kind.HOUSEHOLD
    lowered = name.lower()
    if lowered.startswith(_COLLECTIVE_STARTS):
        return Kind.COLLECTIVE
    return None


# ---------------------------------------------------------------------------
# Gender and marks

_GENDERS = {
    "nam": Gender.MALE,
    "nu": Gender.FEMALE,
    "m": Gender.MALE,
    "f": Gender.FEMALE,
    "male": Gender.MALE,
    "female": Gender.FEMALE,
    "ong": Gender.MALE,
    "ba": Gender.FEMALE,
}


@functools.lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """fold_for_search for the few distinct words a column repeats (Nam, Nữ, CANHAN …)."""
    return fold_for_search(text)


def parse_gender(text: str) -> Gender | None:
    if not text:
        return None
    gender = _GENDERS.get(_folded(text).strip(". "))
    if gender is None:
        raise BadValue("không phải giới tính; hãy ghi «Nam» hoặc «Nữ».")
    return gender


def is_mark(value: object) -> bool:
    """A tick in a "Nam"/"Nữ" column: x, X, ✓, 1, có …; a year also counts."""
    text = raw_text(value).strip()
    return bool(text) and _folded(text) not in {"0", "-", "khong", "no"}


# ---------------------------------------------------------------------------
# Birth year

_YEAR = re.compile(r"^(\d{4})$")
_DMY = re.compile(r"^\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}")
_MY = re.compile(r"^\d{1,2}\s*[/.\-]\s*(\d{4})$")
_ANY_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def parse_birth_year(value: object) -> int | None:
    """A year, a date, a date typed as text, or an Excel day number -> the year."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadValue("không phải năm sinh; hãy ghi năm, ví dụ 1980.")
    if isinstance(value, dt.datetime | dt.date):
        return _checked(value.year)
    if isinstance(value, int | float):
        number = float(value)
        if not number.is_integer():
            raise BadValue("không phải năm sinh; hãy ghi năm, ví dụ 1980.")
        if 20_000 <= number <= 80_000:  # an Excel date stored as a day number
            return _checked((EXCEL_EPOCH + dt.timedelta(days=int(number))).year)
        return _checked(int(number))
    text = clean_text(value)
    if not text:
        return None
    for pattern in (_YEAR, _DMY, _YMD, _MY):
        match = pattern.match(text)
        if match:
            return _checked(int(match.group(1)))
    years = _ANY_YEAR.findall(text)
    if len(years) == 1:
        return _checked(int(years[0]))
    raise BadValue("không hiểu là năm sinh; hãy ghi năm (1980) hoặc ngày (17/01/1980).")


@functools.lru_cache(maxsize=2)
def _year_of(day_number: int) -> int:
    return dt.date.fromordinal(day_number).year


def _checked(year: int) -> int:
    this_year = _year_of(int(time.time() // 86400) + _UNIX_EPOCH_ORDINAL)
    if not MIN_BIRTH_YEAR <= year <= this_year:
        raise BadValue(
            f"không hợp lệ: năm sinh phải từ {MIN_BIRTH_YEAR} đến {this_year}; hãy sửa lại."
        )
    return year
