"""Every message the window shows: expected errors, unexpected ones, questions.

Expected errors (``UserError``, ``StoreError``) show their Vietnamese sentence. Anything
else is written in full to the log file and shown as a short Vietnamese note with a
button that opens the log folder: never a traceback, and the app keeps running.

Messages open window-modal without blocking (``open()``), so a test or a background
job is never stuck behind one; ``shown`` keeps the texts for tests and screenshots.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kx_ceremony import APP_NAME
from kx_ceremony.core.errors import Cancelled, StoreError, UserError
from kx_ceremony.core.logs import log_file_path

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Đã xảy ra lỗi không mong đợi; việc vừa làm chưa hoàn tất nhưng dữ liệu đã lưu vẫn an "
    "toàn. Chi tiết đã được ghi vào tệp nhật ký {path}. Hãy gửi tệp này cho người hỗ trợ."
)
CANCELLED = "Đã dừng theo yêu cầu; việc đang làm dở không được lưu."

shown: list[str] = []  # every message shown in this process, newest last
_open_boxes: list[QMessageBox] = []


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def _show(box: QMessageBox) -> None:
    _open_boxes.append(box)
    box.finished.connect(lambda _r, b=box: _open_boxes.remove(b) if b in _open_boxes else None)
    box.open()


def inform(parent: QWidget | None, text: str, title: str = APP_NAME) -> None:
    shown.append(text)
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok)
    box.setParent(_parent(parent), box.windowFlags())
    _show(box)


def show_error(parent: QWidget | None, text: str) -> None:
    shown.append(text)
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok)
    box.setParent(_parent(parent), box.windowFlags())
    _show(box)


def open_log_folder() -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file_path().parent)))


def show_unexpected(parent: QWidget | None) -> None:
    text = UNEXPECTED.format(path=log_file_path())
    shown.append(text)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, QMessageBox.StandardButton.Close)
    box.setParent(_parent(parent), box.windowFlags())
    folder = box.addButton(
        QApplication.translate("messages", "Mở thư mục nhật ký"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder.clicked.connect(open_log_folder)
    _show(box)


def report(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception the right way: its sentence if expected, else log + note."""
    if isinstance(exc, (UserError, StoreError)):
        log.info("refused in window: %s", exc.message)
        show_error(parent, exc.window_text if isinstance(exc, UserError) else exc.message)
    elif isinstance(exc, Cancelled):
        inform(parent, CANCELLED)
    else:
        log.error("unexpected error in window", exc_info=(type(exc), exc, exc.__traceback__))
        show_unexpected(parent)


def ask(parent: QWidget | None, text: str, title: str = APP_NAME) -> bool:
    """A yes/no question (blocking: the caller needs the answer)."""
    answer = QMessageBox.question(
        _parent(parent),
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose(
    parent: QWidget | None, text: str, choices: list[tuple[str, str]], title: str = APP_NAME
) -> str | None:
    """A question with named answers ``(key, button text)`` and Hủy; returns the key chosen,
    or None for Hủy (blocking: the caller needs the answer)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    box.setParent(_parent(parent), box.windowFlags())
    buttons = {
        box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in choices
    }
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return buttons.get(box.clickedButton())


F = TypeVar("F", bound=Callable[..., Any])


def guarded(method: F) -> F:
    """Wrap a slot so any error it raises becomes a message instead of a crash."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the window's error boundary
            report(self if isinstance(self, QWidget) else None, exc)
            return None

    return wrapper  # type: ignore[return-value]


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report(None, exc)


def install_excepthook() -> None:
    """Errors escaping a slot reach Python's hook; show them instead of exiting."""
    sys.excepthook = _excepthook
