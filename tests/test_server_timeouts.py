"""A PostgreSQL server that does not answer never hangs a command: a statement it does
not finish in time is cancelled (statement timeout) and a server that accepts the
connection but never speaks is given up (connect timeout); each is one line, exit 2."""

from __future__ import annotations

import os
import socket
import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.store import open_store

pytestmark = pytest.mark.skipif(
    not os.environ.get("KX_TEST_POSTGRES_URL"), reason="KX_TEST_POSTGRES_URL is not set"
)
on_postgresql = pytest.mark.parametrize("any_db", ["postgresql"], indirect=True)


@pytest.fixture
def short_statement_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KX_CEREMONY_STATEMENT_TIMEOUT", "1")


@on_postgresql
def test_a_statement_longer_than_the_timeout_is_cancelled(
    any_db: str, short_statement_timeout: None
) -> None:
    store = open_store(any_db)
    try:
        with pytest.raises(UserError, match="không trả lời kịp"), store.reading() as session:
            session.execute(text("SELECT pg_sleep(5)"))
        with store.reading() as session:  # the store is usable again at once
            assert session.execute(text("SELECT 1")).scalar() == 1
    finally:
        store.close()


@pytest.mark.slow
@on_postgresql
def test_a_table_held_by_a_stuck_pc_gives_one_line_not_a_hang(
    any_db: str, cli, short_statement_timeout: None
) -> None:
    """Another PC took a lock and stopped answering: our command is cancelled in time."""
    assert cli("demo", db=any_db).status == 0
    stuck = create_engine(make_url(any_db))
    conn = stuck.connect()
    transaction = conn.begin()
    conn.execute(text("LOCK TABLE ceremonies IN ACCESS EXCLUSIVE MODE"))
    # Before the fix the command waited as long as the lock was held: let go after a while
    # so that a missing timeout fails this test instead of hanging the suite.
    release = threading.Timer(30, transaction.rollback)
    release.start()
    try:
        result = cli("ceremonies", db=any_db)
        new = cli("new-ceremony", "--title", "Lễ khác", "--date", "2024-01-05", db=any_db)
    finally:
        release.cancel()
        if transaction.is_active:
            transaction.rollback()
        conn.close()
        stuck.dispose()
    assert result.status == 2, result.out + result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "không trả lời kịp" in lines[0]
    assert new.status == 2 and "chưa được lưu" in new.err
    assert "Lễ khác" not in cli("ceremonies", db=any_db).out


def test_a_server_that_never_answers_is_given_up(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """A port that accepts connections and then says nothing (a frozen server)."""
    monkeypatch.setenv("KX_CEREMONY_CONNECT_TIMEOUT", "1")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        result = cli("ceremonies", db=f"postgresql+psycopg://kx:pw-secret@127.0.0.1:{port}/kx")
    assert result.status == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Không kết nối được tới máy chủ" in lines[0]
    assert "pw-secret" not in result.err
