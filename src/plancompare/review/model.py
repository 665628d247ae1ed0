"""The review comment: what a reviewer wrote, where it is anchored, and how it was disposed of."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from plancompare.errors import PlanError
from plancompare.i18n import LANGUAGES, Words, t
from plancompare.model import ConceptRow, Finding, FindingFigure, Plan, Target
from plancompare.plan.wording import finding_text, section_path


class Category(StrEnum):
    """The standard kinds of comment; a project may use other words too (see ``category``)."""

    AMEND = "amend"
    """修改: change the wording."""
    ADD = "add"
    """补充: add something missing."""
    DELETE = "delete"
    """删除: remove something."""
    QUESTION = "question"
    """疑问: ask for an explanation."""
    OTHER = "other"
    """其他: anything else."""


class Stance(StrEnum):
    """The reviewer's position on the passage."""

    SUPPORT = "support"
    """支持."""
    OPPOSE = "oppose"
    """反对."""
    NEUTRAL = "neutral"
    """中立."""


class Status(StrEnum):
    """Where the comment is in the reviewer's own workflow."""

    DRAFT = "draft"
    """草稿: still being written."""
    SUBMITTED = "submitted"
    """已提交: handed to the consolidator."""


class Disposition(StrEnum):
    """What the consolidator decided to do with the comment."""

    PENDING = "pending"
    """待定: not decided yet."""
    ACCEPTED = "accepted"
    """采纳."""
    PARTLY = "partly"
    """部分采纳."""
    REJECTED = "rejected"
    """不采纳."""


class AnchorState(StrEnum):
    """How well a comment's anchor holds in the plan version it refers to."""

    ANCHORED = "anchored"
    """The quoted text is where it was (same section, same offsets)."""
    MOVED = "moved"
    """The exact quoted text was found elsewhere (other offsets or another section)."""
    FUZZY = "fuzzy"
    """Only a similar text was found; ``score`` says how similar."""
    AMBIGUOUS = "ambiguous"
    """Two or more places match about equally well; a person must choose."""
    ORPHANED = "orphaned"
    """The quoted text (or the section) is gone; the comment is kept, unattached."""


#: The catalogue key prefix of each kind of value (``category_amend`` → 修改 / amend).
_TERM_PREFIX: dict[type[StrEnum], str] = {
    Category: "category",
    Stance: "stance",
    Status: "status",
    Disposition: "disposition",
    AnchorState: "state",
}

E = TypeVar("E", bound=StrEnum)


def term(value: StrEnum, lang: str = "zh") -> str:
    """How a category, stance, status, disposition or anchor state reads in ``lang`` (采纳)."""
    return t(f"{_TERM_PREFIX[type(value)]}_{value.value}", lang)


def category_term(category: str, lang: str = "zh") -> str:
    """A standard category in ``lang`` (修改 / amend); a project's own word as written."""
    try:
        return term(Category(category), lang)
    except ValueError:
        return category


def parse_choice(kind: type[E], text: str) -> E:
    """A value of ``kind`` from its key (``accepted``) or its name in either language (采纳,
    ``not accepted``)."""
    wanted = text.strip()
    for member in kind:
        names = {member.value, *(term(member, lang).lower() for lang in LANGUAGES)}
        if wanted.lower() in names:
            return member
    choices = [f"{m.value} ({term(m)})" for m in kind]
    raise PlanError(None, "err_not_one_of", text=text, choices=choices)


def parse_category(text: str) -> str:
    """A standard category key (修改 → ``amend``), or the project's own word, kept as written."""
    wanted = text.strip()
    if not wanted or "\n" in wanted or len(wanted) > 20:
        raise PlanError(None, "err_not_a_category", text=text)
    try:
        return parse_choice(Category, wanted).value
    except PlanError:
        return wanted


