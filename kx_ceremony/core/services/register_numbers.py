"""Register numbers (số sổ vàng) written from the organiser's pattern for an award form.

A pattern is ordinary text with two places to fill: ``{n}`` (the sequence within the award
form and year, from 1, optionally zero-padded as ``{n:04d}``) and ``{year}``. For example
``"{year}/{n:04d}"`` gives ``2023/0001``, ``"{n:03d}/SVB-{year}"`` gives ``001/SVB-2023``.
Nothing else may be filled in, so a pattern can never read attributes or run code.
"""

from __future__ import annotations

import re
import string

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.services.awards import load_award_form
from kx_ceremony.core.services.row_types import AwardFormRow
from kx_ceremony.core.store import Store
from kx_ceremony.core.text.vietnamese import clean_text

_PLACES = {"n", "year"}
_SPEC = re.compile(r"^(0?[1-9])?d?$")  # "", "d", "4d", "04d"
MAX_LENGTH = 100


def _bad(pattern: str, why: str) -> UserError:
    return UserError(
        f"Mẫu số sổ vàng «{pattern}» không dùng được: {why}; hãy viết ví dụ «{{year}}/{{n:04d}}» "
        "({n}: số thứ tự, {year}: năm).",
        field="register_pattern",
    )


def check_pattern(pattern: str) -> str:
    """The cleaned pattern ("" allowed: no automatic numbers), or one plain refusal."""
    pattern = clean_text(pattern)
    if not pattern:
        return ""
    if len(pattern) > MAX_LENGTH:
        raise _bad(pattern[:40] + "…", f"dài quá {MAX_LENGTH} ký tự")
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        raise _bad(pattern, "dấu ngoặc { } không khớp") from None
    places = set()
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in _PLACES or conversion or not _SPEC.match(spec or ""):
            raise _bad(pattern, f"chỗ «{{{name}{':' + spec if spec else ''}}}» không hợp lệ")
        places.add(name)
    if "n" not in places:
        raise _bad(pattern, "thiếu chỗ {n} cho số thứ tự")
    return pattern


def format_register(pattern: str, year: int, n: int) -> str:
    return check_pattern(pattern).format(year=year, n=n)


def set_register_pattern(
    store: Store, ceremony_id: int, award_form_id: int, pattern: str
) -> AwardFormRow:
    """Save the award form's pattern ("" turns automatic numbers off)."""
    from kx_ceremony.core.services.awards import award_form_row

    pattern = check_pattern(pattern)
    with store.transaction() as session:
        form = load_award_form(session, ceremony_id, award_form_id)
        form.register_pattern = pattern
        session.flush()
        return award_form_row(form)
