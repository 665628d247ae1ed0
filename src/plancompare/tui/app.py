"""The workspace app: four views over one review session — five with three plans or more, the
衔接 view of the reference plan first — filled by thread workers as results come."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar
from weakref import WeakSet

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider
from textual.screen import Screen
from textual.signal import Signal
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from plancompare.config import Settings
from plancompare.errors import PlanError
from plancompare.model import Plan
from plancompare.plan.wording import plan_title
from plancompare.report.feedback import ReportOptions
from plancompare.report.form import Sender
from plancompare.review.model import Comment
from plancompare.review.store import CommentStore
from plancompare.session import ExportedReport, PairState, ReviewSession, open_session
from plancompare.tui.commands import WorkspaceCommands, WorkspacePalette
from plancompare.tui.dialogs.export import ExportChoice, ExportDialog
from plancompare.tui.dialogs.sender import SenderDialog
from plancompare.tui.dialogs.similar import SimilarDialog, SimilarQuery
from plancompare.tui.i18n import Labels, localize_bindings
from plancompare.tui.screens.comments import CommentsScreen
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.screens.coverage import CoverageScreen
from plancompare.tui.screens.findings import FindingsScreen
from plancompare.tui.screens.targets import TargetsScreen
from plancompare.tui.widgets.view_tabs import VIEWS, views_of

if TYPE_CHECKING:
    from plancompare.coverage.similar import SimilarHit
    from plancompare.embed import Embedder

#: Seconds a worker waits at most for the screen to be drawn (see PlanCompareApp._painted).
PAINT_WAIT = 2.0


@dataclass(frozen=True, slots=True)
class JumpRequest:
    """A place another view asked the compare view to show, waiting for its rows (see
    :meth:`PlanCompareApp.show_in_compare`)."""

    plan: str
    """Id of plan A or plan B."""
    section: str
    """Section id in that plan."""
    start: int | None = None
    """Offset into the section's ``text`` of the first character to select; None: no span."""
    end: int | None = None
    """Offset just past the span to select; None: no span."""
    partner: str | None = None
    """Of the rows showing the section, prefer the one beside this section of the other plan
    (a coverage cell's counterpart); None: no preference."""


