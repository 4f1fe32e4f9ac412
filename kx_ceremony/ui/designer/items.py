"""What the designer's page shows: the sheet, the scanned blank behind it, one box per field.

The scene is measured in millimetres (one scene unit = 1 mm, from the sheet's top-left
corner), so a box's position is the layout's value with no conversion. Each box shows its
text as the certificate will print it: fitted (shrunk, wrapped) by the core's typesetter,
drawn in the same font files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

MM_PER_PT = 25.4 / 72.0
HANDLE_MM = 4.0  # the resize grip in a box's bottom-right corner
MIN_BOX_MM = 2.0
VARIABLE_PEN = QColor("#1F4E9E")
DESIGN_PEN = QColor("#8A8A8A")
SELECTED_PEN = QColor("#D9480F")

# Called when the mouse lets go of a box: (field name, new x, y, width, height).
Changed = Callable[[str, float, float, float, float], None]


def snap(value: float) -> float:
    """Positions are kept to a tenth of a millimetre (a ruler's precision and then some)."""
    return round(value * 10) / 10


class FieldItem(QGraphicsRectItem):
    """One field's box: drag to move, drag the corner grip to resize."""

    def __init__(self, name: str, changed: Changed) -> None:
        super().__init__()
        self.name = name
        self._changed = changed
        self.page_size = (420.0, 297.0)
        self.lines: list[tuple[str, float, float]] = []  # (text, left, baseline) in the box
        self.font = QFont()
        self.text_colour = QColor("#000000")
        self.design = False
        self._resizing = False
        self._press: tuple[QPointF, QRectF, QPointF] | None = None
        flag = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flag.ItemIsMovable | flag.ItemIsSelectable | flag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setToolTip(name)

    # -- content -------------------------------------------------------------------------
    def show_box(
        self,
        box: Any,  # a FieldBox
        lines: list[tuple[str, float, float]],
        font: QFont,
        page_size: tuple[float, float],
        label: str,
    ) -> None:
        self.page_size = page_size
        self.setPos(box.x, box.y)
        self.setRect(0, 0, box.width, box.height)
        self.lines = [(text, x - box.x, baseline - box.y) for text, x, baseline in lines]
        self.font = font
        self.text_colour = QColor(box.colour)
        self.design = box.design
        self.setZValue(1 if box.design else 2)
        self.setToolTip(
            f"{label}: {box.x:g}; {box.y:g} mm, {box.width:g} × {box.height:g} mm, {box.size:g} pt"
        )
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self.rect()
        selected = self.isSelected()
        colour = SELECTED_PEN if selected else DESIGN_PEN if self.design else VARIABLE_PEN
        pen = QPen(colour, 0)  # cosmetic: one screen pixel at any zoom
        pen.setStyle(Qt.PenStyle.SolidLine if selected else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(40 if selected else 18)
        painter.setBrush(QBrush(fill))
        painter.drawRect(rect)
        text_colour = QColor(self.text_colour)
        if self.design:
            text_colour.setAlpha(110)  # pre-printed on the blank: shown, never printed here
        painter.setPen(text_colour)
        size_mm = self.font.pointSizeF() * MM_PER_PT if self.font.pointSizeF() > 0 else 5.0
        drawn = QFont(self.font)
        drawn.setPixelSize(100)
        painter.setFont(drawn)
        for text, x, baseline in self.lines:
            painter.save()
            painter.translate(x, baseline)
            painter.scale(size_mm / 100, size_mm / 100)
            painter.drawText(QPointF(0, 0), text)
            painter.restore()
        if selected:
            grip = QRectF(rect.right() - HANDLE_MM, rect.bottom() - HANDLE_MM, HANDLE_MM, HANDLE_MM)
            painter.fillRect(grip, SELECTED_PEN)

    # -- the mouse -----------------------------------------------------------------------
    def _on_grip(self, pos: QPointF) -> bool:
        rect = self.rect()
        grip = min(HANDLE_MM, rect.width() / 2, rect.height() / 2)
        return pos.x() >= rect.right() - grip and pos.y() >= rect.bottom() - grip

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        shape = (
            Qt.CursorShape.SizeFDiagCursor
            if self._on_grip(event.pos())
            else Qt.CursorShape.SizeAllCursor
        )
        self.setCursor(shape)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._press = (self.pos(), QRectF(self.rect()), event.pos())
        self._resizing = event.button() == Qt.MouseButton.LeftButton and self._on_grip(event.pos())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self._resizing or self._press is None:
            super().mouseMoveEvent(event)
            return
        page_w, page_h = self.page_size
        _, rect, grabbed = self._press
        moved = event.pos() - grabbed
        width = min(max(rect.width() + moved.x(), MIN_BOX_MM), page_w - self.pos().x())
        height = min(max(rect.height() + moved.y(), MIN_BOX_MM), page_h - self.pos().y())
        self.prepareGeometryChange()
        self.setRect(0, 0, width, height)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pressed, self._press = self._press, None
        self._resizing = False
        if pressed is None:
            return
        pos, rect = self.pos(), self.rect()
        if pos != pressed[0] or rect != pressed[1]:
            self._changed(
                self.name, snap(pos.x()), snap(pos.y()), snap(rect.width()), snap(rect.height())
            )

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:  # noqa: N802
        """A box dragged never leaves the sheet."""
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(
            value, QPointF
        ):
            page_w, page_h = self.page_size
            rect = self.rect()
            x = min(max(value.x(), 0.0), max(page_w - rect.width(), 0.0))
            y = min(max(value.y(), 0.0), max(page_h - rect.height(), 0.0))
            return QPointF(x, y)
        return super().itemChange(change, value)


class SheetItem(QGraphicsRectItem):
    """The sheet of paper, white with a soft shadow, at its size in millimetres."""

    def __init__(self) -> None:
        super().__init__()
        self.setBrush(QBrush(QColor("#FFFFFF")))
        self.setPen(QPen(QColor("#6B6B6B"), 0))
        self.setZValue(-2)
