"""The covenant's cluster or block header, and the saved and draft versions of the
covenant and the pledge printing the same parts in the same order."""

from __future__ import annotations

import datetime as dt

import pytest
from printing_helpers import page_texts, page_words, words_of

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.pledge_documents import print_pledge_document
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.pledges.drafts import draft_covenant, draft_pledge, unsaved_draft
from kx_ceremony.core.services.pledges.editing import update_document


def _ceremony(store) -> int:
    return create_ceremony(
        store,
        CeremonyInput(
            "Hội nghị tổng kết",
            dt.date(2023, 1, 5),
            "Kiến Xương",
            organiser="UBND huyện Kiến Xương",
            province="Thái Bình",
            achievement_year=2022,
        ),
    )


def test_cluster_heads_the_page_under_its_body(store, tmp_path):
    cid = _ceremony(store)
    doc_id = draft_covenant(store, cid, [("Phòng Nội vụ", "TRƯỞNG PHÒNG", "Nguyễn Văn Tâm")])
    update_document(
        store,
        doc_id,
        extra={"cluster": "Khối thi đua các cơ quan chuyên môn", "issuer": "UBND huyện Kiến Xương"},
    )
    out = print_pledge_document(store, cid, "covenant", tmp_path / "c.pdf")
    words = page_words(out)
    parent = words_of(words, "ỦY BAN NHÂN DÂN")
    cluster = words_of(words, "KHỐI THI ĐUA")
    national = words_of(words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    title = words_of(words, "BẢN GIAO ƯỚC THI ĐUA")
    assert parent[0].y1 <= cluster[0].y0  # the body above, the cluster under it
    assert cluster[-1].x1 < national[0].x0  # the left column, beside the national title
    assert abs(parent[0].y0 - national[0].y0) < 4  # level with the national title
    assert cluster[0].y1 < title[0].y0
    assert "UBND" not in page_texts(out)[0].split("CỘNG HÒA")[0]


def test_a_cluster_is_named_as_a_cluster_or_a_block(store):
    cid = _ceremony(store)
    doc_id = draft_covenant(store, cid, ["Phòng Nội vụ"])
    with pytest.raises(UserError) as refused:
        update_document(store, doc_id, extra={"cluster": "Số 3"})
    assert refused.value.field == "cluster" and "Cụm thi đua" in refused.value.message
    update_document(store, doc_id, extra={"cluster": "Cụm thi đua số 3"})  # accepted


def _parts(kind: str, store, cid: int) -> list[str]:
    """What the document must show, in order: header, title, sections, signatures, Nơi nhận."""
    draft = unsaved_draft(store, cid, kind)
    headings = [s["heading"] for s in draft.sections if s.get("heading")]
    signing = ["ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC"] if kind == "covenant" else []
    return [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kiến Xương, ngày 05 tháng 01 năm 2023",
        draft.title,
        *headings,
        *signing,
        "Nơi nhận",
    ]


def _in_order(text: str, parts: list[str]) -> list[int]:
    places = [text.find(p) for p in parts]
    assert all(p >= 0 for p in places), [p for p, at in zip(parts, places, strict=True) if at < 0]
    return places


@pytest.mark.parametrize("kind", ["covenant", "pledge"])
def test_saved_and_draft_versions_have_the_same_parts(store, tmp_path, kind):
    cid = _ceremony(store)
    parts = _parts(kind, store, cid)
    draft = print_pledge_document(store, cid, kind, tmp_path / "draft.pdf", draft=True)
    if kind == "covenant":
        draft_covenant(
            store,
            cid,
            [
                ("Phòng Nội vụ", "TRƯỞNG PHÒNG", "Nguyễn Văn Tâm"),
                ("UBND xã Vũ Quý", "CHỦ TỊCH", "Bùi Văn Khải"),
            ],
        )
    else:
        draft_pledge(store, cid, pledging_party="UBND xã Vũ Quý", superior="UBND huyện Kiến Xương")
    saved = print_pledge_document(store, cid, kind, tmp_path / "saved.pdf")
    for pdf in (draft, saved):
        text = " ".join(page_texts(pdf))
        places = _in_order(text, parts)
        assert places == sorted(places), pdf.name
