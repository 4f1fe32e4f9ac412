"""Rules that a mutation of the code once left unguarded: each test fails if its rule goes."""

from __future__ import annotations

from kx_ceremony.core.printing.layouts import load_layout
from kx_ceremony.core.services.awards import find_award_form
from kx_ceremony.core.services.honouree_bulk import change_award
from kx_ceremony.core.services.honourees import get_honouree, list_honourees, remove_honourees
from kx_ceremony.core.services.stage import list_rounds, tidy_plan


def test_tidy_plan_renumbers_rounds_after_an_emptied_one(store, demo_id):
    rounds = list_rounds(store, demo_id)
    assert len(rounds) >= 3
    second = rounds[1]
    people = list_honourees(store, demo_id)
    gone = [h.id for h in people if h.round == second.number]
    third_names = [h.name for h in people if h.round == rounds[2].number]
    remove_honourees(store, demo_id, gone)
    tidy_plan(store, demo_id)
    after = list_rounds(store, demo_id)
    assert [r.number for r in after] == list(range(1, len(rounds)))
    now = list_honourees(store, demo_id)
    assert [h.name for h in now if h.round == second.number] == third_names  # moved up one
    for r in after:
        positions = sorted(h.position_on_stage for h in now if h.round == r.number)
        assert positions == list(range(1, len(positions) + 1))


def test_changing_the_award_drops_the_old_award_s_decision(store, demo_id):
    with_decision = next(h for h in list_honourees(store, demo_id) if h.decision_id is not None)
    # The same award again: its decision stays.
    change_award(store, demo_id, [with_decision.id], with_decision.award_form_id)
    assert get_honouree(store, demo_id, with_decision.id).decision_id == with_decision.decision_id
    other = next(
        form_id
        for form_id in (find_award_form(store, demo_id, code).id for code in ("huyen", "tinh"))
        if form_id != with_decision.award_form_id
    )
    change_award(store, demo_id, [with_decision.id], other)
    changed = get_honouree(store, demo_id, with_decision.id)
    assert changed.award_form_id == other
    assert changed.decision_id is None  # a decision grants one award: never the new one


def test_a_null_field_in_a_layout_override_removes_that_box():
    default = load_layout(None)
    name = default.fields[-1].name
    assert default.field(name) is not None
    trimmed = load_layout(None, {"fields": {name: None}})
    assert trimmed.field(name) is None
    assert {f.name for f in trimmed.fields} == {f.name for f in default.fields} - {name}


def test_the_one_layout_merge_drops_a_removed_box_for_printing_and_keeps_it_when_saving():
    from kx_ceremony.core.printing.layouts import merge_layout

    base = {"page": {"width": 420}, "fields": {"name": {"x": 1, "y": 2}, "unit": {"x": 3}}}
    change = {"page": {"height": 297}, "fields": {"name": {"y": 9}, "unit": None}}
    printed = merge_layout(base, change)
    assert printed == {"page": {"width": 420, "height": 297}, "fields": {"name": {"x": 1, "y": 9}}}
    saved = merge_layout(base, change, keep_removals=True)
    assert saved["fields"]["unit"] is None and saved["fields"]["name"] == {"x": 1, "y": 9}
    assert base["fields"]["name"] == {"x": 1, "y": 2}  # the base is never changed


def test_someone_added_between_preview_and_import_is_caught_under_the_write_lock(
    store, demo_id, tmp_path
):
    import pytest
    from import_files import HEADER, person, write_xlsx

    from kx_ceremony.core.errors import UserError
    from kx_ceremony.core.importing import preview_import, run_import
    from kx_ceremony.core.services.awards import find_award_form
    from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree, list_honourees

    path = write_xlsx(
        tmp_path / "ds.xlsx", [HEADER, person(1, "Lê Văn Mới"), person(2, "Ngô Thị Hai")]
    )
    preview = preview_import(store, demo_id, path)
    assert not preview.problems  # nobody is a duplicate yet
    huyen = find_award_form(store, demo_id, "Giấy khen huyện").id
    add_honouree(  # another PC adds the same person while the organiser looks at the preview
        store,
        demo_id,
        HonoureeInput("Lê Văn Mới", huyen, birth_year=1981, unit="UBND xã Vũ Quý"),
    )
    before = len(list_honourees(store, demo_id))
    with pytest.raises(UserError, match="Lê Văn Mới"):
        run_import(store, demo_id, path, preview=preview)
    assert len(list_honourees(store, demo_id)) == before  # all or nothing: not even Hai


def test_header_and_footer_words_of_the_papers(store, demo_id, cli, tmp_path):
    """The words at the top and bottom of each page, where an organiser looks for them:
    the line-up names its round at the top and its page at the bottom; a Decree 30
    document numbers its pages in the top margin from page 2, never on page 1."""
    from printing_helpers import page_texts, page_words, words_of

    lineup = tmp_path / "xep.pdf"
    assert cli("print", "lineup", "--ceremony", str(demo_id), "-o", str(lineup)).status == 0
    for page in range(1, len(page_texts(lineup)) + 1):
        words = page_words(lineup, page)
        bottom = max(w.y1 for w in words)
        heading = words_of(words, "ĐỢT")[0]
        assert heading.y0 < 60  # the round's heading at the top of its page
        footer = words_of(words, f"trang {page}")
        assert footer[-1].y1 >= bottom - 1  # "Sơ đồ sân khấu – trang N" is the last line
    pledge = tmp_path / "cam-ket.pdf"
    assert cli("print", "pledge", "--ceremony", str(demo_id), "-o", str(pledge)).status == 0
    assert len(page_texts(pledge)) >= 2
    first = page_words(pledge, 1)
    assert min(first, key=lambda w: w.y0).text != "1"  # no number on page 1
    second = page_words(pledge, 2)
    top = min(second, key=lambda w: w.y0)
    assert top.text == "2" and top.y0 < 50  # centred in the top margin from page 2
