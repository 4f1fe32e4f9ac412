"""The preview's rows as the import will store them, each with its problems or warnings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kx_ceremony.ui.honouree_model import GENDER_TEXT, KIND_TEXT
from kx_ceremony.ui.importing.wording import for_window

ERROR_BACKGROUND = QColor("#fde7e9")
WARNING_BACKGROUND = QColor("#fff4ce")


class PreviewRowsModel(QAbstractTableModel):
    HEADERS = (
        "Dòng",
        "Họ tên / tên tập thể",
        "Đối tượng",
        "Giới tính",
        "Năm sinh",
        "Chức vụ",
        "Đơn vị",
        "Hình thức (trong tệp)",
        "Vấn đề",
    )
    WIDTHS = (50, 190, 75, 65, 70, 130, 180, 190, 240)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if r.problems:
                trouble = "; ".join(for_window(p.message) for p in r.problems)
            else:
                trouble = "; ".join(f"cần xem lại: {p.message}" for p in r.warnings)
            values = (
                str(r.row),
                r.name,
                KIND_TEXT.get(r.kind, r.kind),
                GENDER_TEXT.get(r.gender or "", ""),
                str(r.birth_year or ""),
                r.position,
                r.unit,
                r.award_text,
                trouble,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.problems:
                return QBrush(ERROR_BACKGROUND)
            if r.warnings:
                return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and (r.problems or r.warnings):
            return "\n".join(for_window(p.describe()) for p in (*r.problems, *r.warnings))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("PreviewRowsModel", self.HEADERS[section])
        return None
