"""The organizer's view: editing a fair after set-up, the post-fair follow-up list, statistics
and their report, consultations and the day report.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust, fairdesk.services.fair,
fairdesk.services.casework, fairdesk.services.intake, fairdesk.services.paper,
fairdesk.services.inspection, fairdesk.services.handoff, fairdesk.services.checks.
"""
