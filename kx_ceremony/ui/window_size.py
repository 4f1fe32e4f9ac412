"""The main window's size and the splitters' positions: fitted to the screen the first
time, then as the organiser left them.

An office laptop (1366×768, a taskbar below) or a desktop at 125 % or 150 % scaling has
far less room than a developer's screen: the window opens maximised when the screen's
free area is smaller than its comfortable size, otherwise at that size, centred, never
larger than the free area. Saved geometry that no longer fits (another monitor, another
scaling) is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

COMFORTABLE = (1280, 800)  # logical pixels; smaller free areas open maximised
GEOMETRY_KEY = "window/geometry"
SPLITTER_KEY = "window/splitter/{}"


def _free_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_window(window: QMainWindow, settings: QSettings) -> None:
    """Restore the saved size when it fits this screen, otherwise fit it to the screen."""
    free = _free_area(window)
    saved = settings.value(GEOMETRY_KEY)
    if (
        isinstance(saved, QByteArray | bytes)
        and window.restoreGeometry(QByteArray(saved))
        and (free.contains(window.frameGeometry()) or window.isMaximized())
    ):
        return
    width, height = COMFORTABLE
    if free.width() < width + 40 or free.height() < height + 40:
        window.resize(min(width, free.width()), min(height, free.height()))
        window.setProperty("open_maximised", True)
        return
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(free.center())
    window.move(frame.topLeft())


def show_window(window: QMainWindow) -> None:
    """Show it maximised or at its size, as ``place_window`` decided."""
    if window.property("open_maximised"):
        window.showMaximized()
    else:
        window.show()


def save_window(window: QMainWindow, settings: QSettings) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    for splitter in window.findChildren(QSplitter):
        if splitter.objectName():
            settings.setValue(SPLITTER_KEY.format(splitter.objectName()), splitter.saveState())


def restore_splitters(screen: QWidget, settings: QSettings) -> None:
    """Put a newly built screen's named splitters where they were left."""
    for splitter in screen.findChildren(QSplitter):
        if splitter.objectName():
            state = settings.value(SPLITTER_KEY.format(splitter.objectName()))
            if isinstance(state, QByteArray | bytes):
                splitter.restoreState(QByteArray(state))


def fit_dialog(dialog: QWidget, comfortable: tuple[int, int]) -> None:
    """Open a large dialog at its comfortable size, or as much of the screen's free area
    as there is (a 1366×768 laptop, a desktop at 150 %), leaving room for its frame."""
    parent = dialog.parentWidget()
    free = _free_area(parent if parent is not None else dialog)
    width = min(comfortable[0], free.width() - 24)
    height = min(comfortable[1], free.height() - 48)
    hint = dialog.minimumSizeHint()
    dialog.resize(
        max(width, min(hint.width(), free.width())), max(height, min(hint.height(), free.height()))
    )
