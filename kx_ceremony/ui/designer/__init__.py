"""The visual designer of certificate layouts (issue 16, item 2): one award form's boxes
over a scan of its blank, dragged and typed in millimetres, saved into the award form.

Opened from the printing screen and from the award catalogue on the «Buổi lễ» screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget

from kx_ceremony.core.services.awards import list_award_forms
from kx_ceremony.core.store import Store

_open: list[Any] = []  # the designers open now (one per award form)


def choose_award_form(
    parent: QWidget, store: Store, ceremony_id: int, preselect: str | None = None
) -> int | None:
    """The award form to design: ``preselect`` (a full name) when given, else asked."""
    forms = list_award_forms(store, ceremony_id)
    for form in forms:
        if preselect and form.full_name == preselect:
            return form.id
    if not forms:
        return None
    names = [f.full_name for f in forms]
    chosen, ok = QInputDialog.getItem(
        parent,
        parent.tr("Thiết kế mẫu in"),
        parent.tr("Thiết kế mẫu in của hình thức:"),
        names,
        0,
        False,
    )
    return forms[names.index(chosen)].id if ok and chosen in names else None


def open_designer(
    parent: QWidget | None,
    store: Store,
    app_events: Any,
    runner: Any,
    ceremony_id: int,
    award_form_id: int,
) -> Any:
    """Show the designer of one award form (brought forward if it is already open)."""
    from kx_ceremony.ui.designer.window import DesignerWindow

    for window in list(_open):
        try:
            same = (window.ceremony_id, window.award_form_id) == (ceremony_id, award_form_id)
            visible = window.isVisible()
        except RuntimeError:  # deleted by Qt
            _open.remove(window)
            continue
        if same and visible:
            window.raise_()
            window.activateWindow()
            return window
        if not visible:
            _open.remove(window)
    window = DesignerWindow(store, app_events, runner, ceremony_id, award_form_id, parent)
    _open.append(window)
    window.show()
    return window
