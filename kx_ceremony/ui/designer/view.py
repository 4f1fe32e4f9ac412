"""The designer's zoomable view of the sheet, and the one undoable change it is made of.

Every change (a box dragged, a value typed, a background chosen, a layout imported, «Đặt
lại») is a ``StateChange``: the whole working copy before and after. A working copy is a
dozen small dicts, so snapshots are cheap and undo can never drift from what was done.
Consecutive edits of the same value (typing 1, 2, 0 into a spin box) merge into one step.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPainter, QUndoCommand, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

NUDGE_MM = 0.5
NUDGE_SHIFT_MM = 5.0
_MERGE_ID = 1607


class StateChange(QUndoCommand):
    def __init__(
        self,
        apply: Callable[[Any], None],
        before: Any,
        after: Any,
        text: str,
        merge_key: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = copy.deepcopy(before)
        self.after = copy.deepcopy(after)
        self.merge_key = merge_key

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if isinstance(other, StateChange) and other.merge_key == self.merge_key:
            self.after = copy.deepcopy(other.after)
            return True
        return False

    def redo(self) -> None:
        self._apply(copy.deepcopy(self.after))

    def undo(self) -> None:
        self._apply(copy.deepcopy(self.before))


class DesignerView(QGraphicsView):
    """Ctrl + wheel zooms; arrow keys move the chosen box 0.5 mm (Shift: 5 mm)."""

    def __init__(
        self, scene: QGraphicsScene, nudge: Callable[[float, float], bool], parent: QWidget | None
    ) -> None:
        super().__init__(scene, parent)
        self._nudge = nudge
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.GlobalColor.lightGray)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @property
    def zoom(self) -> float:
        """Screen pixels per millimetre of paper."""
        return self.transform().m11()

    def set_zoom(self, pixels_per_mm: float) -> None:
        pixels_per_mm = min(max(pixels_per_mm, 0.3), 40.0)
        self.resetTransform()
        self.scale(pixels_per_mm, pixels_per_mm)

    def real_size(self) -> None:
        """One millimetre on screen is one millimetre of paper (as far as the screen says)."""
        self.set_zoom(self.logicalDpiX() / 25.4)

    def fit_sheet(self) -> None:
        rect = self.sceneRect()
        if rect.width() > 0:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.set_zoom(self.zoom * factor)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = NUDGE_SHIFT_MM if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE_MM
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, -step),
            Qt.Key.Key_Down: (0.0, step),
        }
        move = moves.get(Qt.Key(event.key()))
        if move is not None and self._nudge(*move):
            event.accept()
            return
        super().keyPressEvent(event)
