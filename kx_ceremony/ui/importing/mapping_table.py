"""The column mapping: every column of the table (letter, header, a few values) and the
field it feeds, with a choice per column to change the field or ignore the column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

IGNORE_TEXT = "(bỏ qua cột này)"


class MappingTable(QTableWidget):
    """Emits ``remapped(column index, field or None)`` when the organiser changes a column."""

    remapped = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Cột"),
                self.tr("Tiêu đề trong tệp"),
                self.tr("Ví dụ trong tệp"),
                self.tr("Dùng cho"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(1, 240)
        self.setColumnWidth(3, 330)

    def combo(self, row: int) -> QComboBox:
        return self.cellWidget(row, 3)  # type: ignore[return-value]

    def row_of(self, letter: str) -> int:
        return next(r for r in range(self.rowCount()) if self.item(r, 0).text() == letter)

    def show_columns(self, preview: Any) -> None:
        from kx_ceremony.core.importing import FIELD_LABELS

        self.setRowCount(0)
        if preview is None:
            return
        self.setRowCount(len(preview.columns))
        for r, column in enumerate(preview.columns):
            self.setItem(r, 0, QTableWidgetItem(column.letter))
            header = QTableWidgetItem(column.header or self.tr("(không tiêu đề)"))
            header.setToolTip(column.header)
            self.setItem(r, 1, header)
            samples = preview.samples[column.index] if column.index < len(preview.samples) else ()
            shown = QTableWidgetItem("; ".join(samples) if samples else self.tr("(trống)"))
            shown.setToolTip("\n".join(samples))
            self.setItem(r, 2, shown)
            combo = QComboBox()
            combo.addItem(self.tr(IGNORE_TEXT), None)
            for key, label in FIELD_LABELS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.activated.connect(
                lambda _i, index=column.index, box=combo: self.remapped.emit(
                    index, box.currentData()
                )
            )
            self.setCellWidget(r, 3, combo)
