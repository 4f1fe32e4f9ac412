"""The ceremony store, a package with no import cycle (each module imports only those above):

* ``files``: a store file seen from outside the engine (busy, unreachable, read-only checks);
* ``server``: a PostgreSQL server's settings and failures; ``column_limits``: text lengths;
* ``engine``: the engine, ``Store`` and its unit of work;
* ``copies``: verified copies and automatic backups; ``schema``: versions and upgrades;
* ``repair``: telling and setting aside a damaged file; ``opening``: ``open_store``;
* ``maintenance``: check, backup, restore and recovery; ``window_lock``: one window a store.

The names below are the package's face, as ``core/store.py`` offered them before.
"""

from kx_ceremony.core.store.engine import (
    IMPORT_LOCK_SPACE,
    Store,
    check_integrity,
    create_store_engine,
    lock_ceremony_for_import,
    sqlite_path,
)
from kx_ceremony.core.store.files import BUSY_TIMEOUT_MS
from kx_ceremony.core.store.opening import (
    ENV_DB,
    open_store,
    prepare_store_folder,
    resolve_url,
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
