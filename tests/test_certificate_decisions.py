"""Certificates that cannot go out wrong: no decision, no certificate (unless a marked draft)."""

from __future__ import annotations

import datetime as dt

from printing_helpers import page_texts, page_words

from kx_ceremony.core.services.awards import DecisionInput, add_decision, find_award_form
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees


def _ceremony(store, decision: DecisionInput | None = None) -> int:
    cid = create_ceremony(
        store,
        CeremonyInput("Lễ thử", dt.date(2023, 1, 5), place="Kiến Xương", province="Thái Bình"),
    )
    form = find_award_form(store, cid, "Bằng khen của Chủ tịch UBND tỉnh")
    decision_id = None
    if decision is not None:
        decision_id = add_decision(store, cid, DecisionInput(form.id, *decision))
    with store.transaction() as session:
        insert_honourees(
            session,
            cid,
            [
                HonoureeInput(
                    name=name, award_form_id=form.id, gender="male", decision_id=decision_id
                )
                for name in ("Trần Văn Bình", "Lê Văn Hải")
            ],
        )
    return cid


def test_certificate_without_a_decision_is_refused_naming_the_award(cli, store, tmp_path):
    cid = _ceremony(store)
    out = tmp_path / "c.pdf"
    result = cli("print", "certificates", "--ceremony", str(cid), "-o", str(out))
    assert result.status == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert "«Bằng khen của Chủ tịch UBND tỉnh»" in lines[0]
    assert "quyết định khen thưởng" in lines[0] and "--draft" in lines[0]
    assert not out.exists()


def test_decision_without_signer_is_refused_naming_what_is_missing(cli, store, tmp_path):
    cid = _ceremony(store, ("3050/QĐ-UBND", dt.date(2022, 12, 28), "", "KT. CHỦ TỊCH", "", ""))
    out = tmp_path / "c.pdf"
    result = cli("print", "certificates", "--ceremony", str(cid), "-o", str(out), "--mode", "full")
    assert result.status == 2
    assert "họ tên người ký" in result.err
    assert "chức vụ người ký" not in result.err and "số quyết định" not in result.err
    assert not out.exists()


def test_draft_prints_and_marks_every_page(cli, store, tmp_path):
    cid = _ceremony(store)
    for mode in ("full", "blank"):
        out = tmp_path / f"{mode}.pdf"
        result = cli(
            "print",
            "certificates",
            "--ceremony",
            str(cid),
            "-o",
            str(out),
            "--mode",
            mode,
            "--draft",
        )
        assert result.status == 0, result.err
        pages = page_texts(out)
        assert len(pages) == 2
        assert all("BẢN IN THỬ - KHÔNG DÙNG ĐỂ TRAO TẶNG" in p for p in pages)
        assert "Ông Trần Văn Bình" in pages[0] or "Ông Trần Văn Bình" in pages[1]
        from pypdf import PdfReader

        box = PdfReader(str(out)).pages[0].mediabox
        for page in (1, 2):
            words = page_words(out, page)
            marks = [w for w in words if w.text == "THỬ"]
            assert len(marks) >= 1
            for w in words:
                assert w.x0 >= 0 and w.x1 <= float(box.width) + 0.5
                assert w.y0 >= 0 and w.y1 <= float(box.height) + 0.5


def test_complete_decision_prints_without_a_mark(cli, store, demo_id, tmp_path):
    out = tmp_path / "demo.pdf"
    result = cli("print", "certificates", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 0, result.err
    assert not any("BẢN IN THỬ" in p for p in page_texts(out))


def test_certificate_writes_position_and_unit_out_without_repetition(cli, store, demo_id, tmp_path):
    out = tmp_path / "ttg.pdf"
    result = cli(
        "print", "certificates", "--ceremony", str(demo_id), "-o", str(out), "--award", "ttg"
    )
    assert result.status == 0, result.err
    pages = page_texts(out)
    khai = next(p for p in pages if "Bùi Văn Khải" in p)
    assert "Chủ tịch Ủy ban nhân dân xã Vũ Quý" in khai
    assert "UBND" not in khai.replace("QĐ-UBND", "")
    hang = next(p for p in pages if "Phạm Thị Thu Hằng" in p)
    assert "Hiệu trưởng, Trường Trung học cơ sở Thị trấn Thanh Nê" in hang
    out = tmp_path / "tinh.pdf"
    assert (
        cli(
            "print", "certificates", "--ceremony", str(demo_id), "-o", str(out), "--award", "tinh"
        ).status
        == 0
    )
    assert any("Tập thể Ủy ban nhân dân xã Quang Trung" in p for p in page_texts(out))
