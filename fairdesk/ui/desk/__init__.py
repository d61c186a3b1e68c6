"""The main window: the queue panel, the case list with saved views, and the menus that open
every other screen.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services,
fairdesk.config, fairdesk.settings, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context, fairdesk.ui.forms, fairdesk.ui.common, fairdesk.ui.intake,
fairdesk.ui.paper, fairdesk.ui.casework, fairdesk.ui.inspection, fairdesk.ui.organizer,
fairdesk.ui.setup.
"""
