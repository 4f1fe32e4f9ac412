"""A layout as plain data: the designer's working copy, the organiser's saved difference,
and the JSON file a province shares with its districts.

``layout_data`` turns a ``Layout`` into a complete dict (every field with every key), the
shape the designer edits and a layout file carries. ``layout_difference`` gives back only
what differs from the shipped file: that is what the award form keeps (``AwardForm.layout``),
so a later improvement of the file still reaches what the organiser left alone.

A layout file from elsewhere is read by ``read_layout_file``: size first (a layout is a few
kilobytes), then strict JSON, then every key known and every value in range; a wrong or
hostile file is refused with one line and nothing changes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kx_ceremony.core.atomic_file import write_atomically
from kx_ceremony.core.errors import UserError
from kx_ceremony.core.printing.layouts import FIELD_LABELS, Layout, load_layout, parse_layout
from kx_ceremony.core.text.hygiene import strip_unsafe

FILE_FORMAT = "kx-ceremony-layout"
FILE_VERSION = 1
MAX_FILE_BYTES = 256 * 1024  # a layout is about 5 KB
# The key under which the award form's override remembers the designer's background scan.
BACKGROUND_KEY = "designer_background"

_TOP_KEYS = {"format", "version", "name", "title", "award", "page", "border", "fields"}
_PAGE_KEYS = {"width", "height"}
_BORDER_KEYS = {"inset", "colour", "width", "inner_gap", "inner_width", "design"}
_FIELD_KEYS = {
    "x",
    "y",
    "width",
    "height",
    "size",
    "style",
    "align",
    "colour",
    "min_size",
    "max_lines",
    "design",
    "underline",
}
_TOLERANCE = 1e-6


def layout_data(layout: Layout) -> dict[str, Any]:
    """Every value of ``layout`` as plain data (millimetres and points)."""
    fields: dict[str, Any] = {}
    for box in layout.fields:
        values = asdict(box)
        values.pop("name")
        fields[box.name] = values
    return {
        "page": {"width": layout.page_width, "height": layout.page_height},
        "border": asdict(layout.border) if layout.border is not None else None,
        "fields": fields,
    }


def base_data(layout_name: str | None, page_size: tuple[float, float]) -> dict[str, Any]:
    """The shipped file's layout at the award form's page size: what a difference is from."""
    return layout_data(load_layout(layout_name or None, None, page_size))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return abs(float(a) - float(b)) < _TOLERANCE
    return a == b


def layout_difference(base: Mapping[str, Any], edited: Mapping[str, Any]) -> dict[str, Any]:
    """The smallest override that turns ``base`` into ``edited`` (both from ``layout_data``)."""
    out: dict[str, Any] = {}
    page = {k: v for k, v in edited["page"].items() if not _same(v, base["page"].get(k))}
    if page:
        out["page"] = page
    if edited.get("border") is None:
        if base.get("border") is not None:
            out["border"] = None
    else:
        old = base.get("border") or {}
        border = {k: v for k, v in edited["border"].items() if not _same(v, old.get(k))}
        if border:
            out["border"] = border
    fields: dict[str, Any] = {}
    for name, values in edited["fields"].items():
        old = base["fields"].get(name) or {}
        changed = {k: v for k, v in values.items() if not _same(v, old.get(k))}
        if changed:
            fields[name] = changed
    for name in base["fields"]:
        if name not in edited["fields"]:
            fields[name] = None  # the organiser removed this field
    if fields:
        out["fields"] = fields
    return out


def check_layout_data(data: Mapping[str, Any]) -> Layout:
    """Refuse (one line) a layout whose values are out of range or whose boxes leave the page."""
    layout = parse_layout(data)
    for box in layout.fields:
        if (
            box.x + box.width > layout.page_width + 0.05
            or box.y + box.height > layout.page_height + 0.05
        ):
            raise UserError(
                f"Mẫu in: ô «{box.label}» ({box.x:g}; {box.y:g}; {box.width:g}×{box.height:g} mm) "
                f"vượt ra ngoài trang {layout.page_width:g} × {layout.page_height:g} mm; "
                "hãy thu nhỏ hoặc dời ô vào trong trang."
            )
    return layout


# -- files -----------------------------------------------------------------------------------
def layout_document(data: Mapping[str, Any], award: str, title: str = "") -> dict[str, Any]:
    """The JSON a layout file holds (never the background scan: it is the office's own)."""
    return {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "award": award,
        "title": title or award,
        "page": dict(data["page"]),
        "border": dict(data["border"]) if data.get("border") else None,
        "fields": {name: dict(values) for name, values in data["fields"].items()},
    }


def write_layout_file(path: Path, data: Mapping[str, Any], award: str, title: str = "") -> Path:
    check_layout_data(data)
    text = json.dumps(layout_document(data, award, title), ensure_ascii=False, indent=2) + "\n"

    def write(partial: Path) -> None:
        partial.write_text(text, encoding="utf-8")

    return write_atomically(Path(path), write)


def _refuse(path: Path, why: str) -> UserError:
    return UserError(f"Tệp {path.name} không phải mẫu in dùng được: {why}; không có gì thay đổi.")


class _Refused(ValueError):
    """Raised by the JSON hooks below, with a Vietnamese reason."""


def _no_constant(name: str) -> float:
    raise _Refused(f"giá trị {name} không phải số")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"khóa «{key[:40]}» lặp lại")
        out[key] = value
    return out


