"""Import a nominee spreadsheet: the whole-list choices, the column mapping and the award
values above a preview of every row; problems grouped by cause; buttons that say what
they will do. Every change asks the engine for a new preview, and whatever is shown
belongs to the current file and the current choices: a refused file clears everything.

The spreadsheet readers load when the dialog first reads a file, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.errors import Cancelled, StoreError, UserError
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.file_dialogs import choose_open_file, refuse_store_file
from kx_ceremony.ui.importing.awards_table import NEW_FORM, AwardsTable
from kx_ceremony.ui.importing.choices_panel import ChoicesPanel
from kx_ceremony.ui.importing.mapping_table import MappingTable
from kx_ceremony.ui.importing.report_list import ReportList
from kx_ceremony.ui.importing.rows_model import PreviewRowsModel
from kx_ceremony.ui.tasks import Runner
from kx_ceremony.ui.window_size import fit_dialog

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
SPREADSHEET_FILTER = "Bảng tính (*.xlsx *.xlsm *.xls *.ods *.csv);;Mọi tệp (*)"
PROFILE_TEXT = "Dùng lại cách nhập lần trước cho danh sách có cùng tiêu đề"
COMFORTABLE = (1240, 780)


def choose_spreadsheet(parent: QWidget) -> Path | None:
    return choose_open_file(
        parent, parent.tr("Chọn bảng tính danh sách khen thưởng"), SPREADSHEET_FILTER
    )


class ImportDialog(QDialog):
    def __init__(
        self,
        store: Store,
        ceremony_id: int,
        app_events: AppEvents,
        runner: Runner,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nhập danh sách từ bảng tính"))
        self.store, self.ceremony_id, self.events, self.runner = (
            store,
            ceremony_id,
            app_events,
            runner,
        )
        self.path: Path | None = None
        self.preview: Any = None
        self.result_: Any = None
        self._asked = 0  # each request's number: an answer to an older one is dropped
        self._reset_choices()
        self._build()
        self._load_catalogue()
        self._show(None)
        fit_dialog(self, COMFORTABLE)
        if path is not None:
            self.set_file(path)

    def _reset_choices(self) -> None:
        self.overrides: dict[int, str | None] = {}
        self.award_choices: dict[str, object] = {}  # award text -> form id or NEW_FORM
        self.use_profile = True

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel(
            self.tr("Chưa chọn tệp. Bấm «Chọn tệp…» hoặc kéo thả tệp vào cửa sổ chương trình.")
        )
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Chọn tệp…"))
        choose.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.setToolTip(self.tr("Trang tính chứa danh sách"))
        self.sheet.activated.connect(lambda _i: self.load())
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel(self.tr("Trang:")))
        top.addWidget(self.sheet)
        top.addWidget(choose)

        self.status = QLabel()  # a refusal (red), else where the table is and notes
        self.status.setWordWrap(True)
        self.profile_note = QLabel(self.tr(PROFILE_TEXT) + ".")
        self.profile_note.setStyleSheet("color: #0b5394; font-weight: bold;")
        self.forget_profile = QPushButton(self.tr("Không dùng, đoán lại từ đầu"))
        self.forget_profile.clicked.connect(self._without_profile)
        profile = QHBoxLayout()
        profile.addWidget(self.profile_note, 1)
        profile.addWidget(self.forget_profile)

        self.choices = ChoicesPanel()
        self.choices.changed.connect(self.load)
        self.mapping = MappingTable()
        self.mapping.remapped.connect(self.remap)
        self.awards = AwardsTable()
        self.awards.chosen.connect(self.choose_award)
        self.rows_model = PreviewRowsModel()
        self.rows = QTableView()
        self.rows.setModel(self.rows_model)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.verticalHeader().hide()
        self.rows.setWordWrap(False)
        self.rows.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate(PreviewRowsModel.WIDTHS):
            self.rows.setColumnWidth(column, width)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rows, "")
        self.tabs.addTab(self.mapping, "")
        self.tabs.addTab(self.awards, "")
        self.report = ReportList()
        report_box = QWidget()
        report_layout = QVBoxLayout(report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(QLabel(self.tr("<b>Kết quả kiểm tra</b>")))
        report_layout.addWidget(self.report)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.tabs)
        middle.addWidget(report_box)
        middle.setStretchFactor(0, 5)
        middle.setStretchFactor(1, 1)
        middle.setChildrenCollapsible(False)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.import_all = QPushButton()
        self.import_valid = QPushButton()
        close = QPushButton(self.tr("Đóng"))
        self.import_all.clicked.connect(lambda: self.start_import(skip_invalid=False))
        self.import_valid.clicked.connect(lambda: self.start_import(skip_invalid=True))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.import_valid)
        bottom.addWidget(self.import_all)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addLayout(profile)
        layout.addWidget(self.choices)
        layout.addWidget(middle, 1)
        layout.addLayout(bottom)

    def _load_catalogue(self) -> None:
        from kx_ceremony.core.services.awards import list_award_forms

        forms = list_award_forms(self.store, self.ceremony_id)
        self.choices.set_forms([f.full_name for f in forms])
        self.awards.set_forms([(f.id, f.full_name) for f in forms])

    # -- reading -----------------------------------------------------------------------
    @messages.guarded
    def choose_file(self, *_args: object) -> None:
        path = choose_spreadsheet(self)
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        """A new file: nothing of the previous one stays on screen, even while reading."""
        self.path = None
        self.sheet.clear()
        self._reset_choices()
        self.choices.reset()
        self._show(None)
        # Chosen, dropped or passed in: the reader must never open the store's own file
        # (refused in a message before the dialog shows).
        self.path = refuse_store_file(Path(path))
        self.file_label.setText(self.tr("Tệp: %s") % self.path)
        self.load()

    def load(self) -> None:
        """Ask for a preview of the current file with the current choices."""
        if self.path is None:
            return
        from kx_ceremony.core.importing import preview_import

        self._asked += 1
        asked = self._asked
        self.import_all.setEnabled(False)  # until the answer to this very request
        self.import_valid.setEnabled(False)
        path, sheet = self.path, self.sheet.currentText() or None
        options = dict(
            mapping_overrides=dict(self.overrides) or None,
            choices=self.choices.list_choices(),
            award_map={t: v for t, v in self.award_choices.items() if isinstance(v, int)},
            add_awards=[t for t, v in self.award_choices.items() if v == NEW_FORM],
            use_profile=self.use_profile,
        )
        store, ceremony_id = self.store, self.ceremony_id

        def task(progress: Any) -> Any:
            return preview_import(
                store,
                ceremony_id,
                path,
                sheet,
                progress=progress,
                cancel=lambda: progress.cancelled,
                **options,
            )

        self.runner.run(
            self,
            self.tr("Đang đọc bảng tính…"),
            task,
            lambda preview: self._answered(asked, preview),
            lambda exc: self._failed(asked, exc),
        )

    def _answered(self, asked: int, preview: Any) -> None:
        if asked == self._asked:
            self._show(preview)

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked != self._asked:
            return
        self._show(None)
        if isinstance(exc, UserError):
            self._refused(exc.window_text)
        elif isinstance(exc, StoreError):
            self._refused(exc.message)
        elif isinstance(exc, Cancelled):
            self._refused(self.tr("Đã dừng đọc tệp; chưa có gì được nhập."))
        else:
            self._refused(self.tr("Không đọc được tệp này (lỗi không mong đợi, đã ghi nhật ký)."))
            messages.report(self, exc)

    def _refused(self, text: str) -> None:
        self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.status.setText(text)

    # -- showing -----------------------------------------------------------------------
    def _show(self, preview: Any) -> None:
        """Show this preview, or nothing at all (None): never a mix of two."""
        self.preview = preview
        has = preview is not None
        self.status.setStyleSheet("")
        self.status.setText(self._where(preview) if has else "")
        self.profile_note.setVisible(has and preview.profile_used)
        self.forget_profile.setVisible(has and preview.profile_used)
        self.choices.show_choices(preview.choices if has else None)
        self.choices.setEnabled(has or self.path is not None)
        self.mapping.show_columns(preview)
        self.awards.show_awards(preview.awards if has else (), self.award_choices)
        self.rows_model.set_rows(list(preview.rows) if has else [])
        self.report.show_report(preview)
        self._show_tab_titles(preview)
        self._show_buttons(preview)
        if has:
            self.sheet.blockSignals(True)
            if [self.sheet.itemText(i) for i in range(self.sheet.count())] != list(preview.sheets):
                self.sheet.clear()
                self.sheet.addItems(list(preview.sheets))
            self.sheet.setCurrentText(preview.sheet)
            self.sheet.blockSignals(False)

    def _where(self, preview: Any) -> str:
        from kx_ceremony.core.importing.service import PROFILE_NOTE

        table = preview.table
        notes = [
            self.tr("Trang «%s»: dòng tiêu đề %s, dữ liệu từ dòng %s đến %s.")
            % (
                preview.sheet,
                ", ".join(map(str, table.header_rows)),
                table.first_data_row,
                table.last_data_row,
            )
        ]
        if preview.encoding:
            notes.append(self.tr("Bảng mã: %s.") % preview.encoding)
        notes.extend(n for n in preview.notes if n != PROFILE_NOTE)
        return " ".join(notes)

    def _show_tab_titles(self, preview: Any) -> None:
        rows = len(preview.rows) if preview is not None else 0
        columns = len(preview.columns) if preview is not None else 0
        values = preview.awards if preview is not None else ()
        open_ = sum(1 for a in values if not a.resolved)
        self.tabs.setTabText(0, self.tr("Các dòng (%s)") % rows)
        self.tabs.setTabText(1, self.tr("Các cột (%s)") % columns)
        awards = self.tr("Hình thức khen thưởng (%s)") % len(values)
        if open_:
            awards = self.tr("Hình thức khen thưởng (%s, %s chưa khớp)") % (len(values), open_)
        self.tabs.setTabText(2, awards)

    def _show_buttons(self, preview: Any) -> None:
        rows = len(preview.rows) if preview is not None else 0
        valid = len(preview.valid_rows) if preview is not None else 0
        invalid = rows - valid
        self.import_all.setText(self.tr("Nhập %s dòng") % rows if rows else self.tr("Nhập"))
        self.import_all.setEnabled(bool(rows) and not invalid)
        self.import_all.setVisible(not invalid)
        self.import_valid.setText(
            self.tr("Chỉ nhập %s dòng hợp lệ (bỏ %s dòng)") % (valid, invalid) if invalid else ""
        )
        self.import_valid.setEnabled(bool(valid) and bool(invalid))
        self.import_valid.setVisible(bool(valid) and bool(invalid))
        if preview is None:
            self.summary.setText("")
            return
        text = self.tr("%s dòng: %s hợp lệ") % (rows, valid)
        if invalid:
            text += self.tr(", %s dòng có lỗi") % invalid
        warned = len({p.row for p in preview.warnings})
        if warned:
            text += self.tr("; %s dòng cần xem lại (vẫn nhập)") % warned
        self.summary.setText(text + ".")

    # -- the organiser's changes -------------------------------------------------------
    def remap(self, column_index: int, field: str | None) -> None:
        self.overrides[column_index] = field
        self.load()

    def choose_award(self, text: str, choice: object) -> None:
        if choice is None:
            self.award_choices.pop(text, None)
        else:
            self.award_choices[text] = choice
        self.load()

    def _without_profile(self) -> None:
        self._reset_choices()
        self.use_profile = False
        self.choices.reset()
        self.load()

    # -- importing ---------------------------------------------------------------------
    def start_import(self, skip_invalid: bool) -> None:
        if self.preview is None or self.path is None:
            return
        from kx_ceremony.core.importing import run_import

        path, preview = self.path, self.preview
        store, ceremony_id = self.store, self.ceremony_id

        def task(progress: Any) -> Any:
            return run_import(
                store,
                ceremony_id,
                path,
                skip_invalid=skip_invalid,
                progress=progress,
                cancel=lambda: progress.cancelled,
                preview=preview,
            )

        self.runner.run(self, self.tr("Đang nhập danh sách…"), task, self._imported)

    def _imported(self, result: Any) -> None:
        self.result_ = result
        if not result.stored:
            messages.show_error(
                self,
                self.tr(
                    "Chưa nhập gì: còn %s dòng có lỗi. Hãy sửa tệp, hoặc chỉ nhập các dòng hợp lệ."
                )
                % len(result.preview.invalid_rows),
            )
            return
        self.events.changed.emit(events.HONOUREES)
        skipped = self.tr(", bỏ qua %s dòng có lỗi") % result.skipped if result.skipped else ""
        messages.inform(
            self.parentWidget(), self.tr("Đã nhập %s người/tập thể%s.") % (result.imported, skipped)
        )
        self.accept()
