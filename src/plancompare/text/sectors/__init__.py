"""Opt-in sector vocabulary: names of one sector that a reviewer sets side by side although
nothing generic says so (市场主体 ~ 企业 where a sector counts household businesses).

Each sector is a data file ``<sector>.toml`` in this folder (or any path), off by default and
turned on by ``--sector NAME`` or ``sector = "NAME"`` in plancompare.toml::

    [[related]]
    names = ["市场主体", "企业"]   # the first is the standard name of the group

Related names only propose pairs in a benchmark; they never make two names one definition.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from plancompare.errors import PlanError

FOLDER = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class SectorVocabulary:
    """The related names of one sector."""

    name: str
    """The sector's name (the file's stem)."""
    related: tuple[tuple[str, ...], ...]
    """Groups of names, each with its standard name first."""

    def standard(self, name: str) -> str:
        """``name`` with every related word replaced by its group's standard name."""
        for group in self.related:
            for word in sorted(group[1:], key=len, reverse=True):
                name = name.replace(word, group[0])
        return name


def available() -> list[str]:
    """The sectors shipped with plancompare."""
    return sorted(p.stem for p in FOLDER.glob("*.toml"))


def load_sector(name_or_path: str) -> SectorVocabulary:
    """A sector by name (a shipped file) or by the path of a ``.toml`` file; a missing or
    malformed file is a one-line error."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = FOLDER / f"{name_or_path}.toml"
    if not path.is_file():
        raise PlanError(path, "err_no_such_sector", sectors=available())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        groups = tuple(tuple(str(n) for n in entry["names"]) for entry in data.get("related", []))
    except (tomllib.TOMLDecodeError, KeyError, TypeError, UnicodeDecodeError) as e:
        raise PlanError(path, "err_not_a_sector", reason=e) from e
    if any(len(g) < 2 for g in groups):
        raise PlanError(path, "err_sector_group_too_small")
    return SectorVocabulary(path.stem, groups)
