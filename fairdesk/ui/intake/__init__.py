"""The complaint form: complainant, rights, respondents and exhibits typed at the desk.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services,
fairdesk.config, fairdesk.settings, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context, fairdesk.ui.forms, fairdesk.ui.common.
"""
