"""The import's SQLite fast path (core/importing/sqlite_bulk.py) stores exactly what the
plain path stores: the same rows in the same order, the table's indexes as they were,
and nothing at all when it fails or is killed half-way.

The thresholds are lowered so that a small real sample takes the bulk path.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from import_files import SAMPLES, person, write_xlsx
from sqlalchemy import event, select

DISTRICT = SAMPLES / "district.xlsx"  # 26 rows
HALF = 13


def _new_ceremony(store) -> int:  # type: ignore[no-untyped-def]
    from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony

    return create_ceremony(store, CeremonyInput(title="Tổng kết", held_on=dt.date(2023, 1, 5)))


def _stored(store, ceremony_id: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Every column an import writes, row by row in id order (the ceremony left out, the
    award form by its code: each ceremony has its own forms)."""
    from kx_ceremony.core.importing.storing import COLUMNS
    from kx_ceremony.core.model import AwardForm, Honouree

    table, forms = Honouree.__table__, AwardForm.__table__
    shown = [
        forms.c.code if c == "award_form_id" else table.c[c] for c in COLUMNS if c != "ceremony_id"
    ]
    with store.reading() as session:
        rows = session.connection().execute(
            select(*shown)
            .join(forms, forms.c.id == table.c.award_form_id)
            .where(table.c.ceremony_id == ceremony_id)
            .order_by(table.c.id)
        )
        return [tuple(r) for r in rows]


def _indexes(path) -> list[tuple]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'honourees' ORDER BY name"
        ).fetchall()


def _check(path) -> list[str]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]


@pytest.fixture
def statements(store):  # type: ignore[no-untyped-def]
    """The SQL the store runs, as it runs it."""
    seen: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", note)
    yield seen
    event.remove(store.engine, "before_cursor_execute", note)


def _bulk_everything(monkeypatch, rows_per_statement: int = 7) -> None:  # type: ignore[no-untyped-def]
    from kx_ceremony.core.importing import sqlite_bulk

    monkeypatch.setattr(sqlite_bulk, "BULK_INDEX_ROWS", 1)
    monkeypatch.setattr(sqlite_bulk, "ROWS_PER_STATEMENT", rows_per_statement)


def test_many_rows_per_statement_store_the_same_rows_in_sheet_order(any_store, monkeypatch):
    """26 rows at 7 per statement: three full statements and a remainder of 5. What is
    stored equals, column by column and in order, what one row per statement stores."""
    from kx_ceremony.core.importing import run_import, sqlite_bulk

    plain, fast = _new_ceremony(any_store), _new_ceremony(any_store)
    monkeypatch.setattr(sqlite_bulk, "ROWS_PER_STATEMENT", 1)
    monkeypatch.setattr(sqlite_bulk, "BULK_INDEX_ROWS", 10**9)
    assert run_import(any_store, plain, DISTRICT).imported == 26
    _bulk_everything(monkeypatch)
    result = run_import(any_store, fast, DISTRICT)
    assert result.stored and result.imported == 26
    stored = _stored(any_store, fast)
    assert stored == _stored(any_store, plain)
    assert [r[1] for r in stored] == [r.name for r in result.preview.rows]  # sheet order
    assert len(set(stored)) == 26


def test_a_bulk_import_drops_and_rebuilds_the_indexes_unchanged(
    store, store_path, statements, monkeypatch
):
    from kx_ceremony.core.importing import run_import

    ceremony = _new_ceremony(store)
    before = _indexes(store_path)
    assert len(before) >= 4
    _bulk_everything(monkeypatch)
    statements.clear()
    assert run_import(store, ceremony, DISTRICT).imported == 26
    dropped = [s for s in statements if s.startswith("DROP INDEX")]
    assert len(dropped) == len(before)  # the fast path really ran
    assert _indexes(store_path) == before
    assert _check(store_path) == ["ok"]  # every index holds every row
    with sqlite3.connect(store_path) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM honourees WHERE ceremony_id = ? AND name_fold = ?",
            (ceremony, "nguyen van an"),
        ).fetchall()
    assert "ix_honourees_ceremony_fold" in str(plan)


def test_a_table_bigger_than_the_import_keeps_its_indexes(store, statements, monkeypatch):
    from kx_ceremony.core.importing import run_import

    first, second = _new_ceremony(store), _new_ceremony(store)
    _bulk_everything(monkeypatch)
    assert run_import(store, first, DISTRICT).imported == 26
    rows = [["STT", "Họ và tên", "Năm sinh", "Giới tính", "Chức vụ", "Đơn vị", "Hình thức"]]
    rows += [person(i, f"Người Số {i}", award="Giấy khen") for i in range(1, 6)]
    small = write_xlsx(store.path.parent / "five.xlsx", rows)
    statements.clear()
    assert run_import(store, second, small, add_awards=True).imported == 5
    assert not [s for s in statements if "DROP INDEX" in s]


