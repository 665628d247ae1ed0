"""Anchors: made from a section and a quote, and carried honestly to a new version of the plan.

Re-anchoring tries, in order: the same offsets holding the same quote (``anchored``); the exact
quote elsewhere in the same section, then anywhere in the plan, told apart by its context when
it occurs more than once (``moved``); a similar text with similar context, scored with rapidfuzz
(``fuzzy``); and otherwise the section alone, found by its path (``orphaned``, the quote is gone).
When two places score about the same the anchor is ``ambiguous`` and lists them: a comment is
never silently attached to a look-alike sentence, and never deleted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from rapidfuzz import fuzz, process

from plancompare.errors import PlanError
from plancompare.i18n import listing, t
from plancompare.model import Plan, Section, SectionKind, Target
from plancompare.plan.wording import section_path
from plancompare.review.model import (
    Anchor,
    AnchorCandidate,
    AnchorState,
    Comment,
    CoverageRef,
    PairRef,
    TextPositionSelector,
    TextQuoteSelector,
    term,
)
from plancompare.review.store import CommentFilter, CommentStore

#: Characters of context kept on each side of a quote (TextQuoteSelector prefix and suffix).
CONTEXT = 32
#: A fuzzy place needs at least this combined score (0–100) of quote and context similarity.
FUZZY_MIN = 75.0
#: … and its text alone at least this similarity to the quote.
QUOTE_MIN = 70.0
#: Two places whose scores are this close are ambiguous.
AMBIGUITY_MARGIN = 5.0
#: An exact quote found several times needs this much better context in one place to move there.
CONTEXT_MARGIN = 10.0
#: Preference for a fuzzy place inside the section the comment was on.
SAME_SECTION_BONUS = 5.0
#: A reworded heading is recognised when its title (without the number) is at least this
#: similar to the old one, among the sections under the same parent.
TITLE_MIN = 70.0

_TERMINATORS = "。！？；!?;"
_SENTENCE_END = re.compile(rf"[{_TERMINATORS}]|\n")


def _quote_anchor(section: Section, path: list[str], start: int, end: int) -> Anchor:
    text = section.text
    return Anchor(
        section=section.id,
        path=path,
        quote=TextQuoteSelector(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT) : start],
            suffix=text[end : end + CONTEXT],
        ),
        position=TextPositionSelector(start, end),
    )


def _find_all(text: str, quote: str) -> list[int]:
    hits, at = [], text.find(quote)
    while at >= 0:
        hits.append(at)
        at = text.find(quote, at + 1)
    return hits


def make_anchor(
    plan: Plan,
    section_id: str,
    quote: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Anchor:
    """An anchor on a section of ``plan``: the whole section, a quote of its text (which must
    occur once), or the span ``start``–``end`` of its text."""
    section = plan.section(section_id)
    if section is None:
        raise PlanError(plan.id, "err_no_such_section", section=section_id, plan=plan.id)
    path = section_path(plan, section_id)
    text = section.text
    if start is not None or end is not None:
        if start is None or end is None or not 0 <= start < end <= len(text):
            raise PlanError(plan.id, "err_bad_span", section=section_id, length=len(text))
        if quote is not None and text[start:end] != quote:
            raise PlanError(plan.id, "err_span_not_quote", section=section_id, start=start, end=end)
        return _quote_anchor(section, path, start, end)
    if quote is None:
        return Anchor(section=section.id, path=path)
    if not quote.strip():
        raise PlanError(plan.id, "err_quote_empty")
    hits = _find_all(text, quote)
    if not hits:
        raise _not_found(plan, section, quote)
    if len(hits) > 1:
        raise PlanError(plan.id, "err_quote_many", section=section_id, n=len(hits))
    return _quote_anchor(section, path, hits[0], hits[0] + len(quote))


def _not_found(plan: Plan, section: Section, quote: str) -> PlanError:
    if quote in section.heading:
        return PlanError(plan.id, "err_quote_in_heading", section=section.id)
    if section.text:
        near = fuzz.partial_ratio_alignment(quote, section.text)
        if near is not None and near.score >= QUOTE_MIN:
            closest = section.text[near.dest_start : near.dest_end]
            return PlanError(plan.id, "err_quote_closest", section=section.id, closest=closest)
    return PlanError(plan.id, "err_quote_not_found", section=section.id)


def anchor_for_target(plan: Plan, target: Target) -> Anchor:
    """An anchor on the sentence a target was read from, or on its section (a table row)."""
    section = plan.section(target.section)
    if section is not None and len(_find_all(section.text, target.quote)) == 1:
        return make_anchor(plan, target.section, target.quote)
    return make_anchor(plan, target.section)


# --- re-anchoring ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Place:
    section: Section
    start: int
    end: int
    score: float
    """Similarity of quote and context, 0–100 (what the anchor reports)."""
    rank: float = -1.0
    """``score`` with the preference for the comment's own section (what decides)."""

    def __post_init__(self) -> None:
        if self.rank < 0:
            self.rank = self.score


