"""The review database: comments in SQLite (sqlite-utils), written so that none is ever lost.

Every change is one ``BEGIN IMMEDIATE`` transaction, retried when another process holds the
write lock; the database runs in WAL mode with ``synchronous=FULL``, so a process killed at any
moment leaves every committed comment in place. Deleting is soft until :meth:`purge_deleted`.

Threads: one :class:`CommentStore` holds one connection (``check_same_thread=False``) and a
re-entrant lock around every method, so a Textual thread worker and the UI thread may share it.
Separate processes each open their own store; SQLite's locking serialises their writes.
"""

from __future__ import annotations

import builtins
import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from plancompare.errors import PlanError
from plancompare.review.merge import MergeAction, MergeConflict, MergeResult, decide_merge
from plancompare.review.migrations import SEARCH_COLUMNS, known_names, migrations
from plancompare.review.model import (
    EDITABLE_FIELDS,
    Anchor,
    AnchorState,
    Comment,
    Disposition,
    Stance,
    Status,
    check_comment_text,
    parse_category,
    parse_choice,
    utc_now,
)
from plancompare.review.records import (
    anchor_from_dict,
    comment_dict,
    comment_from_dict,
    parse_time,
    reference_dict,
    reference_from_dict,
    time_text,
)

#: How long a writer waits for another process's write lock before retrying (milliseconds).
BUSY_TIMEOUT_MS = 5_000
#: How often a write is retried after the busy timeout ran out.
WRITE_ATTEMPTS = 6
#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Shortest id prefix accepted in place of a full comment id.
MIN_ID_PREFIX = 4

if TYPE_CHECKING:
    from sqlite_utils import Database

T = TypeVar("T")


@dataclass(slots=True)
class CommentFilter:
    """Which comments to list; empty sequences mean "any"."""

    plans: Sequence[str] = ()
    """Plan ids."""
    states: Sequence[AnchorState] = ()
    """Anchor states."""
    reviewers: Sequence[str] = ()
    """Reviewer names."""
    categories: Sequence[str] = ()
    """Category keys or words."""
    statuses: Sequence[Status] = ()
    """Draft / submitted."""
    dispositions: Sequence[Disposition] = ()
    """Consolidator decisions."""
    deleted: bool | None = False
    """False: live comments only; True: deleted ones only; None: both."""
    text: str | None = None
    """Full-text search over body, suggestion, rationale and quotes (words are ANDed)."""


def _is_busy(error: sqlite3.Error) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def _plan_error(path: Path, error: sqlite3.Error | OSError) -> PlanError:
    """One line for the user, naming the database and what went wrong."""
    message = str(error).lower()
    if isinstance(error, OSError):
        return PlanError(path, "err_db_cannot_use", reason=error.strerror or error)
    if "not a database" in message or "malformed" in message:
        return PlanError(path, "err_db_damaged")
    if "readonly" in message or "unable to open" in message or "read-only" in message:
        return PlanError(path, "err_db_read_only")
    if _is_busy(error):
        return PlanError(path, "err_db_locked")
    return PlanError(path, "err_db_error", reason=error)


