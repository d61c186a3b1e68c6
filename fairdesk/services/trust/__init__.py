"""Who may act and what they did: users and passwords, their keys sealed under passwords and
the pinned root key, the chained audit trail, rows checked against their history, signed
packages, backups and restores.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.keyring.
"""
