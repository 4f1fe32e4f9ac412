"""Which column is which: Vietnamese headers and their usual synonyms, mapped to fields.

Headers are compared folded (no marks, no case, punctuation as spaces), after TCVN3
headers are converted, so "Họ và tên", "HỌ VÀ TÊN", "Ho va ten" and "Hä vµ tªn" all
name the same field. First a whole-header match, then ordered keyword rules.
"""

from __future__ import annotations

import re

from kx_ceremony.core.importing.results import FIELD_LABELS, ColumnMapping
from kx_ceremony.core.text.tcvn3 import looks_like_tcvn3, tcvn3_to_unicode
from kx_ceremony.core.text.vietnamese import clean_text, fold_for_search

_PUNCT = re.compile(r"[^\w]+")

# A header that names a column we know but do not store ("Mã số", "Phân loại cán bộ").
IGNORED = "-"

EXACT: dict[str, str] = {
    "stt": "stt",
    "tt": "stt",
    "so tt": "stt",
    "so thu tu": "stt",
    "ho va ten": "name",
    "ho ten": "name",
    "ho va ten ca nhan": "name",
    "ten": "name",
    "ten tap the": "name",
    "ten don vi": "name",
    "ten co quan": "name",
    "gioi tinh": "gender",
    "gioi": "gender",
    "nam nu": "gender",
    "nam sinh": "birth",
    "ngay sinh": "birth",
    "sinh nam": "birth",
    "sinh ngay": "birth",
    "ngay thang nam sinh": "birth",
    "chuc vu": "position",
    "chuc danh": "position",
    "nghe nghiep": "position",
    "cong viec": "position",
    "don vi": "unit",
    "don vi cong tac": "unit",
    "noi cong tac": "unit",
    "noi lam viec": "unit",
    "co quan": "unit",
    "co quan cong tac": "unit",
    "dia chi": "unit",
    "lop": "unit",
    "khoa": "unit",
    "phong": "unit",
    "phong ban": "unit",
    "bo phan": "unit",
    "to": "unit",
    "khoi": "unit",
    "to cong tac": "unit",
    "truong": "unit",
    "hinh thuc": "award",
    "hinh thuc khen thuong": "award",
    "danh hieu": "award",
    "danh hieu thi dua": "award",
    "muc khen": "award",
    "khen thuong": "award",
    "khen": "award",
    "hinh thuc de nghi": "award",
    "de nghi": "award",
    "danh gia": "award",
    "xep loai": "award",
    "ket qua danh gia": "award",
    "ket qua xep loai": "award",
    "thanh tich": "achievement",
    "tom tat thanh tich": "achievement",
    "ten thanh tich": "achievement",
    "ghi chu": "note",
    "phan loai": "kind",
    "doi tuong": "kind",
    "loai": "kind",
    "so so vang": "register_number",
    "so vao so": "register_number",
    "danh xung": "title",
    "xung ho": "title",
    "ten goi": "title",
    "cap bac": "title",
    "quan ham": "title",
    "hoc ham": "title",
    "hoc vi": "title",
    "hoc ham hoc vi": "title",
    "nam": "year",
    "nam hoc": "year",
    "nam khen thuong": "year",
    "nam danh gia": "year",
    "nam xet": "year",
    "so quyet dinh": "decision",
    "quyet dinh": "decision",
    "so qd": "decision",
    "qd": "decision",
    "truy tang": "posthumous",
    "da mat": "posthumous",
    "da tu tran": "posthumous",
    "ma": IGNORED,
    "ma so": IGNORED,
    "dien thoai": IGNORED,
    "so dien thoai": IGNORED,
    "email": IGNORED,
    "ky nhan": IGNORED,
}

# (keywords that must all appear, field), tried in order after EXACT. Columns that look
# like the kind or the name but are not come first: «Phân loại cán bộ» is a staff
# category, «Tên thành tích» an achievement, «Tên gọi (Ông/Bà/Chức danh)» an honorific.
RULES: list[tuple[tuple[str, ...], str]] = [
    (("phan loai", "can bo"), IGNORED),
    (("phan loai", "cong tac"), IGNORED),
    (("phan loai", "doi tuong"), IGNORED),
    (("phan loai", "don vi"), IGNORED),
    (("linh vuc",), IGNORED),
    (("ngach",), IGNORED),
    (("he so",), IGNORED),
    (("luong",), IGNORED),
    (("thanh tien",), IGNORED),
    (("so tien",), IGNORED),
    (("cmnd",), IGNORED),
    (("cccd",), IGNORED),
    (("can cuoc",), IGNORED),
    (("dien thoai",), IGNORED),
    (("ten thanh tich",), "achievement"),
    (("truy tang",), "posthumous"),
    (("da mat",), "posthumous"),
    (("ten goi",), "title"),
    (("danh xung",), "title"),
    (("ten hinh thuc",), "award"),
    (("ten danh hieu",), "award"),
    (("phan loai",), "kind"),
    (("loai doi tuong",), "kind"),
    (("loai khen thuong",), "kind"),
    (("don vi", "cong tac"), "unit"),
    (("ho va ten",), "name"),
    (("ho ten",), "name"),
    (("ten tap the",), "name"),
    (("ten ca nhan",), "name"),
    (("ten don vi",), "name"),
    (("ten co quan",), "name"),
    (("gioi tinh",), "gender"),
    (("nam sinh",), "birth"),
    (("ngay sinh",), "birth"),
    (("chuc vu", "don vi"), "position"),
    (("chuc vu",), "position"),
    (("chuc danh",), "position"),
    (("so so vang",), "register_number"),
    (("quyet dinh",), "decision"),
    (("hinh thuc",), "award"),
    (("danh hieu",), "award"),
    (("khen thuong",), "award"),
    (("xep loai",), "award"),
    (("danh gia",), "award"),
    (("don vi",), "unit"),
    (("noi cong tac",), "unit"),
    (("noi lam viec",), "unit"),
    (("co quan",), "unit"),
    (("phong ban",), "unit"),
    (("to cong tac",), "unit"),
    (("khoi",), "unit"),
    (("bo phan",), "unit"),
    (("thanh tich",), "achievement"),
    (("ly do",), "achievement"),
    (("ghi chu",), "note"),
    (("nam hoc",), "year"),
    (("ma so",), IGNORED),
]

