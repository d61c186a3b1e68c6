"""A case at the desk: the case list's model, the case view with its sections, steps, clocks
and timeline.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services,
fairdesk.config, fairdesk.settings, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context, fairdesk.ui.forms, fairdesk.ui.common, fairdesk.ui.intake,
fairdesk.ui.paper.
"""
