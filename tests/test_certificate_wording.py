"""Certificates by the models: short forms kept per award form, TRUY TẶNG, DANH HIỆU, no
paper certificate for a flag (its label instead), the Prime Minister's issuer lines."""

from __future__ import annotations

import json

from papers_fixtures import add_special_awards
from printing_helpers import MM, page_texts, page_words, words_of
from pypdf import PdfReader


def _pages_with(pdf, phrase: str) -> list[int]:
    return [i for i, text in enumerate(page_texts(pdf), start=1) if phrase in text]


def _print(cli, cid, out, *extra):
    result = cli("print", "certificates", "--ceremony", str(cid), "-o", str(out), *extra)
    assert result.status == 0, result.err
    return result


def test_abbreviations_spelled_out_unless_the_form_keeps_them(cli, store, demo_id, tmp_path):
    add_special_awards(store, demo_id)
    out = tmp_path / "a.pdf"
    _print(cli, demo_id, out, "--mode", "full", "--award", "Chiến sĩ thi đua cơ sở")
    assert "Chủ tịch Ủy ban nhân dân xã Vũ Hòa" in page_texts(out)[0]
    form = next(
        f
        for f in json.loads(cli("awards", "--ceremony", str(demo_id), "--format", "json").out)
        if f["full_name"] == "Chiến sĩ thi đua cơ sở"
    )
    assert form["keep_abbreviations"] is False and form["award_type"] == "title"
    edit = cli(
        "awards", "edit", str(form["id"]), "--ceremony", str(demo_id), "--keep-abbreviations"
    )
    assert edit.status == 0, edit.err
    _print(cli, demo_id, out, "--mode", "full", "--award", "Chiến sĩ thi đua cơ sở")
    text = page_texts(out)[0]
    assert "Chủ tịch UBND xã Vũ Hòa" in text and "Ủy ban nhân dân" not in text.split("HUYỆN")[-1]
    # Only this form keeps them: another form's certificate still spells them out.
    _print(cli, demo_id, out, "--mode", "full", "--round", "1")
    assert "Trung học cơ sở" in page_texts(out)[0]
    cli("awards", "edit", str(form["id"]), "--ceremony", str(demo_id), "--spell-out")
    _print(cli, demo_id, out, "--mode", "full", "--award", "Chiến sĩ thi đua cơ sở")
    assert "Chủ tịch Ủy ban nhân dân xã Vũ Hòa" in page_texts(out)[0]


def test_posthumous_award_says_truy_tang_above_the_name(cli, store, demo_id, tmp_path):
    add_special_awards(store, demo_id)
    for mode in ("full", "blank"):
        out = tmp_path / f"{mode}.pdf"
        _print(cli, demo_id, out, "--mode", mode, "--award", "Bằng khen của Chủ tịch UBND tỉnh")
        pages = _pages_with(out, "TRUY TẶNG")
        assert len(pages) == 1 and "Lê Văn Kiên" in page_texts(out)[pages[0] - 1]
        words = page_words(out, pages[0])
        truy = words_of(words, "TRUY TẶNG")
        name = words_of(words, "Ông Lê Văn Kiên")
        assert truy[-1].y1 <= name[0].y0 + 1  # above the name, not overlapping it
        centre = (truy[0].x0 + truy[-1].x1) / 2
        name_centre = (name[0].x0 + name[-1].x1) / 2
        assert abs(centre - name_centre) < 3 * MM
        # Others are not posthumous.
        assert all("TRUY" not in t for t in page_texts(out) if "Lê Văn Kiên" not in t)


def test_emulation_title_reads_tang_danh_hieu(cli, store, demo_id, tmp_path):
    add_special_awards(store, demo_id)
    out = tmp_path / "t.pdf"
    _print(cli, demo_id, out, "--mode", "full", "--award", "Chiến sĩ thi đua cơ sở")
    words = page_words(out)
    tang = words_of(words, "TẶNG")
    title = words_of(words, "DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ")
    name = words_of(words, "Ông Nguyễn Văn Dũng")
    assert tang[0].y1 <= title[0].y0 and title[0].y1 <= name[0].y0
    # A Bằng khen stays "BẰNG KHEN", without "DANH HIỆU".
    _print(cli, demo_id, out, "--mode", "full", "--round", "1")
    assert "BẰNG KHEN" in page_texts(out)[0] and "DANH HIỆU" not in page_texts(out)[0]


