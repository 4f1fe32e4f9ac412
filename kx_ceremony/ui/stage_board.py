"""The board of rounds: one column per round, people dragged between rounds and places.

A drop never moves list items itself: it asks ``stage_edits.move_honouree`` (which may
refuse, e.g. a round of another award) and the board reloads from the store, so what
is shown is always what is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kx_ceremony.core.model import Attendance
from kx_ceremony.core.services.row_types import HonoureeRow, PresenterRow

MIME = "application/x-kx-ceremony-honouree"
Mover = Callable[[int, int, int], None]  # honouree id, round number, position


def honouree_mime(honouree_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, QByteArray(str(honouree_id).encode()))
    return data


def dropped_id(event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> int | None:
    mime = event.mimeData()
    if not mime.hasFormat(MIME):
        return None
    try:
        return int(bytes(mime.data(MIME).data()).decode())
    except ValueError:
        return None


def person_text(h: HonoureeRow) -> str:
    text = h.name
    if h.attendance == Attendance.SUBSTITUTE and h.substitute_name:
        text += f" (nhận thay: {h.substitute_name})"
    elif h.attendance == Attendance.ABSENT:
        text += " — vắng"
    return text


class RoundList(QListWidget):
    """The people of one round, in stage positions; accepts drops of people."""

    def __init__(self, round_number: int, mover: Mover, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.round_number = round_number
        self.mover = mover
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.on_stage: list[int] = []

    def fill(self, people: list[HonoureeRow]) -> None:
        self.clear()
        self.on_stage = []
        for h in people:
            absent = h.attendance == Attendance.ABSENT
            prefix = "  –" if absent else f"{h.position_on_stage or '?':>3}."
            item = QListWidgetItem(f"{prefix} {person_text(h)}")
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            item.setToolTip(f"{h.name}\n{h.unit}\n{h.award}")
            if absent:
                item.setForeground(QBrush(QColor("#888")))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            else:
                self.on_stage.append(h.id)
            self.addItem(item)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        return honouree_mime(int(items[0].data(Qt.ItemDataRole.UserRole)))

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if dropped_id(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if dropped_id(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def position_for_drop(self, honouree_id: int, row: int) -> int:
        """Stage position (1-based) for a drop before list row ``row`` (-1: at the end)."""
        others = [i for i in self.on_stage if i != honouree_id]
        if row < 0 or row >= len(self.on_stage):
            return len(others) + 1
        before = self.on_stage[:row]
        return len([i for i in before if i != honouree_id]) + 1

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        honouree_id = dropped_id(event)
        if honouree_id is None:
            event.ignore()
            return
        index = self.indexAt(event.position().toPoint())
        row = index.row() if index.isValid() else -1
        # The board reloads from the store; Qt must not move the item itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.mover(honouree_id, self.round_number, self.position_for_drop(honouree_id, row))


class RoundColumn(QGroupBox):
    """One round: its title, presenter and people."""

    def __init__(
        self,
        round_row: object,
        people: list[HonoureeRow],
        presenters: list[PresenterRow],
        mover: Mover,
        set_presenter: Callable[[int, int | None], None],
        parent: QWidget | None = None,
    ) -> None:
        number = round_row.number  # type: ignore[attr-defined]
        manual = " ✎" if round_row.manual else ""  # type: ignore[attr-defined]
        super().__init__(parent)
        self.heading = QLabel(
            self.tr("<b>Đợt %s</b> · %s người lên%s<br>%s")
            % (number, round_row.on_stage, manual, round_row.award or "?")  # type: ignore[attr-defined]
        )
        self.heading.setWordWrap(True)
        self.setToolTip(round_row.award)  # type: ignore[attr-defined]
        self.round_number = number
        self.presenter = QComboBox()
        self.presenter.addItem(self.tr("Người trao: (chưa chọn)"), None)
        for p in presenters:
            self.presenter.addItem(self.tr("Người trao: %s") % p.name, p.id)
        current = round_row.presenter.id if round_row.presenter else None  # type: ignore[attr-defined]
        self.presenter.setCurrentIndex(max(self.presenter.findData(current), 0))
        self.presenter.currentIndexChanged.connect(
            lambda _i: set_presenter(number, self.presenter.currentData())
        )
        self.people = RoundList(number, mover)
        self.people.fill(people)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.presenter)
        layout.addWidget(self.people)
        self.setMinimumWidth(230)
        self.setMaximumWidth(300)
