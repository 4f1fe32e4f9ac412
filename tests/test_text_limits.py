"""A text longer than its column is refused alike on SQLite and on PostgreSQL: exit 2 and
one sentence naming the field, nothing stored (PostgreSQL used to fail with exit 1,
SQLite used to keep it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kx_ceremony.core.demo import create_demo
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.services.ceremonies import list_ceremonies
from kx_ceremony.core.services.honourees import HonoureeInput, add_honouree, list_honourees
from kx_ceremony.core.store import open_store

LONG_NAME = "Nguyễn Văn " + "A" * 290  # 301 characters; the column holds 300


def test_a_too_long_ceremony_title_is_refused_on_every_store(any_db: str, cli) -> None:
    result = cli("new-ceremony", "--title", "L" * 501, "--date", "2024-01-05", db=any_db)
    assert result.status == 2, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "dài 501 ký tự, quá giới hạn 500 ký tự" in lines[0]
    exact = cli("new-ceremony", "--title", "L" * 500, "--date", "2024-01-05", db=any_db)
    assert exact.status == 0, exact.err
    store = open_store(any_db)
    try:
        assert [len(c.title) for c in list_ceremonies(store)] == [500]
    finally:
        store.close()


def test_a_301_character_name_is_refused_on_every_store(any_store) -> None:
    assert len(LONG_NAME) == 301
    ceremony_id = create_demo(any_store)
    form = next(f for f in list_award_forms(any_store, ceremony_id) if "individual" in f.kinds)
    with pytest.raises(UserError, match="quá giới hạn 300 ký tự") as caught:
        add_honouree(any_store, ceremony_id, HonoureeInput(name=LONG_NAME, award_form_id=form.id))
    assert caught.value.field == "name"
    assert "Họ và tên" in caught.value.message
    assert len(list_honourees(any_store, ceremony_id)) == 28


def test_importing_a_301_character_name_is_refused_on_every_store(
    any_db: str, cli, tmp_path: Path
) -> None:
    demo = cli("demo", db=any_db)
    assert demo.status == 0, demo.err
    sheet = tmp_path / "long.csv"
    sheet.write_text(
        "STT,Họ và tên,Đơn vị,Hình thức khen thưởng\n"
        "1,Trần Thị Bình,UBND xã Minh Tân,Giấy khen huyện\n"
        f"2,{LONG_NAME},UBND xã Quốc Tuấn,Giấy khen huyện\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet), "--ceremony", demo.last_line, db=any_db)
    assert result.status == 2, result.out + result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "quá giới hạn 300 ký tự" in lines[0]
    listing = cli("honourees", "--ceremony", demo.last_line, "--format", "json", db=any_db)
    assert "Trần Thị Bình" not in listing.out  # all or nothing
