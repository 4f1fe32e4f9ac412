"""Print certificates, the calibration page, the MC script and the line-up from the window."""

from __future__ import annotations

import subprocess

from kx_ceremony.core.services.honouree_table import honouree_rows
from kx_ceremony.ui import messages
from kx_ceremony.ui.tasks import InlineRunner


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def _pages(path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def _plan(window) -> None:
    window.tabs.setCurrentWidget(window.stage)
    window.stage.plan()


def test_print_certificates_to_a_file_in_stage_order(window, store, demo_id, tmp_path, monkeypatch):
    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("certificates")
    panel = view.option_widgets[view.list.currentRow()]
    panel.mode.setCurrentIndex(panel.mode.findData("full"))
    panel.round.setValue(1)
    target = tmp_path / "bang-khen.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert target.is_file(), messages.shown
    first_round = [h for h in honouree_rows(store, demo_id) if h.round == 1]
    assert _pages(target) == len(first_round)
    text = _text(target)
    positions = [text.find(h.name) for h in first_round]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert view.pdf.page_count == len(first_round)


def test_calibration_page_with_offsets(window, tmp_path, monkeypatch):
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("calibration")
    panel = view.option_widgets[view.list.currentRow()]
    assert panel.award.count() > 0
    panel.offset_x.setValue(1.5)
    panel.offset_y.setValue(-2.0)
    panel.save_offset()
    from kx_ceremony.core.printing.printer_offset import load_offset

    assert (load_offset().x_mm, load_offset().y_mm) == (1.5, -2.0)
    view.preview()
    assert view.last_output.is_file() and _pages(view.last_output) == 1


def test_script_and_lineup(window, store, demo_id):
    _plan(window)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    first = next(h for h in honouree_rows(store, demo_id) if h.round == 1)
    for key in ("script", "lineup"):
        view.select(key)
        view.preview()
        assert view.last_output.is_file(), messages.shown
        assert first.name in _text(view.last_output)


def test_cancel_printing_leaves_no_file(window, tmp_path, monkeypatch):
    _plan(window)
    runner = InlineRunner()
    runner.cancel_after = 2
    view = window.documents
    view.runner = runner
    view.select("certificates")
    target = tmp_path / "huy.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert not target.exists()
    assert messages.shown[-1] == messages.CANCELLED


def test_certificate_without_decision_refused_then_printed_as_draft(
    make_window, store, tmp_path, monkeypatch, shown_messages
):
    import datetime as dt

    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honourees

    cid = create_ceremony(store, CeremonyInput("Lễ thử", dt.date(2023, 1, 5), province="Thái Bình"))
    form = find_award_form(store, cid, "tinh")
    with store.transaction() as session:
        add_honourees(session, cid, [HonoureeInput(name="Trần Văn Bình", award_form_id=form.id)])
    window = make_window(cid)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("certificates")
    panel = view.option_widgets[view.list.currentRow()]
    target = tmp_path / "bang-khen.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert not target.exists()
    assert "Không in được «Bằng khen của Chủ tịch UBND tỉnh»" in shown_messages[-1]
    assert "\n" not in shown_messages[-1].strip()
    panel.draft.setChecked(True)
    view.save_pdf()
    assert target.is_file(), shown_messages
    assert "BẢN IN THỬ" in _text(target)
