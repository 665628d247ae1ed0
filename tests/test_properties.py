"""Property-based tests (Hypothesis): whatever text ``import`` reads and whatever JSON-LD
``comments import`` reads, the command ends in success or in one line with exit status 2 —
never a traceback — and leaves the corpus and the database whole (all or nothing)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancompare.cli import main
from plancompare.plan.corpus import Corpus
from tests.conftest import CORPORA

PLAN_TEXT = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(["一、总体要求", "（一）发展目标", "1.加快建设", "——产业", "专栏1"]),
        st.sampled_from(["---", "# 标题", "[/]", "\x1b[2J", "\ufeff", "\r\n", "\t", "*a"]),
    ),
    max_size=12,
).map("\n".join)

CHECKED = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _refused_in_one_line(exit_code: int, output: str) -> None:
    assert exit_code in (0, 2), output
    if exit_code == 2:
        assert len(output.strip().splitlines()) == 1, output


@CHECKED
@given(text=PLAN_TEXT, suffix=st.sampled_from([".txt", ".md"]))
def test_import_of_any_text_is_whole_or_refused(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus_dir = Path(tmp) / "corpora"
        corpus_dir.mkdir()
        source = Path(tmp) / f"draft{suffix}"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        args = ["--corpus", str(corpus_dir), "--db", str(Path(tmp) / "r.db")]
        result = CliRunner().invoke(main, [*args, "import", str(source), "--id", "draft"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        _refused_in_one_line(result.exit_code, result.output)
        stored = corpus_dir / "draft.md"
        if result.exit_code == 0:
            Corpus(corpus_dir).load("draft")  # what was written reads back
        else:
            assert not stored.exists()
        assert not list(corpus_dir.rglob("*.tmp"))


def _export(tmp: Path) -> dict[str, Any]:
    """A real export of two comments of the shipped plans."""
    corpus_dir = tmp / "corpora"
    shutil.copytree(CORPORA, corpus_dir)
    runner = CliRunner()
    args = ["--corpus", str(corpus_dir), "--db", str(tmp / "source.db")]
    for body, section in (("建议补充", "1"), ("建议删除", "2")):
        runner.invoke(main, [*args, "comment", "add", "luhe", "--section", section, "--body", body])
    runner.invoke(main, [*args, "comments", "export", str(tmp / "x.jsonld")])
    data: dict[str, Any] = json.loads((tmp / "x.jsonld").read_text(encoding="utf-8"))
    return data


_TEMPLATE_DIR = Path(tempfile.mkdtemp(prefix="plancompare-hypothesis-"))
_TEMPLATE = _export(_TEMPLATE_DIR)

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
FIELDS = st.sampled_from(
    [
        "created",
        "modified",
        "body",
        "target",
        "id",
        "type",
        "creator",
        "plancompare:category",
        "plancompare:stance",
        "plancompare:deleted",
        "plancompare:reference",
    ]
)
TARGET_FIELDS = st.sampled_from(
    ["plancompare:planVersion", "plancompare:plan", "selector", "plancompare:anchorState", "source"]
)


@CHECKED
@given(
    changes=st.lists(st.tuples(st.booleans(), FIELDS, TARGET_FIELDS, JSON_VALUES), max_size=4),
    which=st.integers(min_value=0, max_value=1),
)
def test_comments_import_of_any_json_ld_is_all_or_nothing(
    changes: list[tuple[bool, str, str, Any]], which: int
) -> None:
    data = json.loads(json.dumps(_TEMPLATE))
    item = data["first"]["items"][which]
    for on_target, field, target_field, value in changes:
        if on_target and isinstance(item.get("target"), dict):
            item["target"][target_field] = value
        else:
            item[field] = value
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "spoiled.jsonld"
        path.write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8", errors="surrogatepass"
        )
        db = Path(tmp) / "r.db"
        args = ["--corpus", str(_TEMPLATE_DIR / "corpora"), "--db", str(db)]
        result = CliRunner().invoke(main, [*args, "comments", "import", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        _refused_in_one_line(result.exit_code, result.output)
        count = 0
        if db.exists():
            with sqlite3.connect(db) as conn:
                count = conn.execute("select count(*) from comments").fetchone()[0]
        assert count == (2 if result.exit_code == 0 else 0)
        if result.exit_code == 0:
            listed = CliRunner().invoke(main, [*args, "comment", "list", "--json"])
            assert listed.exit_code == 0, listed.output