def _shown(key: str) -> str:
    return strip_unsafe(key)[:40]


def _check_keys(path: Path, where: str, data: Any, allowed: set[str]) -> None:
    """Only known keys, and every number a plain finite value of sensible size."""
    if not isinstance(data, Mapping):
        raise _refuse(path, f"{where} phải là một đối tượng JSON")
    unknown = sorted(set(data) - allowed)
    if unknown:
        shown = ", ".join(f"«{_shown(k)}»" for k in unknown[:3])
        raise _refuse(path, f"{where} có khóa lạ {shown}")
    for key, value in data.items():
        if isinstance(value, str) and (len(value) > 200 or strip_unsafe(value) != value):
            raise _refuse(path, f"{where}: «{_shown(key)}» có chữ quá dài hoặc ký tự điều khiển")
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if abs(value) > 100_000 or (isinstance(value, float) and not math.isfinite(value)):
            raise _refuse(path, f"{where}: «{_shown(key)}» là số quá lớn hoặc không hợp lệ")


def parse_layout_document(path: Path, raw: bytes) -> dict[str, Any]:
    """Check a layout file's bytes; the complete layout data (``layout_data`` shape)."""
    try:
        text = raw.decode("utf-8-sig")
        document = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_unique_keys)
    except UnicodeDecodeError:
        raise _refuse(path, "không phải văn bản UTF-8") from None
    except RecursionError:
        raise _refuse(path, "lồng nhau quá sâu") from None
    except json.JSONDecodeError as exc:
        raise _refuse(
            path, f"không phải JSON hợp lệ (sai ở dòng {exc.lineno}, cột {exc.colno})"
        ) from None
    except _Refused as exc:  # NaN, Infinity, a repeated key
        raise _refuse(path, f"không phải JSON hợp lệ ({exc})") from None
    except ValueError:  # a number thousands of digits long
        raise _refuse(path, "có số dài bất thường") from None
    _check_keys(path, "tệp", document, _TOP_KEYS)
    for key in ("award", "title", "name"):
        if not isinstance(document.get(key, ""), str):
            raise _refuse(path, f"«{key}» phải là chữ")
    fmt = document.get("format", FILE_FORMAT)
    if fmt != FILE_FORMAT:
        raise _refuse(path, "không phải tệp mẫu in của KX Ceremony")
    version = document.get("version", FILE_VERSION)
    if version != FILE_VERSION:
        raise _refuse(path, f"phiên bản {str(version)[:20]} chưa được hỗ trợ")
    if "page" not in document or "fields" not in document:
        raise _refuse(path, "thiếu khổ giấy («page») hoặc các ô («fields»)")
    _check_keys(path, "khổ giấy", document["page"], _PAGE_KEYS)
    if document.get("border") is not None:
        _check_keys(path, "khung viền", document["border"], _BORDER_KEYS)
    fields = document["fields"]
    _check_keys(path, "danh sách ô", fields, set(FIELD_LABELS))
    for name, values in fields.items():
        _check_keys(path, f"ô «{FIELD_LABELS[name]}»", values, _FIELD_KEYS)
        for key in ("design", "underline"):
            if not isinstance(values.get(key, False), bool):
                raise _refuse(path, f"ô «{FIELD_LABELS[name]}»: «{key}» phải là true hoặc false")
    try:
        layout = check_layout_data(document)
    except UserError as exc:
        raise _refuse(path, exc.message.rstrip(".")) from None
    return layout_data(layout)


def read_layout_file(path: Path) -> dict[str, Any]:
    """A shared layout file, checked whole before anything uses it."""
    path = Path(path)
    try:
        if not path.is_file():
            raise _refuse(path, "không tìm thấy tệp (hoặc đó không phải tệp thường)")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refuse(
                path, f"tệp nặng {size / 1024 / 1024:.1f} MB, mẫu in chỉ vài KB (tối đa 256 KB)"
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _refuse(path, f"không đọc được ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _refuse(path, "tệp quá lớn (tối đa 256 KB)")
    return parse_layout_document(path, raw)
