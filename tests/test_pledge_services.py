"""Drafts filled from the ceremony, and the editing services the window calls."""

from __future__ import annotations

import datetime as dt

import pytest

from kx_ceremony.core.errors import NotFound, UserError
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.pledges.documents import list_documents
from kx_ceremony.core.services.pledges.drafts import (
    draft_covenant,
    draft_pledge,
    head_title_for,
)
from kx_ceremony.core.services.pledges.editing import (
    add_signatory,
    delete_document,
    find_document,
    get_document,
    move_signatory,
    remove_signatory,
    set_signatories,
    update_document,
    update_signatory,
)
from kx_ceremony.core.services.row_types import SignatoryRow


@pytest.fixture
def store(any_store):
    """These use cases hold on SQLite and on the PostgreSQL server alike."""
    return any_store


UNITS = [
    "UBND xã Đông Hòa",
    ("Phòng Nội vụ huyện Đông Hưng", "", "Trần Thị Mai"),
    "Trường THCS Đông Hưng",
    SignatoryRow(9, "Hội Nông dân huyện", "PHÓ CHỦ TỊCH PHỤ TRÁCH", "Lê Văn Bảy"),
]


@pytest.fixture
def ceremony_id(store) -> int:
    return create_ceremony(
        store,
        CeremonyInput(
            title="Hội nghị tổng kết thi đua năm 2023",
            held_on=dt.date(2024, 1, 12),
            place="Đông Hưng",
            organiser="UBND huyện Đông Hưng",
            province="Thái Bình",
        ),
    )


def names(doc) -> list[str]:
    return [s.unit for s in doc.signatories]


def test_covenant_draft_is_filled_from_the_ceremony(store, ceremony_id):
    doc = get_document(store, draft_covenant(store, ceremony_id, UNITS))
    assert doc.kind == "covenant"
    assert doc.title == "BẢN GIAO ƯỚC THI ĐUA NĂM 2024"  # reviews 2023, emulates in 2024
    assert doc.place == "Đông Hưng" and doc.signed_on == dt.date(2024, 1, 12)
    assert names(doc) == [
        "UBND xã Đông Hòa",
        "Phòng Nội vụ huyện Đông Hưng",
        "Trường THCS Đông Hưng",
        "Hội Nông dân huyện",
    ]
    assert [s.order for s in doc.signatories] == [1, 2, 3, 4]  # the given order, head first
    assert [s.signer_title for s in doc.signatories] == [
        "CHỦ TỊCH",
        "TRƯỞNG PHÒNG",
        "HIỆU TRƯỞNG",
        "PHÓ CHỦ TỊCH PHỤ TRÁCH",
    ]
    assert doc.signatories[1].signer_name == "Trần Thị Mai"
    headings = [s["heading"] for s in doc.sections]
    assert "II. CHỈ TIÊU CHUNG" in headings and "IV. CHẤM ĐIỂM VÀ BÁO CÁO" in headings
    text = " ".join(s["body"] for s in doc.sections)
    assert "năm 2024 của UBND huyện Đông Hưng" in text and "15/11/2024" in text
    assert "4 đơn vị" in doc.extra["parties_intro"]


def test_a_second_draft_needs_replace_and_keeps_one_document(store, ceremony_id):
    first = draft_covenant(store, ceremony_id, ["UBND xã A"])
    with pytest.raises(UserError, match="đã có bản giao ước thi đua"):
        draft_covenant(store, ceremony_id, ["UBND xã B"])
    assert names(get_document(store, first)) == ["UBND xã A"]
    again = draft_covenant(store, ceremony_id, ["UBND xã B"], replace=True)
    assert again == first
    assert [names(d) for d in list_documents(store, ceremony_id, "covenant")] == [["UBND xã B"]]


def test_pledge_draft_pledges_the_organiser_to_the_province(store, ceremony_id):
    doc = get_document(store, draft_pledge(store, ceremony_id))
    assert doc.title == "BẢN CAM KẾT THI ĐUA NĂM 2024"
    assert doc.extra["pledging_party"] == "UBND huyện Đông Hưng"
    assert doc.extra["superior"] == "UBND tỉnh Thái Bình"
    assert len(doc.extra["targets"]) >= 3
    assert all(set(t) == {"target", "measure", "planned"} for t in doc.extra["targets"])
    assert names(doc) == ["UBND tỉnh Thái Bình", "UBND huyện Đông Hưng"]  # superior left
    assert find_document(store, ceremony_id, "covenant") is None


def test_head_titles_are_guessed_from_the_unit_name():
    assert head_title_for("Ủy ban nhân dân xã Minh Tân") == "CHỦ TỊCH"
    assert head_title_for("Trung tâm Y tế huyện") == "GIÁM ĐỐC"
    assert head_title_for("Đoàn Thanh niên xã") == "BÍ THƯ"
    assert head_title_for("Công ty TNHH Hòa Bình") == "THỦ TRƯỞNG ĐƠN VỊ"


