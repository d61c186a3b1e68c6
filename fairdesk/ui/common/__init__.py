"""What every screen shares: table models, the task runner and its progress-and-cancel dialog,
searchable drop-downs, the PDF preview, help, sign-in and idle lock, settings, the words for
case codes, and the step dialog drawn from the domain's step table.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.services,
fairdesk.config, fairdesk.settings, fairdesk.i18n, fairdesk.resources_path,
fairdesk.app_context, fairdesk.ui.forms.
"""
