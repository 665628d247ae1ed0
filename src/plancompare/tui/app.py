"""The workspace app: four views over one review session, filled by thread workers as results
come."""

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
from plancompare.report.feedback import ReportOptions
from plancompare.report.form import Sender
from plancompare.review.model import Comment
from plancompare.review.store import CommentStore
from plancompare.session import ExportedReport, ReviewSession, open_session
from plancompare.tui.commands import WorkspaceCommands, WorkspacePalette
from plancompare.tui.dialogs.export import ExportChoice, ExportDialog
from plancompare.tui.dialogs.sender import SenderDialog
from plancompare.tui.i18n import Labels, localize_bindings
from plancompare.tui.screens.comments import CommentsScreen
from plancompare.tui.screens.compare import CompareScreen
from plancompare.tui.screens.findings import FindingsScreen
from plancompare.tui.screens.targets import TargetsScreen

if TYPE_CHECKING:
    from plancompare.embed import Embedder

VIEWS = ("compare", "targets", "findings", "comments")
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


class PlanCompareApp(App[None]):
    """Compare two plans, look at their targets and findings, and write comments."""

    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {WorkspaceCommands}
    MODES: ClassVar[dict[str, str | Callable[[], Screen[None]]]] = {
        "compare": CompareScreen,
        "targets": TargetsScreen,
        "findings": FindingsScreen,
        "comments": CommentsScreen,
    }
    # 1–4 are shown by the view tabs, so the footer keeps its room for the view's own keys.
    BINDINGS: ClassVar[list[BindingType]] = [
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

    def on_mount(self) -> None:
        self.workspace_changed.subscribe(self, self._workspace_changed)
        # Three plans or more open on their targets: the compare view holds the first two.
        self.switch_mode("compare" if len(self.workspace.plans) <= 2 else "targets")
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

        On a cold embedding cache the compare rows are first laid out from a fast alignment
        (lexical evidence and structure, no model) and refined in place once the embeddings
        arrive; on a warm one the embedder's alignment comes at once.
        """
        ws = self.workspace
        self._publish("status", self.labels["aligning"])
        first = ws.needs_first_pass()
        if first:
            ws.compute_first_alignment()
            self._publish("alignment", self.labels["first_alignment"])
            self._painted()
            ws.compute_matcher(first=True)
            self._publish("matcher")
        ws.compute_alignment(self._progress)
        if not first:  # rows at once; their differences follow
            self._publish("alignment", self.ready_status())
            self._painted()
        ws.compute_matcher(self._progress)  # the alignment has embedded the sentences
        if first:  # the first rows and their differences stay until both are refined
            self._publish("alignment")
        self._publish("matcher", self.ready_status())
        ws.compute_findings()
        self._publish("findings")
        ws.compute_benchmark()
        self._publish("benchmark")
        ws.warm_up_segmentation()  # word diffs of near-identical sentences, later

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
            a=ws.a.meta.region or ws.a.id,
            b=ws.b.meta.region or ws.b.id,
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
        """Switch to one of the four views."""
        if view in VIEWS:
            self.switch_mode(view)

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

        self.push_screen(ExportDialog(self.labels, len(comments)), chosen)

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
        exported = self.workspace.export_report(comments, options, choice.fmt)
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
        self, plan_id: str, section_id: str, start: int | None = None, end: int | None = None
    ) -> None:
        """Switch to the compare view and show a section there, the sentences of
        ``start``–``end`` (offsets into the section's ``text``) under the cursor.

        The request waits in :attr:`jump_request` until the compare view has its rows: it is
        carried out after the next refresh when the plans are aligned, else when the
        alignment arrives (and dropped if the reviewer has left the compare view by then).
        The compare view does it with ``CompareScreen.show_section(plan, section, start,
        end)``, the one way in that search uses too.
        """
        self.jump_request = JumpRequest(plan_id, section_id, start, end)
        if self.workspace.alignment is None:
            plan = self.workspace.plan(plan_id)
            name = plan.meta.region or plan.id
            pending = self.labels["jump_pending"].format(plan=name, section=section_id)
            self.notify(pending, markup=False)
        if self.current_mode != "compare":
            self.switch_mode("compare")
        self.call_after_refresh(self._jump)

    def _jump(self) -> None:
        """Carry out the waiting jump request, if the compare view can now."""
        request = self.jump_request
        if request is None or self.workspace.alignment is None:
            return
        self.jump_request = None
        if self.current_mode != "compare":
            return
        show_section = getattr(self.screen, "show_section", None)
        if show_section is not None:
            show_section(request.plan, request.section, request.start, request.end)

    def _workspace_changed(self, what: str) -> None:
        if what == "alignment" and self.jump_request is not None:
            # After the compare view has laid out its rows for this alignment.
            self.call_after_refresh(self._jump)


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
