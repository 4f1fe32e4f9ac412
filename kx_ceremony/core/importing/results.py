"""Plain results of reading a nominee spreadsheet: what the preview dialog and the CLI show.

Nothing here holds a database session or a workbook handle, so the window may keep a
preview while the user adjusts the column mapping, then ask for a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

# progress(done, total, stage): stage is a short Vietnamese phrase for the progress bar.
ProgressCallback = Callable[[int, int, str], None]
# cancel() -> True when the user asked to stop.
CancelCheck = Callable[[], bool]

# The fields a column can feed, with the Vietnamese label the user sees.
FIELD_LABELS: dict[str, str] = {
    "stt": "số thứ tự",
    "kind": "phân loại (tập thể / cá nhân / hộ gia đình)",
    "name": "họ tên / tên tập thể",
    "gender": "giới tính",
    "birth": "năm sinh / ngày sinh",
    "birth_male": "năm sinh (cột Nam)",
    "birth_female": "năm sinh (cột Nữ)",
    "male_mark": "giới tính (cột Nam)",
    "female_mark": "giới tính (cột Nữ)",
    "position": "chức vụ",
    "unit": "đơn vị",
    "award": "hình thức khen thưởng",
    "achievement": "thành tích",
    "register_number": "số sổ vàng",
    "note": "ghi chú",
    "title": "danh xưng / cấp bậc (Ông, Bà, Đại tá, TS. …)",
    "year": "năm khen thưởng (ghi vào ghi chú)",
    "decision": "số quyết định (ghi vào ghi chú)",
    "award_mark": "đánh dấu X: hình thức khen thưởng là tiêu đề cột",
    "posthumous": "truy tặng / đã mất (đánh dấu X)",
}


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": how spreadsheets name a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class ColumnMapping:
    """One column of the table: its header as written and the field it feeds (or None)."""

    index: int
    header: str
    field: str | None

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    def describe(self) -> str:
        header = self.header or "(không tiêu đề)"
        if self.field is None:
            return f"cột {self.letter} «{header}»: bỏ qua"
        return f"cột {self.letter} «{header}» → {FIELD_LABELS[self.field]}"


@dataclass(frozen=True)
class RowProblem:
    """Something wrong with one row: where it is, what was found, and what to do."""

    sheet: str
    row: int  # as the spreadsheet numbers it, from 1
    column: str  # "G «Hình thức khen thưởng»", or "" for the whole row
    found: str
    message: str

    def describe(self) -> str:
        where = f"Trang «{self.sheet}», dòng {self.row}"
        if self.column:
            where += f", cột {self.column}"
        found = f" «{self.found}»" if self.found else ""
        return f"{where}:{found} {self.message}"


class ImportRow(NamedTuple):
    """One nominee as the import will store it (award as the catalogue form's id/code).

    A NamedTuple rather than a dataclass: an import builds one per row, and a tuple is
    several times cheaper to make than a frozen dataclass.
    """

    row: int
    kind: str
    name: str
    gender: str | None
    birth_year: int | None
    position: str
    unit: str
    achievement: str
    note: str
    register_number: str
    award_text: str
    award_form_id: int | None
    award_code: str
    problems: tuple[RowProblem, ...] = ()
    name_fold: str = ""
    title: str = ""  # "Ông", "Đại tá", "PGS.TS." split off the name, kept
    warnings: tuple[RowProblem, ...] = ()  # e.g. a likely duplicate: imported all the same
    award_new: str = ""  # the award text of a new form to add on import (--add-awards)
    posthumous: bool = False  # a «Truy tặng»/«Đã mất» mark, or "(truy tặng)" after the name

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class TableLocation:
    """Where the nominee table sits on its sheet (rows numbered from 1)."""

    sheet: str
    header_rows: tuple[int, ...]
    first_data_row: int
    last_data_row: int


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do. For the window and the CLI:

    - ``choices``: the whole-list award, kind, unit and decision in force (ListChoices,
      with where each came from: the title, the sheet name, the organiser);
    - ``columns``: the mapping chosen (by header and content, or the organiser's);
      pass ``mapping_overrides`` to preview_import to change any column;
    - ``awards``: each distinct award value once, with its row count and how it matched
      (AwardValue); pass ``award_map`` {text: form id} or ``add_awards`` to resolve;
    - ``rows``: every row with its problems (errors) and warnings;
    - ``fingerprint`` / ``profile_used``: the header's fingerprint, and whether a saved
      import profile for it supplied the mapping and choices;
    - ``samples``: the first few distinct values of each column (by column index).
    """

    path: str
    sheet: str
    sheets: tuple[str, ...]
    table: TableLocation
    columns: tuple[ColumnMapping, ...]
    rows: tuple[ImportRow, ...]
    legacy_tcvn3: bool = False
    encoding: str = ""  # CSV only: the text encoding it was read in
    notes: tuple[str, ...] = ()
    choices: Any = None  # choices.ListChoices
    awards: tuple[Any, ...] = ()  # award_choice.AwardValue, most rows first
    fingerprint: str = ""
    profile_used: bool = False
    samples: tuple[tuple[str, ...], ...] = ()  # a few values of each column, for the window

    @property
    def warnings(self) -> tuple[RowProblem, ...]:
        return tuple(p for r in self.rows for p in r.warnings)

    @property
    def ignored_columns(self) -> tuple[ColumnMapping, ...]:
        return tuple(c for c in self.columns if c.field is None)

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        return tuple(p for r in self.rows for p in r.problems)

    @property
    def valid_rows(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if r.valid)

    @property
    def invalid_rows(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if not r.valid)


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    imported: int
    skipped: int
    stored: bool  # False for a dry run or a refused import
