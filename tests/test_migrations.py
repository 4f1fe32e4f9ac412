"""Schema versions: old stores upgrade with every row kept, newer ones are refused untouched,
and a failed upgrade leaves the store exactly as it was with its backup kept."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from kx_ceremony.core.errors import StoreError, UserError
from kx_ceremony.core.model import Base
from kx_ceremony.core.store import open_store, resolve_url
from kx_ceremony.core.store import schema as migrate
from kx_ceremony.core.store.copies import backups_dir, integrity_problems

TABLES = [
    "ceremonies",
    "award_forms",
    "decisions",
    "presenters",
    "rounds",
    "honourees",
    "pledge_documents",
    "signatories",
]


def make_store_at(path: Path, revision: str) -> None:
    """A store as an older version of the program left it."""
    engine = create_engine(resolve_url(str(path)))
    with engine.connect() as conn, conn.begin():
        migrate.run_alembic_upgrade(conn, revision)
    engine.dispose()


def fill_old_schema(path: Path) -> None:
    """Rows in every table of schema 0001, with children that cascade from ceremonies."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(
        """
        INSERT INTO ceremonies (id, title, held_on, place, venue, organiser, province,
            achievement_year, notes, is_sample, created_at)
        VALUES (1, 'Hội nghị cũ', '2023-01-05', 'Kiến Xương', '', 'UBND huyện', 'Thái Bình',
            2022, '', 0, '2023-01-01 00:00:00');
        INSERT INTO award_forms (id, ceremony_id, code, full_name, short_name, printed_word,
            authority_line, rank, kinds, aliases, page_width_mm, page_height_mm, layout_name)
        VALUES (1, 1, 'tinh', 'Bằng khen của Chủ tịch UBND tỉnh', 'BK tỉnh', 'BẰNG KHEN',
            'CHỦ TỊCH', 32, '["individual", "collective"]', '[]', 420, 297, '');
        INSERT INTO decisions (id, ceremony_id, award_form_id, number, signed_on, authority,
            signer_title, signer_subtitle, signer_name, place)
        VALUES (1, 1, 1, '12/QĐ-UBND', '2022-12-28', '', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'A', 'B');
        INSERT INTO presenters (id, ceremony_id, honorific, name, titles, seniority)
        VALUES (1, 1, 'đồng chí', 'Nguyễn Quang Hưng', '["Ủy viên"]', 1);
        INSERT INTO rounds (id, ceremony_id, number, presenter_id, award_form_id, manual)
        VALUES (1, 1, 1, 1, 1, 1);
        INSERT INTO honourees (id, ceremony_id, kind, name, gender, birth_year, position, unit,
            achievement, award_form_id, decision_id, register_number, representative,
            attendance, substitute_name, round_id, position_on_stage, note, created_at)
        VALUES (1, 1, 'individual', 'Đặng Thị Hoà', 'female', 1980, 'Chuyên viên', 'UBND xã',
                'Xuất sắc', 1, 1, 'S-1', '', 'present', '', 1, 1, '', '2023-01-01 00:00:00'),
               (2, 1, 'collective', 'UBND xã Lê Lợi', NULL, NULL, '', '', '', 1, 1, 'S-2',
                'Ông A', 'present', '', 1, 2, '', '2023-01-01 00:00:00');
        INSERT INTO pledge_documents (id, ceremony_id, kind, title, sections, extra, place, signed_on)
        VALUES (1, 1, 'covenant', 'BẢN GIAO ƯỚC', '[]', '{}', 'Kiến Xương', '2023-01-05');
        INSERT INTO signatories (id, document_id, "order", unit, signer_title, signer_name)
        VALUES (1, 1, 1, 'Phòng Nội vụ', 'TRƯỞNG PHÒNG', 'Nguyễn Văn Tâm');
        """
    )
    conn.commit()
    conn.close()


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def revision_of(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_alembic_scripts():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(
        str(migrate.MIGRATIONS_DIR), version_locations=[str(migrate.MIGRATIONS_DIR / "versions")]
    )
    chain = [s.revision for s in scripts.walk_revisions()][::-1]
    assert tuple(chain) == migrate.KNOWN_REVISIONS
    assert scripts.get_current_head() == migrate.SCHEMA_HEAD


def test_models_and_migrated_schema_agree(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def test_old_store_upgrades_with_every_row_kept(store_path):
    make_store_at(store_path, "0001")
    fill_old_schema(store_path)
    before = counts(store_path)
    assert all(before.values())

    store = open_store(str(store_path))
    store.close()

    assert revision_of(store_path) == migrate.SCHEMA_HEAD
    # The ceremonies table was rebuilt: with foreign keys on, its children would be gone.
    assert counts(store_path) == before
    conn = sqlite3.connect(store_path)
    assert conn.execute("SELECT per_round FROM ceremonies").fetchone() == (10,)
    folds = dict(conn.execute("SELECT id, name_fold FROM honourees").fetchall())
    assert folds == {1: "dang thi hoa", 2: "ubnd xa le loi"}
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    # The verified backup taken first still holds the old schema and every row.
    backups = list(backups_dir(store_path).glob("*.sqlite"))
    assert len(backups) == 1 and "0001" in backups[0].name
    assert revision_of(backups[0]) == "0001"
    assert counts(backups[0]) == before
    assert integrity_problems(backups[0]) == []


def test_store_from_a_newer_version_is_refused_untouched(store_path):
    open_store(str(store_path)).close()
    conn = sqlite3.connect(store_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    before = digest(store_path)
    siblings = sorted(p.name for p in store_path.parent.iterdir())

    with pytest.raises(UserError, match="phiên bản KX Ceremony mới hơn"):
        open_store(str(store_path))

    assert digest(store_path) == before
    assert sorted(p.name for p in store_path.parent.iterdir()) == siblings  # no backup, no WAL


FAILING_REVISION = """
import sqlalchemy as sa
from alembic import op

revision = "9999_fails"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE honourees SET name = 'CHANGED'")
    op.execute("DELETE FROM signatories")
    raise RuntimeError("migration broke halfway")


def downgrade():
    pass
"""


def test_failed_upgrade_leaves_the_store_as_it_was_and_keeps_the_backup(store_path, tmp_path):
    make_store_at(store_path, "0001")
    fill_old_schema(store_path)
    before_counts = counts(store_path)
    extra = tmp_path / "extra_versions"
    extra.mkdir()
    (extra / "9999_fails.py").write_text(
        FAILING_REVISION.replace("{head}", migrate.SCHEMA_HEAD), encoding="utf-8"
    )

    state = migrate.inspect_sqlite_file(store_path)
    from kx_ceremony.core.store import Store, create_store_engine

    url = resolve_url(str(store_path))
    store = Store(url, create_store_engine(url))
    with pytest.raises(StoreError, match="giữ nguyên") as info:
        migrate.upgrade_sqlite(store, state, extra_version_locations=[extra])
    store.close()

    assert revision_of(store_path) == "0001"
    assert counts(store_path) == before_counts
    conn = sqlite3.connect(store_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in conn.execute("PRAGMA table_info(ceremonies)")}
    names = {r[0] for r in conn.execute("SELECT name FROM honourees")}
    conn.close()
    assert "half_done" not in tables
    assert "per_round" not in columns  # 0002 ran inside the same transaction and was undone
    assert names == {"Đặng Thị Hoà", "UBND xã Lê Lợi"}
    backups = list(backups_dir(store_path).glob("*.sqlite"))
    assert len(backups) == 1 and str(backups[0]) in info.value.message
    assert integrity_problems(backups[0]) == [] and counts(backups[0]) == before_counts


def test_new_store_has_the_required_settings(store):
    with store.engine.connect() as conn:

        def pragma(name: str):
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_files_that_are_not_stores_are_refused(tmp_path):
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("đây không phải cơ sở dữ liệu " * 100, encoding="utf-8")
    with pytest.raises(UserError, match="không phải kho dữ liệu KX Ceremony"):
        open_store(str(text_file))

    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(UserError, match="không phải kho KX Ceremony"):
        open_store(str(other))
    assert digest(other) == before


@pytest.mark.parametrize(
    "revision", ["0001", "0002", "3f2a9c1b7d4e", None], ids=["0001", "head", "hex", "empty"]
)
def test_another_programs_alembic_database_is_refused_before_any_write(tmp_path, cli, revision):
    """Any project using Alembic has an alembic_version table, even one named "0001"."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    other = folder / "inventory.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    if revision is not None:
        conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT)")
    conn.execute("INSERT INTO items (label) VALUES ('bàn'), ('ghế')")
    conn.commit()
    conn.close()
    before = digest(other)

    for args in (["ceremonies"], ["demo"], ["check"], ["backup", "-o", str(tmp_path / "b.sqlite")]):
        result = cli(*args, db=other)
        assert result.status == 2, (args, result.out, result.err)
        assert "không phải kho KX Ceremony" in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1

    assert digest(other) == before
    assert sorted(p.name for p in folder.iterdir()) == ["inventory.sqlite"]  # no -wal, -backups
    assert not (tmp_path / "b.sqlite").exists()


def test_store_of_0005_upgrades_with_presenters_as_guests_and_rounds_kept(store_path):
    make_store_at(store_path, "0001")
    fill_old_schema(store_path)
    engine = create_engine(resolve_url(str(store_path)))
    with engine.connect() as conn, conn.begin():
        migrate.run_alembic_upgrade(conn, "0005")
    engine.dispose()
    before = counts(store_path)

    open_store(str(store_path)).close()

    assert revision_of(store_path) == migrate.SCHEMA_HEAD
    assert counts(store_path) == before
    conn = sqlite3.connect(store_path)
    # Every presenter of an old store is a guest, as planning treated them before.
    assert conn.execute("SELECT id, host FROM presenters").fetchall() == [(1, 0)]
    assert conn.execute("SELECT presenter_id FROM rounds").fetchall() == [(1,)]
    for table in ("conference_parts", "award_presenters"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


ORPHANING_REVISION = FAILING_REVISION.replace('"9999_fails"', '"9999_orphans"').replace(
    """    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE honourees SET name = 'CHANGED'")
    op.execute("DELETE FROM signatories")
    raise RuntimeError("migration broke halfway")""",
    """    op.execute("DELETE FROM ceremonies")  # foreign keys are off: children left pointing nowhere""",
)


def test_an_upgrade_that_leaves_broken_links_is_undone(store_path, tmp_path):
    """The foreign-key check after the upgrade, before the commit, is what refuses it."""
    assert "DELETE FROM ceremonies" in ORPHANING_REVISION
    make_store_at(store_path, "0001")
    fill_old_schema(store_path)
    before_counts = counts(store_path)
    extra = tmp_path / "extra_versions"
    extra.mkdir()
    (extra / "9999_orphans.py").write_text(
        ORPHANING_REVISION.replace("{head}", migrate.SCHEMA_HEAD), encoding="utf-8"
    )
    state = migrate.inspect_sqlite_file(store_path)
    from kx_ceremony.core.store import Store, create_store_engine

    url = resolve_url(str(store_path))
    store = Store(url, create_store_engine(url))
    try:
        with pytest.raises(StoreError, match="liên kết"):
            migrate.upgrade_sqlite(store, state, extra_version_locations=[extra])
    finally:
        store.close()
    assert revision_of(store_path) == "0001"
    assert counts(store_path) == before_counts
