"""Opening a store: where it is, and the checks made before the engine touches its file.

Opening a store checks, before touching the file, that this version can read it; a store
with an older schema is upgraded only after a verified backup (see ``schema.py``), and a
damaged one is refused naming the backup to restore (see ``repair.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from kx_ceremony.core import redact
from kx_ceremony.core.errors import StoreError, UserError
from kx_ceremony.core.paths import default_store_path, file_in_the_way
from kx_ceremony.core.store import repair, schema, server
from kx_ceremony.core.store.engine import (
    Store,
    create_store_engine,
    friendly_db_errors,
    server_engine,
    sqlite_path,
)
from kx_ceremony.core.store.files import StoreUnreachable

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


def open_store(db: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (creating if needed) the store named by --db / KX_CEREMONY_DB / the default.

    Refuses, without touching the file, a damaged store (naming the backup to restore), a
    store written by a newer version or a file that is not a KX Ceremony store; upgrades
    an older store after a verified backup.
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    if path is not None:
        repair.refuse_if_damaged(path)  # a cut-short or garbled file, with a backup named
        state = schema.inspect_sqlite_file(path)
        if not state.is_current:
            if not upgrade:
                raise StoreError(f"Kho dữ liệu {path} cần được nâng cấp trước khi dùng.")
            prepare_store_folder(path, named=store_is_named(db))
        store = Store(url, create_store_engine(url))
        if not state.is_current:
            try:
                schema.upgrade_sqlite(store, state)
            except BaseException:
                store.close()
                raise
        return store
    store = Store(url, server_engine(url))
    try:
        server.check_reachable(store)
        if upgrade:
            with friendly_db_errors(store, writing=True):
                schema.upgrade_server(store)
    except BaseException:
        store.close()
        raise
    return store
