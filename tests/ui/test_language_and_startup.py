"""Vietnamese everywhere, including Qt's own buttons; a light start-up."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox


def test_qt_buttons_and_locale_are_vietnamese(app):
    assert QLocale().language() == QLocale.Language.Vietnamese
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
        | QDialogButtonBox.StandardButton.Close
    )
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Đồng ý", "Hủy", "Lưu", "Có", "Không", "Đóng"}
    message = QMessageBox(QMessageBox.Icon.Question, "x", "y", QMessageBox.StandardButton.Yes)
    assert message.buttons()[0].text().replace("&", "") == "Có"


def test_window_texts_are_vietnamese(window):
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:2] == ["Buổi lễ", "Danh sách khen thưởng"]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "An toàn dữ liệu" in menus and "Tệp" in menus


HEAVY = ("reportlab", "openpyxl", "python_calamine", "alembic")


def test_start_up_loads_no_heavy_module(store_path, demo_id, tmp_path):
    code = f"""
import sys
from kx_ceremony.commands.common import Context
from kx_ceremony.ui.app import make_app, build_window
app = make_app()
window = build_window(Context(db={str(store_path)!r}))
window.show()
app.processEvents()
assert window.honourees.model.total > 0
print(",".join(m for m in {HEAVY!r} if m in sys.modules))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_every_tab_opens_its_screen_when_clicked(window):
    from kx_ceremony.ui.documents_view import DocumentsView
    from kx_ceremony.ui.pledge_view import PledgeView
    from kx_ceremony.ui.stage_view import StageView

    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Buổi lễ", "Danh sách khen thưởng", "Sân khấu", "Giao ước, cam kết", "In ấn"]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.tabs.tabText(index) == titles[index]
    kinds = [type(window.tabs.widget(i)) for i in range(2, 5)]
    assert kinds == [StageView, PledgeView, DocumentsView]
    assert window.tabs.currentIndex() == 4
    assert window.stage.navigator.count() >= 0 and window.stage.ceremony_id == window.ceremony_id
