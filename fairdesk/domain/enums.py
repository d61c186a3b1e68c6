"""The vocabulary of the service center: roles, kinds, states and codes.

Values are stored in the database as these lowercase/uppercase strings, so renaming a
member is a migration, not a refactoring.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    DESK = "desk"
    INSPECTOR = "inspector"
    ORGANIZER = "organizer"
    # An officer of the IP authority stationed at the center (2006 Measures Art 6): decides.
    OFFICER = "officer"


class ComplaintKind(StrEnum):
    IP = "ip"
    COMMERCIAL = "commercial"  # contract, payment, service disputes: no IP fields


class Channel(StrEnum):
    DESK = "desk"
    PATROL = "patrol"
    ONLINE = "online"


class IPType(StrEnum):
    INVENTION_PATENT = "invention_patent"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"
    TRADEMARK = "trademark"
    COPYRIGHT = "copyright"
    OTHER = "other"


class ProtectionBasis(StrEnum):
    """Why a right is valid in China (CNIPA 2022 Guidelines Art 12; Copyright Law Art 2)."""

    CN_GRANT = "cn_grant"  # a Chinese patent grant or trademark registration
    MADRID = "madrid"  # an international trademark registration designating China
    AUTHORSHIP = "authorship"  # copyright: protected without registration (Berne)
    CN_COPYRIGHT_REGISTRATION = "cn_copyright_registration"  # optional evidence
    FOREIGN_ONLY = "foreign_only"  # granted or registered abroad only: not valid in China


class LicenceType(StrEnum):
    OWNER = "owner"
    SOLE = "sole"
    EXCLUSIVE = "exclusive"
    SIMPLE = "simple"


class ComplaintState(StrEnum):
    DRAFT = "DRAFT"
    PENDING_SUPPLEMENT = "PENDING_SUPPLEMENT"
    ACCEPTED = "ACCEPTED"
    TRANSFERRED = "TRANSFERRED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"  # by the complainant, before acceptance


class CaseState(StrEnum):
    TO_NOTIFY = "TO_NOTIFY"
    NOTIFIED = "NOTIFIED"
    SELF_REMEDIED = "SELF_REMEDIED"
    MEDIATING = "MEDIATING"
    SETTLED = "SETTLED"
    WITHDRAWN = "WITHDRAWN"
    DEFENCE_RECEIVED = "DEFENCE_RECEIVED"
    DEFENCE_OVERDUE = "DEFENCE_OVERDUE"
    UNDER_REVIEW = "UNDER_REVIEW"
    INFRINGEMENT_FOUND = "INFRINGEMENT_FOUND"
    NOT_INFRINGING = "NOT_INFRINGING"
    UNDETERMINED = "UNDETERMINED"
    REFERRED = "REFERRED"
    REMEDY_ORDERED = "REMEDY_ORDERED"
    RECHECK_DUE = "RECHECK_DUE"
    RECHECK_PASSED = "RECHECK_PASSED"
    RECHECK_FAILED = "RECHECK_FAILED"
    ESCALATED = "ESCALATED"
    CLOSED = "CLOSED"
    POST_FAIR = "POST_FAIR"


# States in which nothing more happens on the fair floor.
TERMINAL_CASE_STATES = frozenset(
    {
        CaseState.SELF_REMEDIED,
        CaseState.SETTLED,
        CaseState.WITHDRAWN,
        CaseState.REFERRED,
        CaseState.CLOSED,
        CaseState.POST_FAIR,
    }
)


class DecisionTrigger(StrEnum):
    """Why infringement was found (CNIPA 2022 Guidelines Art 14, or on the merits)."""

    DEFENCE_OVERDUE = "defence_overdue"
    PRIOR_LEGAL_DOCUMENT = "prior_legal_document"
    ADMISSION = "admission"
    MERITS = "merits"


class RejectReason(StrEnum):
    """Why a complaint is not accepted (不予受理)."""

    MATERIALS_NOT_SUPPLEMENTED = "materials_not_supplemented"
    RIGHT_INVALID = "right_invalid"
    RIGHT_NOT_VALID_IN_CHINA = "right_not_valid_in_china"
    # 2006 Art 17: a suit or an invalidation request pending, ownership disputed, or the
    # patent lapsed with restoration pending.
    PATENT_DISPUTE_PENDING = "patent_dispute_pending"
    NO_STANDING = "no_standing"
    RESPONDENT_NOT_EXHIBITING = "respondent_not_exhibiting"
    REPEAT_WITHOUT_FOLLOW_UP = "repeat_without_follow_up"
    OUT_OF_SCOPE = "out_of_scope"
    OTHER = "other"


class MeasureType(StrEnum):
    SUSPEND_DISPLAY = "suspend_display"  # at intake, while the complaint is handled (Art 7(1))
    COVER = "cover"
    TAKE_DOWN = "take_down"
    DETAIN = "detain"  # kept in storage until the fair ends
    DISCONNECT_LINK = "disconnect_link"
    WITHDRAW_FROM_FAIR = "withdraw_from_fair"
    CANCEL_PARTICIPATION = "cancel_participation"


class RecheckResult(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    PARTLY = "partly"
    REDISPLAYED = "redisplayed"


class ServiceManner(StrEnum):
    """How a notice reached the respondent (送达方式)."""

    IN_PERSON = "in_person"  # handed over at the booth
    EMAIL = "email"
    POST = "post"
    ONLINE_PLATFORM = "online_platform"
    LEFT_AT_BOOTH = "left_at_booth"  # left at the booth with a witness


class AuthorityKind(StrEnum):
    """Where a case is referred (移交): the authorities, and for commercial disputes the
    organizer's dispute body or a court."""

    IP_OFFICE = "ip_office"
    MARKET_REGULATION = "market_regulation"
    POLICE = "police"  # criminal leads (行刑衔接)
    DISPUTE_BODY = "dispute_body"
    COURT = "court"


class EscalationAction(StrEnum):
    LEAVE_FAIR = "leave_fair"
    CANCEL_PARTICIPATION = "cancel_participation"
    PROPOSE_BAN = "propose_ban"
    CREDIT_REFERRAL = "credit_referral"


class Finding(StrEnum):
    NOTHING = "nothing"
    SUSPECTED_INFRINGEMENT = "suspected_infringement"
    MEASURE_VERIFIED = "measure_verified"
    MEASURE_VIOLATED = "measure_violated"
    PATENT_MARKING = "patent_marking"
    EXHIBITOR_ABSENT = "exhibitor_absent"


class ClockKind(StrEnum):
    SUPPLEMENT = "supplement"  # complainant must complete the materials
    TRANSFER = "transfer"  # complete materials to the IP authority within 24 h
    DEFENCE = "defence"  # respondent's defence period
    RECHECK = "recheck"  # re-inspection of an ordered measure


class ClockAction(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"