@dataclass(slots=True)
class TextQuoteSelector:
    """W3C TextQuoteSelector: the quoted text and a little of what surrounds it."""

    exact: str
    """The quoted text, exactly as in the section text."""
    prefix: str = ""
    """Up to :data:`CONTEXT` characters just before the quote (less at the section start)."""
    suffix: str = ""
    """Up to :data:`CONTEXT` characters just after the quote."""


@dataclass(slots=True)
class TextPositionSelector:
    """W3C TextPositionSelector: character offsets into the section's own text."""

    start: int
    """Offset of the first quoted character in ``Section.text``."""
    end: int
    """Offset just past the last quoted character."""


@dataclass(slots=True)
class AnchorCandidate:
    """One of the places an ambiguous anchor could refer to."""

    section: str
    """Section id in the plan version the anchor refers to."""
    start: int
    """Offset of the candidate text in the section text."""
    end: int
    """Offset just past it."""
    score: float
    """How well it matches, 0–100."""


@dataclass(slots=True)
class Anchor:
    """Where a comment points: a section, and optionally a span of its own text."""

    section: str | None
    """Section id ("5.8.3") in ``Comment.plan_version``; None once the section is gone."""
    path: list[str] = field(default_factory=list)
    """Labels of the sections from the top down (五、保障措施, （一）建立高位推进机制)."""
    quote: TextQuoteSelector | None = None
    """The quoted span; None for a comment on the whole section."""
    position: TextPositionSelector | None = None
    """Offsets of the quote; None for a whole section or an orphaned quote."""
    state: AnchorState = AnchorState.ANCHORED
    """How well the anchor holds after the last re-anchoring."""
    score: float | None = None
    """Match score (0–100) for fuzzy and ambiguous anchors, else None."""
    candidates: list[AnchorCandidate] = field(default_factory=list)
    """For an ambiguous anchor, the places it could refer to, best first."""

    @property
    def exact(self) -> str:
        """The quoted text, or "" for a whole-section anchor."""
        return self.quote.exact if self.quote else ""


@dataclass(slots=True)
class TargetFigure:
    """A target as it stood when the comment was written, enough to show it without the plan."""

    plan: str
    """Plan id."""
    indicator: str
    """What is measured (服装产业年总产值)."""
    value: str | None
    """The value as a decimal string ("100"), None for a qualitative target."""
    value_max: str | None
    """Upper end of a range, else None."""
    unit: str | None
    """Unit as written (亿元)."""
    comparator: str | None
    """``>=``, ``<=``, ``=``, ``~`` or ``range``."""
    year: int | None
    """The year the target is for."""
    section: str
    """Section id the target comes from."""
    quote: str
    """The text it was read from."""
    qualitative: str | None = None
    """The wording of a qualitative target (成功注册)."""
    path: list[str] = field(default_factory=list)
    """Labels of the sections down to ``section`` when the comment was written."""
    table: bool = False
    """True when it was read from an indicator table."""

    @classmethod
    def of(cls, plan: Plan, target: Target) -> TargetFigure:
        """A snapshot of a :class:`plancompare.model.Target` of ``plan``."""
        return cls(
            plan=plan.id,
            indicator=target.indicator,
            value=_decimal_text(target.value),
            value_max=_decimal_text(target.value_max),
            unit=target.unit,
            comparator=target.comparator,
            year=target.year,
            section=target.section,
            quote=target.quote,
            qualitative=target.qualitative,
            path=section_path(plan, target.section),
            table=target.source == "table",
        )


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


