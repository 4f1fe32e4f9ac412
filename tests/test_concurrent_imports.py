"""Two PCs importing the same file into one ceremony on a PostgreSQL server: the second
waits for the first to commit, then is refused as duplicates (before: everyone twice).

The two PCs are two engines (two connection pools) in two threads. The first import is
held inside its transaction right after its rows are written, the server is asked until
it shows the second one waiting for the ceremony's lock, then the first is let go.
"""

from __future__ import annotations

import os
import threading
import time

import pytest
from import_files import SAMPLES
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from kx_ceremony.core.errors import UserError
from kx_ceremony.core.importing.service import run_import
from kx_ceremony.core.services.ceremonies import CeremonyInput, create_ceremony
from kx_ceremony.core.services.honourees import list_honourees
from kx_ceremony.core.store import open_store

pytestmark = pytest.mark.skipif(
    not os.environ.get("KX_TEST_POSTGRES_URL"), reason="KX_TEST_POSTGRES_URL is not set"
)

SHEET = SAMPLES / "simple.csv"


def _hold_after_insert(store, inserted: threading.Event, release: threading.Event) -> None:
    """Pause this store's import inside its transaction, just after it wrote its rows."""

    @event.listens_for(store.engine, "after_cursor_execute")
    def _pause(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("INSERT INTO HONOUREES"):
            inserted.set()
            release.wait(timeout=60)


def _waiting_for_an_advisory_lock(admin) -> bool:  # type: ignore[no-untyped-def]
    with admin.connect() as conn:
        return bool(
            conn.execute(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            ).scalar()
        )


@pytest.mark.slow
@pytest.mark.parametrize("any_db", ["postgresql"], indirect=True)
def test_the_second_pc_importing_the_same_file_is_refused(any_db: str) -> None:
    import datetime as dt

    setup = open_store(any_db)
    ceremony_id = create_ceremony(setup, CeremonyInput(title="Lễ", held_on=dt.date(2023, 1, 5)))
    setup.close()

    first_pc, second_pc = open_store(any_db), open_store(any_db)
    admin = create_engine(make_url(any_db))
    inserted, release = threading.Event(), threading.Event()
    _hold_after_insert(first_pc, inserted, release)
    outcomes: dict[str, object] = {}

    def run(name: str, store) -> None:  # type: ignore[no-untyped-def]
        try:
            outcomes[name] = run_import(store, ceremony_id, SHEET).imported
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcomes[name] = exc

    first = threading.Thread(target=run, args=("first", first_pc), daemon=True)
    second = threading.Thread(target=run, args=("second", second_pc), daemon=True)
    try:
        first.start()
        assert inserted.wait(timeout=60), outcomes
        second.start()
        # The second import must wait for the first one's lock (it would otherwise finish
        # by itself, storing everyone a second time).
        deadline = time.monotonic() + 60
        while not _waiting_for_an_advisory_lock(admin):
            assert second.is_alive(), f"the second import did not wait: {outcomes}"
            assert time.monotonic() < deadline, "the second import never waited for the lock"
            time.sleep(0.05)
        release.set()
        first.join(timeout=60)
        second.join(timeout=60)
    finally:
        release.set()
        admin.dispose()

    assert outcomes["first"] == 9
    refused = outcomes["second"]
    assert isinstance(refused, UserError), refused
    assert "vừa được thêm vào buổi lễ" in refused.message
    try:
        names = [r.name for r in list_honourees(first_pc, ceremony_id)]
    finally:
        first_pc.close()
        second_pc.close()
    assert len(names) == 9 and len(set(names)) == 9  # nobody twice
