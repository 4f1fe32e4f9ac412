"""A server password never reaches the terminal, a message or the log file."""

from __future__ import annotations

from pathlib import Path

import pytest

SECRET = "Hunter2-secret"


def _log_text(tmp_path: Path) -> str:
    log = tmp_path / "user-logs" / "kx-ceremony.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://kx:{SECRET}@127.0.0.1:abc/kx",  # malformed port
        f"postgresql+psycopg://kx:{SECRET}@[::1/kx",  # malformed host
        f"postgresql+psycopg://kx:{SECRET}@host@127.0.0.1:1/kx",  # unencoded "@"
        f"postgresql+psycopg://kx@127.0.0.1:1/kx?password={SECRET}",  # password in the query
        f"postgresql+psycopg://kx:{SECRET}@127.0.0.1:1/kx",  # unreachable
    ],
    ids=["port", "host", "at-sign", "query", "unreachable"],
)
def test_a_password_in_a_server_address_is_never_shown_nor_logged(
    cli, tmp_path: Path, url: str
) -> None:
    result = cli("ceremonies", db=url)
    assert result.status == 2, result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "kho dữ liệu" in result.err
    assert SECRET not in result.err and SECRET[:7] not in result.err
    assert SECRET not in _log_text(tmp_path) and "refused" in _log_text(tmp_path)


def test_an_unexpected_failure_logs_the_command_without_the_password(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"postgresql+psycopg://kx:{SECRET}@127.0.0.1:1/kx"

    def broken(db: str | None):  # an error whose text quotes the address, as drivers do
        raise RuntimeError(f"could not use {db} (dsn: host=127.0.0.1 password={SECRET})")

    monkeypatch.setattr("kx_ceremony.commands.common.open_store", broken)
    result = cli("ceremonies", db=url)
    assert result.status == 1
    assert SECRET not in result.err
    log = _log_text(tmp_path)
    assert "unexpected failure (argv=" in log and "RuntimeError" in log  # still logged in full
    assert "kx:***@127.0.0.1:1/kx" in log
    assert SECRET not in log