def test_flags_are_not_printed_as_certificates(cli, store, demo_id, tmp_path):
    add_special_awards(store, demo_id)
    out = tmp_path / "all.pdf"
    result = _print(cli, demo_id, out, "--mode", "full")
    assert "không in 2 cờ thi đua" in result.err and "print flags" in result.err
    texts = page_texts(out)
    assert not any("Phòng Nội vụ huyện Kiến Xương" in t and "CỜ THI ĐUA" in t for t in texts)
    assert not any("Ủy ban nhân dân xã Vũ Lễ" in t for t in texts)
    # Nothing of the flags entered in the ledger of blanks.
    ledger = json.loads(cli("ledger", "--ceremony", str(demo_id), "--format", "json").out)
    assert not any(r["honouree"] == "UBND xã Vũ Lễ" for r in ledger)
    assert len(ledger) == len(texts)
    only = cli(
        "print",
        "certificates",
        "--ceremony",
        str(demo_id),
        "-o",
        str(tmp_path / "f.pdf"),
        "--award",
        "Cờ thi đua tỉnh",
    )
    assert only.status == 2 and "print flags" in only.err
    assert not (tmp_path / "f.pdf").exists()


def test_flag_labels_one_a4_page_per_flag(cli, store, demo_id, tmp_path):
    add_special_awards(store, demo_id)
    out = tmp_path / "flags.pdf"
    result = cli("print", "flags", "--ceremony", str(demo_id), "-o", str(out))
    assert result.status == 0, result.err
    pages = PdfReader(str(out)).pages
    assert len(pages) == 2
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert abs(width - 297 * MM) < 1 and abs(height - 210 * MM) < 1
    texts = page_texts(out)
    assert (
        "PHÒNG NỘI VỤ HUYỆN KIẾN XƯƠNG" in texts[0] or "PHÒNG NỘI VỤ HUYỆN KIẾN XƯƠNG" in texts[1]
    )
    vu_le = next(t for t in texts if "VŨ LỄ" in t)
    assert "ỦY BAN NHÂN DÂN XÃ VŨ LỄ" in vu_le  # written out
    assert "Quyết định số 45/QĐ-UBND, ngày 28 tháng 12 năm 2022" in vu_le
    words = page_words(out, 1)
    order = [
        words_of(words, "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH")[0],
        words_of(words, "TẶNG")[0],
        words_of(words, "ĐƠN VỊ DẪN ĐẦU PHONG TRÀO THI ĐUA NĂM 2022")[0],
    ]
    assert [w.y0 for w in order] == sorted(w.y0 for w in order)
    for w in words:  # inside the page's frame
        assert w.x0 >= 10 * MM and w.x1 <= (297 - 10) * MM and w.y1 <= (210 - 10) * MM


def test_no_flags_is_one_line_exit_2(cli, demo_id, tmp_path):
    result = cli("print", "flags", "--ceremony", str(demo_id), "-o", str(tmp_path / "f.pdf"))
    assert result.status == 2 and len(result.err.strip().splitlines()) == 1
    assert "cờ thi đua" in result.err


def test_prime_ministers_certificate_follows_the_model(cli, demo_id, tmp_path):
    out = tmp_path / "pm.pdf"
    _print(cli, demo_id, out, "--mode", "full", "--round", "1")
    words = page_words(out)
    motto = words_of(words, "Độc lập - Tự do - Hạnh phúc")
    pm = words_of(words, "THỦ TƯỚNG")
    government = words_of(words, "CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    tang = words_of(words, "TẶNG")
    word = words_of(words, "BẰNG KHEN")
    # Line 3 "THỦ TƯỚNG", line 4 the Government of the Republic, line 5 TẶNG, line 6 BẰNG KHEN.
    assert motto[0].y1 < pm[0].y0 < pm[0].y1 <= government[0].y0 + 1
    assert government[0].y1 <= tang[0].y0 and tang[0].y1 <= word[0].y0
    assert "THỦ TƯỚNG CHÍNH PHỦ" not in page_texts(out)[0].split("BẰNG KHEN")[0].replace(
        "THỦ TƯỚNG CHÍNH PHỦ NƯỚC", ""
    )
    assert "Hà Nội, ngày 20 tháng 12 năm 2022" in page_texts(out)[0]
    # 40 mm for signature and seal under the Prime Minister's title.
    title_bottom = max(w.y1 for w in words if w.text in ("THỦ", "TƯỚNG") and w.x0 > 300 * MM)
    signer = words_of(words, "Trần Minh Đức")
    assert signer[0].y0 - title_bottom >= 40 * MM
