"""A respondent case's life: listing and reading cases, the workflow steps, deadline clocks,
assignment, corrections and gap-free numbers.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust, fairdesk.services.fair.
"""
