"""Errors the user can act on, each carrying one plain Vietnamese sentence."""

from __future__ import annotations

from kx_ceremony.core.redact import mask


class UserError(Exception):
    """The user's input, file or action is wrong: say what, where, and what to do.

    The command line prints ``message`` and exits with status 2; the window shows it,
    next to ``field`` when the error belongs to one input of a form.
    """

    exit_status = 2

    def __init__(self, message: str, *, field: str | None = None) -> None:
        message = mask(message)  # a server address in a message never shows its password
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(UserError):
    """A ceremony, honouree … named by id does not exist."""


class StoreError(Exception):
    """The store cannot be used as it is (damaged, newer, failed upgrade).

    Still a sentence for the user, but it is not their input that is wrong.
    """

    exit_status = 1

    def __init__(self, message: str) -> None:
        message = mask(message)
        super().__init__(message)
        self.message = message


class Cancelled(Exception):
    """A long job was cancelled by the user; whatever it was doing was rolled back."""
