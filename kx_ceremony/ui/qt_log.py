"""Qt's own messages go to our log, never to the user's terminal.

Qt prints warnings (``qt.qpa.plugin: …``) to stderr and, when it cannot start at all (no
display, a platform plugin that will not load), ends the process with ``qFatal`` and
``abort()``: English text and a core dump instead of our one Vietnamese line. A message
handler installed before the QApplication is made logs every message and, for a fatal
one, prints one Vietnamese line and ends the process itself with status 2.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("kx_ceremony.qt")

NO_DISPLAY = (
    "Không mở được cửa sổ: máy này không có màn hình đồ họa cho chương trình (Qt không khởi "
    "động được giao diện). Hãy chạy trong phiên làm việc có màn hình, hoặc dùng các lệnh "
    "của kx-ceremony (xem «kx-ceremony --help»)."
)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    log.log(_LEVELS.get(kind, logging.WARNING), "%s: %s", context.category or "qt", message)
    if kind == QtMsgType.QtFatalMsg:
        for handler in logging.getLogger().handlers:
            handler.flush()
        try:
            sys.stderr.write(NO_DISPLAY + "\n")
            sys.stderr.flush()
        finally:
            os._exit(2)  # Qt would abort() right after this handler returns


def install() -> None:
    qInstallMessageHandler(_handle)


def display_missing() -> bool:
    """True on a Linux/BSD machine with no X11 or Wayland display and no platform chosen."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
