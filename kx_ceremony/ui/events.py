"""One app-level signal saying what changed; every view refreshes itself from it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# What may change, as the strings carried by ``AppEvents.changed``.
CEREMONIES = "ceremonies"
HONOUREES = "honourees"
AWARDS = "awards"
STAGE = "stage"
DOCUMENTS = "documents"
STORE = "store"  # the whole store was replaced (restore) or reopened
PRINTED = "printed"  # certificates printed: the ledger of blanks and register numbers
EVERYTHING = frozenset({CEREMONIES, HONOUREES, AWARDS, STAGE, DOCUMENTS, STORE, PRINTED})


class AppEvents(QObject):
    """``changed(what)`` after each change; ``ceremony_opened(id)`` when the user picks one;
    ``navigate(screen)`` when a screen sends the user to another ("stage", "pledges"…)."""

    changed = Signal(str)
    ceremony_opened = Signal(int)
    navigate = Signal(str)
