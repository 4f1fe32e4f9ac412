"""The problems and warnings of one data row, each naming its cell (column letter and header).

A problem keeps the row out of the store; a warning (a likely duplicate) is shown and the
row is stored all the same.
"""

from __future__ import annotations

from kx_ceremony.core.importing.results import ColumnMapping, RowProblem
from kx_ceremony.core.importing.table import display_header
from kx_ceremony.core.importing.xlsx_parts import NO_CACHED_VALUE


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
