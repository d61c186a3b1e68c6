"""The organizer's screens: dashboard, exports, watch list, consultations, exhibitor lists and
their import, the fair's set-up dialog.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services,
fairdesk.config, fairdesk.settings, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context, fairdesk.ui.forms, fairdesk.ui.common, fairdesk.ui.intake,
fairdesk.ui.paper, fairdesk.ui.casework, fairdesk.ui.inspection.
"""
