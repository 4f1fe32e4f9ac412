"""What the import dialog says: where a whole-list value came from, how an award value
matched, and the engine's messages with the command line's remedies replaced by the
dialog's own controls (a window user is never sent to the command line)."""

from __future__ import annotations

from typing import Any

# ListChoices.sources -> what the dialog shows next to the value.
_SOURCES = {
    "tiêu đề": "theo tiêu đề tệp",
    "tên trang": "theo tên trang tính",
    "tiêu đề cột tên": "theo tiêu đề cột tên",
    "dòng «Đơn vị:» trên tiêu đề": "theo dòng «Đơn vị:» trên tiêu đề",
    "cơ quan ghi ở góc trên bên trái": "theo cơ quan ghi ở góc trên bên trái",
    "lần nhập trước": "lần nhập trước",
    "người dùng chọn": "người dùng chọn",
}

# The engine's command-line remedies and what the dialog offers instead.
_FOR_WINDOW = (
    (
        "hãy chọn một hình thức cho cả danh sách (--award) hoặc ghi vào cột",
        "hãy chọn hình thức cho cả danh sách (ô «Hình thức» ở trên) hoặc ghi vào cột",
    ),
    (
        "hãy chọn hình thức tương ứng cho giá trị này, hoặc thêm nó làm hình thức mới "
        "(--add-awards)",
        "hãy chọn hình thức tương ứng cho giá trị này, hoặc «Thêm làm hình thức mới», "
        "ở thẻ «Hình thức khen thưởng»",
    ),
    ("(--award)", "(ô «Hình thức» ở trên)"),
    ("(--add-awards)", "(«Thêm làm hình thức mới» ở thẻ «Hình thức khen thưởng»)"),
    ("(--map CỘT=TRƯỜNG)", "(thẻ «Các cột»)"),
    ("(--sheet)", "(ô «Trang»)"),
)


def for_window(text: str) -> str:
    for cli, window in _FOR_WINDOW:
        text = text.replace(cli, window)
    return text


def source_text(where: str, has_value: bool) -> str:
    if not has_value:
        return "tệp không ghi; chọn nếu cần"
    if not where:
        return ""
    return _SOURCES.get(where, f"theo {where}")


def match_text(value: Any) -> str:
    """How one award value (AwardValue) matched, in a few words."""
    from kx_ceremony.core.importing import award_choice as ac
    from kx_ceremony.core.importing.award_matching import options_text

    grade = " (là kết quả đánh giá, không phải hình thức khen thưởng)" if value.grade else ""
    form = value.form.full_name if value.form is not None else ""
    if value.status == ac.MATCHED:
        return f"khớp «{form}»"
    if value.status == ac.MAPPED:
        return f"đã chọn «{form}» (ghi nhớ làm tên gọi khác)"
    if value.status == ac.NARROWED:
        return f"khớp «{form}» (theo hình thức của cả danh sách)"
    if value.status == ac.NEW:
        return f"thêm làm hình thức mới, thứ hạng {value.proposed_rank}{grade}"
    if value.status == ac.AMBIGUOUS:
        return f"nhiều hình thức: {options_text(value.candidates, 4)}"
    return f"chưa có trong danh mục{grade}"
