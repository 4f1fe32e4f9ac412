"""What is left to do before the day: a ceremony's readiness, counted.

Each line is one thing an organiser must still do, with how many people, forms or rounds
it concerns and the screen that fixes it (``target``: "honourees", "ceremonies",
"stage", "pledges", "documents", "safety"). Only what is not done yet is listed; an empty
list means the ceremony is ready. Counts, not lists: the screen behind each line shows
the rows themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from kx_ceremony.core.award_types import FLAG
from kx_ceremony.core.model import (
    AwardForm,
    Honouree,
    PledgeDocument,
    Round,
)
from kx_ceremony.core.services.ceremonies import load_ceremony
from kx_ceremony.core.services.honourees import on_stage_clause
from kx_ceremony.core.services.print_ledger import printed_ids
from kx_ceremony.core.store import Store

BACKUP_MAX_AGE = dt.timedelta(days=1)


@dataclass(frozen=True)
class ReadinessItem:
    key: str  # stable name, for tests and the window's buttons
    count: int
    text: str  # one Vietnamese line with the count in it
    target: str  # the screen that fixes it


def ceremony_readiness(
    store: Store, ceremony_id: int, *, now: dt.datetime | None = None
) -> list[ReadinessItem]:
    """Everything not yet done for this ceremony, most urgent first."""
    items: list[ReadinessItem] = []
    with store.reading() as session:
        load_ceremony(session, ceremony_id)
        in_ceremony = Honouree.ceremony_id == ceremony_id
        people = session.scalar(select(func.count()).select_from(Honouree).where(in_ceremony))
        if not people:
            return [
                ReadinessItem(
                    "no_honourees",
                    0,
                    "Chưa có người/tập thể nào được khen: hãy nhập danh sách từ bảng tính.",
                    "honourees",
                )
            ]
        without_decision = session.scalar(
            select(func.count())
            .select_from(Honouree)
            .where(in_ceremony, Honouree.decision_id.is_(None))
        )
        unplaced = session.scalar(
            select(func.count())
            .select_from(Honouree)
            .join(AwardForm, AwardForm.id == Honouree.award_form_id)
            .where(in_ceremony, Honouree.round_id.is_(None), on_stage_clause())
        )
        rounds = session.scalar(
            select(func.count()).select_from(Round).where(Round.ceremony_id == ceremony_id)
        )
        without_presenter = session.scalar(
            select(func.count())
            .select_from(Round)
            .where(Round.ceremony_id == ceremony_id, Round.presenter_id.is_(None))
        )
        forms_in_use = session.scalars(
            select(AwardForm)
            .where(
                AwardForm.ceremony_id == ceremony_id,
                AwardForm.id.in_(select(Honouree.award_form_id).where(in_ceremony)),
            )
            .order_by(AwardForm.rank)
        ).all()
        paper = [f for f in forms_in_use if f.award_type != FLAG]  # a flag is no paper
        not_fitted = [f.full_name for f in paper if not f.layout]
        printed = printed_ids(ceremony_id)
        not_printed = session.scalar(
            select(func.count())
            .select_from(Honouree)
            .where(
                in_ceremony,
                Honouree.award_form_id.in_([f.id for f in paper]),
                Honouree.id.not_in(printed),
            )
        )
        kinds = set(
            session.scalars(
                select(PledgeDocument.kind).where(PledgeDocument.ceremony_id == ceremony_id)
            )
        )
    if without_decision:
        items.append(
            ReadinessItem(
                "without_decision",
                without_decision,
                f"{without_decision} người/tập thể chưa gắn quyết định khen thưởng "
                "(bằng khen của họ chưa in được).",
                "honourees",
            )
        )
    if not rounds and unplaced:  # only those presented on stage need a round
        items.append(
            ReadinessItem(
                "no_rounds",
                unplaced,
                f"Chưa lập các đợt trao cho {unplaced} người/tập thể lên sân khấu.",
                "stage",
            )
        )
    elif unplaced:
        items.append(
            ReadinessItem(
                "unplaced",
                unplaced,
                f"{unplaced} người/tập thể chưa được xếp vào đợt trao.",
                "stage",
            )
        )
    if without_presenter:
        items.append(
            ReadinessItem(
                "rounds_without_presenter",
                without_presenter,
                f"{without_presenter} đợt trao chưa có người trao.",
                "stage",
            )
        )
    if not_fitted:
        shown = ", ".join(f"«{n}»" for n in not_fitted[:3])
        more = f" và {len(not_fitted) - 3} hình thức khác" if len(not_fitted) > 3 else ""
        items.append(
            ReadinessItem(
                "forms_without_layout",
                len(not_fitted),
                f"{len(not_fitted)} hình thức chưa chỉnh vị trí chữ theo phôi: {shown}{more}.",
                "documents",
            )
        )
    if not_printed:
        items.append(
            ReadinessItem(
                "not_printed",
                not_printed,
                f"{not_printed} bằng khen, giấy khen chưa in (theo sổ theo dõi phôi).",
                "documents",
            )
        )
    for kind, label in (("covenant", "bản giao ước thi đua"), ("pledge", "bản cam kết thi đua")):
        if kind not in kinds:
            items.append(ReadinessItem(f"no_{kind}", 1, f"Chưa soạn {label}.", "pledges"))
    backup = _backup_item(store, now or dt.datetime.now())
    if backup is not None:
        items.append(backup)
    return items


def _backup_item(store: Store, now: dt.datetime) -> ReadinessItem | None:
    """The day's backup: a SQLite store should have an automatic copy under a day old."""
    from kx_ceremony.core.store.copies import backups_dir, list_automatic

    path: Path | None = store.path
    if path is None:  # a shared server store is backed up by its server
        return None
    copies = list_automatic(backups_dir(path))
    if copies:
        newest = dt.datetime.fromtimestamp(max(p.stat().st_mtime for p in copies))
        if now - newest < BACKUP_MAX_AGE:
            return None
        text = f"Bản sao lưu gần nhất đã cũ (lúc {newest:%H:%M %d/%m/%Y}): hãy sao lưu hôm nay."
    else:
        text = "Kho dữ liệu chưa có bản sao lưu nào: hãy sao lưu."
    return ReadinessItem("backup", 1, text, "safety")
