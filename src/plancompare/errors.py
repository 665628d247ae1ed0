"""What a user's mistake raises, and what the core warns of: a file and a problem, in the
catalogue's words, said in the reader's language where it is shown."""

from __future__ import annotations

from pathlib import Path

from plancompare.i18n import Words, t


class _Said(Exception):
    """A file (or plan, or address) and the catalogue key of a problem with its values."""

    def __init__(self, where: str | Path | None, key: str, /, **values: object) -> None:
        self.where = str(where) if where is not None else None
        self.problem = Words(key, **values)
        super().__init__(self.where, key)

    @property
    def key(self) -> str:
        """The catalogue key of the problem."""
        return self.problem.key

    def line(self, lang: str) -> str:
        """The one-line message in ``lang``: ``FILE: problem`` (``FILE：问题``)."""
        problem = self.problem.text(lang)
        return t("err_at", lang, where=self.where, problem=problem) if self.where else problem

    def __str__(self) -> str:
        return self.line("en")


class PlanError(_Said):
    """A problem with the user's input; shown as one line, never as a traceback.

    A raise names the file (or plan, or address) first, then the catalogue key of the problem
    and its values: ``PlanError(path, "err_no_such_file")``,
    ``PlanError(corpus.root, "err_no_such_plan", plan=plan_id, plans=corpus.ids())``. What
    shows it says :meth:`line` in the interface's language; ``str()`` is English, for logs and
    tracebacks.
    """


class PlanWarning(_Said, UserWarning):
    """Something the user should know that did not stop the work (a damaged cache moved
    aside), worded as :class:`PlanError` is."""
