"""The honourees table: 10,000 rows, instant search, filters, Vietnamese sorting.

All rows live in memory as light result rows (``honouree_table.table_rows``: named
tuples with ``HonoureeRow``'s field names, made into ``HonoureeRow`` one at a time when a
screen asks for one); the model shows a list of indices into them. Search folds the query once and tests it against each row's folded text, which is
computed once per load (marks and case ignored), so a keystroke never queries the store.
Filtering and sorting are done here rather than in a proxy model because a proxy calls
back into Python for every row comparison, which is slow at this size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kx_ceremony.core.model import KIND_LABELS, Attendance
from kx_ceremony.core.services.honouree_table import as_honouree_row, fold_many
from kx_ceremony.core.services.ordering import name_key
from kx_ceremony.core.services.row_types import HonoureeRow
from kx_ceremony.core.text.vietnamese import collation_key, fold_for_search

KIND_TEXT = {kind.value: label.capitalize() for kind, label in KIND_LABELS.items()}
GENDER_TEXT = {"male": "Nam", "female": "Nữ"}
ATTENDANCE_TEXT = {
    Attendance.PRESENT: "Có mặt",
    Attendance.ABSENT: "Vắng",
    Attendance.SUBSTITUTE: "Nhận thay",
}
UNPLACED = -1  # the round filter for "not yet in a round"

Index = QModelIndex | QPersistentModelIndex


def _text_key(text: str | None) -> tuple:
    return collation_key(text or "")


def _number_key(value: int | None) -> tuple:
    return (value is None, value or 0)


# (header, cell text, sort key); the first column is the presentation order.
COLUMNS: list[tuple[str, Callable[[HonoureeRow], str], Callable[[HonoureeRow], Any] | None]] = [
    ("STT", lambda r: "", None),
    ("Họ tên / Tên tập thể", lambda r: r.name, lambda r: name_key(r.kind, r.name)),
    ("Đối tượng", lambda r: KIND_TEXT.get(r.kind, r.kind), lambda r: r.kind),
    ("Giới tính", lambda r: GENDER_TEXT.get(r.gender or "", ""), lambda r: r.gender or ""),
    (
        "Năm sinh",
        lambda r: str(r.birth_year) if r.birth_year else "",
        lambda r: _number_key(r.birth_year),
    ),
    ("Chức vụ", lambda r: r.position, lambda r: _text_key(r.position)),
    ("Đơn vị", lambda r: r.unit, lambda r: _text_key(r.unit)),
    ("Hình thức khen thưởng", lambda r: r.award, lambda r: (r.award_rank, r.award)),
    ("Đợt", lambda r: str(r.round) if r.round else "", lambda r: _number_key(r.round)),
    (
        "Vị trí",
        lambda r: str(r.position_on_stage) if r.position_on_stage else "",
        lambda r: _number_key(r.position_on_stage),
    ),
    (
        "Có mặt",
        lambda r: (
            f"Nhận thay: {r.substitute_name}"
            if r.attendance == Attendance.SUBSTITUTE
            else ATTENDANCE_TEXT.get(r.attendance, r.attendance)
        ),
        lambda r: r.attendance,
    ),
    ("In bằng", lambda r: "", None),  # filled from the ledger of blanks (set_printed)
]
COL_ORDER, COL_NAME, COL_AWARD = 0, 1, 7
COL_PRINTED = len(COLUMNS) - 1
NOT_PRINTED, PRINTED = "not-printed", "printed"  # the printed filter
PRINT_MODE_TEXT = {"blank": "Đã in lên phôi", "full": "Đã in đủ mẫu"}


class HonoureeTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # HonoureeRow or a Row with the same fields
        self._folded: list[str] | None = None
        self._visible: list[int] = []
        self._query = ""
        self._award: int | None = None
        self._kind: str | None = None
        self._round: int | None = None
        self._printed: dict[int, str] = {}  # honouree id → what the ledger says
        self._printed_filter: str | None = None
        self._sort: tuple[int, Qt.SortOrder] = (COL_ORDER, Qt.SortOrder.AscendingOrder)
        self._sorted: list[int] | None = None  # all row indices in the current sort

    # -- loading -----------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows (given in presentation order); keeps search, filters, sort."""
        self.beginResetModel()
        self._rows = list(rows)
        self._folded = None
        self._sorted = None
        self._visible = self._compute_visible()
        self.endResetModel()

    def prepare_search(self) -> None:
        """Fold every row's text once (done at idle time after a load, or on first search)."""
        if self._folded is None:
            # Fields joined by NUL so a query never matches across two fields.
            self._folded = fold_many(
                [f"{r.name}\0{r.unit}\0{r.position}\0{r.substitute_name}" for r in self._rows]
            )

    # -- search, filters, sort -----------------------------------------------------
    def set_search(self, text: str) -> None:
        query = fold_for_search(text)
        if query != self._query:
            self._query = query
            self._refilter()

    def set_filters(
        self, award_form_id: int | None, kind: str | None, round_number: int | None
    ) -> None:
        self._award, self._kind, self._round = award_form_id, kind, round_number
        self._refilter()

    def set_printed(self, printed: dict[int, str]) -> None:
        """Honouree id → a short text of their latest real print (absent: not printed)."""
        self.beginResetModel()
        self._printed = dict(printed)
        self._visible = self._compute_visible()
        self.endResetModel()

    def set_printed_filter(self, wanted: str | None) -> None:
        self._printed_filter = wanted
        self._refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._sorted = None
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._visible = self._compute_visible()
        self.endResetModel()

    def _all_sorted(self) -> list[int]:
        if self._sorted is None:
            column, order = self._sort
            key = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
            indices = list(range(len(self._rows)))
            if key is not None:
                keys = [key(r) for r in self._rows]
                # Ties keep presentation order (a stable sort on the loaded order).
                indices.sort(key=keys.__getitem__)
            if order == Qt.SortOrder.DescendingOrder:
                indices.reverse()
            self._sorted = indices
        return self._sorted

    def _compute_visible(self) -> list[int]:
        rows = self._rows
        indices = self._all_sorted()
        if self._query:
            self.prepare_search()
            folded, query = self._folded, self._query
            assert folded is not None
            indices = [i for i in indices if query in folded[i]]
        if self._award is not None:
            award = self._award
            indices = [i for i in indices if rows[i].award_form_id == award]
        if self._kind is not None:
            kind = self._kind
            indices = [i for i in indices if rows[i].kind == kind]
        if self._round is not None:
            wanted = None if self._round == UNPLACED else self._round
            indices = [i for i in indices if rows[i].round == wanted]
        if self._printed_filter is not None:
            printed, want = self._printed, self._printed_filter == PRINTED
            indices = [i for i in indices if (rows[i].id in printed) == want]
        return indices

    # -- what the view and the screen read ------------------------------------------
    @property
    def total(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> HonoureeRow:
        return as_honouree_row(self._rows[self._visible[row]])

    def rows_at(self, rows: Sequence[int]) -> list[HonoureeRow]:
        return [self.row_at(r) for r in rows]

    def all_rows(self) -> list[HonoureeRow]:
        return [as_honouree_row(r) for r in self._rows]

    def row_of_id(self, honouree_id: int) -> int | None:
        for position, index in enumerate(self._visible):
            if self._rows[index].id == honouree_id:
                return position
        return None

    # -- QAbstractTableModel ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            position = self._visible[index.row()]
            if index.column() == COL_ORDER:
                return str(position + 1)
            if index.column() == COL_PRINTED:
                return self._printed.get(self._rows[position].id, "Chưa in")
            return COLUMNS[index.column()][1](self._rows[position])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4, 8, 9):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 6, 7):
            return COLUMNS[index.column()][1](self._rows[self._visible[index.row()]])
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("HonoureeTableModel", COLUMNS[section][0])
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_ORDER:
            return QCoreApplication.translate(
                "HonoureeTableModel", "Thứ tự trao tặng trên sân khấu"
            )
        return None
