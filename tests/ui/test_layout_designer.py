"""The layout designer driven like a user: drag a box with the mouse, nudge it with the
arrow keys, undo, redo, save, close, reopen; the certificates then print where it was put."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from blank_image import draw_blank
from printing_helpers import MM, page_texts, page_words, print_scaling, words_of
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from kx_ceremony.core.printing.certificates import print_certificates
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.ui import messages
from kx_ceremony.ui.tasks import InlineRunner

AWARD = "BK TTg"  # the sample ceremony's Prime Minister's Bằng khen (2 people)


@pytest.fixture
def open_it(app, qtbot, store, demo_id, monkeypatch):
    from kx_ceremony.ui.designer import open_designer

    # Closing with unsaved changes asks (blocking); a failed test must not hang on it.
    monkeypatch.setattr(messages, "ask", lambda *a, **k: True)
    opened = []

    def build(award: str = AWARD):
        form = find_award_form(store, demo_id, award)
        window = open_designer(None, store, None, InlineRunner(), demo_id, form.id)
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # its shortcuts (Ctrl+Z, Ctrl+Y) need it
        window.view.set_zoom(2.0)  # two screen pixels per millimetre
        window.view.centerOn(window.sheet)
        opened.append(window)
        return window

    yield build
    for window in opened:
        window.undo_stack.setClean()


def _at(window, x_mm: float, y_mm: float) -> QPoint:
    return window.view.mapFromScene(QPointF(x_mm, y_mm))


def _drag(window, start: QPoint, end: QPoint, steps: int = 8) -> None:
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        point = start + (end - start) * i / steps
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def _recipient(window) -> dict:
    return window.data["fields"]["recipient"]


def _name_box(pdf: Path, name: str) -> tuple[float, float]:
    words = words_of(page_words(pdf), name)
    return words[0].x0, words[0].y1


def test_drag_nudge_undo_redo_save_reopen_and_the_certificate_moves(
    open_it, qtbot, store, demo_id, tmp_path
):
    form = find_award_form(store, demo_id, AWARD)
    before_pdf = print_certificates(
        store, demo_id, tmp_path / "truoc.pdf", award=AWARD, preview=True
    ).path

    window = open_it()
    box = dict(_recipient(window))
    assert (box["x"], box["y"]) == (30, 120)
    # Drag the box from a point inside it (away from its resize grip) 40 px right, 20 px
    # down: 20 mm and 10 mm at two pixels per millimetre.
    start = _at(window, box["x"] + 60, box["y"] + 5)
    _drag(window, start, start + QPoint(40, 20))
    assert (_recipient(window)["x"], _recipient(window)["y"]) == (50, 130), messages.shown
    assert window.selected == "recipient"
    assert window.items["recipient"].pos() == QPointF(50, 130)
    assert window.panel.x.value() == 50 and window.panel.y.value() == 130

    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Right)  # 0.5 mm
    QTest.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # 5 mm
    assert (_recipient(window)["x"], _recipient(window)["y"]) == (50.5, 135)

    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (_recipient(window)["x"], _recipient(window)["y"]) == (50.5, 130)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert (_recipient(window)["x"], _recipient(window)["y"]) == (30, 120)
    assert window.items["recipient"].pos() == QPointF(30, 120)
    QTest.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert (_recipient(window)["x"], _recipient(window)["y"]) == (50.5, 135)

    window.buttons["save"].click()
    assert window.undo_stack.isClean(), messages.shown
    window.close()
    assert not window.isVisible()

    saved = find_award_form(store, demo_id, AWARD)
    assert saved.layout["fields"] == {"recipient": {"x": 50.5, "y": 135}}  # only what changed
    again = open_it()
    assert again is not window
    assert again.items["recipient"].pos() == QPointF(50.5, 135)

    after_pdf = print_certificates(
        store, demo_id, tmp_path / "sau.pdf", award=AWARD, preview=True
    ).path
    name = "Phạm Thị Thu Hằng"
    (x0, y0), (x1, y1) = _name_box(before_pdf, name), _name_box(after_pdf, name)
    assert x1 - x0 == pytest.approx(20.5 * MM, abs=0.3)
    assert y1 - y0 == pytest.approx(15 * MM, abs=0.3)
    assert form.id == saved.id


def test_resize_with_the_corner_grip_and_edit_in_millimetres(open_it, store, demo_id):
    window = open_it()
    window.pick("decision")
    box = dict(window.data["fields"]["decision"])
    grip = _at(window, box["x"] + box["width"] - 1, box["y"] + box["height"] - 1)
    _drag(window, grip, grip + QPoint(-60, 10))  # 30 mm narrower, 5 mm taller
    now = window.data["fields"]["decision"]
    assert (now["x"], now["y"]) == (box["x"], box["y"])
    assert now["width"] == pytest.approx(box["width"] - 30, abs=0.1)
    assert now["height"] == pytest.approx(box["height"] + 5, abs=0.1)

    window.panel.size.setValue(11)
    window.panel.bold.setChecked(True)
    window.panel.align.setCurrentIndex(window.panel.align.findData("right"))
    assert now is not window.data["fields"]["decision"]
    edited = window.data["fields"]["decision"]
    assert (edited["size"], edited["style"], edited["align"]) == (11, "bolditalic", "right")
    assert edited["min_size"] <= 11
    window.panel.page_w.setValue(400)  # a narrower blank: every box stays on it
    assert all(f["x"] + f["width"] <= 400 for f in window.data["fields"].values())
    steps = window.undo_stack.count()
    for _ in range(steps):
        window.undo_stack.undo()
    assert window.data["fields"]["decision"] == box
    assert window.data["page"]["width"] == 420


def test_background_scan_shown_remembered_and_a_lost_file_harms_nothing(
    open_it, store, demo_id, tmp_path
):
    scan = draw_blank(tmp_path / "phoi-quet.jpg", px_per_mm=2)
    window = open_it()
    window.actions.use_background(scan)
    rect = window.backdrop.sceneBoundingRect()
    assert (round(rect.width(), 3), round(rect.height(), 3)) == (420, 297)  # fitted to the sheet
    assert window.backdrop.isVisible()
    window.save()
    window.close()
    assert find_award_form(store, demo_id, AWARD).layout["designer_background"]["path"] == str(
        scan.resolve()
    )
    # The background is only in the designer: the certificates print no picture.
    pdf = print_certificates(store, demo_id, tmp_path / "bk.pdf", award=AWARD, mode="full").path
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert images.returncode == 0 and len(images.stdout.strip().splitlines()) == 2  # header only

    scan.unlink()
    again = open_it()
    assert not again.backdrop.isVisible()
    assert "không tìm thấy" in again.panel.background_note.text()
    again.nudge(0, 0)  # still works, saves, prints
    again.save()
    assert print_certificates(store, demo_id, tmp_path / "bk2.pdf", award=AWARD).count == 2


def test_a_page_of_a_pdf_as_background(open_it, tmp_path):
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "phoi.pdf"
    canvas = Canvas(str(pdf), pagesize=(420 * mm, 297 * mm))
    canvas.setStrokeColorRGB(0.7, 0.5, 0.1)
    canvas.setLineWidth(6)
    canvas.rect(10 * mm, 10 * mm, 400 * mm, 277 * mm)
    canvas.showPage()
    canvas.save()
    window = open_it()
    window.actions.use_background(pdf)
    assert window.backdrop.isVisible()
    assert window.backdrop.pixmap().width() > 1000
    window.undo_stack.undo()
    assert not window.backdrop.isVisible()
    broken = tmp_path / "hong.png"
    broken.write_bytes(b"\x89PNG not really")
    window.buttons["background"].setEnabled(True)
    with pytest.raises(Exception, match="Không dùng được hong.png"):
        window.actions.use_background(broken)
    assert window.background is None


def test_export_then_import_into_another_award_round_trips(
    open_it, store, demo_id, tmp_path, monkeypatch
):
    window = open_it()
    window.nudge(0, 0)
    window.pick("achievement")
    window.nudge(-5, 5)
    target = tmp_path / "mau-tinh.json"
    monkeypatch.setattr("kx_ceremony.ui.designer.actions.choose_save_file", lambda *a: target)
    window.buttons["export"].click()
    assert target.is_file(), messages.shown
    exported = window.data

    other = open_it("Giấy khen huyện")
    assert other.data != exported
    monkeypatch.setattr("kx_ceremony.ui.designer.actions.choose_open_file", lambda *a: target)
    other.buttons["import"].click()
    assert other.data == exported, messages.shown
    other.save()
    from kx_ceremony.core.printing.layout_store import designer_data

    assert designer_data(find_award_form(store, demo_id, "Giấy khen huyện")) == exported


def test_a_hostile_layout_file_is_refused_in_one_line_and_nothing_changes(
    open_it, tmp_path, monkeypatch, shown_messages
):
    bad = tmp_path / "mau.json"
    bad.write_text(
        '{"page": {"width": 420, "height": 297}, "fields": {"recipient": {"x": 1e308',
        encoding="utf-8",
    )
    window = open_it()
    before = window.data
    monkeypatch.setattr("kx_ceremony.ui.designer.actions.choose_open_file", lambda *a: bad)
    window.buttons["import"].click()
    assert window.data == before and window.undo_stack.count() == 0
    assert shown_messages and "mau.json" in shown_messages[-1]
    assert "\n" not in shown_messages[-1]


def test_test_print_shows_the_longest_texts_at_the_blanks_size(open_it, tmp_path):
    window = open_it()
    window.buttons["test_pdf"].click()
    sheet = window.actions.last_test_sheet
    assert sheet is not None and sheet.is_file(), messages.shown
    text = page_texts(sheet)[0]
    assert "Phạm Thị Thu Hằng" in text  # the longest of the two names
    assert "BẰNG KHEN" not in text  # a blank carries the design; the test sheet does not
    assert print_scaling(sheet) == "/None"
    from pypdf import PdfReader

    page = PdfReader(str(sheet)).pages[0]
    assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (
        420,
        297,
    )
    assert window.actions.preview.pdf.page_count == 1


def test_opened_from_the_ceremony_screen_and_the_printing_screen(window, monkeypatch):
    from kx_ceremony.ui import designer

    view = window.ceremonies
    window.tabs.setCurrentWidget(view)
    view.forms_table.setCurrentCell(3, 0)
    view.design_button.click()
    opened = [w for w in designer._open if w.isVisible()]
    assert opened and opened[-1].form.full_name == view.forms[3].full_name, messages.shown
    opened[-1].close()

    docs = window.documents
    window.tabs.setCurrentWidget(docs)
    docs.select("certificates")
    panel = docs.option_widgets[docs.list.currentRow()]
    panel.award.setCurrentIndex(2)
    docs.design_button.click()
    opened = [w for w in designer._open if w.isVisible()]
    assert opened[-1].form.full_name == panel.award.currentData()
    opened[-1].close()


def test_screenshot_over_a_scanned_blank(open_it, tmp_path):
    scan = draw_blank(tmp_path / "phoi-quet.png")
    window = open_it()
    window.actions.use_background(scan)
    window.pick("recipient")
    window.view.fit_sheet()
    shot = tmp_path / "thiet-ke-mau-in.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 50_000
