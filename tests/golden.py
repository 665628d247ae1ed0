"""Golden-file comparison: PLANCOMPARE_UPDATE_GOLDEN=1 rewrites the files instead of comparing."""

from __future__ import annotations

import os
from pathlib import Path


def assert_golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the golden file at ``path`` (or write it when updating)."""
    if os.environ.get("PLANCOMPARE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"golden file {path} is missing; run with PLANCOMPARE_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path.name}; update it if the change is right"