class CommentStore:
    """Comments of one review database. Open with :meth:`open`; close (or use ``with``)."""

    def __init__(self, db: Database, path: Path, clock: Callable[[], datetime]) -> None:
        self._db = db
        self.path = path
        """The database file."""
        self.clock = clock
        """Where times come from (tests fix it)."""
        self._lock = threading.RLock()
        self._open_transaction = False

    # --- opening -------------------------------------------------------------------------

    @staticmethod
    def exists(path: Path) -> bool:
        """Whether a database file is there (listing commands need not create one)."""
        return path.is_file()

    @classmethod
    def open(cls, path: Path, *, clock: Callable[[], datetime] = utc_now) -> CommentStore:
        """Open (creating if needed) the review database at ``path`` and bring its schema up to
        date; a file that is not SQLite, or a folder that cannot be written, is a PlanError."""
        path = Path(path)
        _check_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        except (sqlite3.Error, OSError) as e:
            raise _plan_error(path, e) from None
        return cls._ready(conn, path, clock, cls._prepare)

    @classmethod
    def open_for_reading(
        cls, path: Path, *, clock: Callable[[], datetime] = utc_now
    ) -> CommentStore:
        """Open an existing database to read it, even from a read-only folder (where SQLite
        cannot create its WAL side files): then the file is read as it stands, unlocked."""
        try:
            return cls.open(path, clock=clock)
        except PlanError as e:
            if e.key != "err_db_read_only" or not path.is_file():
                raise
            wal = path.with_name(path.name + "-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                # Committed comments may still sit in the WAL file; reading without it would
                # hide them, so say so instead.
                raise PlanError(path, "err_db_wal_unmerged") from None
        uri = f"{path.resolve().as_uri()}?immutable=1"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as e:
            raise _plan_error(path, e) from None
        return cls._ready(conn, path, clock, cls._check_current)

    @classmethod
    def _ready(
        cls,
        conn: sqlite3.Connection,
        path: Path,
        clock: Callable[[], datetime],
        prepare: Callable[[CommentStore], None],
    ) -> CommentStore:
        from sqlite_utils import Database  # not at module level: see review.migrations

        store = cls(Database(conn, execute_plugins=False), path, clock)
        try:
            prepare(store)
        except sqlite3.Error as e:
            conn.close()
            raise _plan_error(path, e) from None
        except BaseException:
            conn.close()
            raise
        return store

    def _check_current(self) -> None:
        self._check_schema()
        if migrations().pending(self._db):
            raise PlanError(self.path, "err_db_needs_upgrade")

    def _prepare(self) -> None:
        conn = self._db.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        if str(mode).lower() != "wal":
            raise PlanError(self.path, "err_db_not_wal", mode=mode)
        # FULL: a committed comment survives a power cut too, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        self._check_schema()
        if migrations().pending(self._db):
            # Inside our transaction, sqlite-utils runs each migration in a savepoint: a second
            # process opening the same new database waits for the lock, then finds nothing to do.
            self._write(lambda: migrations().apply(self._db))

    def _check_schema(self) -> None:
        """Refuse a database whose schema is newer than this plancompare knows."""
        known = set(known_names())
        unknown = [m.name for m in migrations().applied(self._db) if m.name not in known]
        if unknown:
            raise PlanError(self.path, "err_db_newer", schema=unknown[-1])

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> CommentStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- transactions --------------------------------------------------------------------

    def _retry(self, work: Callable[[], T]) -> T:
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return work()
            except sqlite3.OperationalError as e:
                if not _is_busy(e) or attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(0.02 * 2**attempt + random.random() * 0.02)
        raise AssertionError("unreachable")

    def _write(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one write transaction: all of it is committed, or none of it."""

        def attempt() -> T:
            conn = self._db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work()
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return result

        with self._lock:
            if self._open_transaction:  # inside transaction(): part of that one
                return work()
            try:
                return self._retry(attempt)
            except sqlite3.Error as e:
                raise _plan_error(self.path, e) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction around several changes (a merge and the re-anchoring that
        follows it, an import's re-anchoring): all of them are committed, or none. Work
        outside the database done inside the block (a corpus file written) is the caller's to
        undo when this raises."""
        with self._lock:
            if self._open_transaction:
                yield
                return
            conn = self._db.conn
            try:
                self._retry(lambda: conn.execute("BEGIN IMMEDIATE"))
            except sqlite3.Error as e:
                raise _plan_error(self.path, e) from None
            self._open_transaction = True
            try:
                yield
                conn.execute("COMMIT")
            except BaseException as e:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(e, sqlite3.Error):
                    raise _plan_error(self.path, e) from None
                raise
            finally:
                self._open_transaction = False

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as e:
                raise _plan_error(self.path, e) from None

    # --- rows ----------------------------------------------------------------------------

    def _row(self, c: Comment) -> dict[str, Any]:
        a = c.anchor
        return {
            "id": c.id,
            "plan": c.plan,
            "plan_version": c.plan_version,
            **_anchor_columns(a),
            "quoted": c.quoted,
            "category": c.category,
            "stance": c.stance.value,
            "body": c.body,
            "suggestion": c.suggestion,
            "rationale": c.rationale,
            "reviewer": c.reviewer,
            "organisation": c.organisation,
            "status": c.status.value,
            "disposition": c.disposition.value,
            "disposition_note": c.disposition_note,
            "reference": _json(reference_dict(c.reference)),
            "created": time_text(c.created),
            "updated": time_text(c.updated),
            "deleted": time_text(c.deleted) if c.deleted else None,
            "synced": time_text(c.synced) if c.synced else None,
        }

    def _select(self, where: str = "", params: Sequence[Any] = ()) -> list[Comment]:
        sql = f"select * from comments {where}"
        return [_comment(row) for row in self._db.query(sql, list(params))]

    def _one(self, comment_id: str) -> Comment | None:
        rows = self._select("where id = ?", [comment_id])
        return rows[0] if rows else None

    def _insert(self, comment: Comment) -> None:
        self._db.table("comments").insert(self._row(comment))

    def _replace(self, comment: Comment) -> None:
        row = self._row(comment)
        sets = ", ".join(f"[{k}] = ?" for k in row if k != "id")
        values = [v for k, v in row.items() if k != "id"]
        self._db.execute(f"update comments set {sets} where id = ?", [*values, comment.id])

    # --- the API -------------------------------------------------------------------------

    def add(self, comment: Comment) -> Comment:
        """Store a new comment (its id must be new) and return it as stored."""

        def work() -> Comment:
            if self._one(comment.id) is not None:
                raise PlanError(self.path, "err_comment_exists", id=comment.id)
            self._insert(comment)
            return comment

        return self._write(work)

    def get(self, comment_id: str) -> Comment:
        """The comment with this id, or with this unique id prefix (deleted ones included)."""
        with self._reading():
            found = self._one(comment_id)
            if found is not None:
                return found
            if len(comment_id) >= MIN_ID_PREFIX:
                matches = self._select("where id like ? escape '\\'", [_like_prefix(comment_id)])
                if len(matches) == 1:
                    return matches[0]
                if len(matches) > 1:
                    raise PlanError(
                        self.path, "err_comment_ambiguous", id=comment_id, n=len(matches)
                    )
        raise PlanError(self.path, "err_no_such_comment", id=comment_id)

    def update(self, comment_id: str, **changes: Any) -> Comment:
        """Change person-edited fields (see ``EDITABLE_FIELDS``, plus ``anchor`` with
        ``plan_version`` for a hand re-anchoring); ``updated`` becomes now."""
        allowed = {*EDITABLE_FIELDS, "anchor", "plan_version"}
        unknown = sorted(set(changes) - allowed)
        if unknown:
            raise ValueError(f"cannot update {', '.join(unknown)}")
        cleaned = _coerce(changes)

        def work() -> Comment:
            current = self.get(comment_id)
            changed = replace(current, **cleaned, updated=self._now(current))
            self._replace(changed)
            return changed

        return self._write(work)

    def delete(self, comment_id: str) -> Comment:
        """Soft-delete a comment (restorable until :meth:`purge_deleted`)."""

        def work() -> Comment:
            current = self.get(comment_id)
            if current.deleted is not None:
                return current
            now = self._now(current)
            changed = replace(current, deleted=now, updated=now)
            self._replace(changed)
            return changed

        return self._write(work)

    def restore(self, comment_id: str) -> Comment:
        """Undo a soft delete."""

        def work() -> Comment:
            current = self.get(comment_id)
            if current.deleted is None:
                return current
            changed = replace(current, deleted=None, updated=self._now(current))
            self._replace(changed)
            return changed

        return self._write(work)

    def list(self, filters: CommentFilter | None = None) -> builtins.list[Comment]:
        """Comments matching ``filters`` (live ones by default), by plan, then oldest first."""
        f = filters or CommentFilter()
        clauses: builtins.list[str] = []
        params: builtins.list[Any] = []

        def any_of(column: str, values: Sequence[str]) -> None:
            if values:
                clauses.append(f"{column} in ({', '.join('?' * len(values))})")
                params.extend(values)

        any_of("plan", list(f.plans))
        any_of("anchor_state", [s.value for s in f.states])
        any_of("reviewer", list(f.reviewers))
        any_of("category", [parse_category(c) for c in f.categories])
        any_of("status", [s.value for s in f.statuses])
        any_of("disposition", [d.value for d in f.dispositions])
        if f.deleted is not None:
            clauses.append("deleted is not null" if f.deleted else "deleted is null")
        for word in (f.text or "").split():
            clauses.append(_search_clause(word, params))
        where = f"where {' and '.join(clauses)}" if clauses else ""
        with self._reading():
            return self._select(f"{where} order by plan, created, n", params)

    def search(self, text: str, filters: CommentFilter | None = None) -> builtins.list[Comment]:
        """Live comments whose body, suggestion, rationale or quote contain every word of
        ``text`` (any run of characters: Chinese has no spaces to split on)."""
        return self.list(replace(filters or CommentFilter(), text=text))

    def count(self) -> int:
        """How many comments the database holds, deleted ones included."""
        with self._reading():
            return int(self._db.execute("select count(*) from comments").fetchone()[0])

    def rewrite(
        self, which: CommentFilter, change: Callable[[Comment], Comment | None]
    ) -> builtins.list[tuple[Comment, Comment]]:
        """Apply ``change`` to every comment matching ``which`` in one transaction, storing what
        it returns (None: leave as is); returns (before, after) pairs. For derived data such as
        re-computed anchors: ``updated`` is kept, it is not a person's edit."""

        def work() -> builtins.list[tuple[Comment, Comment]]:
            changes = []
            for current in self.list(which):
                changed = change(current)
                if changed is not None and changed != current:
                    self._replace(replace(changed, id=current.id, updated=current.updated))
                    changes.append((current, changed))
            return changes

        return self._write(work)

    def merge(self, incoming: Sequence[Comment]) -> MergeResult:
        """Merge comments from another reviewer's export, all or nothing (see
        :func:`plancompare.review.merge.decide_merge`); a copy that loses a conflict is kept
        in the revisions table."""

        def work() -> MergeResult:
            result = MergeResult()
            for comment in incoming:
                step = decide_merge(self._one(comment.id), comment)
                if step.action is MergeAction.ADD:
                    assert step.store is not None
                    self._insert(step.store)
                    result.added.append(comment.id)
                elif step.store is not None:
                    self._replace(step.store)
                if step.superseded is not None:
                    self._save_revision(step.superseded, f"merge conflict, {step.kept} kept")
                if step.action is MergeAction.UPDATE:
                    result.updated.append(comment.id)
                elif step.action is MergeAction.UNCHANGED:
                    result.unchanged.append(comment.id)
                elif step.action is MergeAction.CONFLICT:
                    result.conflicts.append(MergeConflict(comment.id, step.fields, step.kept))
            return result

        return self._write(work)

    def revisions(self, comment_id: str) -> builtins.list[tuple[datetime, str, Comment]]:
        """Earlier copies of a comment that merges replaced: (when, why, the copy)."""
        with self._reading():
            rows = self._db.query(
                "select saved, reason, data from revisions where comment_id = ? order by n",
                [comment_id],
            )
            return [
                (parse_time(r["saved"], "saved"), r["reason"], _from_json(r["data"])) for r in rows
            ]

    def _save_revision(self, comment: Comment, reason: str) -> None:
        self._db.table("revisions").insert(
            {
                "comment_id": comment.id,
                "saved": time_text(self.clock()),
                "reason": reason,
                "data": json.dumps(comment_dict(comment), ensure_ascii=False),
            }
        )

    def purge_deleted(self) -> int:
        """Remove soft-deleted comments for good (when the report is final); returns how many."""

        def work() -> int:
            cursor = self._db.execute("delete from comments where deleted is not null")
            return int(cursor.rowcount)

        return self._write(work)

    def preference(self, key: str) -> str | None:
        """A remembered setting (e.g. ``reviewer``), or None."""
        with self._reading():
            rows = list(self._db.query("select value from preferences where key = ?", [key]))
        return str(rows[0]["value"]) if rows else None

    def set_preference(self, key: str, value: str) -> None:
        """Remember a setting."""
        self._write(
            lambda: self._db.execute(
                "insert into preferences (key, value) values (?, ?) "
                "on conflict(key) do update set value = excluded.value",
                [key, value],
            )
        )

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` verdict ("ok" when the file is sound)."""
        with self._reading():
            return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def _now(self, current: Comment) -> datetime:
        """Now, but never before the comment's last edit (clocks of two machines differ)."""
        now = self.clock()
        return now if now > current.updated else current.updated + timedelta(microseconds=1)


def _check_file(path: Path) -> None:
    """Refuse a path that is a folder or a file that is not SQLite, before touching it."""
    if path.is_dir():
        raise PlanError(path, "err_db_is_folder")
    if not path.exists():
        return
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise PlanError(path, "err_db_cannot_read", reason=e.strerror) from None
    if head and head != SQLITE_HEADER:
        raise PlanError(path, "err_not_sqlite")


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _search_clause(word: str, params: builtins.list[Any]) -> str:
    # The trigram index answers words of three or more characters; shorter ones (most Chinese
    # words are two characters) are matched by a scan, which is instant at review sizes.
    if len(word) >= 3:
        params.append('"' + word.replace('"', '""') + '"')
        return "n in (select rowid from comments_fts where comments_fts match ?)"
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    params.extend([pattern] * len(SEARCH_COLUMNS))
    ors = " or ".join(f"ifnull([{c}], '') like ? escape '\\'" for c in SEARCH_COLUMNS)
    return f"({ors})"


def _from_json(data: str) -> Comment:
    return comment_from_dict(json.loads(data))


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _anchor_columns(a: Anchor) -> dict[str, Any]:
    return {
        "section": a.section,
        "section_path": json.dumps(a.path, ensure_ascii=False),
        "quote": a.quote.exact if a.quote else None,
        "prefix": a.quote.prefix if a.quote else None,
        "suffix": a.quote.suffix if a.quote else None,
        "pos_start": a.position.start if a.position else None,
        "pos_end": a.position.end if a.position else None,
        "anchor_state": a.state.value,
        "anchor_score": a.score,
        "anchor_candidates": _json(
            [
                {"section": c.section, "start": c.start, "end": c.end, "score": c.score}
                for c in a.candidates
            ]
        ),
    }


def _comment(row: dict[str, Any]) -> Comment:
    anchor = anchor_from_dict(
        {
            "section": row["section"],
            "path": json.loads(row["section_path"] or "[]"),
            "quote": (
                {"exact": row["quote"], "prefix": row["prefix"], "suffix": row["suffix"]}
                if row["quote"]
                else None
            ),
            "position": (
                {"start": row["pos_start"], "end": row["pos_end"]}
                if row["pos_start"] is not None
                else None
            ),
            "state": row["anchor_state"],
            "score": row["anchor_score"],
            "candidates": json.loads(row["anchor_candidates"] or "[]"),
        }
    )
    return Comment(
        id=row["id"],
        plan=row["plan"],
        plan_version=row["plan_version"],
        anchor=anchor,
        body=row["body"],
        created=parse_time(row["created"], "created"),
        updated=parse_time(row["updated"], "updated"),
        category=row["category"] or "other",
        stance=Stance(row["stance"]),
        suggestion=row["suggestion"] or "",
        rationale=row["rationale"] or "",
        reviewer=row["reviewer"] or "",
        organisation=row["organisation"] or "",
        status=Status(row["status"]),
        disposition=Disposition(row["disposition"]),
        disposition_note=row["disposition_note"] or "",
        quoted=row["quoted"] or "",
        reference=reference_from_dict(json.loads(row["reference"]) if row["reference"] else None),
        deleted=parse_time(row["deleted"], "deleted") if row["deleted"] else None,
        synced=parse_time(row["synced"], "synced") if row["synced"] else None,
    )


def _coerce(changes: dict[str, Any]) -> dict[str, Any]:
    """Person-given values as the model's types (Chinese terms accepted for the enums)."""
    out = dict(changes)
    kinds: dict[str, Any] = {"stance": Stance, "status": Status, "disposition": Disposition}
    for key, kind in kinds.items():
        if key in out and not isinstance(out[key], kind):
            out[key] = parse_choice(kind, str(out[key]))
    if "category" in out:
        out["category"] = parse_category(check_comment_text("category", str(out["category"])))
    for key in ("body", "suggestion", "rationale", "reviewer", "organisation", "disposition_note"):
        if key in out and not isinstance(out[key], str):
            raise ValueError(f"{key} must be text")
        if key in out:
            check_comment_text(key, out[key])
    if "body" in out and not out["body"].strip():
        raise PlanError(None, "err_needs_body")
    return out
