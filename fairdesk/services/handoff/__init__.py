"""What leaves FairDesk for public systems: the credit list, referral and transfer packages,
evidence deposit packages, and their log.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust, fairdesk.services.fair,
fairdesk.services.casework, fairdesk.services.intake, fairdesk.services.paper,
fairdesk.services.inspection.
"""
