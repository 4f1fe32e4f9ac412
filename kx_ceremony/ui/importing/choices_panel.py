"""Whole-list choices above the preview: the award, the kind and the unit for every row
that names none, each with where its current value came from (the file's title, the last
import of a list with this header, or the organiser)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from kx_ceremony.ui.importing.wording import source_text

BY_ROW = "lấy theo từng dòng"
KINDS = (("cá nhân", "individual"), ("tập thể", "collective"), ("hộ gia đình", "household"))


class ChoicesPanel(QGroupBox):
    """Emits ``changed`` when the organiser changes a value; ``list_choices()`` is then
    what to pass to preview_import. ``show_choices`` shows what a preview used."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cho cả danh sách (dòng nào ghi riêng thì theo dòng đó)"), parent)
        # What the organiser set: None untouched, "" set to nothing, else the value.
        self.given: dict[str, Any] = {"award": None, "kind": None, "unit": None}
        self._shown: dict[str, str] = {"award": "", "kind": "", "unit": ""}
        self.award = QComboBox()
        self.award.setEditable(True)
        self.award.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.award.setMinimumContentsLength(28)
        self.award.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.award.lineEdit().setPlaceholderText(self.tr("gõ hoặc chọn hình thức"))
        self.award.setToolTip(
            self.tr(
                "Hình thức cho các dòng không ghi hình thức: chọn trong danh mục của buổi lễ, "
                "hoặc gõ tên (khớp gần đúng như ô hình thức trong tệp)."
            )
        )
        self.kind = QComboBox()
        self.kind.addItem(self.tr(BY_ROW), "")
        for text, key in KINDS:
            self.kind.addItem(self.tr(text), key)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("để trống: theo từng dòng"))
        self.award_source, self.kind_source, self.unit_source = QLabel(), QLabel(), QLabel()
        for label in (self.award_source, self.kind_source, self.unit_source):
            label.setStyleSheet("color: #555;")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel(self.tr("Hình thức:")), 0, 0)
        grid.addWidget(self.award, 0, 1, 1, 4)
        grid.addWidget(self.award_source, 0, 5)
        grid.addWidget(QLabel(self.tr("Đối tượng:")), 1, 0)
        grid.addWidget(self.kind, 1, 1)
        grid.addWidget(self.kind_source, 1, 2)
        grid.addWidget(QLabel(self.tr("Đơn vị:")), 1, 3)
        grid.addWidget(self.unit, 1, 4)
        grid.addWidget(self.unit_source, 1, 5)
        grid.setColumnStretch(4, 1)
        self.award.activated.connect(lambda _i: self._award_edited())
        self.award.lineEdit().editingFinished.connect(self._award_edited)
        self.kind.activated.connect(self._kind_chosen)
        self.unit.editingFinished.connect(self._unit_edited)

    # -- what the dialog asks ----------------------------------------------------------
    def set_forms(self, names: list[str]) -> None:
        self.award.clear()
        self.award.addItem(self.tr(BY_ROW), "")
        for name in names:
            self.award.addItem(name, name)

    def reset(self) -> None:
        """A new file: nothing given, nothing shown."""
        self.given = {"award": None, "kind": None, "unit": None}
        self.show_choices(None)

    def list_choices(self) -> Any:
        from kx_ceremony.core.importing import ListChoices
        from kx_ceremony.core.model import Kind

        kind = self.given["kind"]
        return ListChoices(
            award=self.given["award"] or "",
            kind=Kind(kind) if kind else None,
            unit=self.given["unit"] or "",
            cleared=tuple(f for f, v in self.given.items() if v == ""),
        )

    def show_choices(self, choices: Any) -> None:
        """Show the values a preview used and where each came from (None: nothing)."""
        award = choices.award if choices is not None else ""
        kind = choices.kind.value if choices is not None and choices.kind else ""
        unit = choices.unit if choices is not None else ""
        self._shown = {"award": award, "kind": kind, "unit": unit}
        found = self.award.findData(award) if award else 0
        if found >= 0:
            self.award.setCurrentIndex(found)
        else:
            self.award.setCurrentIndex(-1)
            self.award.setEditText(award)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.unit.setText(unit)
        for field, label in (
            ("award", self.award_source),
            ("kind", self.kind_source),
            ("unit", self.unit_source),
        ):
            if choices is None:
                label.setText("")
                continue
            where = choices.source_of(field)
            label.setText(source_text(where, bool(self._shown[field])))

    # -- the organiser's edits ---------------------------------------------------------
    def _award_edited(self) -> None:
        text = self.award.currentText().strip()
        value = "" if text in ("", self.tr(BY_ROW)) else text
        if value != self._shown["award"]:
            self._set("award", value)

    def _kind_chosen(self, _index: int) -> None:
        value = self.kind.currentData() or ""
        if value != self._shown["kind"]:
            self._set("kind", value)

    def _unit_edited(self) -> None:
        value = self.unit.text().strip()
        if value != self._shown["unit"]:
            self._set("unit", value)

    def _set(self, field: str, value: str) -> None:
        self.given[field] = value
        self._shown[field] = value
        self.changed.emit()
