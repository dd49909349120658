"""The errors a run reports as one line that are raised far from the command line: defined here,
apart from the fix and the suppressions files, so that catching them (``runner.guard``, for
every file) does not import the fixer into a run that only lints."""

from __future__ import annotations


class FixError(RuntimeError):
    """An internal error: the fix loop did not settle, or the result failed verification."""


class SuppressionsError(ValueError):
    """A suppressions file that cannot be read or written: one line, exit 2."""
