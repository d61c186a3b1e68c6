"""What the desk, inspectors and organizers can do: each function checks the acting user's
permission, changes the database in one transaction and writes the audit trail. The app's
screens and the command line both call these, never the database directly.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports, fairdesk.config.
"""
