"""Layouts shared as files (`layout export` / `layout import`), whole-layout saves, and the
longest real texts the designer shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from printing_helpers import MM, page_words, words_of

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.layout_files import read_layout_file
from kx_ceremony.core.printing.layout_store import designer_data, file_data, save_layout
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.layout_samples import layout_samples

PROVINCE = "BK TTg"
DISTRICT = "Giấy khen huyện"


def _exported(cli, demo_id: int, tmp_path: Path) -> Path:
    out = tmp_path / "mau.json"
    result = cli(
        "layout", "export", "--ceremony", str(demo_id), "--award", PROVINCE, "-o", str(out)
    )
    assert result.status == 0, result.err
    assert result.last_line == str(out)
    return out


def test_export_then_import_round_trips_and_moves_the_print(cli, store, demo_id, tmp_path):
    form = find_award_form(store, demo_id, PROVINCE)
    data = designer_data(form)
    data["fields"]["recipient"]["y"] = 131.5
    data["fields"]["achievement"].update(size=17, min_size=14)
    del data["fields"]["register"]
    save_layout(store, demo_id, form.id, data)
    out = _exported(cli, demo_id, tmp_path)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "kx-ceremony-layout"
    assert "register" not in document["fields"]
    assert "designer_background" not in out.read_text(encoding="utf-8")

    result = cli("layout", "import", "--ceremony", str(demo_id), "--award", DISTRICT, str(out))
    assert result.status == 0, result.err
    district = find_award_form(store, demo_id, DISTRICT)
    assert designer_data(district) == designer_data(find_award_form(store, demo_id, PROVINCE))
    # Only the difference from the district's own file is kept; a removed field is None.
    assert district.layout["fields"]["register"] is None

    pdf = tmp_path / "gk.pdf"
    status = cli(
        "print", "certificates", "--ceremony", str(demo_id), "--award", DISTRICT, "-o", str(pdf)
    )
    assert status.status == 0, status.err
    from kx_ceremony.core.printing.layouts import layout_for_award

    box = layout_for_award(district).field("recipient")
    words = page_words(pdf)
    first = next(w for w in words if w.text in ("Ông", "Bà", "Tập"))
    line = words_of(words, first.text)[0]
    assert box.y * MM <= line.y0 and line.y1 <= (box.y + box.height) * MM


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _hostile(tmp_path: Path, good: dict) -> list[tuple[str, Path]]:
    def variant(name: str, change) -> tuple[str, Path]:  # type: ignore[no-untyped-def]
        doc = json.loads(json.dumps(good))
        change(doc)
        return name, _write(tmp_path / f"{name}.json", doc)

    big = tmp_path / "nang-50mb.json"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    deep = tmp_path / "sau.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    not_json = tmp_path / "anh.json"
    not_json.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    return [
        variant("huge", lambda d: d["fields"]["recipient"].update(x=1e300)),
        variant("long-int", lambda d: d["fields"]["recipient"].update(y=10**3000)),
        variant("negative", lambda d: d["fields"]["recipient"].update(width=-30)),
        variant("outside", lambda d: d["fields"]["recipient"].update(x=400)),
        variant("unknown-field", lambda d: d["fields"].update(evil={"x": 1})),
        variant("unknown-key", lambda d: d["fields"]["recipient"].update(script="rm -rf /")),
        variant("control", lambda d: d["fields"]["recipient"].update(style="bold\x1b[31m")),
        variant("bool-size", lambda d: d["fields"]["recipient"].update(size=True)),
        variant("other-format", lambda d: d.update(format="something-else")),
        variant("page-zero", lambda d: d["page"].update(width=0)),
        ("nan", _write(tmp_path / "nan.json", {}) and _nan(tmp_path)),
        ("big", big),
        ("deep", deep),
        ("not-json", not_json),
        ("list", _write(tmp_path / "list.json", [1, 2, 3])),
    ]


def _nan(tmp_path: Path) -> Path:
    path = tmp_path / "nan.json"
    path.write_text('{"page": {"width": NaN, "height": 297}, "fields": {}}', encoding="utf-8")
    return path


def test_wrong_and_hostile_files_are_refused_in_one_line_and_nothing_changes(
    cli, store, demo_id, tmp_path
):
    good = json.loads(_exported(cli, demo_id, tmp_path).read_text(encoding="utf-8"))
    before = find_award_form(store, demo_id, DISTRICT).layout
    for name, path in _hostile(tmp_path, good):
        with pytest.raises(UserError) as refused:
            read_layout_file(path)
        assert refused.value.message.startswith(f"Tệp {path.name} không phải mẫu in"), name
        result = cli("layout", "import", "--ceremony", str(demo_id), "--award", DISTRICT, str(path))
        assert result.status == 2, (name, result.err)
        line = result.err.strip()
        assert "\n" not in line and "Traceback" not in line and len(line) < 400, (name, line)
        assert not any(ord(c) < 32 for c in line), (name, line)
        assert find_award_form(store, demo_id, DISTRICT).layout == before, name


def test_a_shipped_layout_file_is_accepted_as_is(tmp_path):
    from kx_ceremony.core.paths import resource_path

    data = read_layout_file(resource_path("layouts", "giay-khen.json"))
    assert "recipient" in data["fields"]


def test_saving_the_whole_layout_keeps_only_the_difference(store, demo_id):
    form = find_award_form(store, demo_id, PROVINCE)
    data = designer_data(form)
    data["fields"]["recipient"]["x"] = 35
    save_layout(store, demo_id, form.id, data)
    data["fields"]["recipient"]["x"] = file_data(form)["fields"]["recipient"]["x"]  # back again
    save_layout(store, demo_id, form.id, data)
    assert find_award_form(store, demo_id, PROVINCE).layout is None  # nothing differs any more
    data["fields"]["recipient"]["width"] = 5000
    with pytest.raises(UserError):
        save_layout(store, demo_id, form.id, data)
    assert find_award_form(store, demo_id, PROVINCE).layout is None


def test_samples_are_the_longest_real_texts_of_that_award(store, demo_id):
    from kx_ceremony.core.printing.certificate_text import position_unit_line, recipient_line
    from kx_ceremony.core.services.honourees import list_honourees

    form = find_award_form(store, demo_id, "BK tỉnh")
    rows = [r for r in list_honourees(store, demo_id) if r.award_form_id == form.id]
    assert len(rows) > 2
    samples = layout_samples(store, demo_id, form.id)
    assert samples.honouree_count == len(rows)
    assert samples.variable["recipient"] == max((recipient_line(r) for r in rows), key=len)
    assert samples.variable["position_unit"] == max((position_unit_line(r) for r in rows), key=len)
    assert samples.design["printed_word"]
