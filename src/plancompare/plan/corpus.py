"""The corpora/ folder: canonical plans by id, their earlier versions, and their sources."""

from __future__ import annotations

import os
import shutil
import tempfile
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


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write a file so that readers see the old or the new content, never half of it (text
    as UTF-8, or bytes as they are)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8") if isinstance(text, str) else text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
            known = ", ".join(self.ids()) or "none"
            raise PlanError(self.root, f"no plan '{plan_id}' here (plans: {known})")
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
            raise PlanError(self.root, f"plan '{plan_id}' has no version {version}")
        return self._read(path, plan_id)

    def _read(self, path: Path, plan_id: str) -> Plan:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise PlanError(path, f"cannot read: {e}") from None
        return parse_markdown(text, path, plan_id)

    def resolve(self, spec: str) -> Plan:
        """A plan named by corpus id, or read from a file path (without importing it)."""
        if self.path(spec).is_file() and "/" not in spec:
            return self.load(spec)
        path = Path(spec)
        if path.exists():
            return read_plan(path)
        known = ", ".join(self.ids()) or "none"
        raise PlanError(spec, f"no such plan id in {self.root} (plans: {known}) and no such file")

    def import_file(
        self,
        source: Path,
        plan_id: str,
        options: MetaOptions | None = None,
        encoding: str | None = None,
        force: bool = False,
    ) -> ImportResult:
        """Import a source file as ``plan_id``; nothing is written if reading it fails.

        Re-importing a changed source of the same plan stores a new version and keeps the
        old one; a different plan under an existing id is refused unless ``force``.
        """
        check_plan_id(plan_id)
        plan = read_plan(source, plan_id, options, encoding)
        plan.meta.id = plan_id
        plan.meta.imported = now_iso()
        target = self.path(plan_id)
        if not target.is_file():
            self._store(plan, source, None)
            return ImportResult(plan, target, ImportStatus.NEW)
        old = self.load(plan_id)
        if old.meta.sha256 and old.meta.sha256 == plan.meta.sha256 and not force:
            return ImportResult(old, target, ImportStatus.UNCHANGED, old.meta.version)
        same = same_plan(old, plan)
        if not same and not force:
            held = old.meta.title or old.meta.source
            raise PlanError(
                source,
                f"'{plan_id}' in the corpus is a different plan ({held}); "
                "choose another --id, or pass --force to store this as its new version",
            )
        # A revised draft usually lacks what was given on the first import (title, region).
        for key in ("title", "region", "level", "period", "status"):
            if not getattr(plan.meta, key) and getattr(old.meta, key):
                setattr(plan.meta, key, getattr(old.meta, key))
        if plan.meta.title:
            plan.meta.notes = [n for n in plan.meta.notes if "--title" not in n]
        plan.meta.version = old.meta.version + 1
        self._store(plan, source, old)
        status = ImportStatus.NEW_VERSION if same else ImportStatus.REPLACED
        return ImportResult(plan, target, status, old.meta.version)

    def _store(self, plan: Plan, source: Path, old: Plan | None) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if old is not None:
            keep = self.root / VERSIONS_DIR / plan.id / f"v{old.meta.version}.md"
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(self.path(plan.id), keep)
        stored = self._store_source(source, plan)
        plan.meta.source = stored
        write_atomic(self.path(plan.id), render_markdown(plan))

    def _store_source(self, source: Path, plan: Plan) -> str:
        """Keep a copy of the original next to the canonical file; returns its name."""
        sources = self.root / SOURCES_DIR
        dest = sources / source.name
        if dest.resolve() == source.resolve():
            return source.name
        if dest.exists() and dest.read_bytes() != source.read_bytes():
            dest = sources / f"{plan.id}.v{plan.meta.version}{source.suffix.lower()}"
        if not dest.exists():
            sources.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)
        return dest.name


def same_plan(old: Plan, new: Plan) -> bool:
    """Whether ``new`` looks like a version of ``old``: same title, same source, or outline."""
    if old.meta.title and old.meta.title == new.meta.title:
        return True
    if old.meta.source and old.meta.source == new.meta.source:
        return True
    outline_old = "\n".join(s.label for s in old.walk())
    outline_new = "\n".join(s.label for s in new.walk())
    return fuzz.ratio(outline_old, outline_new) >= SAME_PLAN_OUTLINE
