"""Covenant and pledge editor: title, place and date, text sections, signatories, targets.

Each save goes through ``services/pledges/editing.py`` (a refused edit leaves the stored document
as it was); a ceremony without the document starts from the ready-made draft.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.pledges.editing import (
    find_document,
    set_signatories,
    update_document,
)
from kx_ceremony.core.services.row_types import DocumentRow
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.ceremony_dialogs import date_edit, date_of
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.form import FieldForm, button_row, fill_table, line
from kx_ceremony.ui.messages import guarded
from kx_ceremony.ui.text_grid import grid_cells, text_grid

KIND_TITLES = {"covenant": "Bản giao ước thi đua", "pledge": "Bản cam kết thi đua"}


class DocumentEditor(QWidget):
    """The editor of one kind of document for the open ceremony."""

    def __init__(
        self, store: Store, app_events: AppEvents, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.events, self.kind = store, app_events, kind
        self.ceremony_id: int | None = None
        self.document: DocumentRow | None = None

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.draft_button = QPushButton(self.tr("Soạn từ bản nháp có sẵn"))
        self.draft_button.clicked.connect(self.start_from_draft)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.draft_button)
        empty_layout.addStretch(1)

        self.form = FieldForm()
        self.title = self.form.add("title", self.tr("Tiêu đề"), line())
        self.place = self.form.add("place", self.tr("Địa danh"), line())
        self.signed_on = self.form.add("signed_on", self.tr("Ngày ký"), date_edit(None))
        self.party = self.form.add("pledging_party", self.tr("Bên cam kết"), line())
        self.superior = self.form.add("superior", self.tr("Bên nhận cam kết"), line())
        self.closing = self.form.add("closing", self.tr("Câu kết"), line())
        self.cluster = self.form.add(
            "cluster",
            self.tr("Cụm, khối thi đua"),
            line(placeholder=self.tr("ví dụ: Cụm thi đua số 3 (để trống nếu không theo cụm)")),
        )
        self.issuer = self.form.add(
            "issuer",
            self.tr("Thuộc cơ quan"),
            line(placeholder=self.tr("ví dụ: UBND huyện Kiến Xương")),
        )
        for name in ("pledging_party", "superior", "closing"):
            self.form.set_row_visible(name, kind == "pledge")
        for name in ("cluster", "issuer"):
            self.form.set_row_visible(name, kind == "covenant")

        self.sections = QListWidget()
        self.sections.setWordWrap(True)
        self.sections.currentRowChanged.connect(self._section_picked)
        self.heading = QLineEdit()
        self.heading.setPlaceholderText(self.tr("Tiêu đề mục (có thể để trống)"))
        self.body = QPlainTextEdit()
        self.heading.textEdited.connect(self._section_edited)
        self.body.textChanged.connect(self._section_edited)
        self._section_data: list[dict[str, str]] = []
        self._current_section = -1
        sections_box = QGroupBox(self.tr("Nội dung (các mục)"))
        sections_layout = QHBoxLayout(sections_box)
        left = QVBoxLayout()
        left.addWidget(self.sections, 1)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Thêm mục"), self.add_section),
            (self.tr("Xóa mục"), self.remove_section),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.body, 1)
        sections_layout.addLayout(left, 1)
        sections_layout.addLayout(right, 2)

        self.signatories = text_grid(
            [self.tr("Đơn vị"), self.tr("Chức danh người ký"), self.tr("Họ tên")]
        )
        signers_box = QGroupBox(
            self.tr("Các bên ký (đơn vị trưởng cụm đứng đầu)")
            if kind == "covenant"
            else self.tr("Các bên ký (bên nhận cam kết trước, bên cam kết sau)")
        )
        signers_layout = QVBoxLayout(signers_box)
        signers_layout.addWidget(self.signatories)
        signers_layout.addLayout(
            button_row(
                (self.tr("Thêm bên ký"), self.add_signatory),
                (self.tr("Xóa bên ký"), self.remove_signatory),
                (self.tr("Lên"), lambda: self.move_signatory(-1)),
                (self.tr("Xuống"), lambda: self.move_signatory(1)),
            )
        )
        self.signatory_error = QLabel()
        self.signatory_error.setStyleSheet("color: #b00020;")
        self.signatory_error.hide()
        signers_layout.addWidget(self.signatory_error)

        lower = QSplitter()
        lower.setObjectName("pledges")
        lower.addWidget(sections_box)
        lower.addWidget(signers_box)
        self.targets = text_grid([self.tr("Chỉ tiêu"), self.tr("Đơn vị tính"), self.tr("Kế hoạch")])
        self.targets_box = QGroupBox(self.tr("Bảng chỉ tiêu cam kết"))
        targets_layout = QVBoxLayout(self.targets_box)
        targets_layout.addWidget(self.targets)
        targets_layout.addLayout(
            button_row(
                (self.tr("Thêm chỉ tiêu"), lambda: self.targets.insertRow(self.targets.rowCount())),
                (
                    self.tr("Xóa chỉ tiêu"),
                    lambda: self.targets.removeRow(self.targets.currentRow()),
                ),
            )
        )
        self.targets_box.setVisible(kind == "pledge")

        self.save_button = QPushButton(self.tr("Lưu văn bản"))
        self.save_button.clicked.connect(self.save)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(self.form)
        editor_layout.addWidget(lower, 3 if kind == "covenant" else 2)
        editor_layout.addWidget(self.targets_box, 2)
        editor_layout.addWidget(self.save_button)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- loading ---------------------------------------------------------------------
    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        self.reload()

    def reload(self) -> None:
        self.document = (
            find_document(self.store, self.ceremony_id, self.kind) if self.ceremony_id else None
        )
        if self.document is None:
            self.empty_label.setText(
                self.tr(
                    "Buổi lễ này chưa có %s. Bấm nút dưới đây để bắt đầu từ bản nháp có sẵn rồi sửa lại."
                )
                % KIND_TITLES[self.kind].lower()
                if self.ceremony_id
                else self.tr("Hãy chọn một buổi lễ trước.")
            )
            self.draft_button.setEnabled(self.ceremony_id is not None)
            self.stack.setCurrentWidget(self.empty)
            return
        doc = self.document
        self.form.clear_errors()
        self.signatory_error.hide()
        self.title.setText(doc.title)
        self.place.setText(doc.place)
        if doc.signed_on:
            self.signed_on.set_date(doc.signed_on)
        self._section_data = [
            {"heading": s.get("heading", ""), "body": s.get("body", "")} for s in doc.sections
        ]
        self._fill_sections(0)
        fill_table(
            self.signatories, [[s.unit, s.signer_title, s.signer_name] for s in doc.signatories]
        )
        self.party.setText(str(doc.extra.get("pledging_party", "")))
        self.superior.setText(str(doc.extra.get("superior", "")))
        self.closing.setText(str(doc.extra.get("closing", "")))
        self.cluster.setText(str(doc.extra.get("cluster", "")))
        self.issuer.setText(str(doc.extra.get("issuer", "")))
        fill_table(
            self.targets,
            [
                [t.get("target", ""), t.get("measure", ""), t.get("planned", "")]
                for t in doc.extra.get("targets", [])
            ],
        )
        self.stack.setCurrentWidget(self.editor)

    # -- sections ---------------------------------------------------------------------
    def _label(self, n: int, section: dict[str, str]) -> str:
        heading = section.get("heading") or section.get("body", "").split("\n")[0][:60]
        return f"{n + 1}. {heading or self.tr('(mục trống)')}"

    def _fill_sections(self, current: int) -> None:
        self._current_section = -1
        self.sections.blockSignals(True)
        self.sections.clear()
        for n, section in enumerate(self._section_data):
            self.sections.addItem(self._label(n, section))
        self.sections.blockSignals(False)
        if self._section_data:
            self.sections.setCurrentRow(min(current, len(self._section_data) - 1))
        else:
            self._section_picked(-1)

    def _section_picked(self, row: int) -> None:
        self._current_section = -1  # no write-back while the editors are refilled
        section = self._section_data[row] if 0 <= row < len(self._section_data) else None
        self.heading.setText(section["heading"] if section else "")
        self.body.setPlainText(section["body"] if section else "")
        self.heading.setEnabled(section is not None)
        self.body.setEnabled(section is not None)
        self._current_section = row if section else -1

    def _section_edited(self, *_args: object) -> None:
        row = self._current_section
        if 0 <= row < len(self._section_data):
            self._section_data[row] = {
                "heading": self.heading.text(),
                "body": self.body.toPlainText(),
            }
            self.sections.item(row).setText(self._label(row, self._section_data[row]))

    def add_section(self) -> None:
        self._section_data.append({"heading": self.tr("Mục mới"), "body": ""})
        self._fill_sections(len(self._section_data) - 1)
        self.heading.setFocus()

    def remove_section(self) -> None:
        row = self.sections.currentRow()
        if 0 <= row < len(self._section_data):
            del self._section_data[row]
            self._fill_sections(row)

    # -- signatories --------------------------------------------------------------------
    def add_signatory(self) -> None:
        self.signatories.insertRow(self.signatories.rowCount())
        self.signatories.setCurrentCell(self.signatories.rowCount() - 1, 0)

    def remove_signatory(self) -> None:
        row = self.signatories.currentRow()
        if row >= 0:
            self.signatories.removeRow(row)

    def move_signatory(self, step: int) -> None:
        row = self.signatories.currentRow()
        rows = grid_cells(self.signatories)
        target = row + step
        if 0 <= row < len(rows) and 0 <= target < len(rows):
            rows[row], rows[target] = rows[target], rows[row]
            fill_table(self.signatories, rows)
            self.signatories.setCurrentCell(target, 0)

    # -- store ------------------------------------------------------------------------
    @guarded
    def start_from_draft(self, *_args: object) -> None:
        from kx_ceremony.core.services.pledges.drafts import draft_covenant, draft_pledge

        if self.ceremony_id is None:
            return
        if self.kind == "covenant":
            draft_covenant(self.store, self.ceremony_id)
        else:
            draft_pledge(self.store, self.ceremony_id)

    @guarded
    def save(self, *_args: object) -> bool:
        with self.events.held() as notices:  # two steps: the screens hear of it once, after
            saved = self._save()
            if not saved:
                notices.clear()  # refused: the first step was put back as it was
            return saved

    def _save(self) -> bool:
        if self.document is None:
            return False
        self.form.clear_errors()
        self.signatory_error.hide()
        signers = [r for r in grid_cells(self.signatories) if any(c.strip() for c in r)]
        extra: dict[str, object] = {}
        if self.kind == "pledge":
            extra = {
                "pledging_party": self.party.text(),
                "superior": self.superior.text(),
                "closing": self.closing.text(),
                "targets": [
                    dict(zip(("target", "measure", "planned"), r, strict=True))
                    for r in grid_cells(self.targets)
                ],
            }
        else:
            extra = {"cluster": self.cluster.text(), "issuer": self.issuer.text()}
        before = self.document
        try:
            # Two units of work; a refusal in the second puts the first back as it was.
            set_signatories(self.store, before.id, signers)
            try:
                update_document(
                    self.store,
                    before.id,
                    title=self.title.text(),
                    place=self.place.text(),
                    signed_on=date_of(self.signed_on, "signed_on"),
                    sections=self._section_data,
                    **({"extra": extra} if extra else {}),
                )
            except UserError:
                set_signatories(self.store, before.id, list(before.signatories))
                raise
        except UserError as exc:
            if exc.field in ("signatories", "targets"):
                self.signatory_error.setText(exc.window_text)
                self.signatory_error.show()
            else:
                self.form.show_error(exc)
            return False
        self.window().statusBar().showMessage(
            self.tr("Đã lưu %s.") % KIND_TITLES[self.kind].lower(), 5000
        )
        return True


class PledgeView(QWidget):
    """The «Giao ước, cam kết» screen: one editor per kind of document."""

    def __init__(self, store: Store, app_events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.covenant = DocumentEditor(store, app_events, "covenant")
        self.pledge = DocumentEditor(store, app_events, "pledge")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.covenant, self.tr("Bản giao ước thi đua"))
        self.tabs.addTab(self.pledge, self.tr("Bản cam kết thi đua"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._stale = True
        app_events.changed.connect(self._on_changed)

    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.covenant.ceremony_id = self.pledge.ceremony_id = ceremony_id
        self._stale = True
        if self.isVisible():
            self._refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Loaded when first shown, like the other screens, so start-up stays short."""
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        try:
            self.covenant.reload()
            self.pledge.reload()
        except Exception as exc:  # noqa: BLE001 - a refresh must not crash the window
            messages.report(self, exc)

    def _on_changed(self, what: str) -> None:
        if what in (events.DOCUMENTS, events.STORE, events.CEREMONIES):
            self._stale = True
            if self.isVisible():
                self._refresh()
