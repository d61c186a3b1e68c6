"""Errors a person can read. Services raise these; the CLI and GUI show `str(err)`."""

from __future__ import annotations


class FairDeskError(Exception):
    """A user or environment error with a message fit to show as it is."""


class NotFound(FairDeskError):
    pass


class PermissionDenied(FairDeskError):
    pass


class IllegalTransition(FairDeskError):
    pass


class MissingRequirement(FairDeskError):
    pass


class InvalidInput(FairDeskError):
    pass


class ConcurrentEdit(FairDeskError):
    """Another desk saved the same record first."""


class StorageError(FairDeskError):
    """The database is unreachable, locked, read-only or full."""
