"""Errors meant for the user: each message says what went wrong and what to do."""


class UserError(Exception):
    """An error whose message is shown to the user as is (CLI exit 2, UI message)."""


class CorpusError(UserError):
    """The corpus file is missing, unreadable or not the expected text."""


class NotFoundError(UserError):
    """A document or clause the user asked for does not exist."""