# Headers that are themselves an award's name: a column of X marks under each (r09).
AWARD_HEADER_STARTS = (
    "huan chuong",
    "huy chuong",
    "co thi dua",
    "chien si thi dua",
    "chien si tien tien",
    "bang khen",
    "giay khen",
    "lao dong tien tien",
    "lao dong xuat sac",
    "tap the lao dong",
    "don vi tien tien",
    "don vi quyet thang",
    "ky niem chuong",
    "danh hieu",
    "anh hung",
)
# Header words that make a column less likely to be the real one: a drop-down helper
# («Lựa chọn …») or a code («Mã …»).
_WEAK_PREFIXES = ("lua chon ", "chon ", "ma ")


def header_text(value: object) -> str:
    """A header cell as the user reads it: TCVN3 converted, spacing tidied."""
    text = clean_text(value if isinstance(value, str) else ("" if value is None else value))
    if looks_like_tcvn3(text):
        text = clean_text(tcvn3_to_unicode(text))
    return text


def header_key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold_for_search(text).replace("đ", "d")).split())


def header_field(text: str) -> tuple[str | None, float]:
    """(field, strength) a header names: 3 for a whole-header match, 2 for a keyword rule,
    one less for a helper or code column; (None, 0) when it is not a header we know."""
    key = header_key(text)
    if not key:
        return None, 0.0
    weak = key.startswith(_WEAK_PREFIXES)
    bare = key
    for prefix in _WEAK_PREFIXES:
        if bare.startswith(prefix):
            bare = bare[len(prefix) :]
    found: str | None = EXACT.get(bare)
    strength = 3.0
    if found is None:
        strength = 2.0
        padded = f" {bare} "
        for words, name in RULES:
            if all(f" {w} " in padded for w in words):
                found = name
                break
        else:
            if bare.startswith("ten "):
                found = "name"
            elif bare.startswith(AWARD_HEADER_STARTS):
                found = "award_mark"
    if found is None:
        return None, 0.0
    return found, strength - (1.0 if weak else 0.0)


def field_for_header(text: str) -> str | None:
    """The field a header names, or None when it is not one we know (or one we ignore)."""
    found, _ = header_field(text)
    return None if found in (None, IGNORED, "award_mark") else found


def is_header_like(text: str) -> bool:
    """A header we recognise, even one we ignore: what makes a row look like a header."""
    if ":" in text or len(text.split()) > 12:
        return False
    return header_field(text)[0] is not None


def apply_overrides(
    mappings: list[ColumnMapping],
    overrides: dict[int | str, str | None] | None,
    headers: list[str] | None = None,
) -> list[ColumnMapping]:
    """The caller's choices win: {column index, letter or header text: field or None}.

    A field given to one column is taken from any other (except award marks, which
    may be many); an override naming a column the table does not have is refused.
    """
    if not overrides:
        return mappings
    by_index: dict[int, str | None] = {}
    for key, value in overrides.items():
        index = _column_index(key, mappings, headers)
        if value is not None and value not in FIELD_LABELS:
            from kx_ceremony.core.errors import UserError

            known = ", ".join(FIELD_LABELS)
            raise UserError(f"Không có trường «{value}» để gán cho cột {key}; các trường: {known}.")
        by_index[index] = value
    result = []
    chosen = {v for v in by_index.values() if v and v != "award_mark"}
    for m in mappings:
        if m.index in by_index:
            result.append(ColumnMapping(m.index, m.header, by_index[m.index]))
        elif m.field in chosen:
            result.append(ColumnMapping(m.index, m.header, None))
        else:
            result.append(m)
    return result


def _column_index(key: int | str, mappings: list[ColumnMapping], headers: list[str] | None) -> int:
    if isinstance(key, int):
        return key
    text = str(key).strip()
    if text.isdigit():
        return int(text) - 1
    wanted = header_key(text)
    for m in mappings:
        if wanted and header_key(m.header) == wanted:
            return m.index
    if text.isascii() and text.isalpha() and len(text) <= 3:
        index = _letter_index(text)
        if index < len(mappings):
            return index
    from kx_ceremony.core.errors import UserError

    raise UserError(
        f"Bảng không có cột «{text}»; hãy ghi chữ cái của cột (A, B, C …) hoặc đúng tiêu đề cột."
    )


def _letter_index(letters: str) -> int:
    number = 0
    for ch in letters.strip().upper():
        if not "A" <= ch <= "Z":
            from kx_ceremony.core.errors import UserError

            raise UserError(f"«{letters}» không phải tên cột (A, B, C …).")
        number = number * 26 + (ord(ch) - 64)
    return number - 1
