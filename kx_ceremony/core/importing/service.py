"""The import use case: preview a nominee file, then store it all or nothing.

``preview_import`` reads the file and the ceremony's catalogue and returns what an import
would do, row by row, without writing. The window's dialog shows it, lets the user change
the column mapping (``mapping_overrides``) and asks again; ``run_import`` then stores the
valid rows in one transaction, so a crash or a kill at any moment leaves all or none.
"""

from __future__ import annotations

import logging
from dataclasses import fields
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kx_ceremony.core.errors import Cancelled, UserError
from kx_ceremony.core.importing import columns as colmap
from kx_ceremony.core.importing.award_matching import AwardMatcher
from kx_ceremony.core.importing.inspection import refuse
from kx_ceremony.core.importing.reading import SheetData, Source
from kx_ceremony.core.importing.results import (
    CancelCheck,
    ColumnMapping,
    ImportPreview,
    ImportResult,
    ImportRow,
    ProgressCallback,
    TableLocation,
)
from kx_ceremony.core.importing.rows import RowContext, build_rows
from kx_ceremony.core.importing.table import (
    HeaderFound,
    display_header,
    field_for_column,
    find_header,
)
from kx_ceremony.core.importing.values import TextCleaner, detect_legacy
from kx_ceremony.core.model import Attendance, AwardForm, Ceremony, Honouree
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.rows import AwardFormRow
from kx_ceremony.core.store import Store, lock_ceremony_for_import
from kx_ceremony.core.text_limits import require_fit
from kx_ceremony.core.vietnamese import fold_for_search

log = logging.getLogger(__name__)

INSERT_CHUNK = 1000
MappingOverrides = dict[int | str, str | None]


def _report(progress: ProgressCallback | None, cancel: CancelCheck | None):  # type: ignore[no-untyped-def]
    def tick(done: int, total: int, stage: str) -> None:
        if cancel is not None and cancel():
            raise Cancelled("Đã dừng nhập danh sách; chưa có gì được lưu.")
        if progress is not None:
            progress(done, total, stage)

    return tick


def _choose_sheet(source: Source, sheet: str | None) -> tuple[SheetData, HeaderFound]:
    path = source.path
    names = source.sheet_names
    if sheet is not None:
        wanted = fold_for_search(sheet)
        matching = [n for n in names if n == sheet] or [
            n for n in names if fold_for_search(n) == wanted
        ]
        if not matching:
            listing = ", ".join(f"«{n}»" for n in names)
            raise refuse(path, f"không có trang «{sheet}»; các trang có trong tệp: {listing}.")
        candidates = matching[:1]
    else:
        # Visible worksheets first: a hidden sheet is usually a lookup list, not the table.
        candidates = [n for n in names if n not in source.hidden] + [
            n for n in names if n in source.hidden
        ]
    for name in candidates:
        data = source.load(name)
        found = find_header(data.rows)
        if found is not None:
            return data, found
    where = f"trang «{candidates[0]}»" if len(candidates) == 1 else "các trang của tệp"
    raise refuse(
        path,
        f"không tìm thấy bảng danh sách trong {where}: không có dòng tiêu đề gồm cột «Họ và "
        "tên» và các cột như «Năm sinh», «Chức vụ», «Đơn vị», «Hình thức khen thưởng»; hãy "
        "kiểm tra tệp (hoặc chọn đúng trang bằng --sheet).",
    )


def _mapping(found: HeaderFound, overrides: MappingOverrides | None) -> list[ColumnMapping]:
    mappings: list[ColumnMapping] = []
    taken: set[str] = set()
    for index, text in enumerate(found.headers):
        name = field_for_column(text) if text else None
        if name in taken:
            name = None
        if name:
            taken.add(name)
        mappings.append(ColumnMapping(index, display_header(text) if text else "", name))
    return colmap.apply_overrides(mappings, overrides)