@dataclass(slots=True)
class TargetRef:
    """The comment is about a target, or about two comparable targets of two plans."""

    targets: list[TargetFigure]
    """One target, or the two of a benchmark pair (the comment's own plan first)."""
    note: str = ""
    """What differs between the two, as the benchmark put it (in Chinese)."""
    note_en: str = ""
    """The same in English."""

    @classmethod
    def of_row(
        cls,
        plans: Mapping[str, Plan],
        row: ConceptRow,
        first: tuple[str, Target],
        note: str = "",
        note_en: str = "",
    ) -> TargetRef:
        """A reference to a benchmark row: ``first`` (the plan commented on and its target),
        then each other plan's latest statement of the concept."""
        plan_id, target = first
        figures = [TargetFigure.of(plans[plan_id], target)]
        figures += [
            TargetFigure.of(plans[p], cell.sources[-1])
            for p, cell in row.cells.items()
            if p != plan_id
        ]
        return cls(figures, note, note_en)

    def note_text(self, lang: str = "zh") -> str:
        """The benchmark's note in ``lang``, when it was kept in that language."""
        return self.note_en if lang == "en" else self.note


@dataclass(slots=True)
class PairRef:
    """The comment is about an aligned pair; this is the other side (the comment's anchor is
    the first side)."""

    plan: str
    """Id of the other plan."""
    plan_version: int
    """Version of the other plan the anchor refers to."""
    anchor: Anchor
    """Anchor in the other plan."""
    score: float | None = None
    """Alignment score of the pair, if it came from an alignment."""
    kind: str | None = None
    """``match`` or ``partial``, if it came from an alignment."""


@dataclass(slots=True)
class FindingRef:
    """The comment is about a consistency finding: a snapshot of it, worded where shown."""

    kind: str
    """The finding's key (numbering-gap, …)."""
    section: str | None
    """Section id it is about."""
    evidence: list[str] = field(default_factory=list)
    """Its quotes."""
    values: dict[str, str] = field(default_factory=dict)
    """What its wording fills in (see ``Finding.values``)."""
    figures: list[FindingFigure] = field(default_factory=list)
    """The statements of a target it compares (see ``Finding.figures``)."""
    variant: str = ""
    """Which wording of the kind applies (see ``Finding.variant``)."""
    message: str = ""
    """What the finding said, as written by plancompare before findings were worded where
    shown (kept from older records; "" for new ones)."""
    message_zh: str = ""
    """The same, in Chinese (older records)."""

    @classmethod
    def of(cls, finding: Finding) -> FindingRef:
        """A snapshot of a finding."""
        return cls(
            finding.kind,
            finding.section,
            list(finding.evidence),
            dict(finding.values),
            list(finding.figures),
            finding.variant,
        )

    def finding(self) -> Finding:
        """The finding it keeps."""
        return Finding(
            self.kind,
            self.section,
            list(self.evidence),
            dict(self.values),
            list(self.figures),
            self.variant,
        )

    def text(self, lang: str = "zh") -> str:
        """What the finding says, in ``lang`` (an older record: the words it kept)."""
        if self.values or not (self.message or self.message_zh):
            return finding_text(self.finding(), lang)
        kept = {"en": self.message, "zh": self.message_zh}
        return kept.get(lang) or self.message or self.message_zh


#: The verdicts of a coverage cell, as :class:`plancompare.coverage.Verdict` writes them (not
#: imported: the coverage package loads numpy and the aligner, which comments do not need).
COVERAGE_VERDICTS = ("covered", "partial", "absent")


@dataclass(slots=True)
class CoverageRef:
    """The comment is about how its plan takes up a unit of a reference plan (与上位规划衔接):
    the coverage cell as it stood when the comment was written. The comment is anchored in its
    own plan — the draft under review, where the gap is to be filled — and this names the
    reference plan's unit (a whole section)."""

    plan: str
    """Id of the reference plan (上位规划)."""
    plan_version: int
    """Version of the reference plan the anchor refers to."""
    anchor: Anchor
    """The reference plan's unit."""
    verdict: str
    """``covered``, ``partial`` or ``absent`` (已衔接, 部分衔接, 未体现)."""
    score: float
    """How much of the unit the plan took up, 0–1 (the cell's score)."""
    basis: str = "content"
    """What the verdict rested on: ``role``, ``items``, ``content`` or ``named``."""
    sentences: int = 0
    """Sentences of the unit and its items."""
    found: int = 0
    """Of those, the ones with a counterpart in the plan."""
    counterpart: list[str] = field(default_factory=list)
    """Heading path of the plan's best counterpart then ([] when it had none)."""


