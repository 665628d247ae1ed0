"""The embedding cache: vectors in SQLite, keyed by embedder id and a hash of the text."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from plancompare.embed.base import Embedder, Vectors
from plancompare.errors import PlanWarning

TABLE = "embeddings"
_LOOKUP_CHUNK = 500  # well under SQLite's limit on bound parameters


class EmbeddingCacheWarning(PlanWarning):
    """The cache could not be used as it was (e.g. a corrupt file was moved aside)."""


def default_cache_path(configured: Path | None = None) -> Path:
    """Where the cache lives: ``$PLANCOMPARE_CACHE``, else ``configured`` (plancompare.toml
    ``cache = …``), else ``embeddings.db`` under ``$XDG_CACHE_HOME/plancompare`` (or
    ``~/.cache/plancompare``)."""
    env = os.environ.get("PLANCOMPARE_CACHE")
    if env:
        return Path(env).expanduser()
    if configured is not None:
        return configured
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "plancompare" / "embeddings.db"


def text_key(text: str) -> str:
    """The cache key of a text: SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CachedEmbedder(Embedder):
    """Wraps any embedder: texts already in the cache are not embedded again.

    A file that is not a usable SQLite database is moved aside (``NAME.corrupt-TIME``)
    and a new cache is started; an :class:`EmbeddingCacheWarning` says so. If the cache
    cannot be written at all, vectors are still computed and a warning is given.
    """

    def __init__(self, inner: Embedder, path: Path) -> None:
        self.inner = inner
        self.id = inner.id
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._broken = False
        self._dim: int | None = None
        self._lock = threading.Lock()
        #: How many texts were computed rather than found, since creation (for tests/bench).
        self.computed = 0

    def embed_batch(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return self.inner.embed_batch(texts)
        keys = [text_key(t) for t in texts]
        first = dict(zip(keys, texts, strict=True))
        with self._lock:
            found = self._lookup(sorted(set(keys)))
            found = self._of_usual_size(found)
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            found.update(self._compute(missing, first))
        # A row of another size than the model's (another model's, or damaged) is dropped and
        # embedded again; storing the new vector replaces the row.
        wrong = [k for k, v in found.items() if v.shape != (self._dim,)]
        if wrong:
            found.update(self._compute(wrong, first))
        return np.stack([np.asarray(found[k], dtype=np.float32) for k in keys])

    def _compute(self, keys: list[str], texts: dict[str, str]) -> dict[str, Vectors]:
        vectors = self.inner.embed_batch([texts[k] for k in keys])
        self.computed += len(keys)
        self._dim = int(vectors.shape[1])
        fresh = dict(zip(keys, vectors, strict=True))
        with self._lock:
            self._store({k: v for k, v in fresh.items() if bool(np.isfinite(v).all())})
        return fresh

    def _of_usual_size(self, found: dict[str, Vectors]) -> dict[str, Vectors]:
        """The vectors of the size this embedder's rows usually have (the model's, once it
        has computed one in this process)."""
        if self._dim is None and found:
            sizes = Counter(int(v.shape[0]) for v in found.values())
            self._dim = self._usual_dim() or sizes.most_common(1)[0][0]
        return {k: v for k, v in found.items() if v.shape == (self._dim,)}

    def _usual_dim(self) -> int | None:
        conn = self._connect()
        if conn is None:
            return None
        try:
            row = conn.execute(
                f"SELECT dim FROM {TABLE} WHERE embedder = ? GROUP BY dim "
                "ORDER BY count(*) DESC LIMIT 1",
                [self.id],
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        return int(row[0]) if row else None

    def missing(self, texts: Sequence[str]) -> int:
        """How many distinct texts of ``texts`` have no vector in the cache yet."""
        keys = sorted({text_key(t) for t in texts})
        with self._lock:
            found = self._of_usual_size(self._lookup(keys))
        return len(keys) - len(found)

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None or self._broken:
            return self._conn
        for attempt in (1, 2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
                _create_table(conn)
                self._conn = conn
                return conn
            except sqlite3.DatabaseError as e:
                if attempt == 1 and self.path.is_file() and _is_corrupt(e):
                    self._move_aside(e)
                    continue
                self._give_up(e)
            except OSError as e:
                self._give_up(e)
            break
        return None

    def _lookup(self, keys: list[str]) -> dict[str, Vectors]:
        conn = self._connect()
        if conn is None:
            return {}
        found: dict[str, Vectors] = {}
        try:
            for i in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[i : i + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT hash, dim, vector FROM {TABLE} WHERE embedder = ? AND hash IN "
                rows = conn.execute(f"{query}({marks})", [self.id, *chunk])
                for key, dim, blob in rows:
                    # A row must hold as many numbers as it says, all finite: a damaged row
                    # is dropped and embedded again, never passed on (NaN scores, bad JSON).
                    if not isinstance(blob, bytes) or len(blob) % 4:
                        continue
                    vector = np.frombuffer(blob, dtype=np.float32)
                    if vector.shape == (dim,) and bool(np.isfinite(vector).all()):
                        found[key] = vector
        except sqlite3.DatabaseError as e:
            # Damage found only when reading pages: start afresh, as for a corrupt file.
            self._reset(e)
            return {}
        return found

    def _store(self, vectors: dict[str, Vectors]) -> None:
        conn = self._connect()
        if conn is None:
            return
        rows: list[dict[str, Any]] = [
            {
                "embedder": self.id,
                "hash": key,
                "dim": int(v.shape[0]),
                "vector": np.ascontiguousarray(v, dtype=np.float32).tobytes(),
            }
            for key, v in vectors.items()
        ]
        try:
            import sqlite_utils

            sqlite_utils.Database(conn).table(TABLE).insert_all(
                rows, pk=("embedder", "hash"), replace=True, batch_size=200
            )
            conn.commit()
        except sqlite3.DatabaseError as e:
            self._reset(e)
        except OSError as e:
            self._give_up(e)

    def _reset(self, error: Exception) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if _is_corrupt(error) and self.path.is_file():
            self._move_aside(error)
        else:
            self._give_up(error)

    def _move_aside(self, error: Exception) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d%H%M%S')}")
        try:
            self.path.replace(aside)
        except OSError as e:
            self._give_up(e)
            return
        warnings.warn(
            EmbeddingCacheWarning(
                self.path, "warn_cache_moved_aside", reason=error, aside=aside.name
            ),
            stacklevel=4,
        )

    def _give_up(self, error: Exception) -> None:
        self._broken = True
        warnings.warn(
            EmbeddingCacheWarning(self.path, "warn_cache_not_used", reason=error),
            stacklevel=4,
        )


def _create_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "embedder TEXT NOT NULL, hash TEXT NOT NULL, dim INTEGER NOT NULL, "
        "vector BLOB NOT NULL, PRIMARY KEY (embedder, hash))"
    )
    conn.commit()


def _is_corrupt(error: Exception) -> bool:
    """True for errors that mean the file is damaged or not a database at all."""
    text = str(error).lower()
    return any(
        word in text for word in ("not a database", "malformed", "corrupt", "disk image")
    ) or (isinstance(error, sqlite3.DatabaseError) and "no such column" in text)
