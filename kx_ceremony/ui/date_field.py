"""A date the organiser types as dd/mm/yyyy (or picks from a calendar).

QDateEdit fights typing: its sections jump, "5/1/2023" cannot be typed as it is said, a
half-typed day snaps back. This field is plain text parsed when the form is saved
(``core.vietnamese.parse_typed_date``), with a calendar button beside it; a wrong date is
reported next to the field by the form, like every other field error.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.text.vietnamese import parse_typed_date


class DateField(QWidget):
    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("ngày/tháng/năm, ví dụ 05/01/2023"))
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.menu = menu
        button = QToolButton()
        button.setText(self.tr("Lịch"))
        button.setToolTip(self.tr("Chọn trên lịch"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(menu)
        menu.aboutToShow.connect(self._sync_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(button)
        self.set_date(value or dt.date.today())
        self.setFocusProxy(self.text)

    def set_date(self, day: dt.date) -> None:
        self.text.setText(f"{day:%d/%m/%Y}")

    def date(self, field: str | None = None) -> dt.date:
        """The typed day; a UserError (for ``field``) when it is not one."""
        try:
            return parse_typed_date(self.text.text())
        except ValueError as exc:
            raise UserError(str(exc), field=field) from None

    def _sync_calendar(self) -> None:
        try:
            day = parse_typed_date(self.text.text())
        except ValueError:
            return
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, value: QDate) -> None:
        self.set_date(dt.date(value.year(), value.month(), value.day()))
        self.menu.hide()
