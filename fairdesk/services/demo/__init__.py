"""The demo fair and the stories walked over the declared steps (the demo's and the benchmarks'
case histories).

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.keyring,
fairdesk.services.trust, fairdesk.services.fair, fairdesk.services.casework,
fairdesk.services.intake, fairdesk.services.paper, fairdesk.services.inspection,
fairdesk.services.handoff, fairdesk.services.checks, fairdesk.services.organizer.
"""
