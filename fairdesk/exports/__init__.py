"""File writers for lists and reports: XLSX, CSV (UTF-8 with BOM) and PDF.

Writers take column specs and an iterable of rows and stream them to the file, so a list
of any length is never held in memory. No Qt here; the services call them.

May import: fairdesk.domain, fairdesk.documents.
"""
