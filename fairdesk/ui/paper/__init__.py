"""Documents on screen: issuing, previewing, printing in bulk, verifying a scanned code, and
hand-off packages.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services,
fairdesk.config, fairdesk.settings, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context, fairdesk.ui.forms, fairdesk.ui.common, fairdesk.ui.intake.
"""
