"""The import use case: preview a nominee file, then store it all or nothing.

``preview_import`` reads the file and the ceremony's catalogue and returns what an import
would do, row by row, without writing: the whole-list choices, the column mapping, each
distinct award value and how it matched, every row's problems and warnings. The window's
dialog shows it and lets the organiser change the choices (``choices``), any column
(``mapping_overrides``) and any award value (``award_map`` or ``add_awards``), asking
again each time; ``run_import`` then stores the valid rows in one transaction (adding
new award forms and aliases in the same one), so a crash or a kill leaves all or none.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from kx_ceremony.core.errors import Cancelled, UserError
from kx_ceremony.core.gc_pause import no_cyclic_gc
from kx_ceremony.core.importing import columns as colmap
from kx_ceremony.core.importing import storing
from kx_ceremony.core.importing.award_choice import NEW, AwardResolver
from kx_ceremony.core.importing.award_matching import AwardMatcher, options_text
from kx_ceremony.core.importing.choices import ListChoices, read_choices
from kx_ceremony.core.importing.codes import code_table, mostly_codes
from kx_ceremony.core.importing.content import (
    SAMPLE_ROWS,
    choose_mapping,
    column_samples,
    list_kind_from_header,
    profile_columns,
)
from kx_ceremony.core.importing.inspection import refuse
from kx_ceremony.core.importing.profiles import fingerprint, load_profile, save_profile
from kx_ceremony.core.importing.reading import SheetData, Source, sheet_order
from kx_ceremony.core.importing.results import (
    CancelCheck,
    ColumnMapping,
    ImportPreview,
    ImportResult,
    ProgressCallback,
    TableLocation,
)
from kx_ceremony.core.importing.rows import RowContext, build_rows
from kx_ceremony.core.importing.table import HeaderFound, find_header
from kx_ceremony.core.importing.values import TextCleaner, detect_legacy
from kx_ceremony.core.model import Kind
from kx_ceremony.core.store import Store, journal, lock_ceremony_for_import

log = logging.getLogger(__name__)

INSERT_CHUNK = 1000
MappingOverrides = dict[int | str, str | None]
catalogue = storing.catalogue  # kept for callers of the former home
PROFILE_NOTE = "Dòng tiêu đề này đã gặp trước đây: dùng lại cách gán cột và lựa chọn lần trước."


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
    candidates = sheet_order(names, source.hidden, sheet)
    if not candidates:  # (only when a sheet was named)
        listing = ", ".join(f"«{n}»" for n in names)
        raise refuse(path, f"không có trang «{sheet}»; các trang có trong tệp: {listing}.")
    for name in candidates:
        data = source.load(name)
        found = find_header(data.rows)
        if found is not None:
            return data, found
    where = f"trang «{candidates[0]}»" if len(candidates) == 1 else "các trang của tệp"
    refused = refuse(
        path,
        f"chương trình chưa nhận ra bảng danh sách trong {where}: không thấy dòng tiêu đề có "
        "cột họ tên (hoặc tên tập thể, đơn vị) cùng một cột khác như «Chức vụ», «Đơn vị», "
        "«Năm sinh», «Hình thức khen thưởng»;",
    )
    tail = "hoặc thêm một dòng tiêu đề như vậy trên bảng."
    raise UserError(
        refused.message,
        cli_hint=f"hãy chọn đúng trang (--sheet) {tail}",
        window_hint=f"hãy chọn đúng trang trong ô «Trang» {tail}",
    )


def _codes(
    source: Source, data: SheetData, columns: list[ColumnMapping], first: int
) -> dict[str, str]:
    """The workbook's own code tables, read only when the award or kind cells are codes."""
    coded = [c for c in columns if c.field in ("award", "kind")]
    sample = data.rows[first : first + SAMPLE_ROWS]
    if not any(
        mostly_codes([r[c.index] if c.index < len(r) else "" for r in sample]) for c in coded
    ):
        return {}
    others = [source.load(n) for n in source.sheet_names if n != data.name]
    return code_table(others)


