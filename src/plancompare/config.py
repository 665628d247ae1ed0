"""Project settings from ``plancompare.toml``: where plans, reviews and caches live, which model."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plancompare.errors import PlanError

if TYPE_CHECKING:
    from plancompare.embed import Embedder
    from plancompare.plan.corpus import Corpus

CONFIG_NAME = "plancompare.toml"
DEFAULT_MODEL = "e5"


def project_root() -> Path | None:
    """The source checkout this package runs from, if it runs from one."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else None


def find_config(start: Path | None = None) -> Path | None:
    """``$PLANCOMPARE_CONFIG``, else the nearest plancompare.toml from ``start`` upwards."""
    env = os.environ.get("PLANCOMPARE_CONFIG")
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    root = project_root()
    if root is not None and (root / CONFIG_NAME).is_file():
        return root / CONFIG_NAME
    return None


@dataclass(slots=True)
class Config:
    """Values from a config file; relative paths are relative to the file's folder."""

    corpus: Path | None = None
    """Folder of canonical plans."""
    db: Path | None = None
    """Review database."""
    model: str | None = None
    """Embedder name."""
    cache: Path | None = None
    """Embedding cache database."""
    reviewer: str | None = None
    """Default reviewer name for new comments."""
    organisation: str | None = None
    """Default reviewer organisation."""
    lang: str | None = None
    """Language of what plancompare says (zh or en)."""
    sector: str | None = None
    """Opt-in sector vocabulary for benchmarks (a name or a .toml path); none by default."""


def load_config(path: Path | None = None) -> Config:
    """Read a config file (``find_config()`` when no path is given); {} when there is none."""
    path = path or find_config()
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanError(path, "err_no_config") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise PlanError(path, "err_bad_config", reason=e) from None
    section = data.get("plancompare", data)
    config = Config()
    for key in ("corpus", "db", "cache"):
        if key in section:
            setattr(config, key, (path.parent / str(section[key])).resolve())
    for key in ("model", "reviewer", "organisation", "lang", "sector"):
        if key in section:
            setattr(config, key, str(section[key]))
    return config


def default_corpus_dir() -> Path:
    """The project's corpora/, else ./corpora."""
    root = project_root()
    return root / "corpora" if root is not None else Path("corpora")


def default_db_path() -> Path:
    """``comments/review.db`` in the project (or in the working folder)."""
    root = project_root()
    return (root / "comments" if root else Path("comments")) / "review.db"


@dataclass(slots=True)
class Settings:
    """Where things live and which model to use, as the CLI and the TUI resolved them."""

    corpus_dir: Path
    """Folder of canonical plans."""
    db_path: Path
    """Review database."""
    model: str
    """Embedder name."""
    cache_path: Path | None = None
    """Embedding cache from the config file (the environment may override it)."""
    reviewer: str | None = None
    """Default reviewer name."""
    organisation: str | None = None
    """Default reviewer organisation."""
    lang: str = "zh"
    """Language of what the CLI and the workspace say: zh (the default) or en."""
    sector: str | None = None
    """Opt-in sector vocabulary for benchmarks (``sector = …`` in plancompare.toml)."""

    @property
    def corpus(self) -> Corpus:
        """The corpus folder."""
        from plancompare.plan.corpus import Corpus

        return Corpus(self.corpus_dir)

    def embedder(self, model: str | None = None) -> Embedder:
        """The configured embedder (or ``model``), cached in the configured cache."""
        from plancompare.embed import get_embedder
        from plancompare.embed.cache import default_cache_path

        return get_embedder(model or self.model, cache=default_cache_path(self.cache_path))


def resolve_settings(
    corpus_dir: Path | None = None,
    db_path: Path | None = None,
    model: str | None = None,
    config_path: Path | None = None,
    lang: str | None = None,
) -> Settings:
    """Settings from explicit values (options, environment), then plancompare.toml, then the
    defaults."""
    config = load_config(config_path)
    return Settings(
        corpus_dir=corpus_dir or config.corpus or default_corpus_dir(),
        db_path=db_path or config.db or default_db_path(),
        model=model or config.model or DEFAULT_MODEL,
        cache_path=config.cache,
        reviewer=config.reviewer,
        organisation=config.organisation,
        lang=_language(lang or config.lang or "zh", config_path),
        sector=config.sector,
    )


def _language(lang: str, where: Path | None) -> str:
    from plancompare.i18n import LANGUAGES

    if lang not in LANGUAGES:
        raise PlanError(where, "err_unknown_language", lang=lang, languages=LANGUAGES)
    return lang
