"""The command palette (Ctrl+P): every action of the current view and of the app, in the
interface's language (and found by its English name too)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.actions import parse
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.widgets.option_list import Option

from plancompare.i18n import LANGUAGES
from plancompare.tui.i18n import Labels
from plancompare.tui.running import workspace_app

#: Actions the palette offers beside the key bindings: (action, label key).
EXTRA_ACTIONS = (("toggle_dark", "bind_theme"),)
#: Actions not worth offering in the palette itself.
SKIPPED = {"command_palette"}


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    """One thing the palette can do."""

    title: str
    """What it does, in the interface's language."""
    other: str
    """What it does in the other language (a query in either finds it)."""
    key: str
    """The key that does it too ("" when none)."""
    action: str
    """The Textual action to run."""
    namespace: DOMNode
    """Where the action runs (the view or the app)."""


def _commands_of(node: DOMNode, labels: Labels, other: Labels) -> list[PaletteCommand]:
    """The node's own bindings, from the class (its label keys, not yet translated)."""
    out = []
    bindings = type(node)._merged_bindings
    seen: set[str] = set()
    for _key, binding in bindings or []:
        assert isinstance(binding, Binding)
        # Textual's own bindings (focus, copy, ctrl+q) have no label key: they are not actions
        # of the workspace, and ours cover them.
        if binding.action in SKIPPED or binding.action in seen or binding.description not in labels:
            continue
        _, name, parameters = parse(binding.action)
        if node.check_action(name, parameters) is False:
            continue  # not in this workspace (the 衔接 view of three plans)
        seen.add(binding.action)
        title, other_title = labels[binding.description], other[binding.description]
        if binding.action.startswith("show_view("):
            title = labels["cmd_view"].format(view=title)
            other_title = other["cmd_view"].format(view=other_title)
        out.append(
            PaletteCommand(
                title=title,
                other=other_title,
                key=binding.key_display or node.app.get_key_display(binding),
                action=binding.action,
                namespace=node,
            )
        )
    return out


def palette_commands(node: DOMNode, screen: DOMNode, labels: Labels) -> list[PaletteCommand]:
    """Every action of ``screen`` (the current view) and of the app ``node``, view first."""
    other = Labels(next(lang for lang in LANGUAGES if lang != labels.lang))
    commands = _commands_of(screen, labels, other) + _commands_of(node, labels, other)
    commands += [
        PaletteCommand(labels[key], other[key], "", action, node) for action, key in EXTRA_ACTIONS
    ]
    return commands


class WorkspaceCommands(Provider):
    """Offers :func:`palette_commands` for the view the palette was opened on."""

    def _commands(self) -> list[PaletteCommand]:
        return palette_commands(self.app, self.screen, workspace_app(self.screen).labels)

    def _help(self, command: PaletteCommand) -> str | None:
        labels = workspace_app(self.screen).labels
        return labels["cmd_key"].format(key=command.key) if command.key else None

    async def discover(self) -> Hits:
        for command in self._commands():
            run = partial(self.app.run_action, command.action, command.namespace)
            yield DiscoveryHit(command.title, run, help=self._help(command))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = max(matcher.match(command.title), matcher.match(command.other))
            if score > 0:
                run = partial(self.app.run_action, command.action, command.namespace)
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    run,
                    text=command.title,
                    help=self._help(command),
                )


class WorkspacePalette(CommandPalette):
    """Textual's command palette, saying "no matches" in the interface's language."""

    def __init__(self, no_matches: str, placeholder: str) -> None:
        super().__init__(placeholder=placeholder, id="--command-palette")
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own method with its English words replaced (it offers no way to word them).
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
