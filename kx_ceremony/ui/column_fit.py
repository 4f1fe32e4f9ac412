"""Columns that fit the table's width, at any screen size and scaling.

Narrow columns (numbers, short words) get the width of their header or their widest
typical value; the wide text columns share what is left by weight, so every column is
on screen without a horizontal scroll bar on a 1366×768 laptop at 100 % or a desktop at
150 %. Once the organiser drags a column border, their widths are kept as they left them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 24  # the sort arrow and cell margins


class ColumnFitter(QObject):
    def __init__(
        self,
        table: QTableView,
        samples: dict[int, str],
        weights: dict[int, int],
        minimum: int = 70,
    ) -> None:
        super().__init__(table)
        self.table, self.samples, self.weights, self.minimum = table, samples, weights, minimum
        self.user_resized = False
        self._fitting = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and not self.user_resized:
            self.fit()
        return False

    def _resized(self, *_args: object) -> None:
        if not self._fitting:
            self.user_resized = True

    def narrow_width(self, column: int) -> int:
        header = self.table.horizontalHeader()
        model = self.table.model()
        title = str(model.headerData(column, header.orientation()) or "")
        metrics = header.fontMetrics()
        cell = self.table.fontMetrics().horizontalAdvance(self.samples.get(column, ""))
        return max(metrics.horizontalAdvance(title), cell) + PADDING

    def fit(self) -> None:
        model = self.table.model()
        if model is None:
            return
        count = model.columnCount()
        available = self.table.viewport().width()
        narrow = {c: self.narrow_width(c) for c in range(count) if c not in self.weights}
        left = max(available - sum(narrow.values()), self.minimum * len(self.weights))
        total = sum(self.weights.values()) or 1
        self._fitting = True
        try:
            for column, width in narrow.items():
                self.table.setColumnWidth(column, width)
            given = 0
            wide = sorted(self.weights)
            for n, column in enumerate(wide):
                width = (
                    left - given
                    if n == len(wide) - 1
                    else max(self.minimum, left * self.weights[column] // total)
                )
                self.table.setColumnWidth(column, width)
                given += width
        finally:
            self._fitting = False
