"""The one error type a user mistake raises: it names the file and the problem."""

from __future__ import annotations

from pathlib import Path


class PlanError(Exception):
    """A problem with the user's input; shown as one line, never as a traceback."""

    def __init__(self, where: str | Path | None, problem: str) -> None:
        self.where = str(where) if where is not None else None
        self.problem = problem
        super().__init__(self.line())

    def line(self) -> str:
        """The one-line message: ``FILE: problem``."""
        return f"{self.where}: {self.problem}" if self.where else self.problem
