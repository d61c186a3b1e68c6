"""The desktop app (PySide6): windows, dialogs and table models over the services. No
business rule lives here: a screen asks the domain what a step needs and the services to do it.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services, fairdesk.config,
fairdesk.settings, fairdesk.locations, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context.
"""
