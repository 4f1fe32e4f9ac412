"""The window: office documents and flag labels on the «In ấn» screen; an award form's type
and short forms in the catalogue dialog; a posthumous honouree; a covenant's cluster."""

from __future__ import annotations

import subprocess

from papers_fixtures import add_special_awards
from pypdf import PdfReader

from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.services.pledges.editing import find_document
from kx_ceremony.ui import messages

OFFICE = {
    "appendix": "Danh sách kèm theo quyết định",
    "receipts": "Danh sách ký nhận",
    "programme": "Chương trình hội nghị",
    "namecards": "Thẻ tên và thẻ chỗ ngồi",
    "flags": "Nhãn cờ thi đua",
}


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout


def test_printing_screen_lists_and_previews_the_office_documents(window, store, demo_id):
    add_special_awards(store, demo_id)
    window.events.changed.emit("honourees")
    window.tabs.setCurrentWidget(window.stage)
    window.stage.plan()
    view = window.documents
    window.tabs.setCurrentWidget(view)
    titles = [view.list.item(i).text() for i in range(view.list.count())]
    for title in OFFICE.values():
        assert title in titles
    expected = {
        "appendix": "Kèm theo Quyết định số",
        "receipts": "thân nhân ký nhận thay",
        "programme": "CHƯƠNG TRÌNH",
        "namecards": "Đợt 1 - Số 1",
        "flags": "ĐƠN VỊ DẪN ĐẦU PHONG TRÀO THI ĐUA",
    }
    for key, words in expected.items():
        view.select(key)
        assert view.list.currentItem().text() == OFFICE[key]
        view.preview()
        assert view.last_output is not None and view.last_output.is_file(), messages.shown
        assert view.last_output.name.startswith(view.current_kind().file_stem)
        assert words in " ".join(_text(view.last_output).split()), key
        assert view.pdf.page_count == len(PdfReader(str(view.last_output)).pages)


def test_office_document_saved_to_a_chosen_file(window, store, demo_id, tmp_path, monkeypatch):
    add_special_awards(store, demo_id)
    view = window.documents
    window.tabs.setCurrentWidget(view)
    view.select("flags")
    target = tmp_path / "nhan-co.pdf"
    monkeypatch.setattr("kx_ceremony.ui.documents_view.choose_save_file", lambda *a: target)
    view.save_pdf()
    assert target.is_file(), messages.shown
    assert len(PdfReader(str(target)).pages) == 2


def test_catalogue_dialog_sets_type_and_short_forms(window, store, demo_id):
    window.tabs.setCurrentWidget(window.ceremonies)
    view = window.ceremonies
    row = next(i for i, f in enumerate(view.forms) if f.full_name == "Lao động tiên tiến")
    view.forms_table.selectRow(row)
    dialog = view.edit_form()
    assert dialog.award_type.currentData() == "title"
    assert not dialog.keep_abbreviations.isChecked()
    dialog.keep_abbreviations.setChecked(True)
    dialog.award_type.setCurrentIndex(dialog.award_type.findData("certificate"))
    dialog._try_save()
    form = next(f for f in list_award_forms(store, demo_id) if f.full_name == "Lao động tiên tiến")
    assert form.keep_abbreviations is True and form.award_type == "certificate"


def test_honouree_dialog_marks_a_posthumous_award(window, store, demo_id):
    view = window.honourees
    target = next(h for h in list_honourees(store, demo_id) if h.name == "Trần Đức Anh")
    view.select_id(target.id)
    dialog = view.edit_selected()
    assert dialog.form.layout_.isRowVisible(dialog.form.rows["posthumous"])
    assert not dialog.posthumous.isChecked()
    dialog.posthumous.setChecked(True)
    dialog._try_save()
    assert next(h for h in list_honourees(store, demo_id) if h.id == target.id).posthumous
    # A collective cannot be posthumous: the box is hidden for it.
    dialog = view.add()
    dialog.kind.setCurrentIndex(dialog.kind.findData("collective"))
    assert not dialog.form.layout_.isRowVisible(dialog.form.rows["posthumous"])


def test_covenant_cluster_edited_in_the_window(window, store, demo_id):
    window.tabs.setCurrentWidget(window.pledges)
    editor = window.pledges.covenant
    editor.cluster.setText("Số 3")
    assert not editor.save()
    assert "Cụm thi đua" in editor.form.error_text("cluster")
    editor.cluster.setText("Cụm thi đua số 3")
    editor.issuer.setText("UBND huyện Kiến Xương")
    assert editor.save()
    doc = find_document(store, demo_id, "covenant")
    assert doc.extra["cluster"] == "Cụm thi đua số 3"
    assert doc.extra["issuer"] == "UBND huyện Kiến Xương"
    rows = window.pledges.pledge.form
    assert not rows.layout_.isRowVisible(rows.rows["cluster"])
    assert editor.form.layout_.isRowVisible(editor.form.rows["cluster"])
