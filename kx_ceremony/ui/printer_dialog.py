"""Choosing a printer, its tray and the number of copies for «In ra máy in»."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)


@dataclass(frozen=True)
class PrinterChoice:
    name: str
    tray: str | None
    copies: int


class PrinterDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kx_ceremony.printer.qt_printer import list_printers

        self.setWindowTitle(self.tr("In ra máy in"))
        self.printers = list_printers()
        self.printer = QComboBox()
        for entry in self.printers:
            self.printer.addItem(entry.name, entry.name)
            if entry.is_default:
                self.printer.setCurrentIndex(self.printer.count() - 1)
        self.tray = QComboBox()
        self.copies = QSpinBox()
        self.copies.setRange(1, 99)
        form = QFormLayout(self)
        note = QLabel(
            self.tr(
                "In đúng 100 %: khổ giấy là khổ của phôi, không co giãn; độ lệch đã lưu cho "
                "máy in và khay này được áp dụng khi in lên phôi."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Máy in"), self.printer)
        form.addRow(self.tr("Khay giấy"), self.tray)
        form.addRow(self.tr("Số bản"), self.copies)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("In"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.printer.currentIndexChanged.connect(self._fill_trays)
        self._fill_trays()
        if not self.printers:
            self.printer.addItem(self.tr("(chưa cài máy in nào)"), None)
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _fill_trays(self, *_args: object) -> None:
        self.tray.clear()
        self.tray.addItem(self.tr("Tự động"), None)
        name = self.printer.currentData()
        for entry in self.printers:
            if entry.name == name:
                for tray in entry.trays:
                    self.tray.addItem(tray, tray)

    def choice(self) -> PrinterChoice | None:
        name = self.printer.currentData()
        if name is None:
            return None
        return PrinterChoice(name, self.tray.currentData(), self.copies.value())


def ask_printer(parent: QWidget | None) -> PrinterChoice | None:
    dialog = PrinterDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
