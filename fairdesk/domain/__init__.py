"""The rules of the desk, with no storage and no screen: the workflow's steps, states,
roles and permissions, clocks and fair calendars, rule sets, the words shown for every code,
and the errors a person reads.

May import: nothing else of fairdesk.
"""
