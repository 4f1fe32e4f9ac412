"""Errors the user can act on, each carrying one plain Vietnamese sentence."""

from __future__ import annotations

from kx_ceremony.core.redact import mask


class UserError(Exception):
    """The user's input, file or action is wrong: say what, where, and what to do.

    The command line prints ``message`` and exits with status 2; the window shows
    ``window_text``, next to ``field`` when the error belongs to one input of a form.
    What to do often differs between the two: a command to type on the command line, a
    button or screen in the window (a window user is never sent to the command line). Give
    the sentence that holds for both as ``message`` and the two remedies as ``cli_hint``
    and ``window_hint``; each is appended to the sentence for its own audience.
    """

    exit_status = 2

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        cli_hint: str = "",
        window_hint: str = "",
    ) -> None:
        # A server address in a message never shows its password.
        self.message = mask(_joined(message, cli_hint))
        super().__init__(self.message)
        self.window_text = mask(_joined(message, window_hint))
        self.field = field


def _joined(message: str, hint: str) -> str:
    if not hint:
        return message
    if message.endswith((".", ":", ";")):
        return f"{message} {hint}"
    return f"{message}: {hint}"


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
