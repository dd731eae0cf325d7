"""The errors a user can act on. Every layer raises these; pages show `title` and `message`."""

from __future__ import annotations


class CouncilError(Exception):
    """Something the user can understand and fix; `message` says how."""

    title = "Something went wrong"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(CouncilError):
    title = "Please check your input"


class ConfigError(ValidationError):
    title = "The workspace configuration has a problem"


class NotAllowed(CouncilError):
    title = "Not allowed"


class NotFound(CouncilError):
    title = "Not found"


class Conflict(CouncilError):
    title = "Someone else changed this at the same time"


class StoreError(CouncilError):
    title = "The workspace database cannot be used"
