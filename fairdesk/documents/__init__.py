"""Paper: each document kind's model and layout, drawn to PDF with reportlab, its QR code,
signature and fonts. Given the facts, it draws; it never reads the database.

May import: fairdesk.domain, fairdesk.resources_path.
"""
