"""Certificate layouts: data in millimetres, not code.

A layout is a JSON file in ``resources/layouts/`` (one per award form's ``layout_name``,
plus ``default``): the page size, the border of the full design, and one box per field.
Boxes are measured from the page's top-left corner, as an organiser measures a blank with
a ruler. The organiser's adjusted layout, saved in the award form (``AwardForm.layout``),
is laid over the file field by field and wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.paths import resource_path
from kx_ceremony.core.printing.fonts import STYLES

DEFAULT_LAYOUT = "default"
ALIGNS = ("left", "center", "right")
# The page size an award form has unless the organiser changed it (model default).
MODEL_DEFAULT_PAGE = (420.0, 297.0)

# Every field a certificate can carry, with the label shown on the calibration page.
FIELD_LABELS: dict[str, str] = {
    "national_title": "Quốc hiệu",
    "motto": "Tiêu ngữ",
    "authority": "Cơ quan/người tặng",
    "tang": "TẶNG",
    "printed_word": "Tên hình thức (BẰNG KHEN…)",
    "recipient": "Người/tập thể nhận",
    "position_unit": "Chức vụ, đơn vị",
    "achievement": "Thành tích",
    "decision": "Quyết định số, ngày",
    "register": "Số sổ vàng",
    "date_line": "Địa danh, ngày tháng",
    "signer_title": "Chức vụ người ký",
    "signer_subtitle": "Chức vụ người ký (dòng 2)",
    "signer_name": "Tên người ký",
}
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class FieldBox:
    """One text box. ``design`` boxes are pre-printed on blanks: drawn only in full mode."""

    name: str
    x: float
    y: float  # top of the box, from the top edge of the page
    width: float
    height: float
    size: float  # points
    style: str = "regular"
    align: str = "center"
    colour: str = "#000000"
    min_size: float = 0.0  # 0: the size itself (shrinks only when nothing else fits)
    max_lines: int = 1
    design: bool = False
    underline: bool = False

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.name, self.name)


@dataclass(frozen=True)
class Border:
    inset: float = 12.0
    colour: str = "#B8860B"
    width: float = 3.0
    inner_gap: float = 3.5
    inner_width: float = 0.8


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    page_width: float
    page_height: float
    fields: tuple[FieldBox, ...]
    border: Border | None

    @cached_property
    def _by_name(self) -> dict[str, FieldBox]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> FieldBox | None:
        return self._by_name.get(name)

    def with_page(self, width: float, height: float) -> Layout:
        return replace(self, page_width=width, page_height=height)


def _read_file(name: str) -> dict[str, Any]:
    path = resource_path("layouts", f"{name}.json")
    if not path.is_file():
        path = resource_path("layouts", f"{DEFAULT_LAYOUT}.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Không đọc được mẫu bằng khen {path.name} ({exc}); hãy cài lại KX Ceremony."
        ) from exc


def merge_layout(
    base: Mapping[str, Any], override: Mapping[str, Any], *, keep_removals: bool = False
) -> dict[str, Any]:
    """Override wins key by key, one level into ``page``, ``border`` and each field.

    A field set to None in the override is the organiser's removal of that box: dropped
    from the result when a layout is put together for printing, kept as None when one
    saved override is merged onto another (``keep_removals``, layout_store), so the
    removal is remembered.
    """
    out = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in base.items()}
    for key, value in override.items():
        if key == "fields" and isinstance(value, Mapping):
            fields = {
                k: dict(v) if isinstance(v, Mapping) else v
                for k, v in (out.get("fields") or {}).items()
            }
            for name, change in value.items():
                if change is None and not keep_removals:
                    fields.pop(name, None)  # the organiser removed this field
                elif isinstance(change, Mapping) and isinstance(fields.get(name), dict):
                    fields[name] = {**fields[name], **change}
                else:  # a new box, a removal kept, or a wrong value (refused when parsed)
                    fields[name] = dict(change) if isinstance(change, Mapping) else change
            out["fields"] = fields
        elif key in ("page", "border") and isinstance(value, Mapping):
            out[key] = {**(out.get(key) or {}), **value}
        else:
            out[key] = value
    return out


def _number(where: str, data: Mapping[str, Any], key: str, low: float, high: float) -> float:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise UserError(
            f"Mẫu bằng khen, {where}: «{key}» = {value!r} không hợp lệ; "
            f"hãy nhập số từ {low:g} đến {high:g}."
        )
    return float(value)


def _field(name: str, data: Any, page_w: float, page_h: float) -> FieldBox:
    where = f"ô «{FIELD_LABELS.get(name, name)}»"
    if not isinstance(data, Mapping):
        raise UserError(f"Mẫu bằng khen, {where}: phải là một ô có x, y, width, height.")
    if name not in FIELD_LABELS:
        raise UserError(f"Mẫu bằng khen có ô lạ «{name}»; các ô hợp lệ: {', '.join(FIELD_LABELS)}.")
    size = _number(where, data, "size", 4, 200)
    style = data.get("style", "regular")
    align = data.get("align", "center")
    colour = data.get("colour", "#000000")
    if style not in STYLES:
        raise UserError(f"Mẫu bằng khen, {where}: kiểu chữ «{style}» phải là {', '.join(STYLES)}.")
    if align not in ALIGNS:
        raise UserError(f"Mẫu bằng khen, {where}: canh lề «{align}» phải là left, center, right.")
    if not isinstance(colour, str) or not _HEX.match(colour):
        raise UserError(f"Mẫu bằng khen, {where}: màu «{colour}» phải viết dạng #RRGGBB.")
    max_lines = data.get("max_lines", 1)
    if max_lines not in (1, 2, 3):
        raise UserError(f"Mẫu bằng khen, {where}: số dòng tối đa phải là 1, 2 hoặc 3.")
    min_size = data.get("min_size", size)
    return FieldBox(
        name=name,
        x=_number(where, data, "x", 0, page_w),
        y=_number(where, data, "y", 0, page_h),
        width=_number(where, data, "width", 1, page_w),
        height=_number(where, data, "height", 1, page_h),
        size=size,
        style=style,
        align=align,
        colour=colour,
        min_size=_number(where, {"min_size": min_size}, "min_size", 4, size),
        max_lines=max_lines,
        design=bool(data.get("design", False)),
        underline=bool(data.get("underline", False)),
    )


def parse_layout(data: Mapping[str, Any]) -> Layout:
    page = data.get("page") or {}
    page_w = _number("khổ giấy", page, "width", 50, 1200)
    page_h = _number("khổ giấy", page, "height", 50, 1200)
    raw_fields = data.get("fields") or {}
    if not isinstance(raw_fields, Mapping):
        raise UserError("Mẫu bằng khen: «fields» phải là danh sách ô theo tên.")
    fields = tuple(_field(n, v, page_w, page_h) for n, v in raw_fields.items())
    border = None
    raw_border = data.get("border")
    if isinstance(raw_border, Mapping):
        colour = raw_border.get("colour", "#B8860B")
        if not isinstance(colour, str) or not _HEX.match(colour):
            raise UserError(f"Mẫu bằng khen, khung viền: màu «{colour}» phải viết dạng #RRGGBB.")
        border = Border(
            inset=_number("khung viền", raw_border, "inset", 0, min(page_w, page_h) / 3),
            colour=colour,
            width=_number("khung viền", raw_border, "width", 0, 20),
            inner_gap=_number("khung viền", {"g": raw_border.get("inner_gap", 0)}, "g", 0, 50),
            inner_width=_number("khung viền", {"w": raw_border.get("inner_width", 0)}, "w", 0, 20),
        )
    return Layout(
        name=str(data.get("name", DEFAULT_LAYOUT)),
        title=str(data.get("title", data.get("name", DEFAULT_LAYOUT))),
        page_width=page_w,
        page_height=page_h,
        fields=fields,
        border=border,
    )


def load_layout(
    name: str | None = None,
    override: Mapping[str, Any] | None = None,
    page_size: tuple[float, float] | None = None,
) -> Layout:
    """The named layout file (``default`` when none), then the award form's page size
    (when the organiser changed it from the model default), then its saved adjustments."""
    data = _read_file(name or DEFAULT_LAYOUT)
    if page_size is not None and tuple(map(float, page_size)) != MODEL_DEFAULT_PAGE:
        data = merge_layout(data, {"page": {"width": page_size[0], "height": page_size[1]}})
    if override:
        if not isinstance(override, Mapping):
            raise UserError("Mẫu bằng khen đã lưu của hình thức khen thưởng bị hỏng; hãy đặt lại.")
        data = merge_layout(data, override)
    return parse_layout(data)


def layout_for_award(form: Any) -> Layout:
    """The layout an award form prints with (``form`` is an AwardFormRow)."""
    return load_layout(
        form.layout_name or DEFAULT_LAYOUT,
        form.layout,
        (form.page_width_mm, form.page_height_mm),
    )


def layout_names() -> list[str]:
    folder = resource_path("layouts")
    return sorted(p.stem for p in folder.glob("*.json"))
