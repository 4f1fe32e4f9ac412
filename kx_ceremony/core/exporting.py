"""Honouree lists as an Excel workbook laid out like the appendix of a decision.

One sheet per award form that has honourees (title rows, then STT, name, position, unit,
achievement), and first a sheet with the whole list. Every text is stored as a text
cell: a name such as ``=HYPERLINK(...)``, ``+84…``, ``-`` or ``#N/A`` is shown as typed
and never becomes a formula, an error or a link. The file is written whole or not at all
(see ``atomic_file``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kx_ceremony.core.atomic_file import check_target, write_atomically
from kx_ceremony.core.model import KIND_LABELS, KINDS_IN_ORDER, Kind
from kx_ceremony.core.services.awards import list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.row_types import (
    AwardFormRow,
    CeremonyRow,
    DecisionRow,
    HonoureeRow,
)
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.hygiene import strip_unsafe

FONT_NAME = "Times New Roman"
FULL_LIST_SHEET = "Toàn bộ danh sách"
MAX_SHEET_NAME = 31
MAX_CELL_TEXT = 32767  # Excel's limit for one cell
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
# Control characters that the xlsx format cannot hold at all.


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[int, HonoureeRow], Any]
    max_width: int
    wrap: bool = False
    centred: bool = False


_STT = Column("STT", lambda i, r: i, 6, centred=True)
_NAME = Column(
    "Họ và tên / Tập thể", lambda i, r: f"{r.title} {r.name}" if r.title else r.name, 34, wrap=True
)
_KIND = Column("Đối tượng", lambda i, r: KIND_LABELS[Kind(r.kind)], 12)
_BIRTH = Column("Năm sinh", lambda i, r: r.birth_year, 9, centred=True)
_POSITION = Column("Chức vụ", lambda i, r: r.position, 30, wrap=True)
_UNIT = Column("Đơn vị", lambda i, r: r.unit, 40, wrap=True)
_ACHIEVEMENT = Column("Thành tích", lambda i, r: r.achievement, 60, wrap=True)
_AWARD = Column("Hình thức khen thưởng", lambda i, r: r.award, 36, wrap=True)
_DECISION = Column("Số quyết định", lambda i, r: r.decision_number, 20)
_ROUND = Column("Đợt", lambda i, r: r.round, 6, centred=True)
_ON_STAGE = Column("Vị trí", lambda i, r: r.position_on_stage, 7, centred=True)


def export_honourees(store: Store, ceremony_id: int, target: Path) -> Path:
    """Write the ceremony's honourees to ``target`` (.xlsx); returns the path written."""
    target = check_target(Path(target), (".xlsx",))
    ceremony = get_ceremony(store, ceremony_id)
    rows = list_honourees(store, ceremony_id)
    forms = list_award_forms(store, ceremony_id)
    decisions = {d.id: d for d in list_decisions(store, ceremony_id)}
    workbook = build_workbook(ceremony, rows, forms, decisions)
    # Zipped in memory, then written in one go: a write error (a full disk) inside
    # openpyxl's ZipFile would leave it unclosed, and its finaliser would print a
    # traceback when the program ends.
    content = io.BytesIO()
    workbook.save(content)
    return write_atomically(target, lambda partial: partial.write_bytes(content.getvalue()))


def build_workbook(
    ceremony: CeremonyRow,
    rows: Sequence[HonoureeRow],
    forms: Sequence[AwardFormRow],
    decisions: dict[int, DecisionRow],
) -> Any:
    from openpyxl import Workbook

    workbook = Workbook()
    full = workbook.active
    names = SheetNames()
    full.title = names.claim(FULL_LIST_SHEET)
    columns = [_STT, _NAME, _KIND, _BIRTH, _POSITION, _UNIT, _AWARD, _DECISION, _ACHIEVEMENT]
    if any(r.round is not None for r in rows):
        columns += [_ROUND, _ON_STAGE]
    titles = [
        f"DANH SÁCH KHEN THƯỞNG: {ceremony.title.upper()}",
        f"({_subject(rows)}: {len(rows)})" if rows else "(chưa có ai trong danh sách)",
    ]
    _fill_sheet(full, titles, columns, rows)

    by_form: dict[int, list[HonoureeRow]] = {}
    for row in rows:  # presentation order is kept within each form
        by_form.setdefault(row.award_form_id, []).append(row)
    for form in sorted(forms, key=lambda f: (f.rank, f.id)):
        members = by_form.get(form.id)
        if not members:
            continue
        sheet = workbook.create_sheet(names.claim(form.short_name or form.full_name))
        _fill_sheet(
            sheet, _form_titles(ceremony, form, members, decisions), _form_columns(members), members
        )
    return workbook


def _form_columns(members: Sequence[HonoureeRow]) -> list[Column]:
    columns = [_STT, _NAME]
    if len({m.kind for m in members}) > 1:
        columns.append(_KIND)
    if any(m.birth_year for m in members):
        columns.append(_BIRTH)
    return [*columns, _POSITION, _UNIT, _ACHIEVEMENT]


