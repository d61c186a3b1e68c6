"""Registering a complaint (complainant, rights, respondents, exhibits) and the look-ups behind
the intake form.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust, fairdesk.services.fair,
fairdesk.services.casework.
"""
