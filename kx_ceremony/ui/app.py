"""Start the window. The full organiser's window grows here; this is its first frame."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from kx_ceremony import APP_NAME

if TYPE_CHECKING:
    from kx_ceremony.commands.common import Context


def run(ctx: Context) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kx_ceremony.core.errors import StoreError, UserError
    from kx_ceremony.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    try:
        store = ctx.store
    except (UserError, StoreError) as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return exc.exit_status
    window = MainWindow(store)
    window.show()
    return app.exec()