class PlanText:
    """A plan version's sections, paths and sentences, computed once for many anchors."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        """The plan version."""
        self.sections = list(plan.walk())
        """Every section in document order."""
        self.by_id = {s.id: s for s in self.sections}
        """Sections by id."""
        self.paths: dict[str, list[str]] = {}
        """Section path labels by id."""
        self._walk_paths(plan.sections, [])
        self._windows: dict[int, list[tuple[Section, int, int]]] = {}

    def _walk_paths(self, nodes: list[Section], trail: list[str]) -> None:
        for node in nodes:
            self.paths[node.id] = [*trail, node.label]
            self._walk_paths(node.children, self.paths[node.id])

    @cached_property
    def texts(self) -> dict[str, str]:
        """Own text of every section by id."""
        return {s.id: s.text for s in self.sections}

    @cached_property
    def sentences(self) -> dict[str, list[tuple[int, int]]]:
        """Sentence spans of every section's text (cut after 。！？； and at line ends)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for s in self.sections:
            text, out, begin = self.texts[s.id], [], 0
            for m in _SENTENCE_END.finditer(text):
                stop = m.end() if m.group() != "\n" else m.start()
                if stop > begin:
                    out.append((begin, stop))
                begin = m.end()
            if begin < len(text):
                out.append((begin, len(text)))
            spans[s.id] = out
        return spans

    def windows(self, size: int) -> list[tuple[Section, int, int]]:
        """Runs of ``size`` consecutive sentences within one section: (section, start, end)."""
        if size not in self._windows:
            runs = []
            for s in self.sections:
                spans = self.sentences[s.id]
                for i in range(len(spans) - size + 1):
                    runs.append((s, spans[i][0], spans[i + size - 1][1]))
            self._windows[size] = runs
        return self._windows[size]


def _context_score(quote: TextQuoteSelector, text: str, start: int, end: int) -> float:
    parts = []
    if quote.prefix:
        parts.append(fuzz.ratio(quote.prefix, text[max(0, start - len(quote.prefix)) : start]))
    if quote.suffix:
        parts.append(fuzz.ratio(quote.suffix, text[end : end + len(quote.suffix)]))
    if not parts:  # the quote was the whole text of its section
        return 100.0 if start == 0 and end == len(text) else 50.0
    return sum(parts) / len(parts)


def _sentence_count(text: str) -> int:
    return len(_SENTENCE_END.findall(text.rstrip(_TERMINATORS + "\n"))) + 1


def _overlaps(a: _Place, b: _Place) -> bool:
    return a.section is b.section and a.start < b.end and b.start < a.end


def _locate(anchor: Anchor, pt: PlanText) -> tuple[Section | None, list[Section], float | None]:
    """The section the anchor was on, in the new version: (section, alternatives, fuzzy score).

    By path first (ids shift when a section is added or removed), then the old id with the same
    label, then a label found once in the plan (a section moved elsewhere), then a similar title
    under the same parent (a reworded heading). Placeholder labels (preamble, inferred heading)
    identify nothing by themselves.
    """
    path = anchor.path
    same_id = pt.by_id.get(anchor.section) if anchor.section else None
    if not path:
        return same_id, [], None
    same_path = [s for s in pt.sections if pt.paths[s.id] == path]
    if same_id is not None and same_id in same_path:
        return same_id, [], None
    if len(same_path) == 1:
        return same_path[0], [], None
    if len(same_path) > 1:
        return None, same_path, None
    if same_id is not None and same_id.label == path[-1]:
        return same_id, [], None
    same_label = [s for s in pt.sections if s.label == path[-1] and s.kind not in _PLACEHOLDERS]
    if len(same_label) == 1:
        return same_label[0], [], None
    siblings = [s for s in pt.sections if pt.paths[s.id][:-1] == path[:-1]]
    wanted = _title(path[-1])
    scored = sorted(
        ((fuzz.ratio(wanted, _title(s.label)), s) for s in siblings if s.kind not in _PLACEHOLDERS),
        key=lambda pair: -pair[0],
    )
    if scored and scored[0][0] >= TITLE_MIN:
        close = [s for score, s in scored if score > scored[0][0] - AMBIGUITY_MARGIN]
        if len(close) == 1:
            return scored[0][1], [], round(scored[0][0], 1)
        return None, close, None
    return None, [], None


