"""Today's award catalogue (two-tier government from 1 July 2025) and the district era's;
authority lines from the organiser and the decision; the `awards` and `decisions` commands."""

from __future__ import annotations

import datetime as dt
import json

from printing_helpers import page_texts, page_words, words_of

from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.text.vietnamese import fold_for_search


def _new(store, day: dt.date, organiser: str = "", place: str = "") -> int:
    return create_ceremony(
        store,
        CeremonyInput(
            "Hội nghị tổng kết", day, place=place, organiser=organiser, province="Hưng Yên"
        ),
    )


def _all_words(form) -> str:
    return fold_for_search(
        " ".join([form.full_name, form.short_name, form.authority_line, *form.aliases])
    )


def test_ceremony_from_july_2025_starts_with_todays_catalogue(store):
    cid = _new(store, dt.date(2025, 7, 1), organiser="UBND xã Vũ Quý", place="Vũ Quý")
    forms = {f.code: f for f in list_award_forms(store, cid)}
    assert not any("huyen" in _all_words(f) for f in forms.values())
    commune = forms["xa"]
    assert commune.full_name == "Giấy khen của Chủ tịch UBND xã"
    assert commune.authority_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VŨ QUÝ"
    assert commune.printed_word == "GIẤY KHEN"
    assert forms["tinh"].authority_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"
    assert forms["ldtt"].authority_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VŨ QUÝ"
    ward = _new(store, dt.date(2025, 12, 20), organiser="Ủy ban nhân dân phường Hồng Châu")
    ward_forms = {f.code: f for f in list_award_forms(store, ward)}
    assert ward_forms["xa"].full_name == "Giấy khen của Chủ tịch UBND phường"
    assert ward_forms["xa"].authority_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HỒNG CHÂU"


def test_ceremony_before_july_2025_keeps_the_district_era_catalogue(store):
    cid = _new(store, dt.date(2025, 6, 30), organiser="UBND huyện Kiến Xương")
    forms = {f.code: f for f in list_award_forms(store, cid)}
    assert "xa" not in forms
    assert forms["huyen"].full_name == "Giấy khen của Chủ tịch UBND huyện"
    assert forms["huyen"].authority_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG"


def test_authority_never_comes_from_the_date_line_place(store):
    # Regression: a commune typed as the place printed "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN VŨ QUÝ".
    for day in (dt.date(2023, 1, 5), dt.date(2025, 9, 1)):
        cid = _new(store, day, place="Vũ Quý")
        lines = [f.authority_line for f in list_award_forms(store, cid)]
        assert not any("VŨ QUÝ" in line for line in lines), lines
        assert not any(line.endswith(("HUYỆN", "XÃ")) for line in lines), lines
    other = _new(store, dt.date(2025, 9, 1), organiser="Sở Tư pháp tỉnh Hưng Yên")
    forms = {f.code: f for f in list_award_forms(store, other)}
    assert forms["xa"].authority_line == ""  # taken from the decision when printing
    assert forms["xa"].full_name == "Giấy khen của Chủ tịch UBND xã/phường"


