"""Pledge and covenant by Decree 30: the issuing body in full on two lines, national title
12-13 pt with the motto one point larger, signer blocks "TM." over "KT." over the deputy's
title, "Nơi nhận", and a sample that cites only laws in force on its date."""

from __future__ import annotations

from printing_helpers import page_texts, page_words, words_of

from kx_ceremony.core.printing.decree30 import full_issuer, signer_title_lines


def _print(cli, kind: str, ceremony: int, out, *extra: str) -> list[str]:
    result = cli("print", kind, "--ceremony", str(ceremony), "-o", str(out), *extra)
    assert result.status == 0, result.err
    return page_texts(out)


def test_signer_title_and_issuer_lines():
    assert signer_title_lines("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    assert signer_title_lines("tm. ủy ban nhân dân kt. chủ tịch phó chủ tịch") == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    assert signer_title_lines("Trưởng phòng") == ["TRƯỞNG PHÒNG"]
    assert full_issuer("UBND huyện Kiến Xương") == "ỦY BAN NHÂN DÂN\nHUYỆN KIẾN XƯƠNG"
    assert full_issuer("Sở Tư pháp") == "SỞ TƯ PHÁP"


def test_pledge_header_and_signer_blocks(cli, demo_id, tmp_path):
    out = tmp_path / "cam-ket.pdf"
    pages = _print(cli, "pledge", demo_id, out)
    first = page_words(out, 1)
    # The issuing body in full, on two lines; no "UBND" in the header.
    body = words_of(first, "ỦY BAN NHÂN DÂN")
    place = words_of(first, "HUYỆN KIẾN XƯƠNG")
    assert body[0].y1 <= place[0].y0 + 1 and body[0].x0 < 300
    national = words_of(first, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = words_of(first, "Độc lập - Tự do - Hạnh phúc")
    # Two columns: 12 pt national title, 13 pt motto (poppler's box is ~0.9 x size).
    assert 12 * 0.85 <= national[0].height <= 12 * 0.95
    assert 13 * 0.85 <= motto[0].height <= 13 * 0.95
    assert motto[0].height > national[0].height
    # Signer blocks: TM. over KT. over PHÓ CHỦ TỊCH over the name, and Nơi nhận after.
    last = page_words(out, len(pages))
    tm = [w for w in last if w.text == "TM."]
    kt = words_of(last, "KT. CHỦ TỊCH")
    deputy = words_of(last, "PHÓ CHỦ TỊCH")
    name = words_of(last, "Nguyễn Quang Hưng")
    assert len(tm) == 2
    assert tm[0].y1 <= kt[0].y0 + 1 and kt[0].y1 <= deputy[0].y0 + 1
    assert name[0].y0 - deputy[0].y1 > 20 * 72 / 25.4  # room to sign and seal
    assert "Nơi nhận:" in pages[-1] and "Lưu: VT." in pages[-1]
    assert "Nguyễn Quang Hưng" in pages[-1]


def test_covenant_and_its_draft_have_the_same_parts(cli, demo_id, tmp_path):
    saved = _print(cli, "covenant", demo_id, tmp_path / "saved.pdf")
    draft = _print(cli, "covenant", demo_id, tmp_path / "draft.pdf", "--draft")
    for pages in (saved, draft):
        text = " ".join(pages)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Nơi nhận:" in pages[-1]
        assert "Lưu: VT." in pages[-1]
    # A ceremony of January 2023 cannot cite the 2022 law (in force from 1 January 2024).
    assert "Luật Thi đua, khen thưởng năm 2022" not in " ".join(saved)
    assert "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003" in " ".join(saved)
