"""A journal of the rows one transaction changed, so that it can be undone and redone.

While a write session carries a journal (``start``), every row it adds, changes or
removes is noted in the order the database saw it: added rows whole, as the database
stored them; removed rows whole; changed rows as the columns that changed, before and
after. Rows the database itself changes when a row is removed (``ON DELETE CASCADE`` /
``SET NULL``) are noted too, just before the row that caused them. The ORM's own writes
are seen through its mapper events, bulk ``UPDATE`` / ``DELETE`` statements through the
session's statements (the rows they touch are read before and after); a write the journal
cannot see (an ``INSERT`` statement, the import's fast path) marks it ``complete=False``,
and such a journal is never offered for undo.

``apply`` plays a journal backwards (undo) or forwards again (redo) in the caller's
transaction, first checking that each row is still as the journal left it: a row changed
since by someone else (another PC, a print run) refuses the whole step, never overwrites.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, MetaData, Table, event, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.base import NO_VALUE
from sqlalchemy.sql.elements import ClauseElement

from kx_ceremony.core.store.written import note_written

_KEY = "kx_journal"
# A transaction that changes more rows than this is not kept for undo (deleting a whole
# ceremony, replanning a huge list): past it, the journal stops reading rows.
MAX_ROWS = 20_000


@dataclass(frozen=True)
class RowChange:
    """One row's change: ``before`` None = added, ``after`` None = removed; for a changed
    row both hold only the columns that changed. ``cascade``: made by the database's
    foreign keys, not asked for. ``name``: the row's name or full_name, when it has one;
    ``ceremony_id``: the ceremony the row belongs to (a ceremony's own row: its id)."""

    table: str
    key: Any
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    cascade: bool = False
    name: str = ""
    ceremony_id: int | None = None

    @property
    def kind(self) -> str:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"


@dataclass
class Journal:
    changes: list[RowChange] = field(default_factory=list)
    complete: bool = True
    label: str = ""  # what the writer calls the step ("nhập 25 người nhận từ «…»"), if it says

    def add(self, change: RowChange) -> None:
        self.changes.append(change)
        if len(self.changes) > MAX_ROWS:
            self.complete = False
            self.changes.clear()


class JournalConflict(Exception):
    """A row is no longer as the journal left it; nothing was applied."""

    def __init__(self, change: RowChange) -> None:
        super().__init__(f"{change.table} #{change.key}")
        self.change = change


def start(session: Session) -> None:
    """Keep a journal of what this session's transaction writes."""
    session.info[_KEY] = Journal()


def take(session: Session) -> Journal | None:
    """The session's journal (None if it kept none), and forget it."""
    return session.info.pop(_KEY, None)


def mark_incomplete(session: Session) -> None:
    """A write the journal cannot see (the import's fast path): never offer it for undo."""
    journal = session.info.get(_KEY)
    if journal is not None:
        journal.complete = False


def keeping(session: Session) -> bool:
    """Whether this session's writes are being journalled (someone will offer undo)."""
    journal = session.info.get(_KEY)
    return journal is not None and journal.complete


def name_step(session: Session, label: str) -> None:
    """Name the step this transaction makes, instead of the name read from its rows."""
    journal = session.info.get(_KEY)
    if journal is not None:
        journal.label = label


def note_added(session: Session, table: Table, keys: Sequence[Any]) -> None:
    """Rows added behind the session's back (the import's fast path), read back whole."""
    journal = session.info.get(_KEY)
    if journal is None or not journal.complete:
        return
    if len(journal.changes) + len(keys) > MAX_ROWS:
        journal.complete = False
        journal.changes.clear()
        return
    conn = session.connection()
    key_column = _key_column(table)
    keys = sorted(keys)
    for start in range(0, len(keys), 500):
        query = select(table).where(key_column.in_(keys[start : start + 500])).order_by(key_column)
        for found in conn.execute(query).mappings():
            row = dict(found)
            journal.add(RowChange(table.name, row[key_column.name], None, row, **_hints(table, row)))


def _journal_of(target: object) -> Journal | None:
    """The journal still being kept for the session ``target`` belongs to."""
    session = inspect(target).session
    journal = None if session is None else session.info.get(_KEY)
    return journal if journal is not None and journal.complete else None


def _key_column(table: Table) -> Any:
    (column,) = table.primary_key.columns  # every table of the store has one "id"
    return column


def _name(row: Mapping[str, Any]) -> str:
    return str(row.get("name") or row.get("full_name") or row.get("number") or "")


def _hints(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """What a step's label and owner are read from: the row's name and ceremony."""
    owner = row.get("id") if table.name == "ceremonies" else row.get("ceremony_id")
    return {"name": _name(row), "ceremony_id": owner}


def _row(conn: Connection, table: Table, key: Any) -> dict[str, Any] | None:
    found = conn.execute(select(table).where(_key_column(table) == key)).mappings().first()
    return None if found is None else dict(found)


# -- capture -------------------------------------------------------------------------
def _after_insert(mapper: Mapper[Any], conn: Connection, target: object) -> None:
    journal = _journal_of(target)
    if journal is None:
        return
    table = mapper.local_table
    key = mapper.primary_key_from_instance(target)[0]
    row = _row(conn, table, key)  # server defaults included, as stored
    if row is not None:
        journal.add(RowChange(table.name, key, None, row, **_hints(table, row)))


def _before_update(mapper: Mapper[Any], conn: Connection, target: object) -> None:
    journal = _journal_of(target)
    if journal is None:
        return
    state = inspect(target)
    table = mapper.local_table
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    unknown: list[str] = []
    for attr_key, old in state.committed_state.items():
        prop = mapper.attrs.get(attr_key)
        columns = getattr(prop, "columns", None)
        if not columns or columns[0].table is not table:
            continue
        name = columns[0].name
        new = state.dict.get(attr_key)
        if isinstance(new, ClauseElement):  # computed by the database: not known here
            journal.complete = False
            return
        if old is NO_VALUE:
            unknown.append(name)
        elif old != new:
            before[name] = old
        else:
            continue
        after[name] = new
    key = mapper.primary_key_from_instance(target)[0]
    if unknown:  # set without being read first: ask the database what it held
        stored = _row(conn, table, key) or {}
        for name in unknown:
            if stored.get(name) != after[name]:
                before[name] = stored.get(name)
            else:
                del after[name]
    if before:
        journal.add(
            RowChange(table.name, key, before, after, **_hints(table, {"id": key, **state.dict}))
        )


def _before_delete(mapper: Mapper[Any], conn: Connection, target: object) -> None:
    journal = _journal_of(target)
    if journal is None:
        return
    table = mapper.local_table
    key = mapper.primary_key_from_instance(target)[0]
    row = _row(conn, table, key)
    if row is not None:
        _note_removed(journal, conn, table, row, cascade=False)


@functools.cache
def _referrers(table: Table) -> tuple[tuple[Table, Any, str], ...]:
    """(table, column, "CASCADE" | "SET NULL") for each foreign key the database acts on
    when a row of ``table`` is removed: found once per table, not once per row."""
    return tuple(
        (other, fk.parent, (fk.ondelete or "").upper())
        for other in table.metadata.sorted_tables
        for fk in other.foreign_keys
        if fk.column.table is table and (fk.ondelete or "").upper() in {"CASCADE", "SET NULL"}
    )


def _note_removed(
    journal: Journal, conn: Connection, table: Table, row: dict[str, Any], *, cascade: bool
) -> None:
    """The row's removal, after what the database will do to the rows that point at it."""
    if not journal.complete:
        return
    key = row[_key_column(table).name]
    for other, column, action in _referrers(table):
        for child in conn.execute(select(other).where(column == key)).mappings():
            child = dict(child)
            if action == "CASCADE":
                _note_removed(journal, conn, other, child, cascade=True)
            else:
                journal.add(
                    RowChange(
                        other.name,
                        child[_key_column(other).name],
                        {column.name: key},
                        {column.name: None},
                        cascade=True,
                        **_hints(other, child),
                    )
                )
    journal.add(RowChange(table.name, key, row, None, cascade=cascade, **_hints(table, row)))


def _on_execute(state: ORMExecuteState) -> Any:
    """Bulk UPDATE / DELETE statements: the rows they touch, read before and after."""
    journal = state.session.info.get(_KEY)
    if (
        journal is None
        or not journal.complete
        or not (state.is_insert or state.is_update or state.is_delete)
    ):
        return None
    table = getattr(state.statement, "table", None)
    if state.is_insert or not isinstance(table, Table):
        journal.complete = False
        return None
    conn = state.session.connection()
    query = select(table)
    if state.statement.whereclause is not None:
        query = query.where(state.statement.whereclause)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    key_column = _key_column(table)
    if state.is_delete:
        for row in rows:
            _note_removed(journal, conn, table, row, cascade=False)
        return state.invoke_statement()
    result = state.invoke_statement()
    keys = [row[key_column.name] for row in rows]
    now = {
        r[key_column.name]: dict(r)
        for start in range(0, len(keys), 500)
        for r in conn.execute(select(table).where(key_column.in_(keys[start : start + 500])))
        .mappings()
        .all()
    }
    for row in rows:
        key = row[key_column.name]
        new = now.get(key, {})
        before = {c: v for c, v in row.items() if new.get(c) != v}
        if before:
            after = {c: new.get(c) for c in before}
            journal.add(RowChange(table.name, key, before, after, **_hints(table, row)))
    return result


_installed = threading.Lock()
_mapper_events_on = False


def install(factory: sessionmaker[Session]) -> None:
    """Let the sessions ``factory`` makes keep journals (only those given one by ``start``
    pay for it)."""
    global _mapper_events_on
    event.listen(factory, "do_orm_execute", _on_execute)
    with _installed:
        if not _mapper_events_on:
            event.listen(Mapper, "after_insert", _after_insert)
            event.listen(Mapper, "before_update", _before_update)
            event.listen(Mapper, "before_delete", _before_delete)
            _mapper_events_on = True


# -- replay --------------------------------------------------------------------------
def apply(
    session: Session, changes: Sequence[RowChange], metadata: MetaData, *, backwards: bool
) -> None:
    """Undo (``backwards``) or redo ``changes`` in the session's transaction.

    Each row must still be as the journal left it (after it, for undo; before it, for
    redo); otherwise ``JournalConflict`` is raised and the caller rolls back.
    """
    conn = session.connection()
    for change in reversed(changes) if backwards else changes:
        was, becomes = (change.after, change.before) if backwards else (change.before, change.after)
        table = metadata.tables[change.table]
        where = _key_column(table) == change.key
        note_written(session, table.name)  # the screens hear of it as of any other write
        current = _row(conn, table, change.key)
        try:
            if was is None:
                if current is not None:
                    raise JournalConflict(change)
                conn.execute(table.insert().values(**dict(becomes or {})))
            elif current is None or any(current.get(c) != v for c, v in was.items()):
                raise JournalConflict(change)
            elif becomes is None:
                conn.execute(table.delete().where(where))
            else:
                conn.execute(table.update().where(where).values(**dict(becomes)))
        except IntegrityError as exc:  # a unique name or a missing row taken meanwhile
            raise JournalConflict(change) from exc