@no_cyclic_gc()  # a row object per line, no cycles: see core/gc_pause.py
def preview_import(
    store: Store,
    ceremony_id: int,
    path: str | Path,
    sheet: str | None = None,
    mapping_overrides: MappingOverrides | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    *,
    choices: ListChoices | None = None,
    award_map: dict[str, int] | None = None,
    add_awards: bool | Collection[str] = False,
    use_profile: bool = True,
) -> ImportPreview:
    """What importing ``path`` into the ceremony would do; writes nothing.

    ``choices`` are the organiser's whole-list values (they win over what the title says;
    a row's own value wins over both). ``mapping_overrides`` {column index or letter or
    header: field or None} change the chosen columns. ``award_map`` {award text: form id}
    maps award values; ``add_awards`` makes unknown ones (True) or the texts given new
    forms. A header seen before
    brings back the mapping and choices saved with it (``use_profile``).

    Raises UserError (one sentence) for a file that cannot be imported at all; row-level
    trouble is in the returned rows' ``problems`` (and ``warnings``).
    """
    path = Path(path)
    tick = _report(progress, cancel)
    tick(0, 1, "Đang đọc tệp")
    source = Source(path)
    try:  # open until build_rows has read every row: they may still be arriving
        data, found = _choose_sheet(source, sheet)
        legacy = detect_legacy(data.rows)
        clean = TextCleaner(legacy)
        width = len(found.headers)
        profiles = profile_columns(data.rows, found.first_data_row, width, clean)
        has_data = any(p.filled for p in profiles)
        key = fingerprint(found.headers)
        saved = load_profile(store, key) if use_profile else None
        columns = choose_mapping(found.headers, profiles, has_data)
        overrides: MappingOverrides = dict(saved.mapping) if saved else {}
        overrides.update(mapping_overrides or {})
        columns = colmap.apply_overrides(columns, overrides, found.headers)
        codes = _codes(source, data, columns, found.first_data_row) if has_data else {}
        samples = column_samples(data.rows, found.first_data_row, width, clean)
        fields = {c.field for c in columns}
        if not has_data:
            raise refuse(
                path,
                f"danh sách trống: trang «{data.name}» chỉ có dòng tiêu đề (dòng "
                f"{found.header_rows[0] + 1}), chưa có người hay tập thể nào; không có gì để nhập.",
            )
        if "name" not in fields:
            raise refuse(path, "chưa chọn cột họ tên; hãy gán một cột cho «họ tên / tên tập thể».")
        forms, duplicates = storing.catalogue(store, ceremony_id)
        matcher = AwardMatcher(forms)
        list_choices = _list_choices(data, found, columns, clean, saved, choices)
        award_map = {**_saved_award_map(saved, forms), **(award_map or {})}
        resolver = AwardResolver(matcher, award_map, list_choices.award, add_awards)
        _check_given_award(choices, resolver)
        ctx = RowContext(
            sheet=data.name,
            rows=data.rows,
            first_data_row=found.first_data_row,
            columns=columns,
            flags=data.flags,
            clean=clean,
            awards=resolver,
            duplicates=duplicates,
            choices=list_choices,
            codes=codes,
            tick=lambda done, total: tick(done, total, "Đang kiểm tra từng dòng"),
        )
        rows = build_rows(ctx)
    finally:
        source.close()
    if not rows:
        raise refuse(
            path,
            f"danh sách trống: trang «{data.name}» có dòng tiêu đề (dòng "
            f"{found.header_rows[0] + 1}) nhưng không có dòng nào của người hay tập thể; "
            "không có gì để nhập.",
        )
    notes = []
    if legacy:
        notes.append("Tệp gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime); đã chuyển sang Unicode.")
    if codes:
        notes.append("Các mã trong bảng được đọc theo bảng mã (danh mục) có sẵn trong tệp.")
    if saved:
        notes.append(PROFILE_NOTE)
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
        choices=list_choices,
        awards=resolver.values(),
        fingerprint=key,
        profile_used=saved is not None,
        samples=samples,
    )


def _list_choices(data, found, columns, clean, saved, given) -> ListChoices:  # type: ignore[no-untyped-def]
    read = read_choices(data.rows[: found.header_rows[0]], data.name, clean)
    if read.kind is None:
        name = next((c for c in columns if c.field == "name"), None)
        kind = list_kind_from_header(name.header) if name else None
        if kind is not None:
            read = ListChoices(
                read.award,
                kind,
                read.unit,
                read.decision,
                (*read.sources, ("kind", "tiêu đề cột tên")),
            )
    if saved and saved.choices:
        read = _fill_from_profile(read, saved.choices)
    return (given or ListChoices()).merged_over(read)


