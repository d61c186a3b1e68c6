"""The floor: patrol rounds and booth visits, re-inspection of ordered measures, evidence
photos, the inspector's offline queue and the hall board.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust, fairdesk.services.fair,
fairdesk.services.casework, fairdesk.services.intake, fairdesk.services.paper.
"""
