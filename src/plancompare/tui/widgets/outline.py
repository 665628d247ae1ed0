"""The outline sidebar: the section trees of plan A and plan B, to jump to any section."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Tree
from textual.widgets.tree import TreeNode

from plancompare.model import Plan, Section
from plancompare.tui.plain import plain


class Outline(Vertical):
    """Two trees, A above B; choosing a section (Enter, click) asks for its row."""

    class Jump(Message):
        """A section was chosen in one of the trees."""

        def __init__(self, side: str, section: str) -> None:
            super().__init__()
            self.side = side
            """``a`` or ``b``."""
            self.section = section
            """The section's id."""

    def __init__(self, a: Plan, b: Plan, titles: tuple[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plans = {"a": a, "b": b}
        self.titles = titles
        self.nodes: dict[str, dict[str, TreeNode[str]]] = {"a": {}, "b": {}}

    def compose(self) -> ComposeResult:
        for side, title in zip(("a", "b"), self.titles, strict=True):
            yield Label(plain(title), classes="outline-title")
            tree: Tree[str] = Tree(plain(title), id=f"outline-{side}")
            tree.show_root = False
            tree.guide_depth = 2
            tree.auto_expand = False  # choosing a section jumps; it does not fold the tree
            yield tree

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        for side, plan in self.plans.items():
            tree = self.query_one(f"#outline-{side}", Tree)
            tree.clear()
            self.nodes[side] = {}
            for section in plan.sections:
                self._add(tree.root, section, side)
            tree.root.expand_all()

    def set_plans(self, a: Plan, b: Plan, titles: tuple[str, str]) -> None:
        """Show the trees of another pair of plans (the compare pair was switched)."""
        self.plans = {"a": a, "b": b}
        self.titles = titles
        for label, title in zip(self.query(".outline-title").results(Label), titles, strict=True):
            label.update(plain(title))
        self._fill()

    def _add(self, parent: TreeNode[str], section: Section, side: str) -> None:
        label = plain(section.label)
        if section.children:
            node = parent.add(label, section.id, expand=True)
            for child in section.children:
                self._add(node, child, side)
        else:
            node = parent.add_leaf(label, section.id)
        self.nodes[side][section.id] = node

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        side = "a" if event.control.id == "outline-a" else "b"
        if event.node.data is not None:
            self.post_message(self.Jump(side, event.node.data))

    def follow(self, a: str | None, b: str | None) -> None:
        """Put each tree's cursor on the row's sections (without choosing them)."""
        for side, section in (("a", a), ("b", b)):
            node = self.nodes[side].get(section) if section else None
            if node is not None:
                self.query_one(f"#outline-{side}", Tree).move_cursor(node)
