"""Which column is which: Vietnamese headers and their usual synonyms, mapped to fields.

Headers are compared folded (no marks, no case, punctuation as spaces), after TCVN3
headers are converted, so "Họ và tên", "HỌ VÀ TÊN", "Ho va ten" and "Hä vµ tªn" all
name the same field. First a whole-header match, then ordered keyword rules.
"""

from __future__ import annotations

import re

from kx_ceremony.core.importing.results import FIELD_LABELS, ColumnMapping
from kx_ceremony.core.tcvn3 import looks_like_tcvn3, tcvn3_to_unicode
from kx_ceremony.core.vietnamese import clean_text, fold_for_search

_PUNCT = re.compile(r"[^\w]+")

EXACT: dict[str, str] = {
    "stt": "stt",
    "tt": "stt",
    "so tt": "stt",
    "so thu tu": "stt",
    "ho va ten": "name",
    "ho ten": "name",
    "ten": "name",
    "gioi tinh": "gender",
    "gioi": "gender",
    "nam nu": "gender",
    "nam sinh": "birth",
    "ngay sinh": "birth",
    "sinh nam": "birth",
    "ngay thang nam sinh": "birth",
    "chuc vu": "position",
    "chuc danh": "position",
    "nghe nghiep": "position",
    "don vi": "unit",
    "don vi cong tac": "unit",
    "noi cong tac": "unit",
    "co quan": "unit",
    "dia chi": "unit",
    "hinh thuc": "award",
    "hinh thuc khen thuong": "award",
    "danh hieu": "award",
    "danh hieu thi dua": "award",
    "muc khen": "award",
    "khen thuong": "award",
    "khen": "award",
    "hinh thuc de nghi": "award",
    "thanh tich": "achievement",
    "tom tat thanh tich": "achievement",
    "ghi chu": "note",
    "phan loai": "kind",
    "doi tuong": "kind",
    "loai": "kind",
    "so so vang": "register_number",
    "so vao so": "register_number",
}

# (keywords that must all appear, field), tried in order after EXACT.
RULES: list[tuple[tuple[str, ...], str]] = [
    (("phan loai",), "kind"),
    (("loai doi tuong",), "kind"),
    (("ho va ten",), "name"),
    (("ho ten",), "name"),
    (("ten tap the",), "name"),
    (("ten ca nhan",), "name"),
    (("ten don vi",), "name"),
    (("gioi tinh",), "gender"),
    (("nam sinh",), "birth"),
    (("ngay sinh",), "birth"),
    (("chuc vu", "don vi"), "position"),
    (("chuc vu",), "position"),
    (("chuc danh",), "position"),
    (("so so vang",), "register_number"),
    (("hinh thuc",), "award"),
    (("danh hieu",), "award"),
    (("khen thuong",), "award"),
    (("don vi",), "unit"),
    (("noi cong tac",), "unit"),
    (("co quan",), "unit"),
    (("thanh tich",), "achievement"),
    (("ly do",), "achievement"),
    (("ghi chu",), "note"),
]


def header_text(value: object) -> str:
    """A header cell as the user reads it: TCVN3 converted, spacing tidied."""
    text = clean_text(value if isinstance(value, str) else ("" if value is None else value))
    if looks_like_tcvn3(text):
        text = clean_text(tcvn3_to_unicode(text))
    return text


def header_key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold_for_search(text).replace("đ", "d")).split())


def field_for_header(text: str) -> str | None:
    """The field a header names, or None when it is not one we know."""
    key = header_key(text)
    if not key:
        return None
    if key in EXACT:
        return EXACT[key]
    if key.startswith("ten "):
        return "name"
    padded = f" {key} "
    for words, name in RULES:
        if all(f" {w} " in padded for w in words):
            return name
    return None


def apply_overrides(
    mappings: list[ColumnMapping], overrides: dict[int | str, str | None] | None
) -> list[ColumnMapping]:
    """The caller's choices win: {column index or letter: field or None}."""
    if not overrides:
        return mappings
    by_index: dict[int, str | None] = {}
    for key, value in overrides.items():
        index = key if isinstance(key, int) else _letter_index(str(key))
        if value is not None and value not in FIELD_LABELS:
            from kx_ceremony.core.errors import UserError

            raise UserError(f"Không có trường «{value}» để gán cho cột {key}.")
        by_index[index] = value
    result = []
    chosen = {v for v in by_index.values() if v}
    for m in mappings:
        if m.index in by_index:
            result.append(ColumnMapping(m.index, m.header, by_index[m.index]))
        elif m.field in chosen:
            result.append(ColumnMapping(m.index, m.header, None))
        else:
            result.append(m)
    return result


def _letter_index(letters: str) -> int:
    number = 0
    for ch in letters.strip().upper():
        if not "A" <= ch <= "Z":
            from kx_ceremony.core.errors import UserError

            raise UserError(f"«{letters}» không phải tên cột (A, B, C …).")
        number = number * 26 + (ord(ch) - 64)
    return number - 1
