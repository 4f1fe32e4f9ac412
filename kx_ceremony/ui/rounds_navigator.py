"""The stage screen's list of rounds, which people can also be dropped on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QListWidget

from kx_ceremony.ui.stage_board import dropped_id

if TYPE_CHECKING:
    from kx_ceremony.ui.stage_view import StageView


class RoundsNavigator(QListWidget):
    """Every round, one line each; a person dropped on a line joins the end of that round."""

    def __init__(self, view: StageView) -> None:
        super().__init__()
        self.view = view
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        event.acceptProposedAction() if dropped_id(event) is not None else event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        event.acceptProposedAction() if dropped_id(event) is not None else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        honouree_id = dropped_id(event)
        item = self.itemAt(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if honouree_id is None or item is None:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        self.view.move(honouree_id, number, None)  # None: the end of that round