# The import reads and writes through Core on the mapped tables: the same schema and
# the same transactions as the services, without configuring every ORM mapper first,
# which costs a command-line import a noticeable part of its run time.
_CEREMONIES = Ceremony.__table__
_FORMS = AwardForm.__table__
_HONOUREES = Honouree.__table__


def _require_ceremony(session: Session, ceremony_id: int) -> None:
    found = session.connection().execute(
        select(_CEREMONIES.c.id).where(_CEREMONIES.c.id == ceremony_id)
    )
    if found.first() is None:
        load_ceremony(session, ceremony_id)  # raises the usual NotFound


def catalogue(store: Store, ceremony_id: int) -> tuple[list[AwardFormRow], set[tuple[str, str]]]:
    """The ceremony's award forms, and (folded name, folded unit) of everyone already in it."""
    with store.reading() as session:
        _require_ceremony(session, ceremony_id)
        conn = session.connection()
        forms = [
            AwardFormRow(
                **{
                    **row._asdict(),
                    "kinds": tuple(row.kinds or ()),
                    "aliases": tuple(row.aliases or ()),
                }
            )
            for row in conn.execute(
                select(*(_FORMS.c[f.name] for f in fields(AwardFormRow)))
                .where(_FORMS.c.ceremony_id == ceremony_id)
                .order_by(_FORMS.c.rank, _FORMS.c.id)
            )
        ]
        return forms, _existing(session, ceremony_id)


def _existing(session: Session, ceremony_id: int) -> set[tuple[str, str]]:
    rows = session.connection().execute(
        select(_HONOUREES.c.name_fold, _HONOUREES.c.unit).where(
            _HONOUREES.c.ceremony_id == ceremony_id
        )
    )
    units: dict[str, str] = {}  # a ceremony has thousands of people but few units
    keys = set()
    for name_fold, unit in rows:
        folded = units.get(unit)
        if folded is None:
            folded = units[unit] = fold_for_search(unit or "")
        keys.add((name_fold, folded))
    return keys


