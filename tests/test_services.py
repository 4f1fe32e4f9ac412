"""Use cases over a real store: ceremonies, catalogue, honourees, presenters, ordering."""

from __future__ import annotations

import datetime as dt

import pytest

from kx_ceremony.core.errors import NotFound, UserError
from kx_ceremony.core.services import awards, ceremonies, honourees, presenters
from kx_ceremony.core.services.honourees import HonoureeInput


@pytest.fixture
def store(any_store):
    """These use cases hold on SQLite and on the PostgreSQL server alike."""
    return any_store


@pytest.fixture
def ceremony_id(store) -> int:
    return ceremonies.create_ceremony(
        store,
        ceremonies.CeremonyInput(
            title="Lễ tổng kết",
            held_on=dt.date(2024, 1, 12),
            place="Kiến Xương",
            organiser="UBND huyện Kiến Xương",
            province="Thái Bình",
        ),
    )


def form_id(store, ceremony_id: int, code: str) -> int:
    return next(f.id for f in awards.list_award_forms(store, ceremony_id) if f.code == code)


def test_new_ceremony_gets_an_editable_default_catalogue(store, ceremony_id):
    forms = awards.list_award_forms(store, ceremony_id)
    assert [f.rank for f in forms] == sorted(f.rank for f in forms)
    by_code = {f.code: f for f in forms}
    assert by_code["ttg"].full_name == "Bằng khen của Thủ tướng Chính phủ"
    assert by_code["tinh"].authority_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"
    assert by_code["huyen"].authority_line == "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KIẾN XƯƠNG"
    assert by_code["huyen"].printed_word == "GIẤY KHEN"
    assert by_code["co-cp"].kinds == ("collective",)
    assert (by_code["ttg"].page_width_mm, by_code["ttg"].page_height_mm) == (420.0, 297.0)

    changed = awards.update_award_form(
        store, ceremony_id, by_code["tinh"].id, rank=5, aliases=["BK T"]
    )
    assert changed.rank == 5 and changed.aliases == ("BK T",)
    assert awards.list_award_forms(store, ceremony_id)[0].code == "tinh"
    assert awards.find_award_form(store, ceremony_id, "bk t").id == by_code["tinh"].id
    with pytest.raises(UserError, match="Các hình thức hiện có"):
        awards.find_award_form(store, ceremony_id, "Huy chương vàng")


def test_each_ceremony_has_its_own_catalogue(store, ceremony_id):
    other = ceremonies.create_ceremony(store, ceremonies.CeremonyInput("Khác", dt.date(2024, 5, 1)))
    first = form_id(store, ceremony_id, "ttg")
    awards.update_award_form(store, ceremony_id, first, full_name="Đã sửa")
    assert awards.list_award_forms(store, other)[3].full_name == "Bằng khen của Thủ tướng Chính phủ"
    with pytest.raises(NotFound):
        awards.update_award_form(store, other, first, full_name="x")


def test_edit_ceremony_validates_each_field(store, ceremony_id):
    data = ceremonies.CeremonyInput(title="Lễ mới", held_on=dt.date(2024, 6, 1), per_round=12)
    row = ceremonies.update_ceremony(store, ceremony_id, data)
    assert (row.title, row.per_round, row.achievement_year) == ("Lễ mới", 12, 2024)
    with pytest.raises(UserError) as info:
        ceremonies.update_ceremony(
            store, ceremony_id, ceremonies.CeremonyInput("X", dt.date(2024, 1, 1), per_round=0)
        )
    assert info.value.field == "per_round"
    assert ceremonies.get_ceremony(store, ceremony_id).per_round == 12


def test_add_cleans_and_repairs_the_honouree(store, ceremony_id):
    hid = honourees.add_honouree(
        store,
        ceremony_id,
        HonoureeInput(
            name="  ông  NGUYỄN VĂN  AN ",
            award_form_id=form_id(store, ceremony_id, "tinh"),
            birth_year=1980,
            unit=" UBND   xã Vũ Quý ",
        ),
    )
    row = honourees.get_honouree(store, ceremony_id, hid)
    assert (row.name, row.gender, row.unit, row.award) == (
        "Nguyễn Văn An",
        "male",
        "UBND xã Vũ Quý",
        "Bằng khen của Chủ tịch UBND tỉnh",
    )


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"name": "   "}, "name", "Họ tên đang trống"),
        ({"birth_year": 1850}, "birth_year", "Năm sinh 1850"),
        ({"kind": "robot"}, "kind", "không hợp lệ"),
        ({"gender": "x"}, "gender", "Giới tính"),
        ({"attendance": "substitute"}, "substitute_name", "người nhận thay"),
        ({"kind": "household", "award": "co-cp"}, "award_form_id", "chỉ dành cho tập thể"),
    ],
)
def test_invalid_honourees_are_refused_with_their_field(
    store, ceremony_id, changes, field, fragment
):
    changes = dict(changes)  # parametrised values are shared between backends
    award = form_id(store, ceremony_id, changes.pop("award", "tinh"))
    data = HonoureeInput(**{"name": "Lê Văn Bình", "award_form_id": award, **changes})
    with pytest.raises(UserError) as info:
        honourees.add_honouree(store, ceremony_id, data)
    assert info.value.field == field and fragment in info.value.message
    assert honourees.list_honourees(store, ceremony_id) == []


