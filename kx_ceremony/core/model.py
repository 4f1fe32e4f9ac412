"""The ceremony store's tables, as SQLAlchemy 2.0 typed models.

Every table hangs off a ceremony and is deleted with it. The schema changes only
through the Alembic migrations in ``core/migrations``; a test checks that the models and
the migrated schema agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kx_ceremony.core.model_values import (  # noqa: F401 - re-exported
    KIND_LABELS,
    KIND_ORDER,
    KINDS_IN_ORDER,
    Attendance,
    Gender,
    Kind,
    PledgeKind,
    PrintMode,
    kind_refusal,
)
from kx_ceremony.core.model_values import (
    str_enum as _str_enum,
)

# Stable constraint names, so batch migrations can find them on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Ceremony(Base):
    __tablename__ = "ceremonies"
    __table_args__ = (CheckConstraint("per_round > 0", name="per_round_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    held_on: Mapped[dt.date] = mapped_column(Date)
    # The place name used in date lines ("Kiến Xương, ngày 05 tháng 01 năm 2023").
    place: Mapped[str] = mapped_column(String(200), default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    organiser: Mapped[str] = mapped_column(String(300), default="")
    province: Mapped[str] = mapped_column(String(200), default="")
    achievement_year: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    per_round: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    is_sample: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    award_forms: Mapped[list[AwardForm]] = relationship(
        back_populates="ceremony", cascade="all, delete-orphan", passive_deletes=True
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="ceremony", cascade="all, delete-orphan", passive_deletes=True
    )
    honourees: Mapped[list[Honouree]] = relationship(
        back_populates="ceremony", cascade="all, delete-orphan", passive_deletes=True
    )
    presenters: Mapped[list[Presenter]] = relationship(
        back_populates="ceremony", cascade="all, delete-orphan", passive_deletes=True
    )
    rounds: Mapped[list[Round]] = relationship(
        back_populates="ceremony", cascade="all, delete-orphan", passive_deletes=True
    )
    documents: Mapped[list[PledgeDocument]] = relationship(
        back_populates="ceremony", cascade="all, delete-orphan", passive_deletes=True
    )


class AwardForm(Base):
    """One entry of a ceremony's award catalogue (Bằng khen của Thủ tướng Chính phủ …)."""

    __tablename__ = "award_forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    # A short stable code ("ttg", "tinh", "huyen" …) that imports and layouts refer to.
    code: Mapped[str] = mapped_column(String(50), default="")
    full_name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    printed_word: Mapped[str] = mapped_column(String(100), default="")  # "BẰNG KHEN"
    authority_line: Mapped[str] = mapped_column(String(300), default="")
    rank: Mapped[int] = mapped_column(Integer)  # lower = presented first
    # Recipient kinds allowed, as a list of Kind values.
    kinds: Mapped[list[str]] = mapped_column(JSON, default=lambda: [k.value for k in Kind])
    # Other ways spreadsheets name this award ("BK TTg", "Bằng khen Thủ tướng").
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    page_width_mm: Mapped[float] = mapped_column(default=420.0)
    page_height_mm: Mapped[float] = mapped_column(default=297.0)
    layout_name: Mapped[str] = mapped_column(String(100), default="")
    # The organiser's adjusted certificate layout (fields in millimetres); None = default.
    layout: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Register numbers (số sổ vàng) pattern, e.g. "{n:03d}/{year}"; "": none (register_numbers).
    register_pattern: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # "certificate", "title" (printed "DANH HIỆU …") or "flag" (a label, no paper): award_types.
    award_type: Mapped[str] = mapped_column(
        String(20), default="certificate", server_default="certificate"
    )
    # Print abbreviations as written (UBND, THCS…) instead of spelling them out.
    keep_abbreviations: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Presented on stage (rounds, script, line-up); off stage, the units hand it over.
    on_stage: Mapped[bool] = mapped_column(default=True, server_default=true())

    ceremony: Mapped[Ceremony] = relationship(back_populates="award_forms")


