"""Import a nominee spreadsheet: preview, adjust the column mapping, see the problems of
each row, then import everything or only the valid rows, with progress and cancel.

The spreadsheet readers load when the dialog first reads a file, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.store import Store
from kx_ceremony.ui import messages
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.file_dialogs import choose_open_file, refuse_store_file
from kx_ceremony.ui.honouree_model import GENDER_TEXT, KIND_TEXT
from kx_ceremony.ui.tasks import Runner

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
SPREADSHEET_FILTER = "Bảng tính (*.xlsx *.xlsm *.xls *.ods *.csv);;Mọi tệp (*)"


def choose_spreadsheet(parent: QWidget) -> Path | None:
    return choose_open_file(
        parent, parent.tr("Chọn bảng tính danh sách khen thưởng"), SPREADSHEET_FILTER
    )


class PreviewRowsModel(QAbstractTableModel):
    HEADERS = (
        "Dòng",
        "Họ tên / tên tập thể",
        "Đối tượng",
        "Giới tính",
        "Năm sinh",
        "Chức vụ",
        "Đơn vị",
        "Hình thức (trong tệp)",
        "Vấn đề",
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                str(r.row),
                r.name,
                KIND_TEXT.get(r.kind, r.kind),
                GENDER_TEXT.get(r.gender or "", ""),
                str(r.birth_year or ""),
                r.position,
                r.unit,
                r.award_text,
                "; ".join(p.message for p in r.problems),
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and r.problems:
            return QBrush(QColor("#fde7e9"))
        if role == Qt.ItemDataRole.ToolTipRole and r.problems:
            return "\n".join(p.describe() for p in r.problems)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("PreviewRowsModel", self.HEADERS[section])
        return None


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
        self.resize(1150, 720)
        self.store, self.ceremony_id, self.events, self.runner = (
            store,
            ceremony_id,
            app_events,
            runner,
        )
        self.path: Path | None = None
        self.preview: Any = None
        self.overrides: dict[int, str | None] = {}
        self.result_: Any = None

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
        top.addWidget(self.sheet)
        top.addWidget(choose)
        self.info = QLabel()
        self.info.setWordWrap(True)

        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Cột"), self.tr("Tiêu đề trong tệp"), self.tr("Dùng cho")]
        )
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.rows_model = PreviewRowsModel()
        self.rows = QTableView()
        self.rows.setModel(self.rows_model)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.verticalHeader().hide()
        self.rows.setWordWrap(False)
        self.rows.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate((50, 200, 80, 65, 70, 150, 200, 200, 300)):
            self.rows.setColumnWidth(column, width)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Các cột tìm thấy</b> (đổi nếu đoán sai)")))
        left_layout.addWidget(self.columns)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.rows)
        problems_box = QWidget()
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(QLabel(self.tr("<b>Các dòng cần sửa</b>")))
        problems_layout.addWidget(self.problems)
        right.addWidget(problems_box)
        right.setSizes([450, 180])
        middle = QSplitter()
        middle.addWidget(left)
        middle.addWidget(right)
        middle.setSizes([380, 770])

        self.summary = QLabel()
        self.import_all = QPushButton(self.tr("Nhập tất cả"))
        self.import_valid = QPushButton(self.tr("Chỉ nhập các dòng hợp lệ"))
        cancel = QPushButton(self.tr("Đóng"))
        self.import_all.clicked.connect(lambda: self.start_import(skip_invalid=False))
        self.import_valid.clicked.connect(lambda: self.start_import(skip_invalid=True))
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.import_valid)
        bottom.addWidget(self.import_all)
        bottom.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(middle, 1)
        layout.addLayout(bottom)
        self._show_preview(None)
        if path is not None:
            self.set_file(path)

    # -- reading -----------------------------------------------------------------------
    @messages.guarded
    def choose_file(self, *_args: object) -> None:
        path = choose_spreadsheet(self)
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        # Chosen, dropped or passed in: the reader must never open the store's own file.
        self.path = refuse_store_file(Path(path))
        self.overrides = {}
        self.sheet.clear()
        self.file_label.setText(self.tr("Tệp: %s") % self.path)
        self.load()

    def load(self) -> None:
        if self.path is None:
            return
        from kx_ceremony.core.importing import preview_import

        path, sheet = self.path, self.sheet.currentText() or None
        overrides = dict(self.overrides)
        store, ceremony_id = self.store, self.ceremony_id

        def task(progress: Any) -> Any:
            return preview_import(
                store,
                ceremony_id,
                path,
                sheet,
                overrides or None,
                progress=progress,
                cancel=lambda: progress.cancelled,
            )

        self.runner.run(
            self, self.tr("Đang đọc bảng tính…"), task, self._show_preview, self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self._show_preview(None)
        messages.report(self, exc)

    def _show_preview(self, preview: Any) -> None:
        self.preview = preview
        has = preview is not None
        self.import_all.setEnabled(has and not preview.invalid_rows and bool(preview.rows))
        self.import_valid.setEnabled(
            has and bool(preview.valid_rows) and bool(preview.invalid_rows)
        )
        self.rows_model.set_rows(list(preview.rows) if has else [])
        self.problems.clear()
        self.columns.setRowCount(0)
        if not has:
            self.info.setText("")
            self.summary.setText("")
            return
        from kx_ceremony.core.importing import FIELD_LABELS

        self.sheet.blockSignals(True)
        if self.sheet.count() != len(preview.sheets):
            self.sheet.clear()
            self.sheet.addItems(list(preview.sheets))
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.blockSignals(False)
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
        if preview.legacy_tcvn3:
            notes.append(self.tr("Chữ gõ theo bảng mã cũ TCVN3 (ABC) đã được chuyển sang Unicode."))
        notes.extend(preview.notes)
        self.info.setText(" ".join(notes))
        self.columns.setRowCount(len(preview.columns))
        for r, column in enumerate(preview.columns):
            self.columns.setItem(r, 0, QTableWidgetItem(column.letter))
            self.columns.setItem(
                r, 1, QTableWidgetItem(column.header or self.tr("(không tiêu đề)"))
            )
            combo = QComboBox()
            combo.addItem(self.tr("(bỏ qua)"), None)
            for key, label in FIELD_LABELS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            combo.currentIndexChanged.connect(
                lambda _i, index=column.index, box=combo: self.remap(index, box.currentData())
            )
            self.columns.setCellWidget(r, 2, combo)
        for problem in preview.problems:
            self.problems.addItem(problem.describe())
        valid, invalid = len(preview.valid_rows), len(preview.invalid_rows)
        self.summary.setText(
            self.tr("%s dòng: %s hợp lệ, %s dòng có vấn đề.") % (len(preview.rows), valid, invalid)
        )
        self.import_valid.setText(
            self.tr("Chỉ nhập %s dòng hợp lệ (bỏ %s dòng)") % (valid, invalid)
        )

    def remap(self, column_index: int, field: str | None) -> None:
        self.overrides[column_index] = field
        self.load()

    # -- importing ---------------------------------------------------------------------
    def start_import(self, skip_invalid: bool) -> None:
        if self.preview is None or self.path is None:
            return
        from kx_ceremony.core.importing import run_import

        path, sheet, preview = self.path, self.preview.sheet, self.preview
        overrides = dict(self.overrides) or None
        store, ceremony_id = self.store, self.ceremony_id

        def task(progress: Any) -> Any:
            return run_import(
                store,
                ceremony_id,
                path,
                sheet,
                overrides,
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
                    "Chưa nhập gì: còn %s dòng có vấn đề. Hãy sửa tệp, hoặc chọn chỉ nhập các dòng hợp lệ."
                )
                % len(result.preview.invalid_rows),
            )
            return
        skipped = self.tr(", bỏ qua %s dòng có vấn đề") % result.skipped if result.skipped else ""
        messages.inform(
            self.parentWidget(), self.tr("Đã nhập %s người/tập thể%s.") % (result.imported, skipped)
        )
        self.accept()
