"""The ceremonies screen: pick, create, open the sample; details, award catalogue, decisions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.services.awards import delete_award_form, list_award_forms, list_decisions
from kx_ceremony.core.services.ceremonies import delete_ceremony, get_ceremony, list_ceremonies
from kx_ceremony.core.services.row_types import AwardFormRow, CeremonyRow, DecisionRow
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.ceremony_dialogs import AwardFormDialog, CeremonyDialog, DecisionDialog
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.form import FormDialog, button_row, fill_table
from kx_ceremony.ui.honouree_model import KIND_TEXT
from kx_ceremony.ui.messages import guarded


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CeremoniesView(QWidget):
    def __init__(
        self,
        store: Store,
        app_events: AppEvents,
        recent: Callable[[], list[int]] = list,
        parent: QWidget | None = None,
        runner: Any = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.events, self.runner = store, app_events, runner
        self.recent = recent  # ids of the ceremonies opened last, newest first
        self.ceremony_id: int | None = None
        self._stale = True
        self.ceremonies: list[CeremonyRow] = []
        self.forms: list[AwardFormRow] = []
        self.decisions: list[DecisionRow] = []

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._picked)
        new_button = QPushButton(self.tr("Tạo buổi lễ mới…"))
        demo_button = QPushButton(self.tr("Mở buổi lễ mẫu"))
        demo_button.setToolTip(self.tr("Tạo một buổi lễ mẫu đầy đủ để xem thử chương trình."))
        delete_button = QPushButton(self.tr("Xóa buổi lễ"))
        new_button.clicked.connect(self.create)
        demo_button.clicked.connect(self.open_demo)
        delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("<b>Các buổi lễ</b> (bấm để mở)")))
        left_layout.addWidget(self.list, 1)
        for button in (new_button, demo_button, delete_button):
            left_layout.addWidget(button)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        edit_button = QPushButton(self.tr("Sửa thông tin buổi lễ…"))
        edit_button.clicked.connect(self.edit_details)
        details_box = QGroupBox(self.tr("Thông tin buổi lễ"))
        details_layout = QVBoxLayout(details_box)
        details_layout.addWidget(self.details)
        details_layout.addWidget(edit_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.forms_table = _table(
            [
                self.tr("Thứ bậc"),
                self.tr("Hình thức khen thưởng"),
                self.tr("Dành cho"),
                self.tr("Số người"),
            ]
        )
        self.forms_table.doubleClicked.connect(self.edit_form)
        forms_box = QGroupBox(self.tr("Danh mục hình thức khen thưởng (trao từ trên xuống)"))
        forms_layout = QVBoxLayout(forms_box)
        forms_layout.addWidget(self.forms_table)
        forms_layout.addLayout(
            button_row(
                (self.tr("Thêm hình thức…"), self.add_form),
                (self.tr("Sửa…"), self.edit_form),
                (self.tr("Xóa"), self.delete_form),
            )
        )
        self.design_button = QPushButton(self.tr("Thiết kế mẫu in…"))
        self.design_button.setToolTip(
            self.tr("Kéo từng ô chữ lên ảnh quét phôi của hình thức đang chọn, rồi lưu.")
        )
        self.design_button.clicked.connect(self.design_layout)
        forms_layout.itemAt(forms_layout.count() - 1).layout().insertWidget(3, self.design_button)

        self.decisions_table = _table(
            [self.tr("Số quyết định"), self.tr("Ngày ký"), self.tr("Tặng"), self.tr("Người ký")]
        )
        self.decisions_table.doubleClicked.connect(self.edit_decision)
        decisions_box = QGroupBox(self.tr("Quyết định khen thưởng"))
        decisions_layout = QVBoxLayout(decisions_box)
        decisions_layout.addWidget(self.decisions_table)
        decisions_layout.addLayout(
            button_row(
                (self.tr("Thêm quyết định…"), self.add_decision),
                (self.tr("Sửa…"), self.edit_decision),
            )
        )

        from kx_ceremony.ui.readiness_panel import ReadinessPanel

        self.readiness = ReadinessPanel(store, app_events)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(details_box)
        right_layout.addWidget(self.readiness)
        right_layout.addWidget(forms_box, 3)
        right_layout.addWidget(decisions_box, 2)
        splitter = QSplitter()
        splitter.setObjectName("ceremonies")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([330, 800])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.events.changed.connect(self._on_changed)

    # -- refresh ----------------------------------------------------------------------
    def _on_changed(self, what: str) -> None:
        if not self.isVisible():
            self._stale = True
            return
        try:
            if what in (events.CEREMONIES, events.HONOUREES, events.STORE):
                self.reload_list()
            if what in (events.CEREMONIES, events.AWARDS, events.HONOUREES, events.STORE):
                self.reload_details()
        except Exception as exc:  # noqa: BLE001 - a refresh must not crash the window
            messages.report(self, exc)

    def reload_list(self) -> None:
        rows = list_ceremonies(self.store)
        # The ones opened lately first (newest first), then the rest as the store lists them.
        recent = {cid: n for n, cid in enumerate(self.recent())}
        self.ceremonies = sorted(rows, key=lambda r: recent.get(r.id, len(recent)))
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.ceremonies:
            sample = self.tr(" — mẫu") if row.is_sample else ""
            lately = self.tr(" · mở gần đây") if row.id in recent else ""
            item = QListWidgetItem(
                f"{row.held_on:%d/%m/%Y} — {row.title}\n"
                + self.tr("%s người/tập thể") % row.honouree_count
                + sample
                + lately
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
            if row.id == self.ceremony_id:
                self.list.setCurrentItem(item)
        if not self.ceremonies:
            self.list.addItem(
                self.tr("Chưa có buổi lễ nào.\nBấm «Tạo buổi lễ mới» hoặc «Mở buổi lễ mẫu».")
            )
        self.list.blockSignals(False)

    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        self.readiness.set_ceremony(ceremony_id)
        self._stale = True
        if self.isVisible():
            self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.reload_list()
            self.reload_details()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Loaded when first shown: the window opens faster on the honourees screen."""
        super().showEvent(event)
        try:
            self._refresh_if_stale()
        except Exception as exc:  # noqa: BLE001 - a refresh must not crash the window
            messages.report(self, exc)

    def reload_details(self) -> None:
        if self.ceremony_id is None:
            self.details.setText(self.tr("Chưa chọn buổi lễ."))
            fill_table(self.forms_table, [])
            fill_table(self.decisions_table, [])
            return
        c = get_ceremony(self.store, self.ceremony_id)
        self.details.setText(
            f"<b>{c.title}</b><br>"
            + self.tr("Ngày %s tại %s") % (f"{c.held_on:%d/%m/%Y}", c.venue or c.place or "—")
            + "<br>"
            + self.tr(
                "Cơ quan tổ chức: %s · Thành tích năm %s · %s người mỗi đợt · %s người/tập thể"
            )
            % (c.organiser or "—", c.achievement_year or "—", c.per_round, c.honouree_count)
        )
        self.forms = list_award_forms(self.store, self.ceremony_id)
        self.decisions = list_decisions(self.store, self.ceremony_id)
        counts: dict[int, int] = {}
        for row in self._honouree_counts():
            counts[row[0]] = row[1]
        fill_table(
            self.forms_table,
            [
                [
                    str(f.rank),
                    f.full_name,
                    ", ".join(KIND_TEXT.get(k, k) for k in f.kinds),
                    str(counts.get(f.id, 0)),
                ]
                for f in self.forms
            ],
        )
        names = {f.id: f.full_name for f in self.forms}
        fill_table(
            self.decisions_table,
            [
                [
                    d.number,
                    f"{d.signed_on:%d/%m/%Y}",
                    names.get(d.award_form_id, ""),
                    " ".join(x for x in (d.signer_title, d.signer_name) if x),
                ]
                for d in self.decisions
            ],
        )

    def _honouree_counts(self) -> list[tuple[int, int]]:
        from kx_ceremony.core.services.honouree_table import award_counts

        assert self.ceremony_id is not None
        return award_counts(self.store, self.ceremony_id)

    # -- ceremonies ---------------------------------------------------------------------
    def _picked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        ceremony_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(ceremony_id, int) and ceremony_id != self.ceremony_id:
            self.events.ceremony_opened.emit(ceremony_id)

    def _run_dialog(self, dialog: FormDialog, opens: bool = False) -> FormDialog:
        def done() -> None:
            if opens and isinstance(dialog.result_value, int):
                self.events.ceremony_opened.emit(dialog.result_value)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    @guarded
    def create(self, *_args: object) -> FormDialog:
        return self._run_dialog(CeremonyDialog(self.store, None, self), opens=True)

    @guarded
    def edit_details(self, *_args: object) -> FormDialog | None:
        if self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn một buổi lễ trong danh sách bên trái."))
            return None
        row = get_ceremony(self.store, self.ceremony_id)
        return self._run_dialog(CeremonyDialog(self.store, row, self))

    @guarded
    def open_demo(self, *_args: object) -> None:
        from kx_ceremony.core.demo import create_demo

        ceremony_id = create_demo(self.store)
        self.events.ceremony_opened.emit(ceremony_id)

    @guarded
    def delete_current(self, *_args: object) -> None:
        if self.ceremony_id is None:
            return
        row = get_ceremony(self.store, self.ceremony_id)
        question = self.tr(
            "Xóa buổi lễ «%s» cùng %s người/tập thể, các đợt trao và văn bản của nó? "
            "Không hoàn tác được (trừ khi khôi phục từ bản sao lưu)."
        ) % (row.title, row.honouree_count)
        if not messages.ask(self, question):
            return
        delete_ceremony(self.store, row.id)
        self.events.ceremony_opened.emit(0)

    # -- catalogue and decisions -----------------------------------------------------------
    def _current(self, table: QTableWidget, rows: list) -> object | None:
        index = table.currentRow()
        if 0 <= index < len(rows):
            return rows[index]
        messages.inform(self, self.tr("Hãy chọn một dòng trong bảng trước."))
        return None

    @guarded
    def add_form(self, *_args: object) -> FormDialog | None:
        if self.ceremony_id is None:
            return None
        return self._run_dialog(AwardFormDialog(self.store, self.ceremony_id, None, self))

    @guarded
    def edit_form(self, *_args: object) -> FormDialog | None:
        row = self._current(self.forms_table, self.forms)
        if row is None or self.ceremony_id is None:
            return None
        return self._run_dialog(AwardFormDialog(self.store, self.ceremony_id, row, self))

    @guarded
    def design_layout(self, *_args: object) -> None:
        """The visual designer of the chosen award form's certificate layout."""
        row = self._current(self.forms_table, self.forms)
        if row is None or self.ceremony_id is None:
            return
        assert isinstance(row, AwardFormRow)
        from kx_ceremony.ui.designer import open_designer
        from kx_ceremony.ui.tasks import InlineRunner

        runner = self.runner or InlineRunner()
        open_designer(self, self.store, self.events, runner, self.ceremony_id, row.id)

    @guarded
    def delete_form(self, *_args: object) -> None:
        row = self._current(self.forms_table, self.forms)
        if row is None or self.ceremony_id is None:
            return
        assert isinstance(row, AwardFormRow)
        if messages.ask(self, self.tr("Xóa hình thức «%s» khỏi danh mục?") % row.full_name):
            delete_award_form(self.store, self.ceremony_id, row.id)

    @guarded
    def add_decision(self, *_args: object) -> FormDialog | None:
        if self.ceremony_id is None:
            return None
        dialog = DecisionDialog(self.store, self.ceremony_id, self.forms, None, self)
        return self._run_dialog(dialog)

    @guarded
    def edit_decision(self, *_args: object) -> FormDialog | None:
        row = self._current(self.decisions_table, self.decisions)
        if row is None or self.ceremony_id is None:
            return None
        dialog = DecisionDialog(self.store, self.ceremony_id, self.forms, row, self)
        return self._run_dialog(dialog)