def test_sections_and_details_are_edited_in_place(store, ceremony_id):
    doc_id = draft_covenant(store, ceremony_id, ["UBND xã A"])
    doc = update_document(
        store,
        doc_id,
        title="  Bản giao ước thi đua cụm số 2 ",
        sections=[
            {"heading": "I. MỤC TIÊU", "body": "Dòng một.\n\n  Dòng   hai. "},
            {"heading": "", "body": ""},  # an emptied section disappears
        ],
        extra={"subtitle": "Cụm thi đua số 2"},
        signed_on=dt.date(2024, 2, 1),
    )
    assert doc.title == "Bản giao ước thi đua cụm số 2"
    assert doc.sections == ({"heading": "I. MỤC TIÊU", "body": "Dòng một.\nDòng hai."},)
    assert doc.extra["subtitle"] == "Cụm thi đua số 2"
    assert "parties_intro" in doc.extra  # keys not given are kept
    assert doc.place == "Đông Hưng" and doc.signed_on == dt.date(2024, 2, 1)
    assert get_document(store, doc_id) == doc


def test_refused_edits_leave_the_document_unchanged(store, ceremony_id):
    doc_id = draft_pledge(store, ceremony_id)
    before = get_document(store, doc_id)
    with pytest.raises(UserError, match="Tiêu đề"):
        update_document(store, doc_id, title="   ")
    with pytest.raises(UserError, match="Dòng chỉ tiêu thứ 2"):
        update_document(
            store, doc_id, extra={"targets": [{"target": "A"}, {"measure": "%", "planned": "5"}]}
        )
    with pytest.raises(UserError, match="Bên ký thứ 2 chưa có tên đơn vị"):
        set_signatories(store, doc_id, [("UBND tỉnh", "CHỦ TỊCH", "X"), ("", "", "")])
    with pytest.raises(UserError, match="Không có bên ký thứ 5"):
        remove_signatory(store, doc_id, 5)
    assert get_document(store, doc_id) == before


def test_signatories_are_added_removed_and_reordered(store, ceremony_id):
    doc_id = draft_covenant(store, ceremony_id, ["A", "B", "C"])
    doc = add_signatory(store, doc_id, "D", "giám đốc", "Ngô Văn D")
    assert names(doc) == ["A", "B", "C", "D"]
    assert doc.signatories[-1].signer_title == "GIÁM ĐỐC"  # titles print upper case
    doc = add_signatory(store, doc_id, "Cụm trưởng", position=1)
    assert names(doc) == ["Cụm trưởng", "A", "B", "C", "D"]
    doc = move_signatory(store, doc_id, 1, 4)
    assert names(doc) == ["A", "B", "C", "Cụm trưởng", "D"]
    doc = move_signatory(store, doc_id, 4, 1)
    assert names(doc) == ["Cụm trưởng", "A", "B", "C", "D"]
    doc = remove_signatory(store, doc_id, 3)
    assert names(doc) == ["Cụm trưởng", "A", "C", "D"]
    doc = update_signatory(store, doc_id, 2, signer_name="Phan Thị A")
    assert doc.signatories[1] == SignatoryRow(2, "A", "THỦ TRƯỞNG ĐƠN VỊ", "Phan Thị A")
    assert [s.order for s in doc.signatories] == [1, 2, 3, 4]
    assert get_document(store, doc_id) == doc  # what the editor shows is what is stored


def test_missing_documents_and_ceremonies_are_named(store, ceremony_id):
    with pytest.raises(NotFound, match="văn bản số 42"):
        get_document(store, 42)
    with pytest.raises(NotFound, match="buổi lễ số 77"):
        draft_covenant(store, 77, ["A"])
    doc_id = draft_pledge(store, ceremony_id)
    delete_document(store, doc_id)
    assert find_document(store, ceremony_id, "pledge") is None


def test_an_edited_covenant_prints_what_was_edited(store, ceremony_id, tmp_path):
    from pypdf import PdfReader

    from kx_ceremony.core.printing.pledge_documents import print_pledge_document

    doc_id = draft_covenant(store, ceremony_id, ["UBND xã A", "UBND xã B"])
    add_signatory(store, doc_id, "Phòng Tư pháp", "trưởng phòng", "Vũ Văn Chín", position=1)
    update_document(store, doc_id, sections=[{"heading": "I. RIÊNG", "body": "Nội dung sửa."}])
    out = print_pledge_document(store, ceremony_id, "covenant", tmp_path / "c.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "I. RIÊNG Nội dung sửa." in text
    assert "II. CHỈ TIÊU CHUNG" not in text
    signing = text.split("ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC")[1]
    assert signing.index("PHÒNG TƯ PHÁP") < signing.index("UBND XÃ A")
    assert "Vũ Văn Chín" in signing and "Đông Hưng, ngày 12 tháng 01 năm 2024" in text