Reference = TargetRef | PairRef | FindingRef | CoverageRef
"""What else a comment may be about, beside its anchor."""


#: The longest text a comment field may hold (body, suggestion, rationale …), in characters:
#: far beyond any real comment, small enough that a hostile file cannot exhaust the machine.
MAX_TEXT = 1_048_576
#: Comment times must lie in this range: a year-1 or year-9999 time is a damaged file, and
#: the arithmetic of later edits on it would overflow.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
#: The largest whole number a comment holds (versions, offsets, years): SQLite stores 64 bits,
#: and no plan has more characters or versions than this.
MAX_NUMBER = 2**31 - 1


def text_problem(value: str) -> Words | None:
    """Why ``value`` cannot be stored as comment text (too long, not valid Unicode), or None."""
    if len(value) > MAX_TEXT:
        return Words("text_too_long", length=len(value), limit=MAX_TEXT)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return Words("text_not_unicode")
    return None


def check_comment_text(field: str, value: str) -> str:
    """``value`` when it can be stored as the comment's ``field``; else a one-line error."""
    problem = text_problem(value)
    if problem is not None:
        raise PlanError(None, "comment_field_bad", field=field, problem=problem)
    return value


def time_problem(moment: datetime) -> Words | None:
    """Why ``moment`` is no plausible time of a comment, or None."""
    if not EARLIEST <= moment < LATEST:
        return Words(
            "time_out_of_range", time=moment.isoformat(), first=EARLIEST.year, last=LATEST.year - 1
        )
    return None


def utc_now() -> datetime:
    """The current time, UTC, to the microsecond (the order of edits depends on it)."""
    return datetime.now(UTC)


def new_comment_id() -> str:
    """A fresh stable comment id (a UUID)."""
    return str(uuid.uuid4())


@dataclass(slots=True)
class Comment:
    """One review comment."""

    id: str
    """Stable id, a UUID; the same comment has the same id in every reviewer's database."""
    plan: str
    """Id of the plan commented on."""
    plan_version: int
    """Version of the plan the anchor refers to."""
    anchor: Anchor
    """Where the comment points."""
    body: str
    """The comment (Markdown allowed)."""
    created: datetime
    """When it was written (UTC)."""
    updated: datetime
    """When a person last changed it (UTC); the later one wins when merging."""
    category: str = Category.AMEND.value
    """A :class:`Category` key, or a word of the project's own."""
    stance: Stance = Stance.NEUTRAL
    """The reviewer's position."""
    suggestion: str = ""
    """建议修改为: the wording the reviewer proposes."""
    rationale: str = ""
    """理由或依据: why."""
    reviewer: str = ""
    """Who wrote it."""
    organisation: str = ""
    """The reviewer's organisation (提出单位)."""
    status: Status = Status.DRAFT
    """Draft or submitted."""
    disposition: Disposition = Disposition.PENDING
    """The consolidator's decision."""
    disposition_note: str = ""
    """The consolidator's explanation of the decision."""
    quoted: str = ""
    """The text the reviewer quoted when writing, kept even when the plan changes."""
    reference: Reference | None = None
    """A target, aligned pair or finding the comment is about, if any."""
    deleted: datetime | None = None
    """When it was deleted (soft; restorable), else None."""
    synced: datetime | None = None
    """``updated`` of the copy last merged from an import, for telling edits from conflicts."""

    @property
    def section(self) -> str | None:
        """The anchored section id."""
        return self.anchor.section


#: Fields a person edits; ``update`` refuses others, merging compares these.
EDITABLE_FIELDS = (
    "body",
    "category",
    "stance",
    "suggestion",
    "rationale",
    "reviewer",
    "organisation",
    "status",
    "disposition",
    "disposition_note",
    "reference",
)
