"""Printed documents: issue, reprint, reissue and revoke, their signatures and the end-of-day
report's signature, and checking a scanned QR code.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust, fairdesk.services.fair,
fairdesk.services.casework, fairdesk.services.intake.
"""