class PlanCompareApp(App[None]):
    """Compare two plans, look at their targets and findings, and write comments."""

    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {WorkspaceCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen[None]]]] = {
        "compare": CompareScreen,
        "targets": TargetsScreen,
        "findings": FindingsScreen,
        "comments": CommentsScreen,
        "coverage": CoverageScreen,
    }
    # 0–4 are shown by the view tabs, so the footer keeps its room for the view's own keys.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "show_view('coverage')", "bind_coverage", show=False),
        Binding("1", "show_view('compare')", "bind_compare", show=False),
        Binding("2", "show_view('targets')", "bind_targets", show=False),
        Binding("3", "show_view('findings')", "bind_findings", show=False),
        Binding("4", "show_view('comments')", "bind_comments", show=False),
        Binding("e", "export", "bind_export"),
        Binding("z", "undo_delete", "bind_undo", show=False),
        Binding("question_mark", "help", "bind_help", key_display="?"),
        Binding("ctrl+p", "command_palette", "bind_palette", show=False),
        Binding("q", "quit", "bind_quit"),
    ]

    def __init__(self, workspace: ReviewSession, lang: str = "zh", compute: bool = True) -> None:
        super().__init__()
        self.workspace = workspace
        """The review session the views share (the plans, what the core computed, comments)."""
        self.labels = Labels(lang)
        self.compute = compute
        self.status_text = self.labels["loading"]
        #: Where the compare view is to go once it can (see show_in_compare).
        self.jump_request: JumpRequest | None = None
        #: What the last export wrote (None before one).
        self.last_export: ExportedReport | None = None
        #: Published with the name of what changed: findings, alignment, matcher, benchmark,
        #: comments, status.
        self.workspace_changed: Signal[str] = Signal(self, "workspace-changed")
        #: Widgets whose key descriptions are already in the interface's language.
        self.localized: WeakSet[Widget] = WeakSet()
        localize_bindings(self, self.labels)
        self.title = self.labels["app_title"]
        self.sub_title = " ⇄ ".join(p.meta.title or p.id for p in workspace.plans)

    @property
    def views(self) -> tuple[str, ...]:
        """The views of this workspace, as the tabs show them: with three plans or more the
        衔接 view of the reference plan comes first."""
        return views_of(len(self.workspace.plans))

    def on_mount(self) -> None:
        self.workspace_changed.subscribe(self, self._workspace_changed)
        # Three plans or more open on how the others take up the first (the reference plan).
        self.switch_mode(self.views[0])
        if self.compute:
            self.load()

    def on_unmount(self) -> None:
        self.workspace.cancel.set()

    # --- work ----------------------------------------------------------------------------------

    def set_status(self, text: str) -> None:
        """Show a progress or result line (one line that replaces the last)."""
        self.status_text = text
        self.workspace_changed.publish("status")

    def _progress(self, key: str, fraction: float) -> None:
        """Progress from a worker thread: the core names the step by a catalogue key."""
        if fraction >= 1:
            return
        percent = f"{fraction:.0%}"
        if key == "embedding" and self.workspace.provisional:
            text = self.labels["refining"].format(percent=percent)
        else:
            text = f"{self.labels.get(key)} {percent}"
        self.call_from_thread(self.set_status, text)

    def _publish(self, what: str, status: str | None = None) -> None:
        self.call_from_thread(self.workspace_changed.publish, what)
        if status is not None:
            self.call_from_thread(self.set_status, status)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> None:
        """Compute everything the views show, publishing each result as it comes.

        Two plans: the compare pair first (see :meth:`_compute_pair`), then findings and the
        benchmark. Three plans or more: how each plan takes up the reference plan, one plan
        after another (each pair's alignment and matcher kept for the compare view; the first
        is the compare pair), then findings, the benchmark and the coverage's benchmark rows.
        """
        ws = self.workspace
        if ws.reference is not None:
            self._compute_coverage()
        else:
            self._compute_pair(ws.pair)
        ws.compute_findings()
        self._publish("findings")
        ws.compute_benchmark()
        self._publish("benchmark")
        if ws.reference is not None:
            ws.attach_benchmark()
            self._publish("coverage")
        ws.warm_up_segmentation()  # word diffs of near-identical sentences, later

    def _compute_pair(self, pair: PairState) -> None:
        """Align a pair and match its sentences, publishing what the compare view shows when
        it is the compare pair.

        On a cold embedding cache the rows are first laid out from a fast alignment (lexical
        evidence and structure, no model) and refined in place once the embeddings arrive; on
        a warm one the embedder's alignment comes at once. Nothing is done twice: a pair
        another worker has refined meanwhile is only published.
        """
        ws = self.workspace
        with pair.lock:
            if pair.refined:
                self._publish_pair(pair, "alignment")
                self._publish_pair(pair, "matcher", ready=True)
                return
            self._publish_pair(pair, "status", self.labels["aligning"])
            first = pair.alignment is None and ws.needs_first_pass(pair)
            if first:
                ws.compute_first_alignment(pair)
                self._publish_pair(pair, "alignment", self.labels["first_alignment"])
                self._painted()
                ws.compute_matcher(first=True, pair=pair)
                self._publish_pair(pair, "matcher")
            ws.compute_alignment(self._progress, pair)
            if not first:  # rows at once; their differences follow
                self._publish_pair(pair, "alignment", ready=True)
                self._painted()
            ws.compute_matcher(self._progress, pair=pair)  # the alignment embedded the sentences
            if first:  # the first rows and their differences stay until both are refined
                self._publish_pair(pair, "alignment")
            self._publish_pair(pair, "matcher", ready=True)

    def _publish_pair(
        self, pair: PairState, what: str, status: str | None = None, *, ready: bool = False
    ) -> None:
        """Publish ``what`` of ``pair`` (and a status line; ``ready``: the pair's ready line),
        only while it is the compare pair: the compare view shows that one."""
        if pair is not self.workspace.pair:
            return
        if ready:
            status = self.ready_status()
        self._publish(what, status)

    def _compute_coverage(self) -> None:
        """Judge each plan against the reference plan, publishing a column at a time; the
        progress of each plan's alignment in the status line."""
        ws = self.workspace
        result = ws.start_coverage()
        assert result is not None
        ws.compute_coverage_targets()
        self._publish("coverage")
        plans = ws.lower
        for k, plan in enumerate(plans, 1):
            name = ws.name(plan.id)
            status = self.labels["coverage_computing"].format(plan=name, k=k, n=len(plans))
            self._publish("status", status)

            def progress(key: str, fraction: float, name: str = name, k: int = k) -> None:
                if fraction < 1:
                    step = self.labels.get(key)
                    line = self.labels["coverage_step"].format(
                        plan=name, k=k, n=len(plans), step=step, percent=f"{fraction:.0%}"
                    )
                    self.call_from_thread(self.set_status, line)

            pair = ws.compute_coverage_of(plan, progress)
            if pair is ws.pair:
                self._publish("alignment")
                self._publish("matcher")
            self._publish("coverage")
        ready = self.labels["coverage_ready"].format(n=len(plans), rows=len(result.rows))
        self._publish("status", ready)

    # --- the compare pair -----------------------------------------------------------------------

    def open_pair(self, a_id: str, b_id: str) -> None:
        """Make ``a_id`` ⇄ ``b_id`` the compare view's pair for the session (the other views
        stay as they are); computed now if it never was, by a worker of its own."""
        ws = self.workspace
        if (ws.a.id, ws.b.id) == (a_id, b_id):
            return
        pair = ws.switch_pair(a_id, b_id)
        self.workspace_changed.publish("pair")
        names = {"a": ws.name(ws.a.id), "b": ws.name(ws.b.id)}
        self.notify(self.labels["pair_switched"].format(**names), markup=False)
        if pair.refined:
            self.set_status(self.ready_status())
        elif self.compute:
            self.set_status(self.labels["aligning"])
            self.compute_pair(pair)

    @work(thread=True, group="pair", exit_on_error=False)
    def compute_pair(self, pair: PairState) -> None:
        """A pair the reviewer switched to, in a worker (waits for one computing it already)."""
        self._compute_pair(pair)

    # --- similar passages ----------------------------------------------------------------------

    def show_similar(self, query: SimilarQuery, keep: str) -> None:
        """Open the similar-passages dialog on ``query``; the index of the corpus is built the
        first time (in a worker, with its progress in the dialog). A hit chosen in a plan under
        review opens it in the compare view beside ``keep``; another shows its passage."""
        ids = {p.id for p in self.workspace.plans}
        dialog = SimilarDialog(self.labels, query, ids)

        def chosen(hit: SimilarHit | None) -> None:
            if hit is not None:
                self.open_hit(hit, keep)

        self.push_screen(dialog, chosen)
        self._find_similar(query, dialog)

    @work(thread=True, group="similar", exit_on_error=False)
    def _find_similar(self, query: SimilarQuery, dialog: SimilarDialog) -> None:
        ws = self.workspace

        def progress(key: str, fraction: float) -> None:
            if fraction < 1:
                text = self.labels["similar_building"].format(percent=f"{fraction:.0%}")
                self.call_from_thread(dialog.show_progress, text)

        with ws.similar_lock:
            index = ws.compute_similar_index(progress)
        self.call_from_thread(dialog.show_progress, self.labels["similar_searching"])
        if query.section is not None:
            hits = index.search_section(query.plan, query.section, top=query.top)
        else:
            hits = index.search(query.text, top=query.top, skip=query.plan)
        self.call_from_thread(dialog.show_hits, hits)

    def open_hit(self, hit: SimilarHit, keep: str) -> None:
        """Show a similar passage: in the compare view when its plan is under review (beside
        ``keep`` when it is not in the compare pair), else its text in a dialog."""
        from plancompare.tui.dialogs.passage import PassageDialog

        ws = self.workspace
        if hit.plan not in {p.id for p in ws.plans}:
            index = ws.similar_index
            plan = next((p for p in index.plans if p.id == hit.plan), None) if index else None
            section = plan.section(hit.section) if plan is not None else None
            text = hit.text
            if section is not None:  # its heading, then its own text: the hit is one of them
                text = "\n".join(part for part in (section.label, section.text.strip()) if part)
            title = plan_title(plan.meta, self.labels.lang) if plan else hit.plan_title
            self.push_screen(PassageDialog(self.labels, title, hit.path, text, hit.text))
            return
        if hit.plan not in (ws.a.id, ws.b.id):
            self.open_pair(keep, hit.plan)
        self.show_in_compare(hit.plan, hit.section)

    def _painted(self) -> None:
        """In a worker: wait until the screen is drawn with what was just published, so that
        the next computation does not compete with drawing the rows (bounded: never hangs)."""
        painted = threading.Event()
        self.call_from_thread(self.call_after_refresh, painted.set)
        painted.wait(PAINT_WAIT)

    def ready_status(self) -> str:
        """The status line once the plans are aligned: links and unmatched units."""
        ws = self.workspace
        alignment = ws.alignment
        assert alignment is not None
        return self.labels["ready"].format(
            links=len(alignment.links),
            only_a=len(alignment.only_a),
            only_b=len(alignment.only_b),
            a=ws.name(ws.a.id),
            b=ws.name(ws.b.id),
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures are shown: a notification, never a crash."""
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        from plancompare.align.sections import AlignmentCancelled  # numpy: not needed to paint

        if isinstance(error, AlignmentCancelled):
            return
        lang = self.labels.lang
        text = (
            error.line(lang) if isinstance(error, PlanError) else f"{type(error).__name__}: {error}"
        )
        self.set_status(self.labels["failed"].format(error=text))
        self.notify(text, severity="error", timeout=10, markup=False)

    # --- actions -------------------------------------------------------------------------------

    def action_show_view(self, view: str) -> None:
        """Switch to one of the views."""
        if view in self.views:
            self.switch_mode(view)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The 衔接 view needs three plans.
        return not (action == "show_view" and parameters and parameters[0] not in self.views)

    def action_help(self) -> None:
        """Show or hide the key bindings of the current view."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_undo_delete(self) -> None:
        """Bring back the comment deleted last in this session."""
        restored = self.workspace.undo_delete()
        if restored is None:
            self.notify(self.labels["nothing_to_undo"])
            return
        self.workspace_changed.publish("comments")
        self.notify(self.labels["restored"])

    def action_export(self) -> None:
        """Export what the view shows — the comments view: its filtered comments; elsewhere:
        every comment on the two plans — as the report or the 意见反馈表, in the format
        chosen; say where; offer it as a download in a browser."""
        shown = getattr(self.screen, "shown", None)
        comments = shown() if callable(shown) else self.workspace.comments()
        if not comments:
            self.notify(self.labels["export_nothing"], severity="warning")
            return

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            known = self.workspace.sender()
            if not choice.form or known is not None:
                self._export(comments, choice, known or Sender())
                return
            who = self.workspace.reviewer()
            initial = Sender(organisation=who[1], contact=who[0]) if who else Sender()

            def given(sender: Sender | None) -> None:
                if sender is not None:
                    self.workspace.remember_sender(sender)
                    self._export(comments, choice, sender)

            self.push_screen(SenderDialog(self.labels, initial), given)

        ref = self.workspace.reference
        reference = plan_title(ref.meta, self.labels.lang) if ref is not None else None
        self.push_screen(ExportDialog(self.labels, len(comments), reference), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, comments: list[Comment], choice: ExportChoice, sender: Sender) -> None:
        from datetime import date

        options = ReportOptions(
            lang=self.labels.lang,
            table=choice.form,
            date=date.today(),
            submitted_only=not choice.drafts,
            sender=sender,
        )
        exported = self.workspace.export_report(
            comments, options, choice.fmt, reference=choice.coverage
        )
        self.last_export = exported
        message = self.labels("export_written", n=exported.comments, path=exported.path)
        self.call_from_thread(self.notify, message, timeout=10, markup=False)
        if self.is_web:
            # In a terminal deliver_* would copy the file to ~/Downloads; only a browser
            # needs it sent.
            self.call_from_thread(self.deliver_binary, exported.path, name=exported.path.name)

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        """A report file reached the browser."""
        self.notify(self.labels["delivered"])

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        """A report file could not be sent to the browser."""
        failed = self.labels["delivery_failed"].format(error=event.exception)
        self.notify(failed, severity="error", markup=False)

    def action_command_palette(self) -> None:
        """The command palette, prompting in the interface's language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                WorkspacePalette(
                    self.labels["palette_no_matches"], self.labels["palette_placeholder"]
                )
            )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Textual's widgets describe their keys in English: translate them the first time
        each is focused, so the help panel (``?``) speaks the interface's language."""
        widget = event.widget
        if widget not in self.localized:
            localize_bindings(widget, self.labels)
            self.localized.add(widget)
            self.refresh_bindings()

    # --- the compare view, asked from the other views -----------------------------------------

    def show_in_compare(
        self,
        plan_id: str,
        section_id: str,
        start: int | None = None,
        end: int | None = None,
        partner: str | None = None,
    ) -> None:
        """Switch to the compare view and show a section there, the sentences of
        ``start``–``end`` (offsets into the section's ``text``) under the cursor; of its rows,
        the one beside ``partner`` (a section of the other plan) when there is one.

        The request waits in :attr:`jump_request` until the compare view has laid out the
        compare pair's rows: it is carried out after the next refresh when they are there,
        else when they arrive (and dropped if the reviewer has left the compare view by then).
        The compare view does it with ``CompareScreen.show_section(plan, section, start,
        end, partner)``, the one way in that search uses too.
        """
        self.jump_request = JumpRequest(plan_id, section_id, start, end, partner)
        if self.workspace.alignment is None:
            name = self.workspace.name(plan_id)
            pending = self.labels["jump_pending"].format(plan=name, section=section_id)
            self.notify(pending, markup=False)
        if self.current_mode != "compare":
            self.switch_mode("compare")
        self.call_after_refresh(self.carry_out_jump)

    def carry_out_jump(self) -> None:
        """Carry out the waiting jump request, if the compare view shows the compare pair's
        rows now (it asks again when it lays them out)."""
        request = self.jump_request
        if request is None or self.workspace.alignment is None:
            return
        if self.current_mode != "compare":
            self.jump_request = None
            return
        screen = self.screen
        if not getattr(screen, "shows_pair_rows", False):
            return
        self.jump_request = None
        show_section = getattr(screen, "show_section", None)
        if show_section is not None:
            if request.partner is not None:
                show_section(
                    request.plan, request.section, request.start, request.end, request.partner
                )
            else:
                show_section(request.plan, request.section, request.start, request.end)

    def _workspace_changed(self, what: str) -> None:
        if what == "alignment" and self.jump_request is not None:
            # After the compare view has laid out its rows for this alignment.
            self.call_after_refresh(self.carry_out_jump)


def make_app(
    plan_a: Plan,
    plan_b: Plan,
    settings: Settings,
    *,
    embedder: Embedder | None = None,
    store: CommentStore | None = None,
    lang: str = "zh",
    compute: bool = True,
    more: Sequence[Plan] = (),
) -> PlanCompareApp:
    """Build the workspace app from its parts (``more`` plans after the first two); the CLI and
    the tests both call this."""
    workspace = open_session(plan_a, plan_b, settings, embedder, store, more)
    return PlanCompareApp(workspace, lang=lang, compute=compute)


__all__ = ["VIEWS", "JumpRequest", "PlanCompareApp", "make_app"]
