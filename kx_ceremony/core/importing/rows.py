"""Turning the data rows of a found table into nominees, each with its problems.

Group rows set the kind (and maybe the award) of the rows under them; the signature
block ends the data. Every problem names its cell, what was found and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from kx_ceremony.core.importing import values as v
from kx_ceremony.core.importing.award_choice import AMBIGUOUS, NEW, AwardResolver
from kx_ceremony.core.importing.award_matching import options_text
from kx_ceremony.core.importing.choices import ListChoices
from kx_ceremony.core.importing.codes import code_key
from kx_ceremony.core.importing.duplicates import DuplicateIndex, Entry
from kx_ceremony.core.importing.results import ColumnMapping, ImportRow
from kx_ceremony.core.importing.row_problems import Problems, duplicate_problems, flag_problem
from kx_ceremony.core.importing.table import (
    group_kind,
    is_signature_row,
    is_total_row,
)
from kx_ceremony.core.model import Kind, kind_refusal
from kx_ceremony.core.text.titles import gender_of_title, titled_name
from kx_ceremony.core.text.vietnamese import (
    fold_for_search,
    identity_key_of_clean,
    repair_name_case,
)

TEXT_FIELDS = ("position", "unit", "achievement", "note", "register_number")
DETAIL_FIELDS = ("birth", "birth_male", "birth_female", "gender", "position", "unit")
CHECK_EVERY = 500
INDIVIDUAL = Kind.INDIVIDUAL  # looked up once: enum attribute access is slow in a hot loop
_KIND_VALUE = {k: k.value for k in Kind}
_YEAR_CELLS = frozenset((int, float, str))
_UNIQUE = (
    None,
    None,
)  # DuplicateIndex.check: neither in this list nor in the ceremony  # birth cells whose year is remembered per value


@dataclass
class RowContext:
    sheet: str
    rows: Sequence[list[object]]
    first_data_row: int
    columns: list[ColumnMapping]
    flags: dict[tuple[int, int], str]
    clean: v.TextCleaner
    awards: AwardResolver
    duplicates: DuplicateIndex
    choices: ListChoices = field(default_factory=ListChoices)
    codes: dict[str, str] = field(default_factory=dict)
    tick: Callable[[int, int], None] = lambda done, total: None
    last_data_row: int = 0

    def __post_init__(self) -> None:
        self.col = {c.field: c for c in self.columns if c.field and c.field != "award_mark"}
        self.marks = [c for c in self.columns if c.field == "award_mark"]
        self.fields = [(name, column, column.index) for name, column in self.col.items()]
        self.text_fields = [f for f in TEXT_FIELDS if f in self.col]
        # Worked out once per distinct value: units, awards, names and years repeat.
        self.names = v.Memo(lambda text: posthumous_in_name(self.clean(text)), 100_000)
        self.folded = v.Memo(fold_for_search, 100_000)
        self.identity = v.Memo(identity_key_of_clean)
        self.kind_of_name = v.Memo(v.kind_from_name)
        self.titled = v.Memo(titled_name)
        self.repaired = v.Memo(repair_name_case)
        self.years = v.Memo(v.parse_birth_year, 10_000)
        self.genders = v.Memo(v.parse_gender, 1_000)
        self.split_birth = "birth_male" in self.col or "birth_female" in self.col
        self.has_birth = "birth" in self.col
        self.gender_marks = "male_mark" in self.col or "female_mark" in self.col
        self.refusals: dict[tuple[int, Kind], str | None] = {}  # (form id, kind) -> why not


def build_rows(ctx: RowContext) -> list[ImportRow]:
    group_kind_now: Kind | None = None
    group_award = ""
    result: list[ImportRow] = []
    total = len(ctx.rows)
    award_col = ctx.col.get("award")
    name_col = ctx.col["name"]
    detail_cols = [ctx.col[f] for f in DETAIL_FIELDS if f in ctx.col]
    after_gap = False
    # Iterated, not indexed: the rows may still be arriving (reading.SheetData).
    for index, row in enumerate(islice(ctx.rows, ctx.first_data_row, None), ctx.first_data_row):
        if index % CHECK_EVERY == 0:
            ctx.tick(index, total)
        for cell in row:
            if cell != "" and cell is not None:
                break
        else:  # an empty row
            after_gap = bool(result)
            continue
        award_raw = _cell(row, award_col)
        if award_raw in ("", None) and not ctx.marks:
            texts = [ctx.clean(c) for c in row]
            if is_signature_row(texts):
                break
            if is_total_row(texts):
                continue
            if not any(_cell(row, c) not in ("", None) for c in detail_cols):
                stt = ctx.clean(_cell(row, ctx.col.get("stt")))
                is_group, kind, title = group_kind(stt, ctx.clean(_cell(row, name_col)))
                if not is_group and not stt:
                    # A row with only text in the STT/name area, e.g. "1. Bằng khen …"
                    is_group, kind, title = group_kind(stt, " ".join(t for t in texts if t))
                if is_group:
                    group_kind_now = kind or group_kind_now
                    match = ctx.awards.matcher.match(title) if kind is None else None
                    group_award = title if match and match.form else group_award
                    after_gap = False
                    continue
            stt = ctx.clean(_cell(row, ctx.col.get("stt")))
            if after_gap and award_col is not None and not stt:
                break  # below a blank line, with no number and no award: the footer
        elif ctx.marks and not any(v.is_mark(_cell(row, c)) for c in ctx.marks):
            texts = [ctx.clean(c) for c in row]
            if is_signature_row(texts):
                break
            if is_total_row(texts):
                continue
        after_gap = False
        ctx.last_data_row = index
        result.append(_nominee(ctx, index, row, group_kind_now, group_award))
    ctx.tick(total, total)
    return result


def _cell(row: list[object], column: ColumnMapping | None) -> object:
    if column is None or column.index >= len(row):
        return ""
    return row[column.index]


def _nominee(
    ctx: RowContext, index: int, row: list[object], group: Kind | None, group_award: str
) -> ImportRow:
    problems = Problems(ctx.sheet, index)
    width = len(row)
    flags = ctx.flags
    raw: dict[str, object] = {}
    if flags:
        for name, column, at in ctx.fields:
            value = row[at] if at < width else ""
            flag = flags.get((index, at))
            if (
                value.__class__ is str
                and value[:1] == "#"
                and flag is None
                and v.is_error_text(value)
            ):
                flag = value.strip()
            if flag is not None:
                flag_problem(problems, column, flag)
                value = ""
            raw[name] = value
    else:  # the usual sheet: no flagged cell, only an error typed as text to look for
        for name, column, at in ctx.fields:
            value = row[at] if at < width else ""
            if value.__class__ is str and value[:1] == "#" and v.is_error_text(value):
                flag_problem(problems, column, value.strip())
                value = ""
            raw[name] = value

    clean = ctx.clean
    cell = raw.get("name")
    if cell.__class__ is str:
        name, posthumous = ctx.names[cell]
    else:
        name, posthumous = posthumous_in_name(clean(cell))
    if "posthumous" in raw and v.is_mark(raw["posthumous"]):
        posthumous = True
    kind = _kind(ctx, raw, name, group, problems)
    title = clean(raw["title"]) if "title" in raw else ""
    gender, birth_year = gender_of_title(title) if title else None, None
    if kind is INDIVIDUAL and name:
        parts = ctx.titled[name]
        if parts is not None:
            name, gender = parts.name, gender or parts.gender
            title = f"{title} {parts.title}" if title else parts.title
    if name.isupper() or name.islower():  # only then does repair_name_case change anything
        name = ctx.repaired[name]
    if not name:
        problems.add(ctx.col["name"], "", "thiếu họ tên (hoặc tên tập thể); hãy điền vào ô này.")
    if kind is INDIVIDUAL:
        gender, birth_year = _gender_and_birth(ctx, raw, gender, problems)
    texts = dict.fromkeys(TEXT_FIELDS, "")
    for f in ctx.text_fields:
        texts[f] = clean(raw[f])
    if not texts["unit"] and kind is INDIVIDUAL and ctx.choices.unit:
        texts["unit"] = ctx.choices.unit
    year = clean(raw["year"]) if "year" in raw else ""
    decision = clean(raw["decision"]) if "decision" in raw else ""
    note = texts["note"]
    if year or decision:
        extra = [f"Năm {year}" if year else "", f"Quyết định số {decision}" if decision else ""]
        note = "; ".join(t for t in (note, *extra) if t)

    award_text = _award_text(ctx, row, raw) or group_award or ctx.choices.award
    form_id, code, award_new = _award(ctx, award_text, kind, problems)
    key = (ctx.identity[name], ctx.folded[texts["unit"]])
    if name:
        award_key = form_id if form_id is not None else (award_new or award_text)
        entry = Entry(index + 1, birth_year, award_key, year)
        verdicts = ctx.duplicates.check(key, entry)
        if verdicts != _UNIQUE:
            duplicate_problems(
                problems, ctx.col["name"], name, ctx.duplicates.earlier_row, key, entry, verdicts
            )
    return ImportRow(  # positional, in the order of its fields: cheaper than by name
        index + 1,  # row
        _KIND_VALUE[kind],
        name,
        gender,
        birth_year,
        texts["position"],
        texts["unit"],
        texts["achievement"],
        note,
        texts["register_number"],
        award_text,
        form_id,
        code,
        tuple(problems.items),
        ctx.folded[name],  # name_fold
        title,
        tuple(problems.warnings),
        award_new,
        posthumous and kind is not Kind.COLLECTIVE,
    )


_POSTHUMOUS = re.compile(r"\s*[(\[]\s*(truy tặng|đã mất|đã từ trần)\s*[)\]]\s*$", re.IGNORECASE)


def posthumous_in_name(name: str) -> tuple[str, bool]:
    """ "Nguyễn Văn An (truy tặng)" → ("Nguyễn Văn An", True); other names unchanged."""
    if "(" not in name and "[" not in name:
        return name, False
    match = _POSTHUMOUS.search(name)
    if match is None:
        return name, False
    return name[: match.start()].strip(), True


def _award_text(ctx: RowContext, row: list[object], raw: dict[str, object]) -> str:
    """The row's own award: its award cell (a code decoded by the workbook's code sheet), or
    the header of the award column it marks with X."""
    value = raw.get("award")
    if value not in ("", None):
        if ctx.codes:
            decoded = ctx.codes.get(code_key(value))
            if decoded:
                return ctx.clean(decoded)
        return ctx.clean(value)
    for column in ctx.marks:
        if v.is_mark(_cell(row, column)):
            return column.header
    return ""


def _kind(
    ctx: RowContext, raw: dict[str, object], name: str, group: Kind | None, problems: Problems
) -> Kind:
    text = ctx.clean(raw["kind"]) if "kind" in raw else ""
    if text:
        if ctx.codes and text in ctx.codes:
            text = ctx.clean(ctx.codes[text])
        try:
            kind = v.parse_kind(text)
        except v.BadValue as exc:
            problems.add(ctx.col["kind"], text, exc.message)
        else:
            if kind is not None:
                return kind
    if group is not None:
        return group
    return ctx.kind_of_name[name] or ctx.choices.kind or INDIVIDUAL


def _gender_and_birth(
    ctx: RowContext, raw: dict[str, object], gender: str | None, problems: Problems
) -> tuple[str | None, int | None]:
    birth_year: int | None = None
    text = ctx.clean(raw["gender"]) if "gender" in raw else ""
    if text:
        try:
            gender = ctx.genders[text] or gender
        except v.BadValue as exc:
            problems.add(ctx.col["gender"], text, exc.message)
    if ctx.split_birth:
        birth_year, gender = _split_birth(ctx, raw, gender, problems)
    if ctx.has_birth and birth_year is None:
        birth_year = _birth(ctx, raw["birth"], ctx.col["birth"], problems)
    if ctx.gender_marks:
        male_mark, female_mark = v.is_mark(raw.get("male_mark")), v.is_mark(raw.get("female_mark"))
        if male_mark != female_mark:
            gender = "male" if male_mark else "female"
    return (str(gender) if gender else None), birth_year


def _split_birth(
    ctx: RowContext, raw: dict[str, object], gender: str | None, problems: Problems
) -> tuple[int | None, str | None]:
    """The birth year from a "Nam" and a "Nữ" year column, and the gender it tells."""
    birth_year = None
    male, female = raw.get("birth_male"), raw.get("birth_female")
    has_male, has_female = male not in ("", None), female not in ("", None)
    if has_male and has_female:
        problems.add(
            ctx.col["birth_male"],
            f"{v.raw_text(male)} / {v.raw_text(female)}",
            "năm sinh có ở cả cột Nam và cột Nữ; hãy để năm sinh ở đúng một cột.",
        )
    elif has_male or has_female:
        gender = "male" if has_male else "female"
        column = ctx.col["birth_male" if has_male else "birth_female"]
        birth_year = _birth(ctx, male if has_male else female, column, problems)
    return birth_year, gender


def _birth(ctx: RowContext, value: object, column: ColumnMapping, problems: Problems) -> int | None:
    try:
        if value.__class__ in _YEAR_CELLS:
            return ctx.years[value]
        return v.parse_birth_year(value)
    except v.BadValue as exc:
        problems.add(column, v.raw_text(value), exc.message)
        return None


def _award(
    ctx: RowContext, text: str, kind: Kind, problems: Problems
) -> tuple[int | None, str, str]:
    """(form id, form code, text of a new form to add) for the row's award text."""
    column = ctx.col.get("award")
    if not text:
        example = options_text(tuple(ctx.awards.matcher.forms), limit=3)
        problems.add(
            column,
            "",
            "chưa có hình thức khen thưởng; hãy chọn một hình thức cho cả danh sách (--award) "
            f"hoặc ghi vào cột, ví dụ: {example}.",
        )
        return None, "", ""
    value = ctx.awards.resolve(text)
    if value.status == NEW:
        return None, "", text
    form = value.form
    if form is None:
        if value.status == AMBIGUOUS:
            message = (
                "khớp với nhiều hình thức khen thưởng; hãy ghi rõ (hoặc chọn cho giá trị này) "
                f"một trong: {options_text(value.candidates)}"
            )
        else:
            message = (
                "chưa có trong danh mục hình thức khen thưởng của buổi lễ; hãy chọn hình thức "
                "tương ứng cho giá trị này, hoặc thêm nó làm hình thức mới (--add-awards)"
            )
        problems.add(column, text, message + ".")
        return None, "", ""
    refusals = ctx.refusals
    key = (form.id, kind)
    refusal = refusals.get(key)
    if key not in refusals:
        refusal = refusals[key] = kind_refusal(form.full_name, form.kinds, kind)
    if refusal:
        problems.add(column, text, f"{refusal}; hãy sửa hình thức hoặc phân loại.")
    return form.id, form.code, ""
