"""The longest text each column holds, refused alike on every kind of store.

PostgreSQL refuses a value longer than its column (VARCHAR(n)) with a database error;
SQLite would quietly keep it, so a list that works on one PC would fail on the server.
Both refuse it the same way, before writing, with one plain sentence naming the field:
every object a service saves is checked when its session flushes (``install``), and
bulk inserts that bypass the objects call ``require_fit``. The limits are the model's
own ``String(n)`` lengths, so there is nothing to keep in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from operator import itemgetter

from sqlalchemy import String, Table, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from kx_ceremony.core.errors import UserError

_LABELS = {
    "title": "Tên",
    "name": "Họ và tên / tên tập thể",
    "name_fold": "Họ và tên / tên tập thể",
    "full_name": "Tên đầy đủ",
    "short_name": "Tên viết tắt",
    "code": "Mã",
    "printed_word": "Chữ in trên bằng",
    "authority_line": "Dòng cơ quan",
    "authority": "Cơ quan",
    "layout_name": "Tên mẫu in",
    "number": "Số quyết định",
    "signer_title": "Chức vụ người ký",
    "signer_subtitle": "Dòng dưới chức vụ người ký",
    "signer_name": "Tên người ký",
    "place": "Địa danh",
    "venue": "Địa điểm",
    "organiser": "Đơn vị tổ chức",
    "province": "Tỉnh / thành phố",
    "position": "Chức vụ",
    "unit": "Đơn vị",
    "register_number": "Số vào sổ",
    "representative": "Người đại diện",
    "substitute_name": "Người nhận thay",
    "honorific": "Danh xưng",
    "kind": "Loại",
    "gender": "Giới tính",
    "attendance": "Có mặt / vắng",
}


@cache
def _limits(table: Table) -> tuple[tuple[str, int], ...]:
    """(column name, length) for each text column of ``table`` that has a length."""
    return tuple(
        (column.name, column.type.length)
        for column in table.columns
        if isinstance(column.type, String) and column.type.length
    )


def _refusal(name: str, value: str, limit: int) -> UserError:
    shown = value if len(value) <= 40 else value[:40] + "…"
    label = _LABELS.get(name, name)
    return UserError(
        f"{label} dài {len(value)} ký tự, quá giới hạn {limit} ký tự («{shown}»); chưa lưu gì. "
        "Hãy rút gọn rồi thử lại.",
        field=name,
    )


def require_fit(table: Table, rows: Iterable[Mapping[str, object]]) -> None:
    """Refuse the first value in ``rows`` (column name → value) too long for ``table``."""
    limits = _limits(table)
    for row in rows:
        for name, limit in limits:
            value = row.get(name)
            if isinstance(value, str) and len(value) > limit:
                raise _refusal(name, value, limit)


def require_fit_columns(
    table: Table, names: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """require_fit for rows given as value tuples in the order of ``names``. The longest
    text of each column is measured in one C-level pass; only a list that holds a text too
    long is walked row by row, so the refusal names the same first value as require_fit."""
    at = {name: i for i, name in enumerate(names)}
    try:
        fits = all(
            max(map(len, filter(None, map(itemgetter(at[name]), rows))), default=0) <= limit
            for name, limit in _limits(table)
            if name in at
        )
    except TypeError:  # a value that is not text where text is kept: check one by one
        fits = False
    if not fits:
        require_fit(table, (dict(zip(names, row, strict=True)) for row in rows))


def _check_flush(session: Session, _context: object, _instances: object) -> None:
    for obj in (*session.new, *session.dirty):
        table = inspect(obj).mapper.local_table
        if not isinstance(table, Table):
            continue
        for name, limit in _limits(table):
            value = getattr(obj, name, None)
            if isinstance(value, str) and len(value) > limit:
                raise _refusal(name, value, limit)


def install(factory: sessionmaker) -> None:
    """Check every object saved through sessions of ``factory`` before it is written."""
    event.listen(factory, "before_flush", _check_flush)