def _subject(members: Sequence[HonoureeRow]) -> str:
    present = {m.kind for m in members}
    order = KINDS_IN_ORDER
    return ", ".join(KIND_LABELS[k] for k in order if k.value in present).capitalize()


def _form_titles(
    ceremony: CeremonyRow,
    form: AwardFormRow,
    members: Sequence[HonoureeRow],
    decisions: dict[int, DecisionRow],
) -> list[str]:
    titles = [f"DANH SÁCH {_subject(members).upper()} ĐƯỢC TẶNG {form.full_name.upper()}"]
    used = sorted({m.decision_id for m in members if m.decision_id is not None})
    if len(used) == 1 and used[0] in decisions:
        d = decisions[used[0]]
        by_whom = f" của {d.authority}" if d.authority else ""
        titles.append(f"(Kèm theo Quyết định số {d.number} ngày {d.signed_on:%d/%m/%Y}{by_whom})")
    else:
        titles.append(f"({ceremony.title}, ngày {ceremony.held_on:%d/%m/%Y})")
    return titles


class SheetNames:
    """Sheet names Excel accepts: at most 31 characters, none of []:*?/\\, not starting or
    ending with an apostrophe, and unique regardless of case."""

    def __init__(self) -> None:
        self._taken: set[str] = {"history"}  # reserved by Excel

    def claim(self, wanted: str) -> str:
        base = _FORBIDDEN_IN_SHEET_NAME.sub("-", strip_unsafe(wanted))
        base = " ".join(base.split()).strip("'") or "Danh sách"
        name = base[:MAX_SHEET_NAME].rstrip()
        number = 2
        while name.casefold() in self._taken:
            tail = f" ({number})"
            name = base[: MAX_SHEET_NAME - len(tail)].rstrip() + tail
            number += 1
        self._taken.add(name.casefold())
        return name


def as_text(value: str) -> str:
    """A string an xlsx cell can hold: no unsafe characters (text/hygiene.py: controls,
    U+FFFF that Excel refuses, bidi overrides), even in rows stored before that rule;
    within Excel's length."""
    text = strip_unsafe(value)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def set_cell(sheet: Any, row: int, column: int, value: Any) -> Any:
    """Write one value; a string is always a text cell, never a formula, error or link."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = as_text(value)
        cell.data_type = "s"  # openpyxl guesses 'f' for "=..." and 'e' for "#N/A"
    else:
        cell.value = value
    return cell


LINE_POINTS = 15.75  # one line of 12 pt text


def _lines(text: str, width_chars: float) -> int:
    """How many lines ``text`` takes in a column ``width_chars`` wide (a safe estimate)."""
    per_line = max(1, int(width_chars * 1.1) - 2)  # Times is a little narrower than the unit
    return sum(max(1, -(-len(line) // per_line)) for line in text.splitlines() or [""])


def _fill_sheet(
    sheet: Any, titles: list[str], columns: list[Column], members: Sequence[HonoureeRow]
) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    regular = Font(name=FONT_NAME, size=12)
    bold = Font(name=FONT_NAME, size=12, bold=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = len(columns)

    for number, title in enumerate(titles, start=1):
        cell = set_cell(sheet, number, 1, title)
        cell.font = Font(
            name=FONT_NAME, size=14 if number == 1 else 12, bold=number == 1, italic=number > 1
        )
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
    header_row = len(titles) + 2
    for index, column in enumerate(columns, start=1):
        cell = set_cell(sheet, header_row, index, column.header)
        cell.font = bold
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    widths = [len(c.header) for c in columns]
    texts: list[list[str]] = []  # per row, per column: what may need wrapping
    for offset, member in enumerate(members, start=1):
        texts.append([""] * len(columns))
        for index, column in enumerate(columns, start=1):
            value = column.value(offset, member)
            if value in ("", None):
                value = None
            cell = set_cell(sheet, header_row + offset, index, value)
            cell.font = regular
            cell.border = border
            cell.alignment = Alignment(
                horizontal="center" if column.centred else "left",
                vertical="top",
                wrap_text=column.wrap,
            )
            if value is not None:
                longest = max(len(line) for line in str(value).splitlines() or [""])
                widths[index - 1] = max(widths[index - 1], longest)
                texts[-1][index - 1] = str(value)
    fitted = [min(max(widths[i], 4) + 2, column.max_width) for i, column in enumerate(columns)]
    for index, width_chars in enumerate(fitted, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width_chars
    # Row heights, because a spreadsheet program does not always grow a row for wrapped
    # text on opening (LibreOffice's PDF export did not): estimated from the widths.
    total = sum(fitted)
    for number, title in enumerate(titles, start=1):
        size = 14 if number == 1 else 12
        sheet.row_dimensions[number].height = _lines(title, total * 12 / size) * size * 1.4
    sheet.row_dimensions[header_row].height = LINE_POINTS * max(
        _lines(c.header, fitted[i]) for i, c in enumerate(columns)
    )
    for offset, row_texts in enumerate(texts, start=1):
        lines = max(
            (_lines(t, fitted[i]) for i, t in enumerate(row_texts) if columns[i].wrap and t),
            default=1,
        )
        sheet.row_dimensions[header_row + offset].height = LINE_POINTS * lines + 2

    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
