"""Schema versions: telling what a store holds, and upgrading it without losing a row.

An upgrade of a SQLite store runs only after a verified backup copy, in one transaction,
with foreign keys off (a batch migration recreates tables, and with cascades on, dropping
a parent table would silently delete its children), and ``foreign_key_check`` must find
nothing before the commit. Any failure rolls everything back and keeps the backup.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from kx_ceremony.core.errors import StoreError, UserError
from kx_ceremony.core.store.copies import automatic_backup
from kx_ceremony.core.store.engine import Store, create_store_engine
from kx_ceremony.core.store.files import StoreUnreachable, is_access_problem, reading_file

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# Every schema revision this version knows, oldest first. A test keeps this list equal to
# the Alembic scripts, so opening a current store never has to load Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0005", "0007", "0006", "0009")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
# The tables every KX Ceremony store has had since the first revision. Another program's
# database may well carry an ``alembic_version`` table (any project using Alembic does),
# even with a revision named "0001": without these tables it is not ours.
STORE_TABLES = frozenset(
    {
        "ceremonies",
        "award_forms",
        "decisions",
        "honourees",
        "presenters",
        "rounds",
        "pledge_documents",
        "signatories",
    }
)


@dataclass(frozen=True)
class StoreState:
    path: Path
    revision: str | None  # None: a new, empty store

    @property
    def is_current(self) -> bool:
        return self.revision == SCHEMA_HEAD


def inspect_sqlite_file(path: Path) -> StoreState:
    """Read the schema version without changing a byte; refuse what we cannot open.

    Refused before anything is written: a file that is not a database, another program's
    database (even one with an ``alembic_version`` table), a store of a newer version.
    """
    if not path.exists() or path.stat().st_size == 0:
        return StoreState(path, None)
    if path.is_dir():
        raise UserError(
            f"{path} là một thư mục, không phải tệp kho dữ liệu. Hãy chọn một tệp .sqlite."
        )
    try:
        with reading_file(path) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise UserError(
            f"Tệp {path} không phải kho dữ liệu KX Ceremony hoặc đã bị hỏng ({exc}). "
            "Hãy chọn đúng tệp, hoặc khôi phục từ bản sao lưu."
        ) from exc
    if (revision is None and tables) or (revision is not None and STORE_TABLES - tables):
        raise UserError(
            f"Tệp {path} là một cơ sở dữ liệu SQLite khác, không phải kho KX Ceremony. "
            "Hãy chọn đúng tệp kho dữ liệu."
        )
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise UserError(
            f"Kho dữ liệu {path} do một phiên bản KX Ceremony mới hơn tạo ra (lược đồ {revision}). "
            "Hãy cài phiên bản mới hơn để mở; kho không bị thay đổi."
        )
    return StoreState(path, revision)


def _alembic_config(connection, extra_version_locations: list[Path] | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    locations = [MIGRATIONS_DIR / "versions", *(extra_version_locations or [])]
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", os.pathsep.join(str(p) for p in locations))
    cfg.attributes["connection"] = connection
    return cfg


def run_alembic_upgrade(connection, target: str = "head", extra: list[Path] | None = None) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    command.upgrade(_alembic_config(connection, extra), target)


def upgrade_sqlite(
    store: Store,
    state: StoreState,
    *,
    target: str = "head",
    extra_version_locations: list[Path] | None = None,
) -> Path | None:
    """Upgrade a SQLite store to ``target``; returns the backup made first (if any)."""
    path = state.path
    backup: Path | None = None
    if state.revision is not None:
        backup = automatic_backup(path, f"before-upgrade-from-{state.revision}")
        log.info("backed up %s to %s before upgrading", path, backup)
    # A private engine: the pragma below must not leak into the store's pool.
    engine = create_store_engine(store.url)
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            raw.execute("PRAGMA foreign_keys = OFF")  # outside any transaction, or it is ignored
            try:
                with conn.begin():
                    run_alembic_upgrade(conn, target, extra_version_locations)
                    broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                    if broken:
                        raise StoreError(
                            f"Nâng cấp kho dữ liệu {path} làm hỏng {len(broken)} liên kết; đã hủy, "
                            "kho giữ nguyên."
                        )
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
    except (StoreError, UserError):
        raise
    except Exception as exc:
        if is_access_problem(exc) or isinstance(exc, PermissionError):
            log.info("cannot write the store %s: %s", path, exc)
            raise StoreUnreachable(path, getattr(exc, "orig", None) or exc, writing=True) from exc
        log.exception("upgrade of %s failed", path)
        where = f" Bản sao lưu trước khi nâng cấp: {backup}." if backup else ""
        raise StoreError(
            f"Không nâng cấp được kho dữ liệu {path}; mọi thay đổi đã được hoàn tác, "
            f"kho giữ nguyên.{where}"
        ) from exc
    finally:
        engine.dispose()
    return backup


def upgrade_server(store: Store) -> None:
    """Upgrade a database server's schema (PostgreSQL): one transaction, DDL included."""
    with store.engine.connect() as conn, conn.begin():
        row = None
        if conn.dialect.has_table(conn, "alembic_version"):
            row = conn.execute(text("SELECT version_num FROM alembic_version")).fetchone()
        revision = row[0] if row else None
        if revision == SCHEMA_HEAD:
            return
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise UserError(
                f"Kho dữ liệu {store.describe()} do một phiên bản KX Ceremony mới hơn tạo ra "
                f"(lược đồ {revision}). Hãy cài phiên bản mới hơn; kho không bị thay đổi."
            )
        run_alembic_upgrade(conn)