def test_a_unique_index_is_never_dropped(store, store_path, statements, monkeypatch):
    from kx_ceremony.core.importing import run_import

    ceremony = _new_ceremony(store)
    with sqlite3.connect(store_path) as conn:
        conn.execute("CREATE UNIQUE INDEX ux_people ON honourees (ceremony_id, name, unit)")
    _bulk_everything(monkeypatch)
    statements.clear()
    assert run_import(store, ceremony, DISTRICT).imported == 26
    dropped = " ".join(s for s in statements if s.startswith("DROP INDEX"))
    assert "ix_honourees_ceremony_fold" in dropped and "ux_people" not in dropped
    assert "ux_people" in [name for name, _ in _indexes(store_path)]


def test_fewer_parameters_allowed_means_fewer_rows_per_statement(store, monkeypatch):
    """A SQLite library that allows 40 parameters takes the 18 columns 2 rows at a time."""
    from kx_ceremony.core.importing import run_import

    ceremony = _new_ceremony(store)
    _bulk_everything(monkeypatch, rows_per_statement=100)

    @event.listens_for(store.engine, "connect")
    def _few(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 40)

    store.engine.dispose()  # new connections, with the limit
    assert run_import(store, ceremony, DISTRICT).imported == 26
    assert len(_stored(store, ceremony)) == 26


def test_failure_half_way_through_a_bulk_leaves_rows_and_indexes_as_they_were(
    store, store_path, monkeypatch
):
    from kx_ceremony.core.importing import run_import, service

    ceremony = _new_ceremony(store)
    before = _indexes(store_path)
    _bulk_everything(monkeypatch)
    monkeypatch.setattr(service, "INSERT_CHUNK", 5)
    written: list[int] = []

    def progress(done: int, total: int, stage: str) -> None:
        if stage == "Đang lưu":
            written.append(done)
            if done >= HALF:
                raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        run_import(store, ceremony, DISTRICT, progress=progress)
    assert max(written) >= HALF
    assert _stored(store, ceremony) == []
    assert _indexes(store_path) == before
    assert _check(store_path) == ["ok"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_in_the_middle_of_a_bulk_leaves_nothing_and_every_index(store_path):
    from kx_ceremony.core.store import check_integrity, open_store

    store = open_store(str(store_path))
    ceremony = _new_ceremony(store)
    store.close()
    before = _indexes(store_path)
    script = textwrap.dedent(
        f"""
        import os, signal
        from kx_ceremony.core.importing import run_import, service, sqlite_bulk
        from kx_ceremony.core.store import open_store

        service.INSERT_CHUNK = 5
        sqlite_bulk.BULK_INDEX_ROWS = 1
        sqlite_bulk.ROWS_PER_STATEMENT = 3

        def progress(done, total, stage):
            if stage == "Đang lưu" and done >= {HALF}:
                os.kill(os.getpid(), signal.SIGKILL)

        run_import(open_store({str(store_path)!r}), {ceremony}, {str(DISTRICT)!r},
                   progress=progress)
        print("not killed")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    store = open_store(str(store_path))
    try:
        assert check_integrity(store) == []
        assert _stored(store, ceremony) == []
    finally:
        store.close()
    assert _indexes(store_path) == before


def test_a_profile_saved_again_replaces_its_mapping_and_keeps_earlier_award_names(any_store):
    """save_profile writes through Core (no ORM mapper set-up in a short import)."""
    from kx_ceremony.core.importing.profiles import load_profile, save_profile

    with any_store.transaction() as session:
        save_profile(session, "k" * 40, ["STT", "Tên"], {1: "name"}, {}, {"GK": "Giấy khen"})
    with any_store.transaction() as session:
        save_profile(
            session,
            "k" * 40,
            ["STT", "Tên"],
            {0: "stt", 1: "name"},
            {"kind": "individual"},
            {"BK": "Bằng khen"},
        )
    saved = load_profile(any_store, "k" * 40)
    assert saved is not None
    assert saved.mapping == {0: "stt", 1: "name"}
    assert saved.choices == {"kind": "individual"}
    assert saved.award_names == {"GK": "Giấy khen", "BK": "Bằng khen"}
    assert load_profile(any_store, "x" * 40) is None
