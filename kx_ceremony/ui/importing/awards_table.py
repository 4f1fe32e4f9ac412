"""Each distinct award value of the list once: its row count, how it matched, and a
choice to map it to a catalogue form (kept as that form's alias on import) or to add it
as a new form (its rank proposed from its words)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from kx_ceremony.ui.importing.rows_model import ERROR_BACKGROUND
from kx_ceremony.ui.importing.wording import match_text

AUTOMATIC = "(theo cách khớp)"
NEW_FORM = "new"
NEW_TEXT = "Thêm làm hình thức mới"


class AwardsTable(QTableWidget):
    """Emits ``chosen(award text, form id | NEW_FORM | None)``; None gives the value back
    to the automatic match."""

    chosen = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Giá trị trong tệp"),
                self.tr("Số dòng"),
                self.tr("Cách khớp"),
                self.tr("Nhập thành"),
            ]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 270)
        self.setColumnWidth(3, 300)
        self.forms: list[tuple[int, str]] = []

    def set_forms(self, forms: list[tuple[int, str]]) -> None:
        self.forms = forms

    def combo(self, text: str) -> QComboBox:
        row = next(r for r in range(self.rowCount()) if self.item(r, 0).text() == text)
        return self.cellWidget(row, 3)  # type: ignore[return-value]

    def match_of(self, text: str) -> str:
        row = next(r for r in range(self.rowCount()) if self.item(r, 0).text() == text)
        return self.item(row, 2).text()

    def show_awards(self, values: tuple[Any, ...], choices: dict[str, object]) -> None:
        """``choices``: what the organiser chose per text (form id or NEW_FORM)."""
        self.setRowCount(0)
        self.setRowCount(len(values))
        for r, value in enumerate(values):
            cells = [
                QTableWidgetItem(value.text),
                QTableWidgetItem(str(value.rows)),
                QTableWidgetItem(match_text(value)),
            ]
            cells[2].setToolTip(value.describe())
            for c, cell in enumerate(cells):
                if not value.resolved:
                    cell.setBackground(QBrush(ERROR_BACKGROUND))
                self.setItem(r, c, cell)
            combo = QComboBox()
            combo.addItem(self.tr(AUTOMATIC), None)
            for form_id, name in self.forms:
                combo.addItem(name, form_id)
            combo.addItem(self.tr(NEW_TEXT), NEW_FORM)
            combo.setCurrentIndex(max(combo.findData(choices.get(value.text)), 0))
            combo.activated.connect(
                lambda _i, text=value.text, box=combo: self.chosen.emit(text, box.currentData())
            )
            self.setCellWidget(r, 3, combo)
