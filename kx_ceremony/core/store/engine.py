"""The ceremony store: engine, sessions, SQLite settings, and opening a store safely.

Opening a store checks, before touching the file, that this version can read it; a store
with an older schema is upgraded only after a verified backup (see ``migrate.py``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kx_ceremony.core import redact
from kx_ceremony.core.errors import StoreError, UserError
from kx_ceremony.core.paths import default_store_path, file_in_the_way
from kx_ceremony.core.store import column_limits as text_limits
from kx_ceremony.core.store import server
from kx_ceremony.core.store.files import StoreBusy, StoreUnreachable, is_busy

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
ENV_DB = "KX_CEREMONY_DB"


def resolve_url(db: str | None) -> URL:
    """--db or KX_CEREMONY_DB (a file path or an SQLAlchemy URL), else the default file."""
    value = db or os.environ.get(ENV_DB) or str(default_store_path())
    if "://" in value:
        return _parse_server_url(value)
    path = Path(value).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def _parse_server_url(value: str) -> URL:
    """A server address; its password is hidden from every message and log from now on."""
    authority = value.split("://", 1)[1].split("/", 1)[0]
    if "@" in authority:
        redact.remember(authority.rsplit("@", 1)[0].partition(":")[2])
    try:
        url = make_url(value)
    except Exception as exc:  # noqa: BLE001 - any parse failure is the user's URL
        raise UserError(_bad_url_message(value)) from exc
    redact.remember(url.password if isinstance(url.password, str) else None)
    for key in ("password", "passwd", "pwd"):
        found = url.query.get(key)
        for secret in (found,) if isinstance(found, str) else found or ():
            redact.remember(secret)
    if authority.count("@") > 1:  # a password with an unencoded "@": the host would be wrong
        raise UserError(_bad_url_message(value))
    return url


def _bad_url_message(value: str) -> str:
    return (
        f"Địa chỉ kho dữ liệu {redact.mask(value)} không hợp lệ. Hãy viết theo dạng "
        f"{redact.URL_FORM}; ký tự đặc biệt trong mật khẩu viết dạng %XX (ví dụ @ là %40, "
        "/ là %2F, : là %3A)."
    )


def store_is_named(db: str | None) -> bool:
    """True when the user named the store (--db or KX_CEREMONY_DB), not the default one."""
    return bool(db or os.environ.get(ENV_DB))


def prepare_store_folder(path: Path, *, named: bool) -> None:
    """Make sure a new store file can be created at ``path``.

    Only the default store's folder is created silently; a folder named by the user that
    does not exist is most likely a typing mistake, and a new empty store there would
    look like a lost list, so it is refused.
    """
    folder = path.parent
    if folder.is_dir():
        return
    blocker = file_in_the_way(folder)
    if blocker is not None:
        raise UserError(
            f"Không tạo được kho dữ liệu {path}: {blocker} là một tệp, không phải thư mục. "
            "Hãy kiểm tra lại đường dẫn kho dữ liệu."
        )
    if named:
        raise UserError(
            f"Không có thư mục {folder} để đặt kho dữ liệu {path.name}; chương trình không tạo "
            "kho mới ở đó. Hãy kiểm tra lại đường dẫn ở --db (hoặc biến KX_CEREMONY_DB), "
            "hoặc tạo thư mục đó trước nếu muốn lập kho mới."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnreachable(path, exc.strerror or exc, writing=True) from exc


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory stores."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _install_sqlite_settings(engine: Engine) -> None:
    """Pragmas on every connection, and transactions we begin ourselves.

    pysqlite's own transaction handling does not wrap DDL, so migrations would not roll
    back; we switch it off and emit BEGIN (IMMEDIATE for writes, so two writers wait for
    each other instead of failing halfway).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        mode = connection.get_execution_options().get("kx_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def create_store_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        _install_sqlite_settings(engine)
        return engine
    engine = create_engine(url, pool_pre_ping=True, connect_args=server.connect_args(url))
    server.install_settings(engine)  # timeouts: a server that is off or stuck never hangs us
    return engine


@dataclass
class Store:
    """An open store. Services take one of these and run one transaction per use case."""

    url: URL
    engine: Engine

    def __post_init__(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(kx_begin="IMMEDIATE"), expire_on_commit=False
        )
        text_limits.install(self._write)
        text_limits.install(self._read)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def describe(self) -> str:
        if self.path:
            return str(self.path)
        return redact.mask(self.url.render_as_string(hide_password=True))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back everything on error."""
        with _friendly_db_errors(self, writing=True), self._write() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only view of the store, consistent for the whole block."""
        with _friendly_db_errors(self, writing=False), self._read() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


# The first key of the advisory locks taken on imports (the second is the ceremony id), so
# that they never meet another program's advisory locks on the same server.
IMPORT_LOCK_SPACE = 0x4B58  # "KX"


def lock_ceremony_for_import(session: Session, ceremony_id: int) -> None:
    """Let one import into a ceremony at a time write; call first in the write transaction.

    Two PCs importing the same file into a server store would each find no duplicate
    (neither sees the other's uncommitted rows) and both store everyone. On PostgreSQL the
    second waits here for the first to commit (a transaction-level advisory lock, freed
    at commit or rollback, even if the PC dies), then its duplicate check sees the first
    one's rows and refuses. On SQLite the write transaction (BEGIN IMMEDIATE) already
    admits one writer at a time.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:space, :ceremony)"),
            {"space": IMPORT_LOCK_SPACE, "ceremony": ceremony_id},
        )


@contextmanager
def _friendly_db_errors(store: Store, *, writing: bool) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        if is_busy(exc):
            raise StoreBusy(store.describe(), unsaved=writing) from exc
        failure = server.server_failure(store, exc, writing=writing)
        if failure is not None:
            raise failure from exc
        text = str(exc.orig).lower()
        if "disk" in text or "i/o" in text or "readonly" in text or "read-only" in text:
            raise StoreError(
                f"Không ghi được vào kho dữ liệu {store.describe()} ({exc.orig}); thay đổi "
                "vừa rồi chưa được lưu. Hãy kiểm tra ổ đĩa và quyền ghi rồi thử lại."
            ) from exc
        raise
    except DBAPIError as exc:
        failure = server.server_failure(store, exc, writing=writing)
        if failure is not None:
            raise failure from exc
        if isinstance(exc.orig, sqlite3.DatabaseError) and "malformed" in str(exc.orig):
            raise StoreError(
                f"Kho dữ liệu {store.describe()} bị hỏng ({exc.orig}). Hãy khôi phục từ bản "
                "sao lưu gần nhất (lệnh restore hoặc menu Tệp › Khôi phục)."
            ) from exc
        raise


def open_store(db: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (creating if needed) the store named by --db / KX_CEREMONY_DB / the default.

    Refuses, without touching the file, a damaged store (naming the backup to restore), a
    store written by a newer version or a file that is not a KX Ceremony store; upgrades
    an older store after a verified backup.
    """
    from kx_ceremony.core.store import repair as recovery
    from kx_ceremony.core.store import schema as migrate

    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        recovery.refuse_if_damaged(path)  # a cut-short or garbled file, with a backup named
        state = migrate.inspect_sqlite_file(path)
        if not state.is_current:
            if not upgrade:
                raise StoreError(f"Kho dữ liệu {path} cần được nâng cấp trước khi dùng.")
            prepare_store_folder(path, named=store_is_named(db))
        store = Store(url, create_store_engine(url))
        if not state.is_current:
            try:
                migrate.upgrade_sqlite(store, state)
            except BaseException:
                store.close()
                raise
        return store
    store = Store(url, server.server_engine(url))
    try:
        server.check_reachable(store)
        if upgrade:
            with _friendly_db_errors(store, writing=True):
                migrate.upgrade_server(store)
    except BaseException:
        store.close()
        raise
    return store


def check_integrity(store: Store) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks ([] when all is well)."""
    if not store.is_sqlite:
        return []
    problems: list[str] = []
    with store.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.extend(rows)
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"bảng {table} dòng {rowid} trỏ tới {parent} không còn tồn tại")
    return problems