def test_duplicates_are_refused_but_namesakes_elsewhere_are_not(store, ceremony_id):
    award = form_id(store, ceremony_id, "tinh")
    honourees.add_honouree(store, ceremony_id, HonoureeInput("Lê Thị Hoà", award, unit="UBND xã A"))
    with pytest.raises(UserError, match="đã có trong danh sách"):
        honourees.add_honouree(
            store, ceremony_id, HonoureeInput("LÊ THỊ HÒA", award, unit="ubnd xa a")
        )
    honourees.add_honouree(store, ceremony_id, HonoureeInput("Lê Thị Hoà", award, unit="UBND xã B"))
    assert len(honourees.list_honourees(store, ceremony_id)) == 2


def test_a_likely_duplicate_needs_the_organisers_word_the_same_one_is_refused(store, ceremony_id):
    award = form_id(store, ceremony_id, "tinh")
    first = HonoureeInput("Lê Thị Hoà", award, unit="UBND xã A", birth_year=1980)
    honourees.add_honouree(store, ceremony_id, first)
    maybe = HonoureeInput("LÊ THỊ HÒA", award, unit="ubnd xa a")  # no birth year
    with pytest.raises(honourees.LikelyDuplicate, match="Có thể trùng với «Lê Thị Hoà»"):
        honourees.add_honouree(store, ceremony_id, maybe)
    honourees.add_honouree(store, ceremony_id, maybe, confirm_likely=True)
    again = HonoureeInput("Lê Thị Hoà", award, unit="UBND xã A", birth_year=1980)
    with pytest.raises(UserError, match="không thêm trùng") as refused:
        honourees.add_honouree(store, ceremony_id, again, confirm_likely=True)
    assert not isinstance(refused.value, honourees.LikelyDuplicate)
    other_year = HonoureeInput("Lê Thị Hoà", award, unit="UBND xã A", birth_year=1991)
    with pytest.raises(honourees.LikelyDuplicate):  # the entry without a year may be her
        honourees.add_honouree(store, ceremony_id, other_year)
    assert len(honourees.list_honourees(store, ceremony_id)) == 2


def test_edit_and_remove(store, ceremony_id):
    award = form_id(store, ceremony_id, "huyen")
    hid = honourees.add_honouree(
        store, ceremony_id, HonoureeInput("Trần Văn Cường", award, gender="male")
    )
    row = honourees.get_honouree(store, ceremony_id, hid)
    edited = honourees.update_honouree(
        store, ceremony_id, hid, honourees.input_from_row(row, position="Kế toán")
    )
    assert edited.position == "Kế toán"
    assert honourees.remove_honourees(store, ceremony_id, [hid]) == ["Trần Văn Cường"]
    assert honourees.list_honourees(store, ceremony_id) == []
    with pytest.raises(NotFound):
        honourees.get_honouree(store, ceremony_id, hid)


def test_presentation_order_rank_kind_then_vietnamese_names(store, ceremony_id):
    tinh, huyen, ttg = (form_id(store, ceremony_id, c) for c in ("tinh", "huyen", "ttg"))
    entries = [
        HonoureeInput("Gia đình ông Lê Văn An", huyen, kind="household"),
        HonoureeInput("Đỗ Văn Đạt", huyen),
        HonoureeInput("Vũ Thị Dung", huyen),
        HonoureeInput("UBND xã Đông Lâm", huyen, kind="collective"),
        HonoureeInput("UBND xã Bình Minh", huyen, kind="collective"),
        HonoureeInput("Lê Thị Ánh", tinh),
        HonoureeInput("Trần Văn Anh", tinh),
        HonoureeInput("Phòng Nội vụ", tinh, kind="collective"),
        HonoureeInput("Nguyễn Văn Ơn", ttg),
    ]
    for entry in reversed(entries):
        honourees.add_honouree(store, ceremony_id, entry)
    names = [r.name for r in honourees.list_honourees(store, ceremony_id)]
    assert names == [
        "Nguyễn Văn Ơn",
        "Phòng Nội vụ",
        "Trần Văn Anh",
        "Lê Thị Ánh",
        "UBND xã Bình Minh",
        "UBND xã Đông Lâm",
        "Vũ Thị Dung",
        "Đỗ Văn Đạt",
        "Gia đình ông Lê Văn An",
    ]