def test_commune_certificate_prints_the_commune_chairman(cli, store, tmp_path):
    cid = _new(store, dt.date(2025, 12, 28), organiser="UBND xã Vũ Quý", place="Vũ Quý")
    no_org = _new(store, dt.date(2025, 12, 28), place="Vũ Quý")
    for ceremony in (cid, no_org):
        assert (
            cli(
                "decisions",
                "add",
                "--ceremony",
                str(ceremony),
                "--award",
                "GK xã",
                "--number",
                "45/QĐ-UBND",
                "--date",
                "2025-12-20",
                "--authority",
                "UBND xã Vũ Quý",
                "--signer-title",
                "CHỦ TỊCH",
                "--signer-name",
                "Bùi Văn Khải",
                "--place",
                "Vũ Quý",
            ).status
            == 0
        )
        assert cli("honourees", "--ceremony", str(ceremony)).status == 0
        from kx_ceremony.core.services.awards import find_award_form
        from kx_ceremony.core.services.honourees import HonoureeInput, insert_honourees

        form = find_award_form(store, ceremony, "GK xã")
        with store.transaction() as session:
            insert_honourees(
                session,
                ceremony,
                [HonoureeInput(name="Lê Thị Hoa", award_form_id=form.id, gender="female")],
            )
        out = tmp_path / f"gk{ceremony}.pdf"
        result = cli(
            "print", "certificates", "--ceremony", str(ceremony), "-o", str(out), "--mode", "full"
        )
        assert result.status == 0, result.err
        (text,) = page_texts(out)
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VŨ QUÝ" in text
        assert "HUYỆN" not in text
        words = page_words(out)
        line = words_of(words, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VŨ QUÝ")
        assert len({round(w.y0) for w in line}) == 1
        assert "Vũ Quý, ngày 20 tháng 12 năm 2025" in text


def test_awards_command_lists_adds_edits_and_aliases(cli, store):
    cid = _new(store, dt.date(2025, 9, 1), organiser="UBND xã Vũ Quý")
    result = cli("awards", "--ceremony", str(cid), "--format", "json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    keys = {
        "id",
        "full_name",
        "short_name",
        "printed_word",
        "authority_line",
        "rank",
        "kinds",
        "aliases",
    }
    assert all(keys <= set(item) for item in data)
    assert [d["rank"] for d in data] == sorted(d["rank"] for d in data)
    added = cli(
        "awards",
        "add",
        "--ceremony",
        str(cid),
        "--head",
        "Giám đốc",
        "--issuer",
        "Sở Tư pháp tỉnh Hưng Yên",
    )
    assert added.status == 0, added.err
    new_id = int(added.last_line)
    forms = {f.id: f for f in list_award_forms(store, cid)}
    assert forms[new_id].full_name == "Giấy khen của Giám đốc Sở Tư pháp tỉnh Hưng Yên"
    assert forms[new_id].authority_line == "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH HƯNG YÊN"
    assert cli("awards", "edit", str(new_id), "--ceremony", str(cid), "--rank", "45").status == 0
    assert cli("awards", "alias", str(new_id), "GK Sở TP", "--ceremony", str(cid)).status == 0
    forms = {f.id: f for f in list_award_forms(store, cid)}
    assert forms[new_id].rank == 45 and "GK Sở TP" in forms[new_id].aliases
    clash = cli("awards", "alias", str(new_id), "GK xã", "--ceremony", str(cid))
    assert clash.status == 2 and len(clash.err.strip().splitlines()) == 1
    assert "Giấy khen của Chủ tịch UBND xã" in clash.err
    missing = cli("awards", "add", "--ceremony", str(cid), "--full-name", "Kỷ niệm chương")
    assert missing.status == 2 and "--rank" in missing.err
    no_ceremony = cli("awards")
    assert no_ceremony.status == 2 and "--ceremony" in no_ceremony.err


def test_decisions_command_adds_edits_and_lists(cli, store):
    cid = _new(store, dt.date(2025, 9, 1), organiser="UBND xã Vũ Quý")
    added = cli(
        "decisions",
        "add",
        "--ceremony",
        str(cid),
        "--award",
        "Bằng khen tỉnh",
        "--number",
        "12/QĐ-UBND",
        "--date",
        "2025-08-20",
    )
    assert added.status == 0, added.err
    decision_id = added.last_line
    edited = cli(
        "decisions",
        "edit",
        decision_id,
        "--ceremony",
        str(cid),
        "--signer-title",
        "KT. CHỦ TỊCH",
        "--signer-subtitle",
        "PHÓ CHỦ TỊCH",
        "--signer-name",
        "Trần Văn Nam",
    )
    assert edited.status == 0, edited.err
    (row,) = json.loads(cli("decisions", "--ceremony", str(cid), "--format", "json").out)
    assert row["number"] == "12/QĐ-UBND" and row["signed_on"] == "2025-08-20"
    assert row["signer_title"] == "KT. CHỦ TỊCH" and row["signer_name"] == "Trần Văn Nam"
    assert row["award"] == "Bằng khen của Chủ tịch UBND tỉnh"
    unknown = cli("decisions", "edit", "999", "--ceremony", str(cid), "--number", "1")
    assert unknown.status == 2 and "999" in unknown.err
    empty = cli("decisions", "edit", decision_id, "--ceremony", str(cid), "--number", " ")
    assert empty.status == 2
    (same,) = json.loads(cli("decisions", "--ceremony", str(cid), "--format", "json").out)
    assert same == row
