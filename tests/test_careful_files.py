"""Files as a careful Unix tool writes them (issue 14): the umask's mode, through symlinks,
never over a device, sources stored once, a plan given by path told by its content, and
terminal output that carries no control sequences."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from plancompare.errors import PlanError
from plancompare.plan.corpus import Corpus, write_atomic
from plancompare.review.merge import group_near_duplicates
from plancompare.review.model import Comment
from tests.conftest import SEEDS
from tests.test_hostile_inputs import one_line


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_files_get_the_mode_of_the_umask(
    cli: Callable[..., Result], tmp_path: Path, corpus_dir: Path, umask_022: None
) -> None:
    cli("comment", "add", "luhe", "--section", "1", "--body", "建议补充")
    export, report = tmp_path / "out.jsonld", tmp_path / "report.md"
    cli("comments", "export", str(export))
    cli("report", "-o", str(report))
    cli("import", str(SEEDS["dehong"]), "--id", "dehong2")
    assert mode(export) == mode(report) == 0o644
    assert mode(corpus_dir / "dehong2.md") == 0o644


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("old")
    path.chmod(0o600)
    write_atomic(path, "new")
    assert path.read_text() == "new" and mode(path) == 0o600


def test_a_symlink_is_written_through_never_replaced(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    cli("comment", "add", "luhe", "--section", "1", "--body", "建议补充")
    target = tmp_path / "real" / "report.md"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "report.md"
    link.symlink_to(target)
    assert cli("report", "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert "建议补充" in target.read_text(encoding="utf-8")


def test_a_fifo_or_a_folder_is_refused(cli: Callable[..., Result], tmp_path: Path) -> None:
    cli("comment", "add", "luhe", "--section", "1", "--body", "建议补充")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = cli("--lang", "en", "report", "-o", str(fifo))
    one_line(result, "pipe", "not a regular file")
    assert not fifo.is_file() and fifo.exists()
    with pytest.raises(PlanError, match="not a regular file"):
        write_atomic(tmp_path, "x")


def test_a_source_is_stored_once(cli: Callable[..., Result], corpus_dir: Path) -> None:
    before = set((corpus_dir / "sources").iterdir())
    cli("import", str(SEEDS["dehong"]), "--id", "again")
    cli("import", str(SEEDS["dehong"]), "--id", "third")
    assert set((corpus_dir / "sources").iterdir()) == before


def test_an_import_into_a_database_that_is_not_sqlite_changes_nothing(
    corpus_dir: Path, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from plancompare.cli import main

    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database")
    changed = tmp_path / "luhe-v2.txt"
    changed.write_text(SEEDS["luhe"].read_text(encoding="utf-8") + "\n（九）新增一条。\n")
    before = {p: p.read_bytes() for p in corpus_dir.rglob("*") if p.is_file()}
    args = ["--corpus", str(corpus_dir), "--db", str(db)]
    result = CliRunner().invoke(
        main, [*args, "--lang", "en", "import", str(changed), "--id", "luhe"]
    )
    one_line(result, "notes.db", "not a SQLite database")
    chinese = CliRunner().invoke(main, [*args, "import", str(changed), "--id", "luhe"])
    one_line(chinese, "notes.db：不是 SQLite 数据库；未作任何更改")
    assert {p: p.read_bytes() for p in corpus_dir.rglob("*") if p.is_file()} == before


def test_a_failed_reanchoring_leaves_the_old_version_current(corpus_dir: Path) -> None:
    corpus = Corpus(corpus_dir)
    current = corpus.path("luhe").read_bytes()
    changed = corpus_dir.parent / "luhe-v2.txt"
    changed.write_text(SEEDS["luhe"].read_text(encoding="utf-8") + "\n（九）新增一条。\n")

    def fail(plan: object) -> None:
        raise PlanError("review.db", "the database went away")

    with pytest.raises(PlanError):
        corpus.import_file(changed, "luhe", before_replace=fail)
    assert corpus.path("luhe").read_bytes() == current


def test_a_file_holding_another_plan_under_a_corpus_id(
    cli: Callable[..., Result], corpus_dir: Path, tmp_path: Path
) -> None:
    """luhe.md's name, 德宏's content: the comment lands on dehong, or is refused."""
    disguised = tmp_path / "luhe.md"
    shutil.copy(corpus_dir / "dehong.md", disguised)
    text = disguised.read_text(encoding="utf-8").replace("id: dehong", "id: luhe", 1)
    disguised.write_text(text, encoding="utf-8")
    added = cli("comment", "add", str(disguised), "--section", "1", "--body", "x", "--json")
    assert json.loads(added.output)["plan"] == "dehong"
    new_draft = tmp_path / "draft" / "luhe.md"
    new_draft.parent.mkdir()
    new_draft.write_text(text.replace("sha256:", "sha256: 0", 1), encoding="utf-8")
    one_line(
        cli("--lang", "en", "comment", "add", str(new_draft), "--section", "1", "--body", "x"),
        "luhe.md",
        "no version of that plan",
    )


def test_control_characters_never_reach_the_terminal(
    cli: Callable[..., Result], corpus_dir: Path
) -> None:
    hostile = "标题\x1b]0;owned\x07\x1b[2J"
    cli("comment", "add", "luhe", "--section", "1", "--body", hostile, "--reviewer", "甲\x1b[31m")
    listed = cli("comment", "list")
    comment_id = listed.output.split()[0]
    shown = cli("comment", "show", comment_id)
    path = corpus_dir / "luhe.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("# 一、", "# 一、\x1b[2J", 1), encoding="utf-8")
    outline = cli("outline", "luhe")
    for output in (listed.output, shown.output, outline.output):
        assert "\x1b]" not in output and "\x1b[2J" not in output and "\x07" not in output
    assert "\\x1b]0;owned\\x07" in shown.output
    assert "\\x1b[2J" in outline.output


def test_two_long_near_duplicates_are_grouped_and_unlike_ones_are_not(
    luhe_comment: Callable[[str, str], Comment],
) -> None:
    body = "".join(f"第{n}条建议补充配套措施。" for n in range(20_000))
    near = body.replace("第7条", "第七条")
    other = "".join(f"另一项{n}意见完全不同。" for n in range(20_000))
    a, b, c = luhe_comment(body, "甲"), luhe_comment(near, "乙"), luhe_comment(other, "丙")
    groups = group_near_duplicates([a, b, c])
    assert [g.count for g in groups] == [2, 1]


@pytest.fixture
def luhe_comment(luhe: object) -> Callable[[str, str], Comment]:
    from plancompare.model import Plan
    from plancompare.review.writing import Draft, new_comment

    assert isinstance(luhe, Plan)

    def make(body: str, reviewer: str) -> Comment:
        return new_comment(luhe, "1", Draft(body=body, reviewer=reviewer))

    return make
