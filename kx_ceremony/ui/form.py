"""A form whose error messages appear next to the field they belong to.

Services raise ``UserError(message, field=...)``; ``FieldForm.show_error`` puts the
message in red under that field and moves the cursor there. Errors without a field go
to the line at the top of the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.errors import UserError

ERROR_STYLE = "color: #b00020;"


class FieldForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.layout_)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}

    def add(self, name: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setStyleSheet("color: #555;")
            note.setWordWrap(True)
            column.addWidget(note)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.layout_.addRow(label, box)
        self.fields[name] = widget
        self.errors[name] = error
        self.rows[name] = box
        return widget

    def set_row_visible(self, name: str, visible: bool) -> None:
        self.layout_.setRowVisible(self.rows[name], visible)

    def clear_errors(self) -> None:
        self.general_error.hide()
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_error(self, exc: UserError) -> None:
        self.clear_errors()
        label = self.errors.get(exc.field or "")
        if label is None:
            self.general_error.setText(exc.window_text)
            self.general_error.show()
            return
        label.setText(exc.window_text)
        label.show()
        self.fields[exc.field or ""].setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        if label is not None and not label.isHidden():
            return label.text()
        return self.general_error.text() if not self.general_error.isHidden() else ""


def line(text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    return edit


def text_box(text: str = "", height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setFixedHeight(height)
    return edit


def spin(value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def choice(items: list[tuple[str, object]], current: object = None) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    if current is not None:
        found = combo.findData(current)
        if found >= 0:
            combo.setCurrentIndex(found)
    return combo


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """Replace a plain table's content with rows of text."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))


def button_row(*specs: tuple[str, object]) -> QHBoxLayout:
    """A row of push buttons, each (text, slot), pushed to the left."""
    row = QHBoxLayout()
    for text, slot in specs:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row


class FormDialog(QDialog):
    """A dialog holding a FieldForm; ``save()`` is called on OK and may raise UserError."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.form = FieldForm()
        layout.addWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.result_value: object = None

    def save(self) -> object:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def _try_save(self) -> None:
        from kx_ceremony.ui import messages

        self.form.clear_errors()
        try:
            self.result_value = self.save()
        except UserError as exc:
            self.form.show_error(exc)
            return
        except Exception as exc:  # noqa: BLE001 - the dialog stays open, the app too
            messages.report(self, exc)
            return
        self.accept()