def test_decisions_belong_to_their_award(store, ceremony_id):
    tinh, huyen = form_id(store, ceremony_id, "tinh"), form_id(store, ceremony_id, "huyen")
    decision = awards.add_decision(
        store,
        ceremony_id,
        awards.DecisionInput(
            tinh,
            "3050/QĐ-UBND",
            dt.date(2022, 12, 28),
            signer_title="KT. CHỦ TỊCH",
            signer_subtitle="PHÓ CHỦ TỊCH",
            signer_name="Lại Văn Hoàn",
        ),
    )
    with pytest.raises(UserError, match="không tặng") as info:
        honourees.add_honouree(
            store, ceremony_id, HonoureeInput("Lê Văn Bình", huyen, decision_id=decision)
        )
    assert info.value.field == "decision_id"
    hid = honourees.add_honouree(
        store, ceremony_id, HonoureeInput("Lê Văn Bình", tinh, decision_id=decision)
    )
    assert honourees.get_honouree(store, ceremony_id, hid).decision_number == "3050/QĐ-UBND"
    with pytest.raises(UserError, match="Số quyết định đang trống"):
        awards.add_decision(
            store, ceremony_id, awards.DecisionInput(tinh, " ", dt.date(2022, 1, 1))
        )


def test_award_form_in_use_cannot_be_deleted(store, ceremony_id):
    tinh = form_id(store, ceremony_id, "tinh")
    honourees.add_honouree(store, ceremony_id, HonoureeInput("Lê Văn Bình", tinh))
    with pytest.raises(UserError, match="còn 1"):
        awards.delete_award_form(store, ceremony_id, tinh)
    awards.delete_award_form(store, ceremony_id, form_id(store, ceremony_id, "ldtt"))


def test_presenters_by_seniority_with_full_introduction(store, ceremony_id):
    presenters.add_presenter(
        store,
        ceremony_id,
        presenters.PresenterInput(
            "Vũ Ngọc Trì", ["Tỉnh ủy viên", "Phó Chủ tịch HĐND tỉnh"], seniority=2
        ),
    )
    presenters.add_presenter(
        store,
        ceremony_id,
        presenters.PresenterInput(
            "NGUYỄN QUANG HƯNG",
            ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh"],
        ),
    )
    rows = presenters.list_presenters(store, ceremony_id)
    assert [r.name for r in rows] == ["Nguyễn Quang Hưng", "Vũ Ngọc Trì"]
    assert rows[0].introduction == (
        "đồng chí Nguyễn Quang Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh"
    )
    with pytest.raises(UserError) as info:
        presenters.update_presenter(store, ceremony_id, rows[0].id, presenters.PresenterInput(" "))
    assert info.value.field == "name"
    presenters.remove_presenter(store, ceremony_id, rows[1].id)
    assert len(presenters.list_presenters(store, ceremony_id)) == 1


def test_deleting_a_ceremony_removes_everything_of_it(store, demo_id):
    from sqlalchemy import text

    ceremonies.delete_ceremony(store, demo_id)
    with store.reading() as session:
        for table in (
            "award_forms",
            "decisions",
            "honourees",
            "presenters",
            "pledge_documents",
            "signatories",
        ):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_demo_matches_the_seed_event(store, demo_id):
    from kx_ceremony.core.services.pledges.documents import list_documents

    row = ceremonies.get_ceremony(store, demo_id)
    assert row.is_sample and row.held_on == dt.date(2023, 1, 5) and row.place == "Kiến Xương"
    assert row.organiser == "UBND huyện Kiến Xương" and row.province == "Thái Bình"
    intro = [p.introduction for p in presenters.list_presenters(store, demo_id)]
    assert intro == [
        "đồng chí Nguyễn Quang Hưng, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh",
        "đồng chí Vũ Ngọc Trì, Tỉnh ủy viên, Phó Chủ tịch HĐND tỉnh",
        "đồng chí Đỗ Mạnh Cường, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện",
    ]
    # The district's own leader, who presents the district's Giấy khen.
    assert [p.host for p in presenters.list_presenters(store, demo_id)] == [False, False, True]
    rows = honourees.list_honourees(store, demo_id)
    assert all(r.decision_id is not None for r in rows)
    ttg = [r for r in rows if r.award == "Bằng khen của Thủ tướng Chính phủ"]
    assert len(ttg) == 2 and {r.kind for r in ttg} == {"individual"}
    for award in ("Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Chủ tịch UBND huyện"):
        assert {"collective", "individual"} <= {r.kind for r in rows if r.award == award}
    docs = {d.kind: d for d in list_documents(store, demo_id)}
    assert len(docs["covenant"].signatories) >= 6 and docs["covenant"].signed_on == dt.date(
        2023, 1, 5
    )
    assert docs["pledge"].signed_on == dt.date(2023, 1, 5)
