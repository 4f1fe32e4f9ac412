"""A picture that looks like a scanned pre-printed blank: the background the designer
tests and screenshots use (made here, so no real scan is needed)."""

from __future__ import annotations

from pathlib import Path


def draw_blank(
    path: Path, width_mm: float = 420, height_mm: float = 297, px_per_mm: float = 4
) -> Path:
    """A cream sheet with a gold double border, corner ornaments, a red emblem and the
    pre-printed title lines, as a scanner would give it (saved as PNG or JPEG by suffix)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    w, h = round(width_mm * px_per_mm), round(height_mm * px_per_mm)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#FBF5E6"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(px_per_mm, px_per_mm)  # draw in millimetres
    gold = QColor("#B8860B")
    painter.setPen(QPen(gold, 2.2))
    painter.drawRect(QRectF(10, 10, width_mm - 20, height_mm - 20))
    painter.setPen(QPen(gold, 0.6))
    painter.drawRect(QRectF(14, 14, width_mm - 28, height_mm - 28))
    for cx, cy in (
        (14, 14),
        (width_mm - 14, 14),
        (14, height_mm - 14),
        (width_mm - 14, height_mm - 14),
    ):
        for r in (3, 6, 9):
            painter.drawEllipse(QPointF(cx, cy), r, r)
    painter.setPen(QPen(QColor("#E8D9B0"), 0.3))
    for x in range(20, int(width_mm) - 20, 6):  # a faint guilloche of diagonals
        painter.drawLine(QPointF(x, 16), QPointF(x + 12, 28))
        painter.drawLine(QPointF(x, height_mm - 28), QPointF(x + 12, height_mm - 16))
    red = QColor("#C8102E")
    painter.setPen(QPen(red, 0.8))
    painter.setBrush(red)
    painter.drawEllipse(QPointF(width_mm / 2, 22), 7, 7)
    painter.setBrush(QColor("#FFD700"))
    painter.drawEllipse(QPointF(width_mm / 2, 22), 2.5, 2.5)

    def line(text: str, top: float, size_mm: float, colour: QColor, bold: bool = True) -> None:
        font = QFont("Liberation Serif")
        font.setPixelSize(100)
        font.setBold(bold)
        painter.save()
        painter.setPen(colour)
        painter.setFont(font)
        painter.translate(0, top)
        painter.scale(size_mm / 100, size_mm / 100)
        box = QRectF(0, 0, width_mm * 100 / size_mm, 140)
        painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.restore()

    black = QColor("#1A1A1A")
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 32, 6.5, black)
    line("Độc lập - Tự do - Hạnh phúc", 41, 6.5, black)
    line("THỦ TƯỚNG CHÍNH PHỦ", 57, 7.5, red)
    line("TẶNG", 72, 7, black)
    line("BẰNG KHEN", 84, 21, red)
    painter.end()
    image.save(str(path))
    return path
