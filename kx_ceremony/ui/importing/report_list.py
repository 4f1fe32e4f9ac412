"""The problems grouped by cause (one line each, with its row count and first rows) and,
apart, the rows to look at again that will still be imported (likely duplicates)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from kx_ceremony.ui.importing.wording import for_window


class ReportList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

    def lines(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def show_report(self, preview: Any) -> None:
        from kx_ceremony.core.importing.report import problem_lines

        self.clear()
        if preview is None:
            return
        if preview.problems:
            self._heading(
                self.tr("Có lỗi ở %s dòng (các dòng này không nhập được), theo nguyên nhân:")
                % len(preview.invalid_rows)
            )
            for line in problem_lines(preview.problems):
                self.addItem(for_window(line))
        warnings = preview.warnings
        if warnings:
            rows = len({p.row for p in warnings})
            self._heading(
                self.tr("Cần xem lại (vẫn nhập): %s dòng; nhập tức là đã xem và đồng ý:") % rows
            )
            for line in problem_lines(warnings, limit=5):
                self.addItem(for_window(line))
        if not preview.problems and not warnings:
            self.addItem(self.tr("Không có dòng nào lỗi hay cần xem lại."))

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(font)
        self.addItem(item)
