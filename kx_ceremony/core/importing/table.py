"""Finding the nominee table on a sheet as units lay it out.

Title rows above; the header row (maybe with a second row: "Năm sinh" over "Nam" / "Nữ",
or a row of column numbers); group rows ("I. TẬP THỂ") inside the data that set the kind
of the rows under them; and a signature block ("NGƯỜI LẬP BIỂU", "CHỦ TỊCH") that ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kx_ceremony.core.importing.columns import field_for_header, header_key, header_text
from kx_ceremony.core.model import Kind

HEADER_SEARCH_ROWS = 40
# A header needs the name column and at least this many other known columns.
MIN_OTHER_FIELDS = 2
DETAIL_FIELDS = {"birth", "gender", "position", "unit", "award", "achievement", "stt", "kind"}


@dataclass(frozen=True)
class HeaderFound:
    header_rows: tuple[int, ...]  # 0-based
    headers: list[str]  # one combined header text per column
    first_data_row: int  # 0-based


def cell_text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _fields_in(row: list[object]) -> set[str]:
    found = set()
    for value in row:
        if isinstance(value, str) and value.strip():
            name = field_for_header(header_text(value))
            if name:
                found.add(name)
    return found


def find_header(rows: list[list[object]]) -> HeaderFound | None:
    """The first row that names the name column and enough others; None when there is none."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = _fields_in(row)
        if "name" in fields and len(fields & DETAIL_FIELDS) >= MIN_OTHER_FIELDS:
            return _with_second_row(rows, index)
    return None


_SUB_GENDER = {"nam": "nam", "nu": "nu"}
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


def _with_second_row(rows: list[list[object]], index: int) -> HeaderFound:
    width = max((len(r) for r in rows[index : index + 3]), default=0)
    top = [header_text(v) for v in rows[index]] + [""] * (width - len(rows[index]))
    below = rows[index + 1] if index + 1 < len(rows) else []
    below_text = [header_text(v) for v in below] + [""] * (width - len(below))
    header_rows = [index]
    headers = list(top)
    if _is_sub_header(below_text):
        header_rows.append(index + 1)
        parent = ""
        for col in range(width):
            if top[col]:
                parent = top[col]
            sub = below_text[col]
            if not sub:
                continue
            headers[col] = f"{parent}|{sub}" if parent else sub
    first = header_rows[-1] + 1
    if first < len(rows) and _is_numbering_row(rows[first]):
        header_rows.append(first)
        first += 1
    return HeaderFound(tuple(header_rows), headers, first)


def _is_sub_header(cells: list[str]) -> bool:
    """A row of short header words under the header ("Nam", "Nữ"), not a data row."""
    filled = [c for c in cells if c]
    if not filled:
        return False
    keys = [header_key(c) for c in filled]
    return all(k in _SUB_GENDER or field_for_header(c) for k, c in zip(keys, filled, strict=True))


def _is_numbering_row(row: list[object]) -> bool:
    """The "(1) (2) (3) …" row many official forms put under the header."""
    cells = [cell_text(v) for v in row if cell_text(v)]
    if len(cells) < 3 or not all(_NUMBERING.match(c) for c in cells):
        return False
    numbers = [int(c.strip("()")) for c in cells]
    return numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def split_header(text: str) -> tuple[str, str]:
    """A combined two-row header "Năm sinh|Nam" -> ("Năm sinh", "Nam")."""
    parent, _, sub = text.rpartition("|")
    return parent, sub


def field_for_column(text: str) -> str | None:
    """The field of a (possibly two-row) header: Nam/Nữ under "Năm sinh" or "Giới tính"."""
    parent, sub = split_header(text)
    if parent:
        sub_key = header_key(sub)
        parent_field = field_for_header(parent)
        if sub_key in _SUB_GENDER:
            male = sub_key == "nam"
            if parent_field == "birth":
                return "birth_male" if male else "birth_female"
            if parent_field == "gender":
                return "male_mark" if male else "female_mark"
        return field_for_header(sub) or parent_field
    return field_for_header(sub)


def display_header(text: str) -> str:
    parent, sub = split_header(text)
    return f"{parent} / {sub}" if parent else sub


# ---------------------------------------------------------------------------
# Rows inside the table

_ROMAN = re.compile(r"^(?:[IVX]{1,4}|[A-H])[.)]?$")
_GROUP_PREFIX = re.compile(r"^(?:[IVX]{1,4}|[A-H])[.)]\s+|^(?:[IVX]{1,4})\s+")
GROUP_KINDS = [
    ("ho gia dinh", Kind.HOUSEHOLD),
    ("gia dinh", Kind.HOUSEHOLD),
    ("tap the", Kind.COLLECTIVE),
    ("ca nhan", Kind.INDIVIDUAL),
]
_SIGNATURES = {
    "nguoi lap bieu",
    "nguoi lap",
    "nguoi lap danh sach",
    "thu truong don vi",
    "thu truong co quan",
    "thu truong",
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "truong phong",
    "xac nhan cua don vi",
    "xac nhan",
    "ky ten dong dau",
    "ky ghi ro ho ten",
    "ky va ghi ro ho ten",
    "ky ten",
    "ky dong dau",
}
_SIGNATURE_PREFIXES = ("tm ", "kt ", "q ", "tl ", "tuq ", "thay mat ")
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_END_PREFIXES = ("tong cong", "tong so", "danh sach nay co", "danh sach co", "an dinh danh sach")


def is_signature_row(texts: list[str]) -> bool:
    """Every filled cell is a signature title, a "(Ký, đóng dấu)" note or a date line."""
    filled = [header_key(t) for t in texts if t]
    if not filled:
        return False
    if any(k.startswith(_END_PREFIXES) for k in filled[:2]):
        return True
    return all(
        k in _SIGNATURES or k.startswith(_SIGNATURE_PREFIXES) or _DATE_LINE.search(k)
        for k in filled
    )


def group_kind(stt_text: str, name_text: str) -> tuple[bool, Kind | None, str]:
    """Is this a group row ("I", "TẬP THỂ" / "II. CÁ NHÂN")? Returns (is_group, kind, title).

    Only asked of rows with no award and no details; a numbered group that names no kind
    ("A. BẰNG KHEN CỦA THỦ TƯỚNG") may still set the award of the rows under it.
    """
    title = name_text.strip()
    numbered = bool(_ROMAN.match(stt_text.strip())) if stt_text else False
    match = _GROUP_PREFIX.match(title)
    if match:
        numbered = True
        title = title[match.end() :]
    key = header_key(title)
    for words, kind in GROUP_KINDS:
        bare = key in {words, f"cac {words}", f"khen thuong {words}"}
        if bare or (numbered and key.startswith(words) and len(key.split()) <= 6):
            return True, kind, title
    return numbered, None, title
