"""Window fixtures: a main window over a real store, jobs run inline, settings in tmp."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def app(qapp):
    from kx_ceremony.ui.app import make_app

    return make_app()


@pytest.fixture
def shown_messages():
    from kx_ceremony.ui import messages

    messages.shown.clear()
    yield messages.shown
    for box in list(messages._open_boxes):
        box.close()


@pytest.fixture
def make_window(app, qtbot, store, tmp_path: Path, shown_messages):
    from PySide6.QtCore import QSettings

    from kx_ceremony.ui.main_window import MainWindow
    from kx_ceremony.ui.tasks import InlineRunner

    def build(ceremony_id: int | None = None, runner=None):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(
            store, runner=runner or InlineRunner(), ceremony_id=ceremony_id, settings=settings
        )
        qtbot.addWidget(window)
        window.show()
        return window

    return build


@pytest.fixture
def window(make_window, demo_id):
    return make_window(demo_id)
