"""The review database's schema, as numbered migrations (sqlite-utils ``Migrations``).

Add a change as a new numbered function at the end; never edit one that has shipped. Every
migration runs inside the store's write transaction, so a process killed half-way leaves the
schema as it was.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("plancompare.review")


def known_names() -> list[str]:
    """Names of this plancompare's migrations, in order."""
    # sqlite-utils keeps the registry private; reading it here keeps that in one place.
    return [m.name for m in MIGRATIONS._migrations]


#: Columns indexed for full-text search.
SEARCH_COLUMNS = ("body", "suggestion", "rationale", "quoted", "quote")


@MIGRATIONS(name="001_comments")
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


@MIGRATIONS(name="002_search")
def create_search(db: Database) -> None:
    """Full-text search over bodies and quotes; trigram tokens find any run of Chinese text."""
    db.table("comments").enable_fts(
        list(SEARCH_COLUMNS), fts_version="FTS5", create_triggers=True, tokenize="trigram"
    )


@MIGRATIONS(name="003_revisions")
def create_revisions(db: Database) -> None:
    """Earlier states of comments that a merge replaced, so that a conflict never loses text."""
    db.table("revisions").create(
        {"n": int, "comment_id": str, "saved": str, "reason": str, "data": str},
        pk="n",
        not_null={"comment_id", "saved", "reason", "data"},
    )
    db.table("revisions").create_index(["comment_id"])
