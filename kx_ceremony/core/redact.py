"""Passwords out of everything a person or a log file sees.

A server address may carry a password (``postgresql+psycopg://kx:PASSWORD@host/db``, or
``?password=`` in its query). Every message (``UserError``, ``StoreError``), every line
the command line prints and every log record, tracebacks included, goes through
``mask``: the password part of any address is shown as ``***``, and so is any password
met while reading an address, wherever else it turns up (a driver's error may quote it).
"""

from __future__ import annotations

import re

HIDDEN = "***"
# How a server address is written, for messages; its placeholders are not a password.
URL_FORM = "postgresql+psycopg://TÊN:MẬT_KHẨU@MÁY_CHỦ:CỔNG/TÊN_KHO"
_URL_FORM_STANDIN = "\x00url-form\x00"
# scheme://user:password@ - greedy up to the last "@" of the address, so that a password
# with an unencoded "@" is hidden whole.
_USERINFO = re.compile(r"(\b[a-zA-Z][\w+.-]*://[^:/@\s'\"]*):[^\s'\"]*@")
_KEYWORD = re.compile(r"(?i)\b(password|passwd|pwd)(\s*=\s*)('[^']*'|\"[^\"]*\"|[^&\s'\";]*)")
_MIN_REMEMBERED = 4  # shorter values would hide ordinary words
_remembered: set[str] = set()


def remember(secret: str | None) -> None:
    """Hide ``secret`` from now on wherever it appears (a password read from an address)."""
    if secret and len(secret) >= _MIN_REMEMBERED:
        _remembered.add(secret)


def mask(text: str) -> str:
    """``text`` with every password shown as ``***``."""
    if not text:
        return text
    text = text.replace(URL_FORM, _URL_FORM_STANDIN)
    text = _USERINFO.sub(rf"\1:{HIDDEN}@", text)
    text = _KEYWORD.sub(rf"\1\2{HIDDEN}", text)
    for secret in sorted(_remembered, key=len, reverse=True):
        text = text.replace(secret, HIDDEN)
    return text.replace(_URL_FORM_STANDIN, URL_FORM)
