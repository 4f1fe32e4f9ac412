"""Storing a whole list in one SQLite table quickly, with the table's rules unchanged.

Two costs dominate an import's SQLite insert when it goes row by row:

* per statement: SQLite runs the statement once per row, and a CHECK constraint of the
  form ``kind IN ('a', 'b', 'c')`` builds its little lookup table on every run. So rows
  go many to a statement (``INSERT … VALUES (…), (…), …``): the same rows, in the same
  order, through the same constraints, at a fraction of the statements.
* per index: each row's key is placed in every secondary index, one by one. For a bulk
  that at least doubles the table, the plain indexes are dropped for the insert and
  built again after it, within the same transaction (``bulk_indexes``).

SQLite only; other stores insert through SQLAlchemy as usual (storing.insert_rows).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import chain

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

ROWS_PER_STATEMENT = 100  # fewer when the SQLite library allows fewer parameters
# A bulk of at least this many rows into a table that holds fewer rows than it brings
# drops the table's plain indexes and builds them again once all rows are in: sorting
# the keys once is cheaper than placing each key in every index, row by row.
BULK_INDEX_ROWS = 5000
BULK_CACHE_KIB = 64 * 1024  # SQLite's page cache during such a bulk (its default: 2 MB)


def insert_many(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """INSERT ``rows`` (value tuples in the order of ``columns``), in their order."""
    one = f"({', '.join('?' for _ in columns)})"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    per = _rows_per_statement(conn, len(columns))
    full = len(rows) - len(rows) % per if per > 1 else 0
    if full:
        conn.exec_driver_sql(
            head + ", ".join([one] * per),
            [tuple(chain.from_iterable(rows[at : at + per])) for at in range(0, full, per)],
        )
    if full < len(rows):
        conn.exec_driver_sql(head + one, [tuple(r) for r in rows[full:]])


def _rows_per_statement(conn: Connection, width: int) -> int:
    limit = 999  # SQLite's limit on parameters before 3.32
    getlimit = getattr(conn.connection.driver_connection, "getlimit", None)
    if getlimit is not None:  # Python 3.11+
        limit = getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_STATEMENT, limit // max(width, 1)))


@contextmanager
def bulk_indexes(conn: Connection, table: str, count: int) -> Iterator[None]:
    """The block inserts ``count`` rows into ``table`` within the open transaction.

    On SQLite, for a bulk as described at BULK_INDEX_ROWS, the table's plain (not
    unique) indexes are dropped before the block and created again after it, from the
    very SQL that made them, in the same transaction: a failure or a kill rolls the drop
    back with the rows, and no other connection ever sees the table without them (they
    read the last commit). A unique index is never dropped, so it refuses what it
    refuses, row by row. Other stores, and smaller bulks, insert as usual.
    """
    if conn.dialect.name != "sqlite" or count < BULK_INDEX_ROWS:
        yield
        return
    if conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one() >= count:
        yield
        return
    plain = {
        row[1]
        for row in conn.exec_driver_sql(f'PRAGMA index_list("{table}")')
        if row[2] == 0 and row[3] == "c"  # not unique, made by CREATE INDEX
    }
    indexes = [
        (name, sql)
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name",
            (table,),
        )
        if name in plain
    ]
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        yield
        for _, sql in indexes:
            conn.exec_driver_sql(sql)
    finally:
        # Back to the connection's own cache; a store that fails here fails the import
        # anyway (or already did): that first failure is the one to report.
        with contextlib.suppress(DBAPIError):
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache)}")
