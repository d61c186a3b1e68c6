"""The inspector's window: patrol rounds, visits with photos, the offline queue and the hall
board.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services,
fairdesk.config, fairdesk.settings, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context, fairdesk.ui.forms, fairdesk.ui.common, fairdesk.ui.intake,
fairdesk.ui.paper, fairdesk.ui.casework.
"""
