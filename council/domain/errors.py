"""The errors a user can act on. Every layer raises these; pages show `title` and `message`."""

from __future__ import annotations

from council.i18n import N_, _


class CouncilError(Exception):
    """Something the user can understand and fix; `message` says how."""

    heading = N_("Something went wrong")

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def title(self) -> str:
        """What kind of problem it is, in the reader's language."""
        return _(self.heading)


class ValidationError(CouncilError):
    """Bad input; `field` names the form field it is about, so a form can show it right there."""

    heading = N_("Please check your input")

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConfigError(ValidationError):
    heading = N_("The workspace configuration has a problem")


class NotAllowed(CouncilError):
    heading = N_("Not allowed")


class NotFound(CouncilError):
    heading = N_("Not found")


class Conflict(CouncilError):
    heading = N_("Someone else changed this at the same time")


class StaleVersion(Conflict):
    """A change made to a version of a record that someone else has since replaced."""

    heading = N_("Someone changed this while you were editing")

    def __init__(self, message: str, current_version: int) -> None:
        super().__init__(message)
        self.current_version = current_version


class StoreError(CouncilError):
    heading = N_("The workspace database cannot be used")


class DatabaseInUse(StoreError):
    """Another program (usually the running app) holds the database file."""


class AppendOnly(NotAllowed):
    """A write that would change or delete part of the decision record."""

    heading = N_("The decision record cannot be changed")


class SignInFailed(CouncilError):
    """Wrong e-mail address or password, or a locked account; says no more than the person may know."""

    heading = N_("Not signed in")