def _fill_from_profile(read: ListChoices, saved: dict[str, str]) -> ListChoices:
    """What the organiser chose last time for this header, where this file says nothing."""
    sources = dict(read.sources)
    values: dict[str, object] = {}
    for field in ("award", "kind", "unit"):
        if getattr(read, field) or not saved.get(field):
            continue
        values[field] = Kind(saved[field]) if field == "kind" else saved[field]
        sources[field] = "lần nhập trước"
    if not values:
        return read
    return replace(read, **values, sources=tuple(sources.items()))


def _saved_award_map(saved, forms) -> dict[str, int]:  # type: ignore[no-untyped-def]
    if not saved:
        return {}
    by_name = {f.full_name: f.id for f in forms}
    return {t: by_name[n] for t, n in saved.award_names.items() if n in by_name}


def _check_given_award(given: ListChoices | None, resolver: AwardResolver) -> None:
    """An award the organiser typed for the whole list must name one form (or be added)."""
    if not given or not given.award or resolver.list_form is not None:
        return
    if resolver.adds(given.award):
        return
    match = resolver.matcher.match(given.award)
    if len(match.candidates) < len(resolver.matcher.forms):
        detail = f"khớp nhiều hình thức: {options_text(match.candidates, 6)}"
    else:
        detail = f"không khớp hình thức nào; các hình thức: {options_text(match.candidates, 6)}"
    raise UserError(
        f"Hình thức cho cả danh sách «{given.award}» {detail}.",
        cli_hint="Hãy ghi rõ hơn, hoặc dùng --add-awards để thêm nó làm hình thức mới.",
        window_hint="Hãy chọn một hình thức trong danh sách của ô «Hình thức», hoặc ghi rõ hơn.",
    )


@no_cyclic_gc()
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
    choices: ListChoices | None = None,
    award_map: dict[str, int] | None = None,
    add_awards: bool | Collection[str] = False,
) -> ImportResult:
    """Store the file's nominees: all of them, or (skip_invalid) the valid ones, or none.

    With an invalid row and no ``skip_invalid`` nothing is stored and the result says
    ``stored=False``; the caller lists ``preview.problems``. Warnings (a likely duplicate)
    do not stop the import. ``preview`` may be passed in when the caller already has one
    (the dialog, the CLI), saving a second read of the file.
    """
    if preview is None:
        preview = preview_import(
            store,
            ceremony_id,
            path,
            sheet,
            mapping_overrides,
            progress=progress,
            cancel=cancel,
            choices=choices,
            award_map=award_map,
            add_awards=add_awards,
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
        storing.require_ceremony(session, ceremony_id)
        storing.recheck_duplicates(session, ceremony_id, valid)
        new_ids = storing.apply_award_choices(session, ceremony_id, preview.awards)
        with storing.bulk_insert(session, len(valid)):
            for start in range(0, len(valid), INSERT_CHUNK):
                tick(start, len(valid), "Đang lưu")
                chunk = valid[start : start + INSERT_CHUNK]
                storing.insert_rows(session, storing.records(ceremony_id, chunk, new_ids))
        _remember(session, preview, new_ids)
        journal.name_step(session, f"nhập {len(valid)} dòng từ «{Path(path).name}»")
        tick(len(valid), len(valid), "Đang lưu")
    log.info("imported %d rows from %s into ceremony %d", len(valid), path, ceremony_id)
    return ImportResult(preview, len(valid), skipped, stored=True)


def _remember(session, preview: ImportPreview, new_ids: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """Save how this header was imported, for the next list from the same unit."""
    if not preview.fingerprint:
        return
    choices = preview.choices or ListChoices()
    kept = {
        f: str(getattr(choices, f).value if f == "kind" else getattr(choices, f))
        for f, where in choices.sources
        if f in ("award", "kind", "unit")
        and where in ("người dùng chọn", "lần nhập trước")
        and getattr(choices, f)
    }
    award_names = {
        a.text: (a.form.full_name if a.form is not None else a.text)
        for a in preview.awards
        if a.status in ("mapped", NEW)
    }
    save_profile(
        session,
        preview.fingerprint,
        [c.header for c in preview.columns],
        {c.index: c.field for c in preview.columns},
        kept,
        award_names,
    )
