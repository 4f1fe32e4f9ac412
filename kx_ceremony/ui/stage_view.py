"""The «Sân khấu» screen: presenters, planning rounds, the board, attendance.

With thousands of honourees there are hundreds of rounds, so the board shows a few
rounds side by side from the one picked in the list of rounds; people can also be
dropped on a round in that list (they join the end of it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.model import Attendance
from kx_ceremony.core.services.ceremonies import get_ceremony
from kx_ceremony.core.services.honouree_table import as_honouree_row, table_rows
from kx_ceremony.core.services.presenters import list_presenters, remove_presenter
from kx_ceremony.core.services.row_types import HonoureeRow, PresenterRow
from kx_ceremony.core.services.stage import (
    ManualChangesExist,
    Placement,
    PlacementNeedsChoice,
    RoundRow,
    list_rounds,
    place_new_honourees,
    plan_rounds,
)
from kx_ceremony.core.services.stage_edits import move_honouree, set_attendance, set_round_presenter
from kx_ceremony.core.store import Store
from kx_ceremony.ui import events, messages
from kx_ceremony.ui.events import AppEvents
from kx_ceremony.ui.messages import guarded
from kx_ceremony.ui.presenter_dialog import PresenterDialog
from kx_ceremony.ui.rounds_navigator import RoundsNavigator
from kx_ceremony.ui.stage_board import RoundColumn

COLUMNS_SHOWN = 4


class StageView(QWidget):
    def __init__(self, store: Store, app_events: AppEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.events = store, app_events
        self.ceremony_id: int | None = None
        self._stale = True
        self.rounds: list[RoundRow] = []
        self.presenters: list[PresenterRow] = []
        self.people: dict[int, list[HonoureeRow]] = {}
        self.columns: list[RoundColumn] = []
        self.first_shown = 0

        self.presenter_list = QListWidget()
        self.presenter_list.setWordWrap(True)
        presenters_box = QGroupBox(self.tr("Người trao (cao nhất trước)"))
        presenters_layout = QVBoxLayout(presenters_box)
        presenters_layout.addWidget(self.presenter_list)
        presenters_layout.addLayout(
            self._buttons(
                (self.tr("Thêm…"), self.add_presenter),
                (self.tr("Sửa…"), self.edit_presenter),
                (self.tr("Xóa"), self.delete_presenter),
            )
        )
        self.navigator = RoundsNavigator(self)
        self.navigator.setWordWrap(True)
        self.navigator.currentRowChanged.connect(self._show_from)
        rounds_box = QGroupBox(self.tr("Các đợt"))
        rounds_layout = QVBoxLayout(rounds_box)
        drop_note = QLabel(self.tr("Thả một người vào một đợt để xếp cuối đợt đó."))
        drop_note.setWordWrap(True)
        drop_note.setStyleSheet("color: #555;")
        rounds_layout.addWidget(drop_note)
        rounds_layout.addWidget(self.navigator)
        left = QVBoxLayout()
        left.addWidget(presenters_box, 1)
        left.addWidget(rounds_box, 2)

        self.per_round = QSpinBox()
        self.per_round.setRange(1, 60)
        self.per_round.setPrefix(self.tr("Tối đa "))
        self.per_round.setSuffix(self.tr(" người mỗi đợt"))
        self.plan_button = QPushButton(self.tr("Lập các đợt trao"))
        self.plan_button.setToolTip(
            self.tr(
                "Chia mọi người thành các đợt theo thứ tự khen thưởng, người trao theo cấp bậc."
            )
        )
        self.plan_button.clicked.connect(self.plan)
        self.place_button = QPushButton(self.tr("Xếp người mới vào đợt"))
        self.place_button.clicked.connect(self.place_new)
        self.unplaced = QLabel()
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.per_round)
        toolbar.addWidget(self.plan_button)
        toolbar.addWidget(self.place_button)
        toolbar.addWidget(self.unplaced, 1)

        self.board = QWidget()
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setAlignment(Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.board)
        self.empty_board = QLabel()
        self.empty_board.setWordWrap(True)

        attendance = self._buttons(
            (self.tr("Đánh dấu vắng mặt"), lambda: self.mark(Attendance.ABSENT)),
            (self.tr("Có mặt"), lambda: self.mark(Attendance.PRESENT)),
            (self.tr("Người nhận thay…"), lambda: self.mark(Attendance.SUBSTITUTE)),
        )
        hint = QLabel(self.tr("Kéo một người sang vị trí hoặc đợt khác để đổi chỗ."))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        attendance.insertWidget(0, hint, 1)
        right = QVBoxLayout()
        right.addLayout(toolbar)
        right.addWidget(self.empty_board)
        right.addWidget(scroll, 1)
        right.addLayout(attendance)
        rounds_page = QWidget()
        rounds_layout = QHBoxLayout(rounds_page)
        rounds_layout.setContentsMargins(0, 0, 0, 0)
        rounds_layout.addLayout(left, 1)
        rounds_layout.addLayout(right, 3)
        from kx_ceremony.ui.award_presenters_panel import AwardPresentersPanel
        from kx_ceremony.ui.script_parts_view import ScriptPartsView

        self.award_presenters = AwardPresentersPanel(store, app_events)
        self.script_parts = ScriptPartsView(store, app_events)
        self.pages = QTabWidget()
        self.pages.addTab(rounds_page, self.tr("Các đợt trao"))
        self.pages.addTab(self.award_presenters, self.tr("Người trao theo hình thức"))
        self.pages.addTab(self.script_parts, self.tr("Lời dẫn chương trình"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.events.changed.connect(self._on_changed)

    @staticmethod
    def _buttons(*specs: tuple[str, object]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for text, slot in specs:
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    # -- loading ------------------------------------------------------------------------
    def set_ceremony(self, ceremony_id: int | None) -> None:
        self.ceremony_id = ceremony_id
        self.first_shown = 0
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            try:
                self.reload()
            except Exception as exc:  # noqa: BLE001 - a refresh must not crash the window
                messages.report(self, exc)

    def _on_changed(self, what: str) -> None:
        if what not in (
            events.HONOUREES,
            events.STAGE,
            events.AWARDS,
            events.CEREMONIES,
            events.STORE,
        ):
            return
        self._stale = True
        if self.isVisible():
            try:
                self.reload()
            except Exception as exc:  # noqa: BLE001
                messages.report(self, exc)

    def reload(self) -> None:
        self._stale = False
        self.award_presenters.set_ceremony(self.ceremony_id)
        self.script_parts.set_ceremony(self.ceremony_id)
        self.presenter_list.clear()
        self.navigator.blockSignals(True)
        self.navigator.clear()
        if self.ceremony_id is None:
            self.rounds, self.presenters, self.people = [], [], {}
            self.navigator.blockSignals(False)
            self._fill_board()
            return
        self.per_round.setValue(get_ceremony(self.store, self.ceremony_id).per_round)
        self.presenters = list_presenters(self.store, self.ceremony_id)
        for p in self.presenters:
            item = QListWidgetItem(f"{p.seniority}. {p.introduction}")
            item.setToolTip(p.introduction)
            self.presenter_list.addItem(item)
        self.rounds = list_rounds(self.store, self.ceremony_id)
        self.people = {}
        unplaced = 0
        for row in table_rows(self.store, self.ceremony_id):
            if row.round is None:
                unplaced += 1
            else:
                self.people.setdefault(row.round, []).append(row)
        for r in self.rounds:
            item = QListWidgetItem(
                self.tr("Đợt %s · %s · %s người") % (r.number, r.award or "?", r.on_stage)
            )
            item.setData(Qt.ItemDataRole.UserRole, r.number)
            self.navigator.addItem(item)
        self.first_shown = min(self.first_shown, max(len(self.rounds) - 1, 0))
        if self.rounds:
            self.navigator.setCurrentRow(self.first_shown)
        self.navigator.blockSignals(False)
        self.unplaced.setText(
            self.tr("%s người chưa được xếp đợt.") % unplaced if unplaced and self.rounds else ""
        )
        self._fill_board()

    def _people_of(self, number: int) -> list[HonoureeRow]:
        rows = [as_honouree_row(r) for r in self.people.get(number, [])]
        return sorted(rows, key=lambda h: h.position_on_stage or 0)  # absentees are packed last

    def _fill_board(self) -> None:
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        shown = self.rounds[self.first_shown : self.first_shown + COLUMNS_SHOWN]
        for r in shown:
            column = RoundColumn(
                r, self._people_of(r.number), self.presenters, self.move, self.set_presenter
            )
            self.board_layout.addWidget(column)
            self.columns.append(column)
        if self.ceremony_id is None:
            self.empty_board.setText(self.tr("Hãy chọn một buổi lễ trước."))
        elif not self.rounds:
            self.empty_board.setText(
                self.tr(
                    "Chưa có đợt trao nào. Thêm người trao ở bên trái (nếu chưa có), rồi bấm "
                    "«Lập các đợt trao»: mọi người được chia đợt theo thứ tự khen thưởng."
                )
            )
        self.empty_board.setVisible(self.ceremony_id is None or not self.rounds)

    def _show_from(self, row: int) -> None:
        if row >= 0:
            self.first_shown = row
            self._fill_board()

    # -- actions ---------------------------------------------------------------------
    @guarded
    def plan(self, *_args: object) -> None:
        if self.ceremony_id is None:
            return
        per_round = self.per_round.value()
        try:
            plan_rounds(self.store, self.ceremony_id, per_round)
        except ManualChangesExist:
            question = self.tr(
                "Các đợt trao đã được sửa bằng tay. Lập lại sẽ bỏ các thay đổi đó (vắng mặt và "
                "người nhận thay vẫn giữ). Vẫn lập lại?"
            )
            if not messages.ask(self, question):
                return
            plan_rounds(self.store, self.ceremony_id, per_round, force=True)
        self.first_shown = 0

    @guarded
    def place_new(self, *_args: object) -> None:
        if self.ceremony_id is None:
            return
        try:
            placed = place_new_honourees(self.store, self.ceremony_id)
        except PlacementNeedsChoice as needed:
            how = messages.choose(
                self,
                self.tr(
                    "%s người/tập thể mới cần một đợt trao mới, mà chỗ của đợt đó theo thứ tự "
                    "khen thưởng là trước đợt %s: đợt %s và các đợt sau sẽ đổi số, trong khi "
                    "khay và giấy đã in theo số cũ. Xếp thế nào?"
                )
                % (needed.count, needed.before_round, needed.before_round),
                [
                    (Placement.AT_END, self.tr("Thêm đợt mới vào cuối")),
                    (Placement.RENUMBER, self.tr("Chèn đúng thứ tự, đánh số lại")),
                ],
            )
            if how is None:
                return
            placed = place_new_honourees(self.store, self.ceremony_id, how)
        messages.inform(self, self.tr("Đã xếp %s người vào các đợt.") % placed)

    @guarded
    def move(self, honouree_id: int, round_number: int, position: int | None) -> None:
        if self.ceremony_id is None:
            return
        move_honouree(self.store, self.ceremony_id, honouree_id, round_number, position)

    @guarded
    def set_presenter(self, round_number: int, presenter_id: int | None) -> None:
        if self.ceremony_id is None:
            return
        set_round_presenter(self.store, self.ceremony_id, round_number, presenter_id)

    def selected_person(self) -> int | None:
        for column in self.columns:
            item = column.people.currentItem()
            if item is not None and item.isSelected():
                return int(item.data(Qt.ItemDataRole.UserRole))
        return None

    def ask_substitute(self) -> str | None:
        name, ok = QInputDialog.getText(
            self, self.tr("Người nhận thay"), self.tr("Họ tên người lên nhận thay:")
        )
        return name if ok else None

    @guarded
    def mark(self, attendance: str) -> None:
        honouree_id = self.selected_person()
        if honouree_id is None or self.ceremony_id is None:
            messages.inform(self, self.tr("Hãy bấm chọn một người trên bảng các đợt trước."))
            return
        substitute = ""
        if attendance == Attendance.SUBSTITUTE:
            substitute = self.ask_substitute() or ""
            if not substitute.strip():
                raise UserError("Hãy nhập tên người nhận thay.", field="substitute_name")
        set_attendance(self.store, self.ceremony_id, honouree_id, attendance, substitute)

    def _current_presenter(self) -> PresenterRow | None:
        row = self.presenter_list.currentRow()
        if 0 <= row < len(self.presenters):
            return self.presenters[row]
        messages.inform(self, self.tr("Hãy chọn một người trao trong danh sách."))
        return None

    def _open(self, dialog: PresenterDialog) -> PresenterDialog:
        dialog.open()
        return dialog

    @guarded
    def add_presenter(self, *_args: object) -> PresenterDialog | None:
        if self.ceremony_id is None:
            return None
        return self._open(PresenterDialog(self.store, self.ceremony_id, None, self))

    @guarded
    def edit_presenter(self, *_args: object) -> PresenterDialog | None:
        row = self._current_presenter()
        if row is None or self.ceremony_id is None:
            return None
        return self._open(PresenterDialog(self.store, self.ceremony_id, row, self))

    @guarded
    def delete_presenter(self, *_args: object) -> None:
        row = self._current_presenter()
        if row is None or self.ceremony_id is None:
            return
        if messages.ask(
            self,
            self.tr("Xóa người trao «%s»? Các đợt của người này sẽ chờ người trao khác.")
            % row.name,
        ):
            remove_presenter(self.store, self.ceremony_id, row.id)
