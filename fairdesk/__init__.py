"""FairDesk: the on-site IP complaint desk of a trade fair.

Each package says in its docstring what it owns and what it may import (its "May import:"
line); the modules beside the packages say it here. `tests/unit/test_layers.py` reads these
lines and fails on any other import of fairdesk, and on any import cycle.

Modules beside the packages (May import):
    config: nothing else of fairdesk
    resources_path: nothing else of fairdesk
    settings: fairdesk.config, fairdesk.db
    locations: fairdesk.config, fairdesk.settings
    i18n: fairdesk.domain, fairdesk.resources_path, fairdesk.settings
    app_context: fairdesk.config, fairdesk.db, fairdesk.domain, fairdesk.services
    cli_columns: nothing else of fairdesk
    cli_common: fairdesk.app_context, fairdesk.cli_columns, fairdesk.domain, fairdesk.exports,
        fairdesk.i18n
    cli_complaint_json: fairdesk.domain, fairdesk.services
    cli_*: fairdesk.cli_common, fairdesk.cli_complaint_json, fairdesk.cli_handoff,
        fairdesk.config, fairdesk.documents, fairdesk.domain, fairdesk.services
    selftest: fairdesk.app_context, fairdesk.db, fairdesk.domain, fairdesk.i18n,
        fairdesk.resources_path, fairdesk.services, fairdesk.settings, fairdesk.ui
    cli: anything
    __main__: fairdesk.cli
"""

__version__ = "0.1.0"
