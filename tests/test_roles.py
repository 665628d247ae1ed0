"""The role a section plays, read from its heading; and the containment of a heading in a text."""

from __future__ import annotations

import pytest

from plancompare.model import Section, SectionKind
from plancompare.plan.roles import SectionRole, is_background_title, section_role
from plancompare.text.similarity import shape_bigrams, tfidf_containment


def heading(title: str) -> Section:
    return Section("1", SectionKind.NUMBERED, "一、", title, "一、" + title, 1)


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("发展现状", SectionRole.BACKGROUND),
        ("现状与形势", SectionRole.BACKGROUND),
        ("战略意义", SectionRole.BACKGROUND),
        ("发展基础和面临形势", SectionRole.BACKGROUND),
        ("指导思想", SectionRole.GUIDANCE),
        ("总体思路", SectionRole.GUIDANCE),
        ("总体要求", SectionRole.GUIDANCE),
        ("基本原则", SectionRole.PRINCIPLES),
        ("原则", SectionRole.PRINCIPLES),
        ("保障措施", SectionRole.SAFEGUARDS),
        ("组织实施", SectionRole.SAFEGUARDS),
        ("相关术语", SectionRole.GLOSSARY),
        ("名词解释", SectionRole.GLOSSARY),
        # Topics of their own, though they share a word with a role.
        ("完善信息基础设施", None),
        ("基础支撑更加坚实", None),
        ("坚持系统推进", None),
        ("加强安全保障", None),
        ("强化人才保障措施落实机制", None),
        ("主要目标", None),
        ("", None),
    ],
)
def test_section_role_from_the_heading(title: str, role: SectionRole | None) -> None:
    assert section_role(heading(title)) is role


def test_background_is_what_targets_extraction_treats_as_facts() -> None:
    # One home: extraction's 'figures here are facts' and coverage's background role agree.
    assert is_background_title("发展现状")
    assert not is_background_title("发展目标")
    assert not is_background_title("现状" * 7)  # a long heading is a statement, not a name


def test_containment_of_a_heading_in_longer_texts() -> None:
    texts = ["支持开发一批研发设计类软件、生产制造类软件。", "加强网络安全保障。", "推动产业发展。"]
    queries = ["研发设计类软件", "标准国际合作", "推动"]
    held = tfidf_containment([shape_bigrams(q) for q in queries], [shape_bigrams(t) for t in texts])
    assert held.shape == (3, 3)
    assert held[0, 0] == pytest.approx(1.0)
    assert held[0, 1] == 0.0
    assert held[1].max() < 0.5  # 标准国际合作: no text holds it
    assert held.min() >= 0.0 and held.max() <= 1.0 + 1e-9


def test_containment_of_an_empty_query_is_zero() -> None:
    held = tfidf_containment([shape_bigrams("")], [shape_bigrams("加强网络安全保障。")])
    assert held.tolist() == [[0.0]]
