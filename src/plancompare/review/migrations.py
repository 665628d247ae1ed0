"""The review database's schema, as numbered migrations (sqlite-utils ``Migrations``).

Add a change as a new numbered function at the end of :data:`STEPS`; never edit one that has
shipped. Every migration runs inside the store's write transaction, so a process killed
half-way leaves the schema as it was.

sqlite-utils is imported only when a database is opened: importing it loads click (its
``utils`` module does) and numpy, which the core must not pull in just by being imported.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

#: Columns indexed for full-text search.
SEARCH_COLUMNS = ("body", "suggestion", "rationale", "quoted", "quote")


def create_comments(db: Database) -> None:
    """One row per comment; the anchor in columns (listed and filtered), references as JSON."""
    # An INTEGER primary key keeps rowids stable (the search index refers to them, and VACUUM
    # renumbers the implicit rowids of tables without one); the UUID is a unique column.
    db.table("comments").create(
        {
            "n": int,
            "id": str,
            "plan": str,
            "plan_version": int,
            "section": str,
            "section_path": str,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "pos_start": int,
            "pos_end": int,
            "anchor_state": str,
            "anchor_score": float,
            "anchor_candidates": str,
            "quoted": str,
            "category": str,
            "stance": str,
            "body": str,
            "suggestion": str,
            "rationale": str,
            "reviewer": str,
            "organisation": str,
            "status": str,
            "disposition": str,
            "disposition_note": str,
            "reference": str,
            "created": str,
            "updated": str,
            "deleted": str,
            "synced": str,
        },
        pk="n",
        not_null={"id", "plan", "plan_version", "anchor_state", "body", "created", "updated"},
    )
    db.table("comments").create_index(["id"], unique=True)
    db.table("comments").create_index(["plan", "deleted"])


def create_search(db: Database) -> None:
    """Full-text search over bodies and quotes; trigram tokens find any run of Chinese text."""
    db.table("comments").enable_fts(
        list(SEARCH_COLUMNS), fts_version="FTS5", create_triggers=True, tokenize="trigram"
    )


def create_revisions(db: Database) -> None:
    """Earlier states of comments that a merge replaced, so that a conflict never loses text."""
    db.table("revisions").create(
        {"n": int, "comment_id": str, "saved": str, "reason": str, "data": str},
        pk="n",
        not_null={"comment_id", "saved", "reason", "data"},
    )
    db.table("revisions").create_index(["comment_id"])


def create_preferences(db: Database) -> None:
    """Small settings of the person using this database, e.g. the reviewer's name, which is
    asked once and remembered."""
    db.table("preferences").create({"key": str, "value": str}, pk="key", not_null={"value"})


#: The migrations, numbered, in the order they run.
STEPS: list[tuple[str, Callable[[Database], None]]] = [
    ("001_comments", create_comments),
    ("002_search", create_search),
    ("003_revisions", create_revisions),
    ("004_preferences", create_preferences),
]


def known_names() -> list[str]:
    """Names of this plancompare's migrations, in order."""
    return [name for name, _ in STEPS]


@cache
def migrations() -> Migrations:
    """The sqlite-utils migration set (made on first use; see the module docstring)."""
    from sqlite_utils import Migrations

    steps = Migrations("plancompare.review")
    for name, step in STEPS:
        steps(name=name)(step)
    return steps
