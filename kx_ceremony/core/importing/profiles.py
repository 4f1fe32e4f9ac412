"""Import profiles: how a sending unit's list was imported, offered again next time.

Units send the same form every year. A list whose header row we have seen before (same
header texts, folded) gets the column mapping, whole-list choices and award mappings the
organiser used for it last time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from kx_ceremony.core.importing.columns import header_key
from kx_ceremony.core.model import ImportProfile
from kx_ceremony.core.store import Store
from kx_ceremony.core.store.column_limits import require_fit
from kx_ceremony.core.store.written import note_written

_PROFILES = ImportProfile.__table__


@dataclass(frozen=True)
class SavedProfile:
    mapping: dict[int, str | None] = field(default_factory=dict)
    choices: dict[str, str] = field(default_factory=dict)
    award_names: dict[str, str] = field(default_factory=dict)


def fingerprint(headers: list[str]) -> str:
    text = "\x1f".join(header_key(h) for h in headers).rstrip("\x1f")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


def load_profile(store: Store, key: str) -> SavedProfile | None:
    with store.reading() as session:
        row = (
            session.connection()
            .execute(
                select(_PROFILES.c.mapping, _PROFILES.c.choices, _PROFILES.c.award_names).where(
                    _PROFILES.c.fingerprint == key
                )
            )
            .first()
        )
    if row is None:
        return None
    mapping = {int(k): val for k, val in (row.mapping or {}).items()}
    return SavedProfile(mapping, dict(row.choices or {}), dict(row.award_names or {}))


def save_profile(
    session: Session,
    key: str,
    headers: list[str],
    mapping: dict[int, str | None],
    choices: dict[str, str],
    award_names: dict[str, str],
) -> None:
    """Insert or replace the profile for this header, inside the import's transaction.

    Through Core on the table, as storing.py writes: the ORM would configure every mapper
    first, a noticeable part of a short command-line import."""
    conn = session.connection()
    saved = conn.execute(
        select(_PROFILES.c.id, _PROFILES.c.award_names).where(_PROFILES.c.fingerprint == key)
    ).first()
    merged = dict(saved.award_names or {}) if saved is not None else {}
    merged.update(award_names)
    values = {
        "headers": list(headers),
        "mapping": {str(k): val for k, val in mapping.items()},
        "choices": dict(choices),
        "award_names": merged,
    }
    if saved is None:
        require_fit(_PROFILES, [{"fingerprint": key}])
        conn.execute(insert(_PROFILES).values(fingerprint=key, **values))
    else:
        conn.execute(update(_PROFILES).where(_PROFILES.c.id == saved.id).values(**values))
    note_written(session, _PROFILES.name)
