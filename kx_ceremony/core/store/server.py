"""A store on a PostgreSQL server: connection settings, and what its failures mean.

No command may hang on a server: connecting gives up after ``connect_timeout``; a
statement that the server does not finish in time (it is overloaded, or another PC holds
a lock and has stopped answering) is cancelled by the server itself after
``statement_timeout``; TCP keepalives notice a server or a network that went away. Each
of these ends as one sentence (exit 2), with the transaction rolled back.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from kx_ceremony.core.errors import UserError

if TYPE_CHECKING:
    from kx_ceremony.core.store import Store

ENV_CONNECT_TIMEOUT = "KX_CEREMONY_CONNECT_TIMEOUT"  # seconds
ENV_STATEMENT_TIMEOUT = "KX_CEREMONY_STATEMENT_TIMEOUT"  # seconds
CONNECT_TIMEOUT_S = 10
STATEMENT_TIMEOUT_S = 60
_QUERY_CANCELED = "57014"  # SQLSTATE of a statement cancelled by statement_timeout
_LOCK_NOT_AVAILABLE = "55P03"


def _seconds(env: str, default: float) -> float:
    try:
        value = float(os.environ.get(env, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def statement_timeout_s() -> float:
    return _seconds(ENV_STATEMENT_TIMEOUT, STATEMENT_TIMEOUT_S)


def connect_args(url: URL) -> dict[str, object]:
    """libpq settings: give up connecting in time, and notice a peer that went away."""
    if url.get_backend_name() != "postgresql":
        return {}
    args: dict[str, object] = {
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
    }
    if "connect_timeout" not in url.query:
        args["connect_timeout"] = max(1, round(_seconds(ENV_CONNECT_TIMEOUT, CONNECT_TIMEOUT_S)))
    return args


def install_settings(engine: Engine) -> None:
    """Every new server connection gets the statement timeout."""
    if engine.dialect.name != "postgresql":
        return
    milliseconds = int(statement_timeout_s() * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET statement_timeout = {milliseconds}")
        cursor.close()
        dbapi_connection.autocommit = autocommit


def server_failure(store: Store, exc: DBAPIError, *, writing: bool) -> UserError | None:
    """The sentence for a server that did not answer in time or went away, else None."""
    if store.is_sqlite:
        return None
    unsaved = " Thay đổi vừa rồi chưa được lưu." if writing else ""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in (_QUERY_CANCELED, _LOCK_NOT_AVAILABLE):
        return UserError(
            f"Máy chủ kho dữ liệu {store.describe()} không trả lời kịp (quá "
            f"{statement_timeout_s():g} giây): máy chủ đang quá tải, hoặc một máy khác đang "
            f"giữ dữ liệu này mà chưa xong.{unsaved} Hãy thử lại sau ít phút, hoặc hỏi người "
            "quản trị máy chủ."
        )
    if exc.connection_invalidated:  # SQLAlchemy saw the connection drop
        reason = first_line(exc)
        return UserError(
            f"Mất kết nối tới máy chủ kho dữ liệu {store.describe()} ({reason}).{unsaved} "
            "Hãy kiểm tra mạng và máy chủ rồi thử lại."
        )
    return None


def first_line(exc: DBAPIError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lines = text.strip().splitlines()
    return lines[0] if lines else type(exc.orig or exc).__name__


def check_reachable(store: Store) -> None:
    """A server that is off, a wrong address or password: one sentence, not a traceback."""
    try:
        with store.engine.connect():
            pass
    except OperationalError as exc:
        raise UserError(
            f"Không kết nối được tới máy chủ kho dữ liệu {store.describe()} ({first_line(exc)}). "
            "Hãy kiểm tra địa chỉ, tên đăng nhập, mật khẩu và mạng, hoặc hỏi người quản trị máy chủ."
        ) from exc