def preview_import(
    store: Store,
    ceremony_id: int,
    path: str | Path,
    sheet: str | None = None,
    mapping_overrides: MappingOverrides | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportPreview:
    """What importing ``path`` into the ceremony would do; writes nothing.

    Raises UserError (one sentence) for a file that cannot be imported at all; row-level
    trouble is in the returned rows' ``problems``.
    """
    path = Path(path)
    tick = _report(progress, cancel)
    tick(0, 1, "Đang đọc tệp")
    source = Source(path)
    try:
        data, found = _choose_sheet(source, sheet)
    finally:
        source.close()
    columns = _mapping(found, mapping_overrides)
    fields = {c.field for c in columns}
    if "name" not in fields:
        raise refuse(path, "chưa chọn cột họ tên; hãy gán một cột cho «họ tên / tên tập thể».")
    forms, existing = catalogue(store, ceremony_id)
    legacy = detect_legacy(data.rows)
    ctx = RowContext(
        sheet=data.name,
        rows=data.rows,
        first_data_row=found.first_data_row,
        columns=columns,
        flags=data.flags,
        clean=TextCleaner(legacy),
        matcher=AwardMatcher(forms),
        existing=existing,
        tick=lambda done, total: tick(done, total, "Đang kiểm tra từng dòng"),
    )
    rows = build_rows(ctx)
    if not rows:
        raise refuse(
            path,
            f"trang «{data.name}» có dòng tiêu đề (dòng {found.header_rows[0] + 1}) nhưng không "
            "có dòng dữ liệu nào bên dưới; hãy kiểm tra lại tệp.",
        )
    notes = []
    if legacy:
        notes.append("Tệp gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime); đã chuyển sang Unicode.")
    if "award" not in fields:
        notes.append("Không có cột hình thức khen thưởng; lấy hình thức từ các dòng nhóm.")
    return ImportPreview(
        path=str(path),
        sheet=data.name,
        sheets=tuple(source.sheet_names),
        table=TableLocation(
            sheet=data.name,
            header_rows=tuple(r + 1 for r in found.header_rows),
            first_data_row=found.first_data_row + 1,
            last_data_row=ctx.last_data_row + 1,
        ),
        columns=tuple(columns),
        rows=tuple(rows),
        legacy_tcvn3=legacy,
        encoding=source.encoding,
        notes=tuple(notes),
    )


def _record(ceremony_id: int, row: ImportRow) -> dict[str, object]:
    return {
        "ceremony_id": ceremony_id,
        "kind": row.kind,
        "name": row.name,
        "name_fold": row.name_fold or fold_for_search(row.name),
        "gender": row.gender,
        "birth_year": row.birth_year,
        "position": row.position,
        "unit": row.unit,
        "achievement": row.achievement,
        "award_form_id": row.award_form_id,
        "decision_id": None,
        "register_number": row.register_number,
        "representative": "",
        "attendance": Attendance.PRESENT.value,
        "substitute_name": "",
        "note": row.note,
    }


def _insert(session: Session, records: list[dict[str, object]]) -> None:
    """One executemany per chunk. On SQLite straight to the driver with plain tuples:
    SQLAlchemy's per-row parameter processing costs more than SQLite's insert itself."""
    require_fit(_HONOUREES, records)  # the same length limits on every kind of store
    conn = session.connection()
    if conn.dialect.name == "sqlite" and records:
        names = list(records[0])
        sql = (
            f"INSERT INTO {_HONOUREES.name} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' for _ in names)})"
        )
        conn.exec_driver_sql(sql, [tuple(r.values()) for r in records])
    else:
        conn.execute(insert(_HONOUREES), records)


def run_import(
    store: Store,
    ceremony_id: int,
    path: str | Path,
    sheet: str | None = None,
    mapping_overrides: MappingOverrides | None = None,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    preview: ImportPreview | None = None,
) -> ImportResult:
    """Store the file's nominees: all of them, or (skip_invalid) the valid ones, or none.

    With an invalid row and no ``skip_invalid`` nothing is stored and the result says
    ``stored=False``; the caller lists ``preview.problems``. ``preview`` may be passed in
    when the caller already has one (the dialog), saving a second read of the file.
    """
    if preview is None:
        preview = preview_import(
            store, ceremony_id, path, sheet, mapping_overrides, progress=progress, cancel=cancel
        )
    valid = preview.valid_rows
    skipped = len(preview.rows) - len(valid)
    if skipped and not skip_invalid:
        return ImportResult(preview, 0, len(preview.rows), stored=False)
    if dry_run or not valid:
        return ImportResult(preview, len(valid), skipped, stored=False)
    tick = _report(progress, cancel)
    with store.transaction() as session:
        lock_ceremony_for_import(session, ceremony_id)  # another PC's import of it: wait
        _require_ceremony(session, ceremony_id)
        _recheck_duplicates(session, ceremony_id, valid)
        for start in range(0, len(valid), INSERT_CHUNK):
            tick(start, len(valid), "Đang lưu")
            chunk = valid[start : start + INSERT_CHUNK]
            _insert(session, [_record(ceremony_id, r) for r in chunk])
        tick(len(valid), len(valid), "Đang lưu")
    log.info("imported %d rows from %s into ceremony %d", len(valid), path, ceremony_id)
    return ImportResult(preview, len(valid), skipped, stored=True)


def _recheck_duplicates(session: Session, ceremony_id: int, rows: tuple[ImportRow, ...]) -> None:
    """Someone may have added people since the preview: check again inside the write lock."""
    existing = _existing(session, ceremony_id)
    if not existing:
        return
    clash = next(
        (r for r in rows if (fold_for_search(r.name), fold_for_search(r.unit)) in existing), None
    )
    if clash is not None:
        raise UserError(
            f"«{clash.name}» (dòng {clash.row}) vừa được thêm vào buổi lễ trong lúc đang nhập; "
            "không lưu gì. Hãy nhập lại tệp để xem danh sách mới nhất."
        )
