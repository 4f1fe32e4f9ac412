"""One app-level signal saying what changed; every view refreshes itself from it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal

from kx_ceremony.core.services.changes import (
    AWARDS,
    CEREMONIES,
    DOCUMENTS,
    HONOUREES,
    PRINTED,
    STAGE,
    areas_changed,
)
from kx_ceremony.core.store import Store
from kx_ceremony.core.store.written import Written

# What may change, as the strings carried by ``AppEvents.changed`` (the areas of
# ``core/services/changes.py``, and one of the window's own).
STORE = "store"  # the whole store was replaced (restore) or reopened
EVERYTHING = frozenset({CEREMONIES, HONOUREES, AWARDS, STAGE, DOCUMENTS, STORE, PRINTED})


class AppEvents(QObject):
    """``changed(what)`` after each change; ``ceremony_opened(id)`` when the user picks one;
    ``navigate(screen)`` when a screen sends the user to another ("stage", "pledges"…)."""

    changed = Signal(str)
    ceremony_opened = Signal(int)
    navigate = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._held: list[str] | None = None

    def tell(self, area: str) -> None:
        """``changed(area)`` now, or when the ``held()`` block around it ends."""
        if self._held is None:
            self.changed.emit(area)
        elif area not in self._held:
            self._held.append(area)

    @contextmanager
    def held(self) -> Iterator[list[str]]:
        """Notices wait until the block ends, then go out once each: for a view that saves
        in several steps and must not be reloaded halfway. The block may clear the list it
        is given (a refused save that put every step back has nothing to tell)."""
        if self._held is not None:
            yield []
            return
        self._held = []
        try:
            yield self._held
        finally:
            areas, self._held = self._held, None
            for area in areas:
                self.changed.emit(area)


class Dispatcher(QObject):
    """The one place that tells the views what changed: every committed write of the store
    (``Store.listen``) becomes ``changed(area)`` for each area it touched, on the GUI
    thread even when the write ran in a background task (as Anki's operations broadcast
    their changes). Views never guess it."""

    _written = Signal(object)

    def __init__(self, store: Store, app_events: AppEvents) -> None:
        super().__init__(app_events)
        self.events = app_events
        # Direct on the GUI thread (a view reads the refreshed screens right after its call);
        # queued to the GUI thread when a background task saved.
        self._written.connect(self._tell, Qt.ConnectionType.AutoConnection)
        self._stop = store.listen(self._written.emit)
        self.destroyed.connect(lambda *_: self._stop())

    def _tell(self, written: Written) -> None:
        for area in areas_changed(written):
            self.events.tell(area)
