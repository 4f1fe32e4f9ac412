"""Real lists written by offices and systems outside this project (tests/samples/real/, from
../shared/samples/real/ with their README): each imports as expected.json says, every
stored row compared field by field (name with its title, unit, position, award, kind)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kx_ceremony.core.importing.award_matching import normalise_award

REAL = Path(__file__).parent / "samples" / "real"
EXPECTED = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
FILES = {p.name[:3]: p for p in REAL.glob("r*.xlsx")}
# How an organiser imports each list: the award for the whole list where the file names
# none (README: any award will do), the catalogue's own «Bằng khen» of a provincial system
# for r02's code, and new award forms for the names outside the catalogue (r09, r10).
OPTIONS = {
    "r02": ["--award", "Bằng khen của Chủ tịch UBND tỉnh"],
    "r03": ["--award", "Bằng khen của Chủ tịch UBND tỉnh"],
    "r04": ["--award", "Bằng khen của Chủ tịch UBND tỉnh"],
    "r05": ["--award", "Tập thể lao động xuất sắc"],
    "r06": ["--award", "Lao động tiên tiến"],
    "r07": ["--award", "Lao động tiên tiến"],
    "r09": ["--add-awards"],
    "r10": ["--add-awards"],
    "r17": ["--award", "Lao động tiên tiến"],
    "r18": ["--award", "Giấy khen của Chủ tịch UBND huyện"],
}


def stored(path: Path, ceremony_id: int) -> list[dict[str, object]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT h.title, h.name, h.unit, h.position, h.kind, a.full_name, a.aliases "
            "FROM honourees h JOIN award_forms a ON a.id = h.award_form_id "
            "WHERE h.ceremony_id = ? ORDER BY h.id",
            (ceremony_id,),
        ).fetchall()
    return [
        {
            "title": title,
            "bare_name": name,
            "name": f"{title} {name}".strip(),
            "unit": unit,
            "position": position,
            "kind": kind,
            "award_names": {normalise_award(full)}
            | {normalise_award(a) for a in json.loads(aliases or "[]")},
        }
        for title, name, unit, position, kind, full, aliases in rows
    ]


@pytest.fixture
def ceremony(cli) -> str:
    result = cli("new-ceremony", "--title", "T", "--date", "2023-01-05")
    assert result.status == 0
    return result.last_line


@pytest.mark.parametrize("key", sorted(k for k in EXPECTED if EXPECTED[k]["rows"]))
def test_real_list_imports_as_a_person_would_enter_it(cli, ceremony, store_path, key):
    expected = EXPECTED[key]
    result = cli("import", str(FILES[key]), "--ceremony", ceremony, *OPTIONS.get(key, []))
    assert result.status == 0, result.out + result.err
    rows = expected["rows"]
    assert result.last_line == f"Đã nhập {len(rows)}, bỏ qua 0"
    header = ", ".join(str(r) for r in expected["header_rows"])
    assert f"Trang «{expected['sheet']}»: tiêu đề ở dòng {header}, dữ liệu từ dòng" in result.out
    got = stored(store_path, int(ceremony))
    assert len(got) == len(rows)
    for want, have in zip(rows, got, strict=True):
        where = f"{key} row {want['row']}"
        # A title written in the name cell is split off and kept; one from its own column
        # («Danh xưng») is kept too, and the name cell is the name.
        assert want["name"] in (have["name"], have["bare_name"]), where
        assert have["kind"] == want["kind"], where
        assert have["unit"] == want.get("unit", ""), where
        assert have["position"] == want.get("position", ""), where
        if want.get("award"):
            assert normalise_award(want["award"]) in have["award_names"], where


def test_blank_template_is_reported_as_an_empty_list_in_one_line(cli, ceremony, store_path):
    result = cli("import", str(FILES["r08"]), "--ceremony", ceremony, "--award", "LĐTT")
    assert result.status == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "danh sách trống" in lines[0] and "«file nhận»" in lines[0]
    assert result.out == ""
    assert stored(store_path, int(ceremony)) == []


def test_ranks_and_honorifics_are_split_off_the_name_and_kept(cli, ceremony, store_path):
    args = OPTIONS["r02"]
    assert cli("import", str(FILES["r02"]), "--ceremony", ceremony, *args).status == 0
    people = [(h["title"], h["bare_name"]) for h in stored(store_path, int(ceremony))]
    assert people[5:] == [
        ("Ông", "Trương Quang Sáng"),
        ("Đại tá", "Lê Văn Tiến"),
        ("Ông", "Đặng Đại Bàng"),
        ("Ông", "Nguyễn Văn Tỉnh"),
    ]
    assert people[0] == ("", "Phòng Phổ biến, giáo dục pháp luật Sở Tư pháp")


def test_the_contracts_last_line_and_json(cli, tmp_path):
    import json

    demo = cli("demo").last_line
    file = str(REAL / "r04_nhandulieu.xlsx")
    award = "Giấy khen của Chủ tịch UBND huyện"
    dry = cli("import", file, "--ceremony", demo, "--award", award, "--dry-run")
    assert dry.status == 0 and dry.last_line == "Đã nhập 4, bỏ qua 0"
    done = cli("import", file, "--ceremony", demo, "--award", award, "--format", "json")
    assert done.status == 0, done.err
    report = json.loads(done.out)
    assert (report["imported"], report["skipped"], report["problems"]) == (4, 0, [])
    again = cli("import", file, "--ceremony", demo, "--award", award, "--format", "json")
    assert again.status == 2
    refused = json.loads(again.out)
    assert refused["imported"] == 0 and refused["skipped"] == 4
    assert {p["row"] for p in refused["problems"]} == {4, 5, 6, 7}
    assert all(p["sheet"] == "DANHSACH" and p["message"] for p in refused["problems"])
