"""The ceremony store: engine and sessions, file checks, copies, schema, repair, opening."""

from kx_ceremony.core.store.engine import (
    BUSY_TIMEOUT_MS,
    ENV_DB,
    IMPORT_LOCK_SPACE,
    Store,
    check_integrity,
    create_store_engine,
    lock_ceremony_for_import,
    open_store,
    prepare_store_folder,
    resolve_url,
    sqlite_path,
    store_is_named,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "ENV_DB",
    "IMPORT_LOCK_SPACE",
    "Store",
    "check_integrity",
    "create_store_engine",
    "lock_ceremony_for_import",
    "open_store",
    "prepare_store_folder",
    "resolve_url",
    "sqlite_path",
    "store_is_named",
]
