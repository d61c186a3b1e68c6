"""The words a document prints for a code: the vocabulary's paper words.

Every table is a `fairdesk.domain.vocabulary.Vocabulary`; this module only picks the
paper words (`Words.on_paper`) and writes them as documents do ("中文 / English").
"""

from __future__ import annotations

from fairdesk.domain import vocabulary as v

IP_TYPES = v.IP_TYPES
LICENCES = v.LICENCES
COMPLAINT_STATES = v.COMPLAINT_STATES
CASE_STATES = v.CASE_STATES
TRIGGERS = v.TRIGGERS
REJECT_REASONS = v.REJECT_REASONS
MEASURES = v.MEASURES
RECHECK_RESULTS = v.RECHECK_RESULTS
ESCALATIONS = v.ESCALATIONS
CHANNELS = v.CHANNELS
COPIES = v.COPIES
FINDINGS = v.FINDINGS
DECISION_FINDINGS = v.DECISION_FINDINGS
SERVICE_MANNERS = v.SERVICE_MANNERS
AUTHORITY_KINDS = v.AUTHORITY_KINDS


def zh(table: v.Vocabulary, code: str) -> str:
    return table.words(code).on_paper.zh if code else ""


def en(table: v.Vocabulary, code: str) -> str:
    return table.words(code).on_paper.en if code else ""


def both(table: v.Vocabulary, code: str) -> str:
    """'中文 / English' in the paper words ("" for no code)."""
    return table.words(code).on_paper.both if code else ""
