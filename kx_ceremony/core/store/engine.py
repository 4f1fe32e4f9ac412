"""The engine and its sessions: SQLite settings, server settings, friendly database errors.

``Store.transaction()`` is the unit of work every service writes through; opening a store
(the checks before the engine touches a file) is ``opening.py``.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kx_ceremony.core import redact
from kx_ceremony.core.errors import StoreError, UserError
from kx_ceremony.core.store import column_limits as text_limits
from kx_ceremony.core.store import files, journal, server, written
from kx_ceremony.core.store.files import StoreBusy, foreign_key_problems, is_busy, page_problems

log = logging.getLogger(__name__)


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
        cursor.execute(f"PRAGMA busy_timeout = {files.BUSY_TIMEOUT_MS}")
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
            connect_args={"timeout": files.busy_timeout_s(), "check_same_thread": False},
        )
        _install_sqlite_settings(engine)
        return engine
    engine = create_engine(url, pool_pre_ping=True, connect_args=server.connect_args(url))
    server.install_settings(engine)  # timeouts: a server that is off or stuck never hangs us
    return engine


def server_engine(url: URL) -> Engine:
    """The engine for a database server; a driver or dialect we lack is said plainly."""
    shown = redact.mask(url.render_as_string(hide_password=True))
    try:
        return create_store_engine(url)
    except (ModuleNotFoundError, NoSuchModuleError) as exc:
        raise UserError(
            f"Không mở được kho dữ liệu {shown}: thiếu trình điều khiển cho loại cơ sở dữ liệu "
            "này. KX Ceremony dùng máy chủ PostgreSQL qua địa chỉ postgresql+psycopg://...; "
            'nếu đã dùng đúng địa chỉ đó, hãy cài bản cho máy chủ (pip install "kx-ceremony[server]").'
        ) from exc


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
        written.install(self._write)
        journal.install(self._write)
        self._listeners: list[Callable[[written.Written], None]] = []
        self._journal_listeners: list[Callable[[journal.Journal], None]] = []

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
    def transaction(self, *, journal_kept: bool = True) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back everything on error.

        Once committed, the listeners hear what it wrote (``written.py``) and, while anyone
        keeps the journals (the window's undo), the rows it changed (``journal.py``);
        ``journal_kept=False`` for the writes that are not edits (undo and redo themselves).
        """
        with friendly_db_errors(self, writing=True), self._write() as session:
            if journal_kept and self._journal_listeners:
                journal.start(session)
            with session.begin():
                yield session
            done = written.take_written(session)
            kept = journal.take(session)
        if done:
            _tell(self._listeners, done, "the screens may show this change late")
        if kept is not None and kept.changes:
            _tell(self._journal_listeners, kept, "Hoàn tác will not offer this change")

    def keep_journals(self, listener: Callable[[journal.Journal], None]) -> Callable[[], None]:
        """Give ``listener`` the journal of every committed write transaction (rows before
        and after); returns the function that stops it. It may be called from a worker."""
        return _subscribe(self._journal_listeners, listener)

    def listen(self, listener: Callable[[written.Written], None]) -> Callable[[], None]:
        """Call ``listener`` after every committed transaction that wrote something; returns
        the function that stops it. It may be called from a worker thread."""
        return _subscribe(self._listeners, listener)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only view of the store, consistent for the whole block."""
        with friendly_db_errors(self, writing=False), self._read() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _subscribe(listeners: list[Callable[[Any], None]], listener: Callable[[Any], None]):  # type: ignore[no-untyped-def]
    listeners.append(listener)
    return lambda: listeners.remove(listener) if listener in listeners else None


def _tell(listeners: list[Callable[[Any], None]], news: object, otherwise: str) -> None:
    """Hand a committed transaction's news to each listener. The change is saved whatever
    a listener does: its failure is logged with what it costs (``otherwise``), never
    raised into the caller, whose save succeeded."""
    for listener in list(listeners):
        try:
            listener(news)
        except RuntimeError as exc:  # a Qt object deleted without stopping its listener
            if "already deleted" not in str(exc):
                log.exception("a store listener failed: the change is saved; %s", otherwise)
                continue
            log.warning("a store listener belongs to a closed window; it is dropped: %s", exc)
            if listener in listeners:
                listeners.remove(listener)
        except Exception:  # noqa: BLE001 - a listener is the window's code: any failure
            log.exception("a store listener failed: the change is saved; %s", otherwise)


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
def friendly_db_errors(store: Store, *, writing: bool) -> Iterator[None]:
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


def check_integrity(store: Store) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks ([] when all is well)."""
    if not store.is_sqlite:
        return []
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        return page_problems(raw) + foreign_key_problems(raw)
