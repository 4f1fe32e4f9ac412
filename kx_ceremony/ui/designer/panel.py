"""The designer's side panel: the chosen box in millimetres and its type, and the sheet.

The panel only shows the working copy and reports each edit (``edit(field, key, value)``,
``edit_page(key, value)``); the designer turns edits into undoable changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.printing.layouts import ALIGNS, FIELD_LABELS

ALIGN_WORDS = {"left": "Trái", "center": "Giữa", "right": "Phải"}


def _mm_box(low: float, high: float, suffix: str = " mm", step: float = 0.5) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setKeyboardTracking(False)  # one change per value typed, not per keystroke
    return box


class FieldPanel(QWidget):
    def __init__(
        self,
        pick: Callable[[str], None],
        edit: Callable[[str, str, Any], None],
        edit_page: Callable[[str, float], None],
        font_label: str,
    ) -> None:
        super().__init__()
        self._pick, self._edit, self._edit_page = pick, edit, edit_page
        self._loading = False
        self.name = ""
        self.field = QComboBox()
        self.field.setPlaceholderText(self.tr("bấm vào một ô trên trang"))
        self.field.currentIndexChanged.connect(self._picked)
        self.x, self.y = _mm_box(0, 1200), _mm_box(0, 1200)
        self.width, self.height = _mm_box(1, 1200), _mm_box(1, 1200)
        self.size = _mm_box(4, 200, " pt", 1.0)
        self.bold = QCheckBox(self.tr("Đậm"))
        self.italic = QCheckBox(self.tr("Nghiêng"))
        self.align = QComboBox()
        for align in ALIGNS:
            self.align.addItem(self.tr(ALIGN_WORDS[align]), align)
        self.colour = QPushButton()
        self.colour.clicked.connect(self._choose_colour)
        self.printed = QLabel()
        self.printed.setWordWrap(True)
        for key, spin in (("x", self.x), ("y", self.y), ("width", self.width)):
            spin.valueChanged.connect(lambda v, k=key: self._changed(k, v))
        self.height.valueChanged.connect(lambda v: self._changed("height", v))
        self.size.valueChanged.connect(lambda v: self._changed("size", v))
        self.bold.toggled.connect(lambda _v: self._changed("style", self._style()))
        self.italic.toggled.connect(lambda _v: self._changed("style", self._style()))
        self.align.currentIndexChanged.connect(
            lambda _i: self._changed("align", self.align.currentData())
        )

        box = QGroupBox(self.tr("Ô đang chọn"))
        form = QFormLayout(box)
        form.addRow(self.tr("Ô"), self.field)
        form.addRow(self.tr("Cách mép trái"), self.x)
        form.addRow(self.tr("Cách mép trên"), self.y)
        form.addRow(self.tr("Rộng"), self.width)
        form.addRow(self.tr("Cao"), self.height)
        form.addRow(self.tr("Phông chữ"), QLabel(font_label))
        form.addRow(self.tr("Cỡ chữ"), self.size)
        styles = QHBoxLayout()
        styles.addWidget(self.bold)
        styles.addWidget(self.italic)
        form.addRow(self.tr("Kiểu chữ"), styles)
        form.addRow(self.tr("Canh lề"), self.align)
        form.addRow(self.tr("Màu chữ"), self.colour)
        form.addRow(self.printed)

        self.page_w, self.page_h = _mm_box(50, 1200), _mm_box(50, 1200)
        self.page_w.valueChanged.connect(lambda v: self._page_changed("width", v))
        self.page_h.valueChanged.connect(lambda v: self._page_changed("height", v))
        sheet = QGroupBox(self.tr("Khổ phôi"))
        sheet_form = QFormLayout(sheet)
        sheet_form.addRow(self.tr("Rộng"), self.page_w)
        sheet_form.addRow(self.tr("Cao"), self.page_h)
        self.background_note = QLabel()
        self.background_note.setWordWrap(True)
        sheet_form.addRow(self.background_note)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(sheet)
        layout.addStretch(1)

    def _style(self) -> str:
        bold, italic = self.bold.isChecked(), self.italic.isChecked()
        return (
            "bolditalic"
            if bold and italic
            else "bold"
            if bold
            else "italic"
            if italic
            else "regular"
        )

    def _changed(self, key: str, value: Any) -> None:
        if not self._loading and self.name:
            self._edit(self.name, key, round(value, 1) if isinstance(value, float) else value)

    def _page_changed(self, key: str, value: float) -> None:
        if not self._loading:
            self._edit_page(key, round(value, 1))

    def _picked(self, _index: int) -> None:
        if not self._loading and self.field.currentData():
            self._pick(self.field.currentData())

    def _choose_colour(self) -> None:
        if not self.name:
            return
        colour = QColorDialog.getColor(
            QColor(self.colour.text() or "#000000"),
            self,
            self.tr("Màu chữ"),
            QColorDialog.ColorDialogOption.DontUseNativeDialog,
        )
        if colour.isValid():
            self._changed("colour", colour.name().upper())

    def show_state(self, data: dict[str, Any], name: str) -> None:
        """Show the working copy, with box ``name`` chosen (or none)."""
        self._loading = True
        try:
            self.field.clear()
            for field_name in data["fields"]:
                self.field.addItem(FIELD_LABELS.get(field_name, field_name), field_name)
            self.name = name if name in data["fields"] else ""
            self.field.setCurrentIndex(self.field.findData(self.name))
            values = data["fields"].get(self.name)
            for widget in (self.x, self.y, self.width, self.height, self.size, self.bold):
                widget.setEnabled(values is not None)
            for widget in (self.italic, self.align, self.colour):
                widget.setEnabled(values is not None)
            if values is not None:
                self.x.setValue(values["x"])
                self.y.setValue(values["y"])
                self.width.setValue(values["width"])
                self.height.setValue(values["height"])
                self.size.setValue(values["size"])
                self.bold.setChecked("bold" in values["style"])
                self.italic.setChecked("italic" in values["style"])
                self.align.setCurrentIndex(self.align.findData(values["align"]))
                self.colour.setText(values["colour"])
                self.colour.setStyleSheet(f"color: {values['colour']}; font-weight: bold;")
                self.printed.setText(
                    self.tr("In sẵn trên phôi: chỉ in khi in đủ mẫu lên giấy trắng.")
                    if values.get("design")
                    else self.tr("Chương trình in ô này lên phôi.")
                )
            self.page_w.setValue(data["page"]["width"])
            self.page_h.setValue(data["page"]["height"])
        finally:
            self._loading = False