_PLACEHOLDERS = frozenset({SectionKind.PREAMBLE, SectionKind.INFERRED})
_NUMBER = re.compile(
    r"^(（[^）]{1,4}）|[一二三四五六七八九十百]+、|\d+[.、)）]|——|第[^章节条部]{1,4}[章节条部分]+)"
)


def _title(label: str) -> str:
    """A label without its number: renumbering is not rewording."""
    return _NUMBER.sub("", label, count=1)


def reanchor(anchor: Anchor, plan: Plan | PlanText) -> Anchor:
    """The anchor carried to another version of its plan, with an honest state."""
    pt = plan if isinstance(plan, PlanText) else PlanText(plan)
    located, alternatives, label_score = _locate(anchor, pt)
    if anchor.quote is None:
        moved = _section_anchor(anchor, pt, located, alternatives, label_score)
    else:
        moved = _quote_reanchor(anchor, anchor.quote, pt, located)
    # A fuzzy attachment stays marked until a person confirms it, even if later versions keep
    # the text it was attached to unchanged.
    if anchor.state is AnchorState.FUZZY and moved.state in (
        AnchorState.ANCHORED,
        AnchorState.MOVED,
    ):
        moved.state, moved.score = AnchorState.FUZZY, anchor.score
    return moved


def _section_anchor(
    anchor: Anchor,
    pt: PlanText,
    located: Section | None,
    alternatives: list[Section],
    label_score: float | None,
) -> Anchor:
    if located is None:
        if alternatives:
            return replace(
                anchor,
                state=AnchorState.AMBIGUOUS,
                score=None,
                candidates=[AnchorCandidate(s.id, 0, 0, 100.0) for s in alternatives],
            )
        return replace(anchor, section=None, state=AnchorState.ORPHANED, score=None, candidates=[])
    if label_score is not None:
        state = AnchorState.FUZZY
    elif located.id == anchor.section:
        state = AnchorState.ANCHORED
    else:
        state = AnchorState.MOVED
    return Anchor(located.id, pt.paths[located.id], state=state, score=label_score)


def _at(place: _Place, pt: PlanText, state: AnchorState, score: float | None = None) -> Anchor:
    moved = _quote_anchor(place.section, pt.paths[place.section.id], place.start, place.end)
    moved.state, moved.score = state, score
    return moved


def _quote_reanchor(
    anchor: Anchor, quote: TextQuoteSelector, pt: PlanText, located: Section | None
) -> Anchor:
    exact = quote.exact
    position = anchor.position
    if (
        located is not None
        and position is not None
        and pt.texts[located.id][position.start : position.end] == exact
    ):
        same = located.id == anchor.section
        place = _Place(located, position.start, position.end, 100.0)
        return _at(place, pt, AnchorState.ANCHORED if same else AnchorState.MOVED)
    scopes = ([located] if located is not None else []) + [None]
    for scope in scopes:
        sections = [scope] if scope is not None else pt.sections
        end = len(exact)
        hits = [
            _Place(s, at, at + end, _context_score(quote, pt.texts[s.id], at, at + end))
            for s in sections
            for at in _find_all(pt.texts[s.id], exact)
        ]
        if hits:
            return _choose(anchor, hits, pt, located, CONTEXT_MARGIN, AnchorState.MOVED)
    fuzzy = _fuzzy_places(quote, pt, located)
    if fuzzy and fuzzy[0].score >= FUZZY_MIN:
        # The best by rank, if its own score is high enough: the bonus only breaks near-ties.
        return _choose(anchor, fuzzy, pt, located, AMBIGUITY_MARGIN, AnchorState.FUZZY)
    return replace(
        anchor,
        section=located.id if located is not None else None,
        path=pt.paths[located.id] if located is not None else anchor.path,
        position=None,
        state=AnchorState.ORPHANED,
        score=None,
        candidates=[],
    )


def _choose(
    anchor: Anchor,
    places: list[_Place],
    pt: PlanText,
    located: Section | None,
    margin: float,
    state: AnchorState,
) -> Anchor:
    """The best place, unless another one scores within ``margin`` of it (then ambiguous)."""
    places = sorted(places, key=lambda p: -p.rank)
    best = places[0]
    rivals = [p for p in places[1:] if best.rank - p.rank < margin and not _overlaps(p, best)]
    score = round(best.score, 1) if state is AnchorState.FUZZY else None
    if not rivals:
        return _at(best, pt, state, score)
    close = [best, *rivals]
    return replace(
        anchor,
        section=located.id if located is not None else best.section.id,
        path=pt.paths[located.id] if located is not None else pt.paths[best.section.id],
        position=None,
        state=AnchorState.AMBIGUOUS,
        score=round(best.score, 1),
        candidates=[
            AnchorCandidate(p.section.id, p.start, p.end, round(p.score, 1)) for p in close
        ],
    )


