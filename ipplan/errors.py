"""Error types. A problem in a document is a warning in the plan; these are for inputs
that cannot be read or plans that do not validate, and carry a one-line message."""

from __future__ import annotations


class IpplanError(Exception):
    """Base of every error ipplan reports to the user without a traceback."""

    exit_code = 1

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ReadError(IpplanError):
    """The input could not be read or decoded (missing, directory, empty, binary, …)."""


class PlanValidationError(IpplanError):
    """The plan built from a document does not validate against the schema."""


class UsageError(IpplanError):
    """The command was given something it cannot work on (a missing path, an unknown rule code)."""

    exit_code = 2


class MissingExtraError(IpplanError):
    """An optional dependency (an extra such as ipplan[xlsx]) is not installed."""
