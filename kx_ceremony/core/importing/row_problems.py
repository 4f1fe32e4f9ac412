"""The problems and warnings of one data row, each naming its cell (column letter and header).

A problem keeps the row out of the store; a warning (a likely duplicate) is shown and the
row is stored all the same.
"""

from __future__ import annotations

from collections.abc import Callable

from kx_ceremony.core.importing.duplicates import Entry, PersonKey
from kx_ceremony.core.importing.results import ColumnMapping, RowProblem
from kx_ceremony.core.importing.table import display_header
from kx_ceremony.core.importing.xlsx_parts import NO_CACHED_VALUE
from kx_ceremony.core.services.honouree_duplicates import SAME


class Problems:
    """A row's problems (it is not stored) and warnings (it is), each naming its cell."""

    __slots__ = ("sheet", "index", "items", "warnings")

    def __init__(self, sheet: str, index: int) -> None:
        self.sheet, self.index = sheet, index
        self.items: list[RowProblem] = []
        self.warnings: list[RowProblem] = []

    def _problem(self, column: ColumnMapping | None, found: str, message: str) -> RowProblem:
        where = ""
        if column is not None:
            header = display_header(column.header)
            where = f"{column.letter} «{header}»" if header else column.letter
        return RowProblem(self.sheet, self.index + 1, where, found, message)

    def add(self, column: ColumnMapping | None, found: str, message: str) -> None:
        self.items.append(self._problem(column, found, message))

    def warn(self, column: ColumnMapping | None, found: str, message: str) -> None:
        self.warnings.append(self._problem(column, found, message))


def flag_problem(problems: Problems, column: ColumnMapping, flag: str) -> None:
    if flag == NO_CACHED_VALUE:
        problems.add(
            column,
            "",
            "là công thức chưa có giá trị đã tính; hãy mở tệp bằng Excel để công thức được "
            "tính rồi lưu lại (hoặc gõ giá trị thay cho công thức).",
        )
    else:
        problems.add(
            column,
            flag,
            "là ô lỗi (công thức tra cứu không ra kết quả); hãy sửa công thức hoặc gõ giá trị.",
        )


def duplicate_problems(
    problems: Problems,
    column: ColumnMapping,
    name: str,
    earlier_row: Callable[[PersonKey, Entry], int],
    key: PersonKey,
    entry: Entry,
    verdicts: tuple[str | None, str | None],
) -> None:
    """The row's duplicate verdicts (DuplicateIndex.check) as a problem or a warning."""
    in_list, in_store = verdicts
    if in_list is not None:
        first = earlier_row(key, entry)
        if in_list == SAME:
            problems.add(
                column,
                name,
                f"trùng với dòng {first} (cùng tên, cùng đơn vị, cùng năm sinh); hãy xóa một dòng.",
            )
        else:
            problems.warn(
                column,
                name,
                f"có thể trùng với dòng {first} (cùng tên, cùng đơn vị, thiếu năm sinh để phân "
                "biệt); hãy kiểm tra: nếu là hai đối tượng khác nhau thì cứ nhập.",
            )
    if in_store == SAME:
        problems.add(
            column,
            name,
            "đã có trong danh sách buổi lễ này (cùng tên, cùng đơn vị, cùng năm sinh); hãy bỏ "
            "dòng này khỏi tệp.",
        )
    elif in_store is not None:
        problems.warn(
            column,
            name,
            "có thể đã có trong danh sách buổi lễ (cùng tên, cùng đơn vị, thiếu năm sinh để "
            "phân biệt); hãy kiểm tra.",
        )
