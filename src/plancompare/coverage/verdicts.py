"""How one plan takes up each unit of a reference plan: the verdict rule, on the evidence of the
existing alignment (links) and sentence matcher (sentences found), the roles of sections and
the words of headings.

The rule, in order, for each unit of the reference plan:

1. **Role.** A background (发展现状, 面临形势) or a glossary (相关术语), and everything under it,
   is taken up only by the plan having one of its own: covered if it has, absent if not.
2. **Items.** A heading over items is judged by them: covered when more than half of its items
   are covered, absent when all are absent, partial otherwise.
3. **Same role.** Any other unit playing a role (指导思想, 基本原则, 保障措施) is covered when the
   plan has a section of the same role; without one it is judged on its content (4).
4. **Content.** A unit is covered when it has a strong counterpart (alignment score ≥
   ``strong_link``) and at least ``share`` of its sentences have a close counterpart somewhere
   in the plan, or when its heading is found whole in one sentence or heading of the plan
   (``named``: a 专栏 entry 研发设计类软件 listed in the plan's 工业软件 task); absent when it
   has neither a strong counterpart, nor that share of its sentences found, nor its heading
   found; partial otherwise. Before that, a unit whose heading's distinctive words are nowhere
   in the plan (less than ``distinct`` of its IDF-weighted bigrams) is absent: likeness cannot
   tell a plan of the same field from one that takes the item up.

The thresholds (:data:`RULES`) were chosen on the 24 gold pairs of ``evaluation/gold/coverage/``
written before this rule (941 items, 15 reference plans), by a search over the four thresholds
with each pair left out in turn, for accuracy and the recall of absent items (a gap missed is
the costly error): the same four values won in 19 of the 24 folds (see README).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from plancompare.align.diff import MATCH_THRESHOLD, SentenceMatcher
from plancompare.coverage.model import (
    Basis,
    Counterpart,
    CoverageCell,
    Evidence,
    Verdict,
)
from plancompare.model import Alignment, Link, Plan, Section, SectionKind
from plancompare.plan.roles import DESCRIPTIVE_ROLES, SectionRole, plan_roles, section_role
from plancompare.text.sentences import split_sentences
from plancompare.text.similarity import shape_bigrams, tfidf_containment


@dataclass(slots=True, frozen=True)
class CoverageRules:
    """The thresholds of the verdict rule (see the module's docstring)."""

    sentence: float = MATCH_THRESHOLD + 1.0
    """A sentence has a counterpart in the plan when its best standardised similarity to the
    plan's sentences reaches this: one unit above the threshold ``unique`` uses for measures
    found nowhere, since a plan of the same field has a sentence that near for almost every
    sentence of the reference, whether it takes the measure up or not."""
    strong_link: float = 0.65
    """An alignment link this strong (0–1) is a counterpart that does what the unit asks."""
    share: float = 0.3
    """With a strong counterpart, this share of the unit's sentences found makes it covered;
    without one, fewer found (and the heading not named) makes it absent."""
    named: float = 0.9
    """A heading is found in the plan when one sentence or heading holds this share of its
    IDF-weighted character bigrams."""
    named_letters: int = 4
    """Headings shorter than this (传感器) are too generic to be looked for."""
    distinct: float = 0.3
    """A unit judged by content whose heading keeps less than this share of its IDF-weighted
    character bigrams anywhere in the plan is absent, whatever its sentences' likeness: a plan
    of the same field words every item alike (推动海上风电规范有序开发 against a plan without any
    海上风电), so likeness alone does not see the gap."""
    shown: int = 3
    """Counterparts and evidence sentences kept per cell."""


RULES = CoverageRules()


def plan_coverage(
    ref: Plan,
    plan: Plan,
    alignment: Alignment,
    matcher: SentenceMatcher,
    rules: CoverageRules = RULES,
) -> dict[str, CoverageCell]:
    """How ``plan`` takes up every unit of ``ref`` (the preamble left out), by section id.

    ``alignment`` aligns ``ref`` (as A) with ``plan`` (as B) and ``matcher`` compares their
    sentences (A = ``ref``): the compare view of the pair holds both already.
    """
    return _Judge(ref, plan, alignment, matcher, rules).run()


class _Judge:
    """The evidence of one plan against the reference, and the verdicts drawn from it."""

    def __init__(
        self,
        ref: Plan,
        plan: Plan,
        alignment: Alignment,
        matcher: SentenceMatcher,
        rules: CoverageRules,
    ) -> None:
        self.ref, self.plan, self.rules = ref, plan, rules
        self.links: dict[str, list[Link]] = {}
        for link in alignment.links:
            self.links.setdefault(link.a, []).append(link)
        for found in self.links.values():
            found.sort(key=lambda lk: (lk.kind != "match", -lk.score))
        self.matcher = matcher
        sim = matcher.similarity
        self.best = sim.max(axis=1) if sim.shape[1] else np.full(sim.shape[0], -np.inf)
        self.best_at = sim.argmax(axis=1) if sim.shape[1] else np.zeros(sim.shape[0], dtype=int)
        self.rows: dict[str, list[int]] = {}
        for i, ps in enumerate(matcher.sentences_a):
            self.rows.setdefault(ps.section, []).append(i)
        self.roles = plan_roles(plan)
        self.paths = unit_paths(plan)
        self.sections = {s.id: s for s in plan.walk()}
        self.texts = list(_texts(plan))
        self.named: dict[str, float] = {}
        self.named_at: dict[str, int] = {}
        self.anywhere: dict[str, float] = {}
        self._find_headings()
        self.cells: dict[str, CoverageCell] = {}

    def run(self) -> dict[str, CoverageCell]:
        for top in self.ref.sections:
            if top.kind is not SectionKind.PREAMBLE:
                self._judge(top, None)
        return self.cells

    # --- the rule --------------------------------------------------------------------------

    def _judge(self, section: Section, inherited: SectionRole | None) -> CoverageCell:
        role = section_role(section)
        descriptive = inherited or (role if role in DESCRIPTIVE_ROLES else None)
        items = [
            self._judge(c, descriptive)
            for c in section.children
            if c.kind is not SectionKind.PREAMBLE
        ]
        rows = [i for s in section.walk() for i in self.rows.get(s.id, [])]
        found = sum(1 for i in rows if self.best[i] >= self.rules.sentence)
        if descriptive is not None:
            cell = self._by_role(descriptive)
        elif role is not None and role in self.roles:
            # A part of the same role (总体要求, 基本原则, 保障措施) is taken up by the plan's own,
            # whatever its items say.
            cell = self._by_role(role)
        elif items:
            cell = self._by_items(items)
        else:
            cell = self._by_content(section, rows, found)
        cell.sentences, cell.found = len(rows), found
        if not cell.counterparts:
            cell.counterparts = self._counterparts(section, rows)
        if not cell.counterparts and items:
            cell.counterparts = self._items_counterparts(items)
        if cell.basis is not Basis.ROLE:
            cell.evidence = self._evidence(rows)
        self.cells[section.id] = cell
        return cell

    def _by_role(self, role: SectionRole) -> CoverageCell:
        same = self.roles.get(role, [])
        verdict = Verdict.COVERED if same else Verdict.ABSENT
        cell = CoverageCell(self.plan.id, verdict, 1.0 if same else 0.0, Basis.ROLE)
        cell.counterparts = [self._counterpart(s.id, 1.0) for s in same[: self.rules.shown]]
        return cell

    def _by_items(self, items: list[CoverageCell]) -> CoverageCell:
        covered = sum(1 for c in items if c.verdict is Verdict.COVERED)
        partial = sum(1 for c in items if c.verdict is Verdict.PARTIAL)
        if 2 * covered > len(items):
            verdict = Verdict.COVERED
        elif covered + partial == 0:
            verdict = Verdict.ABSENT
        else:
            verdict = Verdict.PARTIAL
        score = (covered + 0.5 * partial) / len(items)
        return CoverageCell(self.plan.id, verdict, round(score, 3), Basis.ITEMS)

    def _by_content(self, section: Section, rows: list[int], found: int) -> CoverageCell:
        r = self.rules
        link = self._link_score(section.id)
        share = found / len(rows) if rows else 0.0
        named = self.named.get(section.id, 0.0) >= r.named
        score = (link + share) / 2
        if self.anywhere.get(section.id, 1.0) < r.distinct:
            # 推动海上风电规范有序开发与消纳 where the plan says nothing of 海上风电: a gap.
            return CoverageCell(self.plan.id, Verdict.ABSENT, round(score, 3), Basis.CONTENT)
        if link >= r.strong_link and share >= r.share:
            return CoverageCell(self.plan.id, Verdict.COVERED, round(score, 3), Basis.CONTENT)
        if named:
            score = max(score, self.named[section.id])
            cell = CoverageCell(self.plan.id, Verdict.COVERED, round(score, 3), Basis.NAMED)
            cell.counterparts = self._named_counterpart(section.id)
            return cell
        if link < r.strong_link and share < r.share:
            return CoverageCell(self.plan.id, Verdict.ABSENT, round(score, 3), Basis.CONTENT)
        return CoverageCell(self.plan.id, Verdict.PARTIAL, round(score, 3), Basis.CONTENT)

    # --- evidence --------------------------------------------------------------------------

    def _link_score(self, section_id: str) -> float:
        links = self.links.get(section_id)
        return max(lk.score for lk in links) if links else 0.0

    def _find_headings(self) -> None:
        """For each reference unit with a heading long enough to look for, the largest share
        of it that one sentence or heading of the plan holds, and where."""
        units = [
            s
            for s in self.ref.walk()
            if sum(ch.isalnum() for ch in s.title) >= self.rules.named_letters
        ]
        if not units or not self.texts:
            return
        queries = [shape_bigrams(s.title) for s in units]
        bags = [shape_bigrams(t) for _, t in self.texts]
        ref_bags = [shape_bigrams(t) for _, t in _texts(self.ref)]
        whole: Counter[str] = Counter()
        for bag in bags:
            whole.update(bag)
        # One pass: each text of the plan, then the whole plan as one text (last column).
        held = tfidf_containment(queries, [*bags, whole], [*bags, *ref_bags])
        for k, s in enumerate(units):
            self.named[s.id] = float(held[k, :-1].max())
            self.named_at[s.id] = int(held[k, :-1].argmax())
            self.anywhere[s.id] = float(held[k, -1])

    def _named_counterpart(self, section_id: str) -> list[Counterpart]:
        at = self.named_at.get(section_id)
        if at is None:
            return []
        return [self._counterpart(self.texts[at][0], self.named[section_id])]

    def _counterparts(self, section: Section, rows: list[int]) -> list[Counterpart]:
        """The unit's alignment partners; without any, the sections holding the plan's
        sentences most like the unit's."""
        shown = self.rules.shown
        links = self.links.get(section.id)
        if links:
            return [self._counterpart(lk.b, lk.score) for lk in links[:shown]]
        seen: dict[str, float] = {}
        for i in sorted(rows, key=lambda i: -self.best[i]):
            if self.best[i] < self.rules.sentence or len(seen) >= shown:
                break
            target = self.matcher.sentences_b[int(self.best_at[i])].section
            seen.setdefault(target, self._probability(float(self.best[i])))
        return [self._counterpart(s, score) for s, score in seen.items()]

    def _items_counterparts(self, items: list[CoverageCell]) -> list[Counterpart]:
        """The best counterparts of a heading's items, when the heading has none of its own."""
        best: dict[str, Counterpart] = {}
        for c in (c for cell in items for c in cell.counterparts[:1]):
            if c.section not in best or c.score > best[c.section].score:
                best[c.section] = c
        return sorted(best.values(), key=lambda c: -c.score)[: self.rules.shown]

    def _evidence(self, rows: list[int]) -> list[Evidence]:
        out: list[Evidence] = []
        seen: set[tuple[str, int]] = set()
        for i in sorted(rows, key=lambda i: -self.best[i]):
            if self.best[i] < self.rules.sentence or len(out) >= self.rules.shown:
                break
            other = self.matcher.sentences_b[int(self.best_at[i])]
            key = (other.section, other.sentence.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Evidence(
                    ref_sentence=self.matcher.sentences_a[i].sentence.text,
                    sentence=other.sentence.text,
                    section=other.section,
                    score=self._probability(float(self.best[i])),
                )
            )
        return out

    def _probability(self, z: float) -> float:
        """A 0–1 score: 0.5 at the sentence threshold, about 0.9 two units above it."""
        return round(1.0 / (1.0 + math.exp(-1.1 * (z - self.rules.sentence))), 3)

    def _counterpart(self, section_id: str, score: float) -> Counterpart:
        section = self.sections.get(section_id)
        label = unit_label(section) if section is not None else section_id
        return Counterpart(section_id, label, self.paths.get(section_id, []), round(score, 3))


def _texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """(section id, text) of every heading and sentence of a plan (notes left out)."""
    for section in plan.walk():
        if section.title:
            yield section.id, section.title
        for s in split_sentences(section.text):
            if not s.note:
                yield section.id, s.text


#: How many characters of its text name an item that has no heading of its own.
FIRST_WORDS = 14


def unit_label(section: Section) -> str:
    """How a reviewer names a unit: its label (number and heading), or for an item numbered
    without a heading (1.) its number and first words."""
    if section.title or section.kind in (SectionKind.PREAMBLE, SectionKind.INFERRED):
        return section.label
    text = section.text.strip()
    words = text[:FIRST_WORDS] + ("…" if len(text) > FIRST_WORDS else "")
    return f"{section.number or ''}{words}"


def unit_paths(plan: Plan) -> dict[str, list[str]]:
    """The labels from the top of the plan down to each section, by section id."""
    out: dict[str, list[str]] = {}

    def visit(section: Section, trail: list[str]) -> None:
        here = [*trail, unit_label(section)]
        out[section.id] = here
        for child in section.children:
            visit(child, here)

    for top in plan.sections:
        visit(top, [])
    return out
