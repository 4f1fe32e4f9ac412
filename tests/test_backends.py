"""The same migrations and services on SQLite and on a PostgreSQL server.

Each test runs once per backend (see ``any_db`` in conftest.py): on SQLite always, on
PostgreSQL when KX_TEST_POSTGRES_URL is set, as it is in CI.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from kx_ceremony.core.demo import create_demo
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.exporting import FULL_LIST_SHEET, export_honourees
from kx_ceremony.core.model import Ceremony
from kx_ceremony.core.services.awards import add_award_form, list_award_forms
from kx_ceremony.core.services.ceremonies import (
    CeremonyInput,
    create_ceremony,
    delete_ceremony,
    get_ceremony,
    list_ceremonies,
)
from kx_ceremony.core.services.honourees import (
    HonoureeInput,
    add_honouree,
    input_from_row,
    insert_honourees,
    list_honourees,
    remove_honourees,
    update_honouree,
)
from kx_ceremony.core.store import create_store_engine, open_store, resolve_url
from kx_ceremony.core.store.schema import SCHEMA_HEAD, run_alembic_upgrade


def test_migrations_reach_head_and_reopen_quietly(any_db: str) -> None:
    store = open_store(any_db)
    try:
        with store.reading() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                SCHEMA_HEAD
            )
    finally:
        store.close()
    again = open_store(any_db)  # already current: nothing to do, nothing breaks
    again.close()


def test_upgrade_from_0001_keeps_rows_and_fills_new_columns(any_db: str) -> None:
    """The 0002 batch migration (a rebuilt ceremonies table on SQLite) on stored data."""
    engine = create_store_engine(resolve_url(any_db))
    try:
        with engine.connect() as conn, conn.begin():
            run_alembic_upgrade(conn, "0001")
            ceremony_id = conn.execute(
                text(
                    "INSERT INTO ceremonies (title, held_on, place, venue, organiser, province, "
                    "notes, is_sample) VALUES ('Lễ cũ', '2023-01-05', '', '', '', '', '', false) "
                    "RETURNING id"
                )
            ).scalar_one()
            form_id = conn.execute(
                text(
                    "INSERT INTO award_forms (ceremony_id, code, full_name, short_name, "
                    "printed_word, authority_line, rank, kinds, aliases, page_width_mm, "
                    "page_height_mm, layout_name) VALUES (:c, 'gk', 'Giấy khen', 'GK', "
                    "'GIẤY KHEN', '', 1, '[\"individual\"]', '[]', 420.0, 297.0, 'default') "
                    "RETURNING id"
                ),
                {"c": ceremony_id},
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO honourees (ceremony_id, kind, name, position, unit, "
                    "achievement, award_form_id, register_number, representative, attendance, "
                    "substitute_name, note) VALUES (:c, 'individual', 'Đặng Thị Ánh', '', "
                    "'Xã Quang Trung', '', :f, '', '', 'present', '', '')"
                ),
                {"c": ceremony_id, "f": form_id},
            )
    finally:
        engine.dispose()

    store = open_store(any_db)
    try:
        assert get_ceremony(store, ceremony_id).per_round == 10
        found = list_honourees(store, ceremony_id, search="dang thi anh")
        assert [h.name for h in found] == ["Đặng Thị Ánh"]
        assert list_award_forms(store, ceremony_id)[0].kinds == ("individual",)
    finally:
        store.close()


def test_demo_and_honouree_services(any_store, any_db: str, cli) -> None:
    ceremony_id = create_demo(any_store)
    rows = list_honourees(any_store, ceremony_id)
    assert len(rows) == 28
    listing = cli("honourees", "--ceremony", str(ceremony_id), "--format", "json", db=any_db)
    assert listing.status == 0, listing.err
    assert [r["name"] for r in json.loads(listing.out)] == [r.name for r in rows]

    form = next(f for f in list_award_forms(any_store, ceremony_id) if "individual" in f.kinds)
    new_id = add_honouree(
        any_store,
        ceremony_id,
        HonoureeInput(name="ông NGUYỄN VĂN BÌNH", award_form_id=form.id, unit="Xã Vũ Lễ"),
    )
    added = next(r for r in list_honourees(any_store, ceremony_id) if r.id == new_id)
    assert added.name == "Nguyễn Văn Bình" and added.gender == "male"
    assert [r.id for r in list_honourees(any_store, ceremony_id, search="nguyen van binh")] == [
        new_id
    ]
    with pytest.raises(UserError, match="đã có trong danh sách"):
        add_honouree(
            any_store,
            ceremony_id,
            HonoureeInput(name="Nguyễn Văn Bình", award_form_id=form.id, unit="xã vũ lễ"),
        )
    changed = update_honouree(
        any_store, ceremony_id, new_id, input_from_row(added, birth_year=1980, unit="Xã Vũ Hòa")
    )
    assert changed.birth_year == 1980 and changed.unit == "Xã Vũ Hòa"
    removed = remove_honourees(any_store, ceremony_id, [new_id])
    assert removed == ["Nguyễn Văn Bình"]
    assert len(list_honourees(any_store, ceremony_id)) == 28


def test_a_failed_batch_leaves_nothing(any_store) -> None:
    ceremony_id = create_ceremony(
        any_store, CeremonyInput(title="Lễ thử", held_on=dt.date(2024, 1, 5))
    )
    form = next(f for f in list_award_forms(any_store, ceremony_id) if "individual" in f.kinds)
    good = [HonoureeInput(name=f"Phạm Văn Số{i}", award_form_id=form.id) for i in range(5)]
    with pytest.raises(UserError), any_store.transaction() as session:
        insert_honourees(session, ceremony_id, [*good, HonoureeInput(name="", award_form_id=form.id)])
    assert list_honourees(any_store, ceremony_id) == []
    assert get_ceremony(any_store, ceremony_id).honouree_count == 0


def test_json_boolean_double_and_date_columns_round_trip(any_store) -> None:
    ceremony_id = create_ceremony(
        any_store,
        CeremonyInput(title="Lễ mẫu", held_on=dt.date(2023, 1, 5), is_sample=True),
    )
    form_id = add_award_form(
        any_store,
        ceremony_id,
        "Giấy khen của Giám đốc Sở",
        rank=9,
        kinds=["collective", "individual"],
        aliases=["GK Sở", "giấy khen sở"],
        page_width_mm=297.5,
        page_height_mm=210.25,
        layout={"name": {"x_mm": 12.5, "bold": True, "lines": ["a", "b"]}},
    )
    form = next(f for f in list_award_forms(any_store, ceremony_id) if f.id == form_id)
    assert form.kinds == ("collective", "individual")
    assert form.aliases == ("GK Sở", "giấy khen sở")
    assert (form.page_width_mm, form.page_height_mm) == (297.5, 210.25)
    assert form.layout == {"name": {"x_mm": 12.5, "bold": True, "lines": ["a", "b"]}}
    row = get_ceremony(any_store, ceremony_id)
    assert row.is_sample is True and row.held_on == dt.date(2023, 1, 5)
    with any_store.reading() as session:
        assert session.get(Ceremony, ceremony_id).is_sample is True
    assert [c.id for c in list_ceremonies(any_store)] == [ceremony_id]
    delete_ceremony(any_store, ceremony_id)
    assert list_ceremonies(any_store) == []


def test_export_from_either_store(any_store, tmp_path: Path) -> None:
    ceremony_id = create_demo(any_store)
    out = export_honourees(any_store, ceremony_id, tmp_path / "ds.xlsx")
    sheet = openpyxl.load_workbook(out)[FULL_LIST_SHEET]
    names = [sheet.cell(row=5 + i, column=2).value for i in range(28)]
    assert names == [h.name for h in list_honourees(any_store, ceremony_id)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql+psycopg://kx:secret-pw@127.0.0.1:1/kx", "Không kết nối được tới máy chủ"),
        ("mysql://kx:secret-pw@127.0.0.1/kx", "thiếu trình điều khiển"),
        ("nosuchdb://kx:secret-pw@host/kx", "thiếu trình điều khiển"),
    ],
)
def test_an_unreachable_or_unknown_server_gets_one_clear_line(cli, url: str, expected: str) -> None:
    result = cli("ceremonies", db=url)
    assert result.status == 2
    assert expected in result.err
    assert "secret-pw" not in result.err  # the password is never shown
    assert len(result.err.strip().splitlines()) == 1
