"""Start the window: Vietnamese throughout, errors caught, the store opened once.

Only Qt and the services the first screen needs are imported here; printing,
spreadsheets and migrations load when first used.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from kx_ceremony import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kx_ceremony.commands.common import Context
    from kx_ceremony.ui.main_window import MainWindow


def make_app() -> QApplication:
    """The QApplication with Vietnamese locale and texts and the error hook installed."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from kx_ceremony.core.errors import UserError
    from kx_ceremony.ui import qt_log
    from kx_ceremony.ui.language import install_vietnamese
    from kx_ceremony.ui.messages import install_excepthook

    # Only Qt's own file dialog, built by ui/file_dialogs.py so that it reads no file.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance()
    if app is None:
        if qt_log.display_missing():
            raise UserError(qt_log.NO_DISPLAY)
        qt_log.install()
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KX Ceremony")
    app.setApplicationDisplayName(APP_NAME)
    install_vietnamese(app)
    install_excepthook()
    return app  # type: ignore[return-value]


def build_window(ctx: Context, ceremony_id: int | None = None) -> MainWindow:
    from kx_ceremony.ui.main_window import MainWindow

    return MainWindow(ctx.store, ceremony_id=ceremony_id)


def run(ctx: Context) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from kx_ceremony.core.errors import StoreError, UserError
    from kx_ceremony.ui import startup

    app = make_app()
    try:
        lock = startup.take_window_lock(ctx.db)  # held until the process ends
        store = startup.open_for_window(ctx)
        window = build_window(ctx)
    except (UserError, StoreError) as exc:
        QMessageBox.critical(
            None, APP_NAME, exc.window_text if isinstance(exc, UserError) else exc.message
        )
        return exc.exit_status
    window.window_lock = lock
    from kx_ceremony.ui.window_size import show_window

    show_window(window)
    # Tied to the window: never fires after the window is gone.
    QTimer.singleShot(1500, window, lambda: start_daily_backup(window, store))
    return app.exec()


def start_daily_backup(window: MainWindow, store: object) -> None:
    """After the window is up: the day's automatic backup, off the GUI thread, quietly."""
    from kx_ceremony.ui import startup

    def done(path: object) -> None:
        if path:
            window.statusBar().showMessage(window.tr("Đã sao lưu tự động: %s") % path, 8000)

    window.runner.run(
        window, window.tr("Đang sao lưu tự động…"), lambda _p: startup.backup_if_due(store), done
    )
