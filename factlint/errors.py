"""Errors that end in a clear one-line message instead of a traceback."""


class FactlintError(Exception):
    """Base class: every subclass is shown to the user as ``error: <message>``."""

    exit_code = 2


class ConfigError(FactlintError):
    """Configuration, rule pack or command-line usage is wrong (exit code 2)."""


class InputError(FactlintError):
    """One input file cannot be read as an article; the others are still checked."""

    def __init__(self, path, reason):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
