"""The corpora/ folder: canonical plans by id, their earlier versions, and their sources."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz

from plancompare.errors import PlanError
from plancompare.model import Plan
from plancompare.plan.canonical import parse_markdown, render_markdown
from plancompare.plan.importer import MetaOptions, check_plan_id, now_iso, read_plan

VERSIONS_DIR = "versions"
SOURCES_DIR = "sources"
#: Two outlines at least this similar are taken for versions of one plan.
SAME_PLAN_OUTLINE = 60.0


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file as a careful Unix tool does: readers see the old or the new content, never
    half of it.

    A symlink is written through to its target (the link stays a link); a directory, device,
    FIFO or socket is refused with a one-line error; a new file gets the mode the umask allows
    (0644 under 022), an existing one keeps its mode; the data, then the directory entry, are
    synced to disk. Other failures are OSError, for the caller to word.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.exists() and not target.is_file():
        raise PlanError(path, "not_a_regular_file")
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    # The temporary name does not repeat the file's: a long name would make it too long.
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=".plancompare-", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(parent)


def _umask() -> int:
    # Python (before 3.13's os.umask-free reading) can only read the umask by setting it.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename in it survives a power cut."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is done all the same
    finally:
        os.close(fd)


class ImportStatus(StrEnum):
    """What an import did to the corpus."""

    NEW = "new"
    UNCHANGED = "unchanged"
    NEW_VERSION = "new-version"
    REPLACED = "replaced"


@dataclass(slots=True)
class ImportResult:
    """The outcome of importing a file."""

    plan: Plan
    """The plan as stored."""
    path: Path
    """The canonical file."""
    status: ImportStatus
    """What happened."""
    previous_version: int | None = None
    """The version that was current before, if any."""


class Corpus:
    """A folder of canonical plans: ``ID.md`` (current), ``versions/ID/vN.md``, ``sources/``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def ids(self) -> list[str]:
        """Plan ids in the corpus, sorted."""
        if not self.root.is_dir():
            return []
        return sorted(p.stem for p in self.root.glob("*.md") if p.stem.lower() != "readme")

    def path(self, plan_id: str) -> Path:
        """Where the current version of a plan lives."""
        return self.root / f"{plan_id}.md"

    def load(self, plan_id: str) -> Plan:
        """The current version of a plan."""
        path = self.path(plan_id)
        if not path.is_file():
            raise PlanError(self.root, "err_no_such_plan", plan=plan_id, plans=self.ids())
        return self._read(path, plan_id)

    def versions(self, plan_id: str) -> list[int]:
        """Versions stored for a plan, oldest first, the current one included."""
        older = sorted(
            int(p.stem[1:])
            for p in (self.root / VERSIONS_DIR / plan_id).glob("v*.md")
            if p.stem[1:].isdigit()
        )
        if self.path(plan_id).is_file():
            older.append(self.load(plan_id).meta.version)
        return older

    def load_version(self, plan_id: str, version: int) -> Plan:
        """A given version of a plan (the current one or an earlier one)."""
        current = self.load(plan_id)
        if current.meta.version == version:
            return current
        path = self.root / VERSIONS_DIR / plan_id / f"v{version}.md"
        if not path.is_file():
            raise PlanError(self.root, "err_no_such_version", plan=plan_id, version=version)
        return self._read(path, plan_id)

    def _read(self, path: Path, plan_id: str) -> Plan:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise PlanError(path, "err_cannot_read", reason=e) from None
        return parse_markdown(text, path, plan_id)

    def resolve(self, spec: str) -> Plan:
        """A plan named by corpus id, or read from a file path (without importing it)."""
        if self.path(spec).is_file() and "/" not in spec:
            return self.load(spec)
        path = Path(spec)
        if path.exists():
            return read_plan(path)
        raise PlanError(spec, "err_no_such_plan_or_file", root=self.root, plans=self.ids())

    def import_file(
        self,
        source: Path,
        plan_id: str,
        options: MetaOptions | None = None,
        encoding: str | None = None,
        force: bool = False,
        before_replace: Callable[[Plan], None] | None = None,
    ) -> ImportResult:
        """Import a source file as ``plan_id``; nothing is written if reading it fails.

        Re-importing a changed source of the same plan stores a new version and keeps the
        old one; a different plan under an existing id is refused unless ``force``.
        ``before_replace(plan)`` runs once the old version and the source are safely copied
        and before the canonical file is replaced (re-anchoring comments in an open database
        transaction): if it fails, the corpus still holds the old version as current.
        """
        check_plan_id(plan_id)
        plan = read_plan(source, plan_id, options, encoding)
        plan.meta.id = plan_id
        plan.meta.imported = now_iso()
        target = self.path(plan_id)
        if not target.is_file():
            self._store(plan, source, None, before_replace)
            return ImportResult(plan, target, ImportStatus.NEW)
        old = self.load(plan_id)
        if old.meta.sha256 and old.meta.sha256 == plan.meta.sha256 and not force:
            return ImportResult(old, target, ImportStatus.UNCHANGED, old.meta.version)
        same = same_plan(old, plan)
        if not same and not force:
            held = old.meta.title or old.meta.source
            raise PlanError(source, "err_different_plan", plan=plan_id, held=held)
        # A revised draft usually lacks what was given on the first import (title, region).
        for key in ("title", "region", "level", "period", "status"):
            if not getattr(plan.meta, key) and getattr(old.meta, key):
                setattr(plan.meta, key, getattr(old.meta, key))
        if plan.meta.title:
            plan.meta.notes = [n for n in plan.meta.notes if "--title" not in n]
        plan.meta.version = old.meta.version + 1
        self._store(plan, source, old, before_replace)
        status = ImportStatus.NEW_VERSION if same else ImportStatus.REPLACED
        return ImportResult(plan, target, status, old.meta.version)

    def _store(
        self,
        plan: Plan,
        source: Path,
        old: Plan | None,
        before_replace: Callable[[Plan], None] | None = None,
    ) -> None:
        """Copy the old version to versions/ and the source to sources/ (each atomically),
        then replace the canonical file last: an interruption leaves the old version current."""
        try:
            if old is not None:
                keep = self.root / VERSIONS_DIR / plan.id / f"v{old.meta.version}.md"
                write_atomic(keep, self.path(plan.id).read_bytes())
            plan.meta.source = self._store_source(source, plan)
            if before_replace is not None:
                before_replace(plan)
            write_atomic(self.path(plan.id), render_markdown(plan))
        except OSError as e:
            where = e.filename or self.root
            raise PlanError(where, "corpus_not_written", reason=e.strerror or e) from None

    def put_back(self, result: ImportResult) -> None:
        """Undo an import whose comments could not be carried over (the database transaction
        failed after the canonical file was replaced): the previous version is current again."""
        path = self.path(result.plan.id)
        if result.previous_version is None:
            path.unlink(missing_ok=True)
            return
        keep = self.root / VERSIONS_DIR / result.plan.id / f"v{result.previous_version}.md"
        write_atomic(path, keep.read_bytes())
        keep.unlink()

    def _store_source(self, source: Path, plan: Plan) -> str:
        """Keep a copy of the original in sources/, once: a source already there (by its
        SHA-256) is not stored again. Returns its name there."""
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        sources = self.root / SOURCES_DIR
        if sources.is_dir():
            for kept in sorted(sources.iterdir()):
                same_size = kept.is_file() and kept.stat().st_size == len(data)
                if same_size and hashlib.sha256(kept.read_bytes()).hexdigest() == digest:
                    return kept.name
        dest = sources / source.name
        if dest.exists():
            dest = sources / f"{plan.id}.v{plan.meta.version}.{digest[:12]}{source.suffix.lower()}"
        write_atomic(dest, data)
        return dest.name

    def identify(self, plan: Plan, path: Path) -> Plan:
        """A plan read from ``path``, told by its content rather than by its id alone: the
        corpus plan (any id, any version) with the same source is that plan; a different plan
        under an id of the corpus is refused (a comment on it would land on the wrong plan)."""
        for plan_id in self.ids():
            try:
                versions = self.versions(plan_id)
                for version in reversed(versions):
                    known = self.load_version(plan_id, version)
                    if plan.meta.sha256 and known.meta.sha256 == plan.meta.sha256:
                        return known
            except PlanError:
                continue
        if plan.id in self.ids():
            raise PlanError(path, "path_is_another_plan", id=plan.id)
        return plan

    def resolve_for_comments(self, spec: str) -> Plan:
        """:meth:`resolve`, a file told by its content (see :meth:`identify`): for commands
        that store comments on the plan."""
        plan = self.resolve(spec)
        if self.path(spec).is_file() and "/" not in spec:
            return plan
        return self.identify(plan, Path(spec))


def same_plan(old: Plan, new: Plan) -> bool:
    """Whether ``new`` looks like a version of ``old``: same title, same source, or outline."""
    if old.meta.title and old.meta.title == new.meta.title:
        return True
    if old.meta.source and old.meta.source == new.meta.source:
        return True
    outline_old = "\n".join(s.label for s in old.walk())
    outline_new = "\n".join(s.label for s in new.walk())
    return fuzz.ratio(outline_old, outline_new) >= SAME_PLAN_OUTLINE
