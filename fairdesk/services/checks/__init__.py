"""Checking that nothing changed behind the app's back: the whole audit chain, against the
anchors printed on documents and the pinned root.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust, fairdesk.services.fair,
fairdesk.services.casework, fairdesk.services.intake, fairdesk.services.paper,
fairdesk.services.inspection, fairdesk.services.handoff.
"""
