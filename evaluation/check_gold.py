"""Check gold files for form: every quote found in its plan, every field of a known kind.

Run: python evaluation/check_gold.py [FILE …]   (all gold files when none are given; a
passage batch's gold, evaluation/passagesN/gold/*.yaml, is checked against its passages when given)

It reads the plans' text only; it never runs plancompare's extractor or aligner, so gold
writers can use it without seeing any output of the code the gold will score.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
KINDS = {"stock", "increment", "cumulative", "annual"}
COMPARATORS = {">=", "<=", "=", "~", "range"}
VERDICTS = {"comparable", "conditional", "not_comparable"}
REASONS = {"dimension", "kind", "threshold", "level", "scope", "horizon", "definition"}
COVERAGE = {"covered", "partial", "absent"}
_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without spaces and line breaks, as quotes are compared."""
    return _SPACE.sub("", text)


def plan_texts() -> dict[str, str]:
    """Each plan id of plans.yaml → its text without spaces."""
    manifest = yaml.safe_load((HERE / "plans.yaml").read_text(encoding="utf-8"))
    texts = {
        p["id"]: squeeze((HERE / p["file"]).read_text(encoding="utf-8")) for p in manifest["plans"]
    }
    # A passage is a plan too (passages7-06_x), for benchmark gold between two passages.
    for folder in sorted(HERE.glob("passages*")):
        texts.update({f"{folder.name}-{k}": v for k, v in passage_texts(folder).items()})
    return texts


def passage_texts(folder: Path) -> dict[str, str]:
    """Each passage of a passages folder (evaluation/passages5/) → its text without spaces.

    The passage's own id is its file stem; the header comment lines are not plan text.
    """
    texts = {}
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts[path.stem] = squeeze("\n".join(x for x in lines if not x.startswith("#")))
    return texts


def _decimal(value: Any, where: str, problems: list[str]) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        problems.append(f'{where}: write numbers as strings ("{value}")')
        return
    try:
        Decimal(value)
    except InvalidOperation:
        problems.append(f"{where}: not a number: {value!r}")


def _quote(texts: dict[str, str], plan: str, quote: Any, where: str, problems: list[str]) -> None:
    if not isinstance(quote, str) or not quote.strip():
        problems.append(f"{where}: empty quote")
        return
    hits = texts[plan].count(squeeze(quote))
    if hits == 0:
        problems.append(f"{where}: quote not in {plan}: {quote!r}")


def check_targets(data: dict[str, Any], texts: dict[str, str], problems: list[str]) -> None:
    plan = data.get("plan")
    if plan not in texts:
        problems.append(f"unknown plan {plan!r}")
        return
    for i, t in enumerate(data.get("targets") or []):
        where = f"target {i + 1} ({t.get('quote')!r})"
        _quote(texts, plan, t.get("quote"), where, problems)
        if not t.get("indicator"):
            problems.append(f"{where}: no indicator")
        if t.get("qualitative"):
            continue  # a target without a figure (the seeds' gold keeps them; not scored)
        for name in ("value", "value_max", "baseline"):
            _decimal(t.get(name), f"{where} {name}", problems)
        if t.get("value") is None:
            problems.append(f"{where}: no value")
        if t.get("comparator") not in COMPARATORS:
            problems.append(f"{where}: comparator {t.get('comparator')!r}")
        if (t.get("comparator") == "range") != (t.get("value_max") is not None):
            problems.append(f"{where}: a range has value_max, and only a range")
        if t.get("kind", "stock") not in KINDS:
            problems.append(f"{where}: kind {t.get('kind')!r}")
        year = t.get("year")
        if year is not None and not (isinstance(year, int) and 1949 <= year <= 2100):
            problems.append(f"{where}: year {year!r}")
        if not t.get("unit"):
            problems.append(f"{where}: no unit")


def check_benchmark(data: dict[str, Any], texts: dict[str, str], problems: list[str]) -> None:
    plans = data.get("plans") or []
    for p in plans:
        if p not in texts:
            problems.append(f"unknown plan {p!r}")
            return
    for i, row in enumerate(data.get("rows") or []):
        where = f"row {i + 1} ({row.get('concept')!r})"
        cells = row.get("cells") or {}
        if len(cells) < 2:
            problems.append(f"{where}: a row pairs at least two plans")
        for plan, quotes in cells.items():
            if plan not in plans:
                problems.append(f"{where}: plan {plan!r} not in plans")
                continue
            for q in quotes or []:
                _quote(texts, plan, q, where, problems)
        if row.get("verdict") not in VERDICTS:
            problems.append(f"{where}: verdict {row.get('verdict')!r}")
        reasons = set(row.get("reasons") or [])
        if reasons - REASONS:
            problems.append(f"{where}: unknown reasons {sorted(reasons - REASONS)}")
        if (row.get("verdict") == "comparable") != (not reasons):
            problems.append(f"{where}: comparable rows have no reasons, the others some")
        if not isinstance(row.get("required"), bool):
            problems.append(f"{where}: required: true or false")


def check_coverage(data: dict[str, Any], texts: dict[str, str], problems: list[str]) -> None:
    ref, plan = data.get("ref"), data.get("plan")
    if ref not in texts or plan not in texts:
        problems.append(f"unknown plans {ref!r}, {plan!r}")
        return
    for i, item in enumerate(data.get("items") or []):
        where = f"item {i + 1} ({item.get('ref')!r})"
        _quote(texts, ref, item.get("ref"), where, problems)
        if item.get("verdict") not in COVERAGE:
            problems.append(f"{where}: verdict {item.get('verdict')!r}")
        for q in item.get("where") or []:
            _quote(texts, plan, q, where, problems)
        if item.get("verdict") in ("covered", "partial") and not item.get("where"):
            problems.append(f"{where}: say where the plan responds")


def check_file(path: Path, texts: dict[str, str]) -> list[str]:
    """The problems of one gold file (empty when it is well formed)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        return [f"not YAML: {e}"]
    problems: list[str] = []
    kind = path.parent.name
    if kind == "targets":
        check_targets(data, texts, problems)
    elif kind == "benchmark":
        check_benchmark(data, texts, problems)
    elif kind == "coverage":
        check_coverage(data, texts, problems)
    elif kind == "gold" and path.parent.parent.name.startswith("passages"):
        check_targets(data, passage_texts(path.parent.parent), problems)
    return problems


def main(argv: list[str]) -> int:
    texts = plan_texts()
    paths = [Path(a) for a in argv] or sorted(GOLD.glob("*/*.yaml"))
    bad = 0
    for path in paths:
        problems = check_file(path, texts)
        print(f"{path}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        for p in problems:
            print(f"  {p}")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
