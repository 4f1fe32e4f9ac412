"""The honourees screen: search, filters, the table, add/edit/delete, undo, bulk award."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import list_award_forms, list_decisions
from kx_ceremony.core.services.honouree_bulk import change_award
from kx_ceremony.core.services.honouree_table import table_rows
from kx_ceremony.core.services.honourees import remove_honourees
from kx_ceremony.core.services.name_lists import AwardName, award_names
from kx_ceremony.core.services.row_types import AwardFormRow, HonoureeRow
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.column_fit import ColumnFitter
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.honouree_model import (
    KIND_TEXT,
    NOT_PRINTED,
    PRINT_MODE_TEXT,
    PRINTED,
    UNPLACED,
    HonoureeTableModel,
)
from kx_ceremony.ui.messages import guarded

if TYPE_CHECKING:
    from kx_ceremony.ui.honouree_dialog import HonoureeDialog

ROW_HEIGHT = 24


def printed_texts(store: Store, ceremony_id: int) -> dict[int, str]:
    """Honouree id → "Đã in lên phôi 05/01 14:02" from the ledger of blanks."""
    from kx_ceremony.core.services.print_ledger import printed_honourees

    return {
        honouree_id: f"{PRINT_MODE_TEXT.get(row.mode, row.mode)} "
        f"{row.printed_at.strftime('%d/%m %H:%M')}"
        for honouree_id, row in printed_honourees(store, ceremony_id).items()
    }


class HonoureesView(QWidget):
    import_requested = Signal()

    def __init__(self, store: Store, app_events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.events = store, app_events
        self.ceremony_id: int | None = None
        self._forms: list[AwardFormRow] | None = []
        self.award_names: list[AwardName] = []

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Tìm theo tên, đơn vị, chức vụ — gõ không dấu cũng được (ví dụ: nguyen van an)")
        )
        self.award_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("Mọi đối tượng"), None)
        for key, text in KIND_TEXT.items():
            self.kind_filter.addItem(text, key)
        self.round_filter = QComboBox()
        self.printed_filter = QComboBox()
        self.printed_filter.addItem(self.tr("Đã in và chưa in"), None)
        self.printed_filter.addItem(self.tr("Chưa in"), NOT_PRINTED)
        self.printed_filter.addItem(self.tr("Đã in"), PRINTED)
        self.count = QLabel()

        self.model = HonoureeTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        # Every column on screen: names, positions, units and awards share the width left
        # by the short columns (their typical widest value given here).
        self.columns = ColumnFitter(
            self.table,
            samples={
                0: "9999",
                2: "Hộ gia đình",
                3: "Nam",
                4: "1999",
                8: "99",
                9: "99",
                10: "Vắng mặt",
            },
            weights={1: 4, 5: 2, 6: 4, 7: 4},
        )
        self.table.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self.edit_selected)

        self.add_button = QPushButton(self.tr("Thêm người…"))
        self.edit_button = QPushButton(self.tr("Sửa…"))
        self.delete_button = QPushButton(self.tr("Xóa"))
        # The window's «Hoàn tác» (every edit, Ctrl+Z) shown here too (``show_undo``).
        self.undo_button = QPushButton(self.tr("Hoàn tác"))
        self.undo_button.setEnabled(False)
        # Short texts (the tooltips say the rest): the row must fit a 1366×768 laptop at 125 %.
        self.award_button = QPushButton(self.tr("Đổi hình thức…"))
        self.award_button.setToolTip(self.tr("Đổi hình thức khen thưởng cho các dòng đã chọn"))
        self.round_button = QPushButton(self.tr("Chuyển sang đợt…"))
        self.round_button.setToolTip(self.tr("Chuyển các dòng đã chọn sang một đợt trao khác"))
        self.round_button.clicked.connect(self.move_selected_to_round)
        self.import_button = QPushButton(self.tr("Nhập từ bảng tính…"))
        self.import_button.setToolTip(self.tr("Hoặc kéo thả tệp Excel vào cửa sổ này."))
        self.import_button.clicked.connect(lambda: self.import_requested.emit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.award_button.clicked.connect(self.change_award_of_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.add)

        for combo in (self.award_filter, self.kind_filter, self.round_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.award_filter, 2)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.round_filter, 1)
        filters.addWidget(self.printed_filter, 1)
        actions = QHBoxLayout()
        for button in (
            self.import_button,
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.undo_button,
            self.award_button,
            self.round_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.search.textChanged.connect(self._search_changed)
        for combo in (self.award_filter, self.kind_filter, self.round_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.printed_filter.currentIndexChanged.connect(
            lambda *_: self.model.set_printed_filter(self.printed_filter.currentData())
        )
        self.model.modelReset.connect(self._show_count)
        self.events.changed.connect(self._on_changed)

    @property
    def forms(self) -> list[AwardFormRow]:
        """The award catalogue of the open ceremony (read on first use after each load)."""
        if self._forms is None:
            assert self.ceremony_id is not None
            self._forms = list_award_forms(self.store, self.ceremony_id)
        return self._forms

    # -- loading --------------------------------------------------------------------
    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        self.reload()

    def reload(self) -> None:
        if self.ceremony_id is None:
            self._forms, self.award_names = [], []
            self.model.set_rows([])
            self.model.set_printed({})
            self._fill_filters([])
            return
        self._forms = None  # the full catalogue rows load with the first dialog
        self.award_names = award_names(self.store, self.ceremony_id)
        rows = table_rows(self.store, self.ceremony_id)
        self._fill_filters(rows)
        self.model.set_rows(rows)
        self.model.set_printed(printed_texts(self.store, self.ceremony_id))
        # Fold the search text once the table is on screen, before the user can type.
        QTimer.singleShot(150, self.model.prepare_search)

    def _on_changed(self, what: str) -> None:
        if what in (events.HONOUREES, events.AWARDS, events.STAGE, events.STORE, events.PRINTED):
            try:
                self.reload()
            except Exception as exc:  # noqa: BLE001 - a refresh must not crash the window
                messages.report(self, exc)

    def _fill_filters(self, rows: list) -> None:
        combos = (self.award_filter, self.round_filter)
        kept = [c.currentData() for c in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.award_filter.addItem(self.tr("Mọi hình thức khen thưởng"), None)
        for form in self.award_names:
            self.award_filter.addItem(form.full_name, form.id)
        self.round_filter.addItem(self.tr("Mọi đợt"), None)
        self.round_filter.addItem(self.tr("Chưa xếp đợt"), UNPLACED)
        for number in sorted({r.round for r in rows if r.round is not None}):
            self.round_filter.addItem(self.tr("Đợt %s") % number, number)
        for combo, value in zip(combos, kept, strict=True):
            found = combo.findData(value)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self._filters_changed()

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)

    def _filters_changed(self, *_args: object) -> None:
        self.model.set_filters(
            self.award_filter.currentData(),
            self.kind_filter.currentData(),
            self.round_filter.currentData(),
        )

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if shown == total:
            self.count.setText(self.tr("%s người/tập thể") % f"{total:,}".replace(",", "."))
        else:
            self.count.setText(
                self.tr("Đang hiện %s / %s")
                % (f"{shown:,}".replace(",", "."), f"{total:,}".replace(",", "."))
            )

    # -- actions ----------------------------------------------------------------------
    def selected_rows(self) -> list[HonoureeRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return self.model.rows_at(rows)

    def select_id(self, honouree_id: int) -> None:
        row = self.model.row_of_id(honouree_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _dialog(self, row: HonoureeRow | None) -> HonoureeDialog:
        from kx_ceremony.ui.honouree_dialog import HonoureeDialog

        assert self.ceremony_id is not None
        decisions = list_decisions(self.store, self.ceremony_id)
        return HonoureeDialog(self.store, self.ceremony_id, self.forms, decisions, row, self)

    def _need_ceremony(self) -> bool:
        if self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn hoặc tạo một buổi lễ ở thẻ «Buổi lễ» trước."))
            return False
        return True

    @guarded
    def add(self, *_args: object) -> HonoureeDialog | None:
        if not self._need_ceremony():
            return None
        dialog = self._dialog(None)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    @guarded
    def edit_selected(self, *_args: object) -> HonoureeDialog | None:
        rows = self.selected_rows()
        if not rows:
            messages.inform(self, self.tr("Hãy chọn một dòng trong bảng để sửa."))
            return None
        dialog = self._dialog(rows[0])
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: HonoureeDialog) -> None:
        if isinstance(dialog.result_value, int):
            self.select_id(dialog.result_value)

    def show_undo(self, action: QAction) -> None:
        """The button runs the window's undo; its short text stays, the tooltip names the
        step it would take back."""
        self.undo_button.clicked.connect(action.trigger)

        def follow() -> None:
            self.undo_button.setEnabled(action.isEnabled())
            self.undo_button.setToolTip(action.toolTip())

        action.changed.connect(follow)
        follow()

    @guarded
    def delete_selected(self, *_args: object) -> None:
        rows = self.selected_rows()
        if not rows or self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn những dòng cần xóa."))
            return
        remove_honourees(self.store, self.ceremony_id, [r.id for r in rows])

    def ask_award(self, count: int) -> int | None:
        from PySide6.QtWidgets import QInputDialog

        names = [f.full_name for f in self.forms]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Đổi hình thức khen thưởng"),
            self.tr("Hình thức mới cho %s dòng đã chọn:") % count,
            names,
            0,
            False,
        )
        return self.forms[names.index(name)].id if ok and name in names else None

    @guarded
    def change_award_of_selected(self, *_args: object) -> None:
        rows = self.selected_rows()
        if not rows or self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn (giữ Ctrl hoặc Shift) những dòng cần đổi."))
            return
        form_id = self.ask_award(len(rows))
        if form_id is None:
            return
        changed = change_award(self.store, self.ceremony_id, [r.id for r in rows], form_id)
        self.window().statusBar().showMessage(
            self.tr("Đã đổi hình thức cho %s dòng.") % changed, 5000
        )

    def ask_round(self, count: int) -> int | None:
        from PySide6.QtWidgets import QInputDialog

        number, ok = QInputDialog.getInt(
            self,
            self.tr("Chuyển sang đợt khác"),
            self.tr("Số đợt mới cho %s dòng đã chọn (xếp vào cuối đợt):") % count,
            1,
            1,
            100000,
        )
        return number if ok else None

    @guarded
    def move_selected_to_round(self, *_args: object) -> None:
        """Everyone selected to the end of one round (``move_many``: all or none)."""
        from kx_ceremony.core.services.stage import list_rounds
        from kx_ceremony.core.services.stage_edits import move_many

        rows = self.selected_rows()
        if not rows or self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy chọn (giữ Ctrl hoặc Shift) những dòng cần chuyển."))
            return
        if not list_rounds(self.store, self.ceremony_id):
            raise UserError("Chưa có đợt trao nào: hãy lập các đợt ở thẻ «Sân khấu» trước.")
        number = self.ask_round(len(rows))
        if number is None:
            return
        move_many(self.store, self.ceremony_id, [r.id for r in rows], number)