def _fuzzy_places(quote: TextQuoteSelector, pt: PlanText, located: Section | None) -> list[_Place]:
    """Places whose text is like the quote, scored by quote (and context) similarity."""
    exact = quote.exact
    # A quote of whole sentences is compared with whole sentences; a fragment with the best
    # matching part of a sentence.
    starts = not quote.prefix or quote.prefix[-1] in _TERMINATORS + "\n"
    ends = exact[-1] in _TERMINATORS or not quote.suffix or quote.suffix[0] == "\n"
    whole = starts and ends
    size = _sentence_count(exact)
    runs = [r for n in {max(1, size - 1), size, size + 1} for r in pt.windows(n)]
    scorer = fuzz.ratio if whole else fuzz.partial_ratio
    found = process.extract(
        exact,
        [pt.texts[s.id][a:b] for s, a, b in runs],
        scorer=scorer,
        score_cutoff=QUOTE_MIN,
        limit=60,
    )
    context_weight = 0.3 if len(exact) >= 15 else 0.5
    places: list[_Place] = []
    for _, _, i in found:
        section, start, end = runs[i]
        text = pt.texts[section.id]
        if not whole and end - start > len(exact):
            aligned = fuzz.partial_ratio_alignment(exact, text[start:end])
            if aligned is not None:
                start, end = start + aligned.dest_start, start + aligned.dest_end
        quote_score = fuzz.ratio(exact, text[start:end])
        if quote_score < QUOTE_MIN:
            continue
        score = (1 - context_weight) * quote_score + context_weight * _context_score(
            quote, text, start, end
        )
        bonus = SAME_SECTION_BONUS if section is located else 0.0
        places.append(_Place(section, start, end, score, score + bonus))
    places.sort(key=lambda p: -p.rank)
    kept: list[_Place] = []
    for p in places:
        if not any(_overlaps(p, k) for k in kept):
            kept.append(p)
    return kept


# --- re-anchoring a database -------------------------------------------------------------------


@dataclass(slots=True)
class ReanchorSummary:
    """What re-anchoring the comments on one plan did."""

    plan: str
    """Plan id."""
    version: int
    """The version the comments now refer to."""
    states: Counter[AnchorState] = field(default_factory=Counter)
    """How many comments ended in each state."""
    pair_sides: int = 0
    """Comments on another plan whose aligned-pair side in this plan was re-anchored."""

    @property
    def total(self) -> int:
        """Comments re-anchored."""
        return sum(self.states.values())

    def line(self, lang: str) -> str:
        """One line for the terminal, in ``lang``."""
        if not self.total and not self.pair_sides:
            return t("reanchor_none", lang, plan=self.plan)
        line = t("reanchor_done", lang, n=self.total, plan=self.plan, version=self.version)
        counts = [
            t("reanchor_state", lang, n=self.states[s], state=term(s, lang))
            for s in AnchorState
            if self.states[s]
        ]
        if counts:
            line += t("colon", lang) + listing(counts, lang)
        if self.pair_sides:
            line += t("reanchor_pair_sides", lang, n=self.pair_sides)
        return line


def reanchor_comment(comment: Comment, pt: PlanText) -> Comment | None:
    """The comment with its anchors on ``pt``'s plan carried to that version (None: no change)."""
    plan = pt.plan
    version = plan.meta.version
    changed = comment
    if comment.plan == plan.id and comment.plan_version != version:
        changed = replace(changed, anchor=reanchor(comment.anchor, pt), plan_version=version)
    ref = comment.reference
    # The other side of a pair, or the reference plan's unit of a coverage comment.
    if not isinstance(ref, PairRef | CoverageRef):
        return None if changed is comment else changed
    if ref.plan == plan.id and ref.plan_version != version:
        side = replace(ref, anchor=reanchor(ref.anchor, pt), plan_version=version)
        changed = replace(changed, reference=side)
    return None if changed is comment else changed


def reanchor_store(store: CommentStore, plan: Plan) -> ReanchorSummary:
    """Carry every comment on ``plan`` (deleted ones too) to its version, in one transaction."""
    pt = PlanText(plan)
    changes = store.rewrite(CommentFilter(deleted=None), lambda c: reanchor_comment(c, pt))
    summary = ReanchorSummary(plan.id, plan.meta.version)
    for old, new in changes:
        if new.plan == plan.id and new.plan_version != old.plan_version:
            summary.states[new.anchor.state] += 1
        if new.reference is not old.reference:
            summary.pair_sides += 1
    return summary