class Decision(Base):
    """A decision (quyết định) that grants one award form."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    award_form_id: Mapped[int] = mapped_column(
        ForeignKey("award_forms.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(100))  # "123/QĐ-UBND"
    signed_on: Mapped[dt.date] = mapped_column(Date)
    authority: Mapped[str] = mapped_column(String(300), default="")
    # "CHỦ TỊCH", or "KT. CHỦ TỊCH" with signer_subtitle "PHÓ CHỦ TỊCH" when a deputy signs.
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    signer_subtitle: Mapped[str] = mapped_column(String(200), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")  # for the date line

    ceremony: Mapped[Ceremony] = relationship(back_populates="decisions")
    award_form: Mapped[AwardForm] = relationship()


class Honouree(Base):
    __tablename__ = "honourees"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_str_enum(Kind)})", name="kind_valid"),
        CheckConstraint(f"attendance IN ({_str_enum(Attendance)})", name="attendance_valid"),
        Index("ix_honourees_ceremony_fold", "ceremony_id", "name_fold"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default=Kind.INDIVIDUAL.value)
    name: Mapped[str] = mapped_column(String(300))
    # An honorific, rank or degree written before the name ("Ông", "Đại tá", "PGS.TS.").
    title: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # Folded name (no case, no marks) for search and duplicate checks.
    name_fold: Mapped[str] = mapped_column(String(300), default="", server_default="")
    gender: Mapped[str | None] = mapped_column(String(10))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[str] = mapped_column(String(300), default="")
    unit: Mapped[str] = mapped_column(String(500), default="")
    achievement: Mapped[str] = mapped_column(Text, default="")
    # NO ACTION (checked at the end of the statement), not RESTRICT: deleting a ceremony
    # removes its honourees and its catalogue in one cascade, in any order.
    award_form_id: Mapped[int] = mapped_column(ForeignKey("award_forms.id"), index=True)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decisions.id", ondelete="SET NULL"), index=True
    )
    register_number: Mapped[str] = mapped_column(String(100), default="")
    representative: Mapped[str] = mapped_column(String(300), default="")  # for a collective
    attendance: Mapped[str] = mapped_column(String(20), default=Attendance.PRESENT.value)
    substitute_name: Mapped[str] = mapped_column(String(300), default="")
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("rounds.id", ondelete="SET NULL"), index=True
    )
    position_on_stage: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    # Awarded after death ("TRUY TẶNG"): a family member receives it.
    posthumous: Mapped[bool] = mapped_column(default=False, server_default=false())
    # On stage or not for this person; None: as the award form says (services.on_stage).
    on_stage: Mapped[bool | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())

    ceremony: Mapped[Ceremony] = relationship(back_populates="honourees")
    award_form: Mapped[AwardForm] = relationship()
    decision: Mapped[Decision | None] = relationship()
    round: Mapped[Round | None] = relationship(back_populates="honourees")


class Presenter(Base):
    """An official who hands over awards on stage."""

    __tablename__ = "presenters"

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    honorific: Mapped[str] = mapped_column(String(50), default="đồng chí")
    name: Mapped[str] = mapped_column(String(200))
    # Titles in the order they are read: Party post first, then state post.
    titles: Mapped[list[str]] = mapped_column(JSON, default=list)
    seniority: Mapped[int] = mapped_column(Integer, default=1)  # 1 = most senior
    # A leader of the host, not a guest: the host's own awards go to host leaders by default.
    host: Mapped[bool] = mapped_column(default=False, server_default=false())

    ceremony: Mapped[Ceremony] = relationship(back_populates="presenters")


class AwardPresenter(Base):
    """The organiser's choice of who presents an award form (several: their rounds in turn).

    A form with no row here takes the planning rule's default (seniority, host leaders for
    the host's own awards; see services/award_presenters.py).
    """

    __tablename__ = "award_presenters"
    __table_args__ = (UniqueConstraint("award_form_id", "presenter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    award_form_id: Mapped[int] = mapped_column(
        ForeignKey("award_forms.id", ondelete="CASCADE"), index=True
    )
    presenter_id: Mapped[int] = mapped_column(
        ForeignKey("presenters.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=1)  # order of turns, from 1


class ConferencePart(Base):
    """One part of the conference programme as the organiser edited it.

    Parts never edited have no row: their words are made from the ceremony's data when the
    script is printed (core/conference.py), so they follow later changes.
    """

    __tablename__ = "conference_parts"
    __table_args__ = (UniqueConstraint("ceremony_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(30))  # "opening", "delegates" … (conference.PARTS)
    position: Mapped[int] = mapped_column(Integer)  # place in the programme, from 1
    title: Mapped[str | None] = mapped_column(String(300))  # None: the default heading
    text: Mapped[str | None] = mapped_column(Text)  # None: the default words
    # Who carries the part out, named ("đồng chí …, Phó Chủ tịch Hội đồng Thi đua …").
    speaker: Mapped[str | None] = mapped_column(String(500))
    enabled: Mapped[bool] = mapped_column(default=True, server_default=true())


class Round(Base):
    """One round (đợt) on stage: a presenter hands one award form to a line of people."""

    __tablename__ = "rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)  # order on the day, from 1
    presenter_id: Mapped[int | None] = mapped_column(
        ForeignKey("presenters.id", ondelete="SET NULL"), index=True
    )
    award_form_id: Mapped[int | None] = mapped_column(
        ForeignKey("award_forms.id", ondelete="SET NULL"), index=True
    )
    # Set when the organiser changed the plan by hand; replanning asks first.
    manual: Mapped[bool] = mapped_column(default=False)

    ceremony: Mapped[Ceremony] = relationship(back_populates="rounds")
    presenter: Mapped[Presenter | None] = relationship()
    award_form: Mapped[AwardForm | None] = relationship()
    honourees: Mapped[list[Honouree]] = relationship(
        back_populates="round", order_by="Honouree.position_on_stage"
    )


class PledgeDocument(Base):
    """A covenant (bản giao ước thi đua) or a pledge (bản cam kết thi đua)."""

    __tablename__ = "pledge_documents"
    __table_args__ = (CheckConstraint(f"kind IN ({_str_enum(PledgeKind)})", name="kind_valid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    # [{"heading": str, "body": str}, …] in order.
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # Kind-specific content, e.g. a pledge's party, superior and table of targets.
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    place: Mapped[str] = mapped_column(String(200), default="")
    signed_on: Mapped[dt.date | None] = mapped_column(Date)

    ceremony: Mapped[Ceremony] = relationship(back_populates="documents")
    signatories: Mapped[list[Signatory]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Signatory.order",
    )


class Signatory(Base):
    __tablename__ = "signatories"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("pledge_documents.id", ondelete="CASCADE"), index=True
    )
    order: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(300))
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")

    document: Mapped[PledgeDocument] = relationship(back_populates="signatories")


class PrintRecord(Base):
    """One certificate printed, to a printer or a file: the ledger of blanks.

    The honouree's name and the award's name are copied, so the ledger still reads right
    after the honouree or the award form is deleted or renamed.
    """

    __tablename__ = "print_ledger"
    __table_args__ = (
        CheckConstraint(f"mode IN ({_str_enum(PrintMode)})", name="mode_valid"),
        CheckConstraint("target_kind IN ('printer', 'file')", name="target_kind_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ceremony_id: Mapped[int] = mapped_column(
        ForeignKey("ceremonies.id", ondelete="CASCADE"), index=True
    )
    honouree_id: Mapped[int | None] = mapped_column(
        ForeignKey("honourees.id", ondelete="SET NULL"), index=True
    )
    honouree_name: Mapped[str] = mapped_column(String(300))
    award_form_id: Mapped[int | None] = mapped_column(
        ForeignKey("award_forms.id", ondelete="SET NULL"), index=True
    )
    award_name: Mapped[str] = mapped_column(String(300))
    mode: Mapped[str] = mapped_column(String(10))
    register_number: Mapped[str] = mapped_column(String(100), default="")
    # Set when the number was given from the award form's pattern: its year and sequence.
    register_year: Mapped[int | None] = mapped_column(Integer)
    register_seq: Mapped[int | None] = mapped_column(Integer)
    target_kind: Mapped[str] = mapped_column(String(10))  # "printer" or "file"
    target: Mapped[str] = mapped_column(String(1000))  # printer name (and tray) or file path
    reprint: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ImportProfile(Base):
    """How a sending unit's list was imported last time, keyed by its header's fingerprint:
    the column mapping and the whole-list choices, offered again for the next list."""

    __tablename__ = "import_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    headers: Mapped[list[str]] = mapped_column(JSON, default=list)
    # {column index as text: field or None}
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # {"award": name, "kind": value, "unit": text}
    choices: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # {award text in the file: award form full name}
    award_names: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    used_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
