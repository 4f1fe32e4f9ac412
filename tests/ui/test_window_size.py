"""The window fits the screen it opens on, then keeps the size and splitters it was left with."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView


def test_opens_within_a_laptop_screen_and_maximised(make_window, demo_id):
    window = make_window(demo_id)  # the test screen is a 1366×768 laptop (tests/conftest.py)
    free = window.screen().availableGeometry()
    assert (free.width(), free.height()) == (1366, 768)
    assert window.property("open_maximised") is True
    assert window.width() <= free.width() and window.height() <= free.height()


def test_every_screen_fits_a_laptop_at_125_and_a_desktop_at_150(window):
    # 1366×768 at 125 % leaves 1093 logical pixels across; 1920×1080 at 150 % leaves 693
    # down once the taskbar is counted. No screen may need more than that.
    for screen in (
        window.honourees,
        window.ceremonies,
        window.stage,
        window.pledges,
        window.documents,
    ):
        window.tabs.setCurrentWidget(screen)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1093, (type(screen).__name__, hint)
        assert hint.height() <= 693, (type(screen).__name__, hint)


def test_size_and_splitters_are_kept(make_window, demo_id):
    first = make_window(demo_id)
    first.resize(1000, 640)
    first.tabs.setCurrentWidget(first.documents)
    splitter = first.documents.findChild(type(first.documents.preview_area.parent()), "documents")
    splitter.setSizes([200, 480])
    kept = splitter.sizes()
    first.close()
    again = make_window(demo_id)
    assert (again.width(), again.height()) == (1000, 640)
    again.tabs.setCurrentWidget(again.documents)
    assert again.documents.findChild(type(splitter), "documents").sizes() == kept


def test_every_honouree_column_is_on_screen_until_the_organiser_drags_one(window):
    window.resize(1000, 600)
    window.tabs.setCurrentWidget(window.honourees)
    table = window.honourees.table
    header = table.horizontalHeader()
    window.honourees.columns.fit()
    total = sum(header.sectionSize(c) for c in range(header.count()))
    assert total <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible() or table.horizontalScrollBar().maximum() == 0
    last = header.count() - 1
    title = table.model().headerData(last, header.orientation())
    assert header.sectionSize(last) >= header.fontMetrics().horizontalAdvance(title)  # "Có mặt"
    header.resizeSection(1, 400)  # the organiser widens the names
    window.resize(1200, 600)
    assert header.sectionSize(1) == 400
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
