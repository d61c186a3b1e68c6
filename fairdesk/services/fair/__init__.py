"""A fair edition and its exhibitors: set-up, opening hours and the calendar clocks run on,
exhibitor lists imported from the organizer, lookups across editions, and the watch list of
repeat offenders.

May import: fairdesk.domain, fairdesk.db, fairdesk.documents, fairdesk.exports,
fairdesk.config, fairdesk.services.context, fairdesk.services.trust.
"""
