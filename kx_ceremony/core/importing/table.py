"""Finding the nominee table on a sheet as units lay it out.

Title rows above; the header row (maybe with a second row: "Năm sinh" over "Nam" / "Nữ",
or a row of column numbers); group rows ("I. TẬP THỂ") inside the data that set the kind
of the rows under them; and a signature block ("NGƯỜI LẬP BIỂU", "CHỦ TỊCH") that ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kx_ceremony.core.importing.columns import (
    field_for_header,
    header_field,
    header_key,
    header_text,
    is_header_like,
)
from kx_ceremony.core.model import Kind

HEADER_SEARCH_ROWS = 40
# A header row names at least this many columns we know, one of them able to hold the
# name (a name column, or a unit column that a collective list uses as the name).
MIN_HEADER_CELLS = 2
NAME_CAPABLE = {"name", "unit"}


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


def header_score(row: list[object]) -> int:
    """How many cells of a row are headers we know; 0 when the row cannot be the header."""
    found = []
    for value in row:
        if isinstance(value, str) and value.strip():
            text = header_text(value)
            if is_header_like(text):
                found.append(header_field(text)[0])
    if len(found) < MIN_HEADER_CELLS or not NAME_CAPABLE & set(found):
        return 0
    return len(found)


def find_header(rows: list[list[object]]) -> HeaderFound | None:
    """The row among the first ones that names the most known columns; None when none does.

    "Họ và tên" with one other column is enough (a badge list: name, position, title);
    a collective list may name its collectives under "Đơn vị".
    """
    best, best_index = 0, -1
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(row)
        if score > best:
            best, best_index = score, index
    if best_index < 0:
        return None
    return _with_second_row(rows, best_index)


_SUB_GENDER = {"nam": "nam", "nu": "nu"}
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


def _with_second_row(rows: list[list[object]], index: int) -> HeaderFound:
    width = max((len(r) for r in rows[index : index + 3]), default=0)
    top = [header_text(v) for v in rows[index]] + [""] * (width - len(rows[index]))
    below = rows[index + 1] if index + 1 < len(rows) else []
    below_text = [header_text(v) for v in below] + [""] * (width - len(below))
    header_rows = [index]
    headers = list(top)
    if _is_sub_header(below, below_text, top):
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


def _is_sub_header(raw: list[object], cells: list[str], top: list[str]) -> bool:
    """A row of short header words under the header ("Nam", "Nữ"), not a data row; or the
    second row of a two-row header with merged groups ("Lương hệ số" over "Hệ số lương",
    "Hệ số phụ cấp" …): only text, none under the name column, some under blank tops."""
    filled = [(i, c) for i, c in enumerate(cells) if c]
    if not filled:
        return False
    if all(header_key(c) in _SUB_GENDER or field_for_header(c) for _, c in filled):
        return True
    if len(filled) < 2 or any(not isinstance(raw[i], str) for i, _ in filled):
        return False
    if any(_NUMBERING.match(c) or len(c.split()) > 8 for _, c in filled):
        return False
    names = [i for i, t in enumerate(top) if t and header_field(t)[0] == "name"]
    if any(i < len(cells) and cells[i] for i in names):
        return False
    return any(not top[i] for i, _ in filled)


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
    "nguoi lap bang",
    "nguoi duyet",
    "nguoi ky",
    "ghi ro ho ten",
    "ky ghi ro ho ten dong dau",
    "ky dong dau ghi ro ho ten",
    "hieu truong",
    "pho hieu truong",
    "ke toan",
    "ke toan truong",
    "thu quy",
    "truong ban",
    "bi thu",
    "tong giam doc",
    "thu truong don vi de nghi",
    "lanh dao don vi",
    "xac nhan cua thu truong don vi",
    "ky ghi ro ho ten",
    "ky va ghi ro ho ten",
    "ky ten",
    "ky dong dau",
}
_SIGNATURE_PREFIXES = ("tm ", "kt ", "q ", "tl ", "tuq ", "thay mat ")
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")
_END_PREFIXES = ("danh sach nay co", "danh sach co", "an dinh danh sach")
_TOTAL_PREFIXES = ("tổng cộng", "tổng số")
_TOTAL_WORDS = {"cộng", "tổng", "cộng:", "tổng:"}


def is_total_row(texts: list[str]) -> bool:
    """A "Tổng cộng" / "Cộng" row (a total or a subtotal): skipped, never an honouree.
    Compared with marks: "Công an tỉnh …" is a collective, "Cộng" a total."""
    filled = [t.strip().lower() for t in texts if t][:2]
    return any(k in _TOTAL_WORDS or k.startswith(_TOTAL_PREFIXES) for k in filled)


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
