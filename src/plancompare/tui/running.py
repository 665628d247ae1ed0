"""The running workspace app with its own type, for the screens and widgets that read its
session, labels and signal (Textual types ``node.app`` as any ``App``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from plancompare.tui.app import PlanCompareApp


def workspace_app(node: DOMNode) -> PlanCompareApp:
    """The :class:`~plancompare.tui.app.PlanCompareApp` that ``node`` runs in."""
    from plancompare.tui.app import PlanCompareApp  # app.py imports every screen and widget

    app = node.app
    if not isinstance(app, PlanCompareApp):
        raise TypeError(f"{type(node).__name__} runs in {type(app).__name__}, not PlanCompareApp")
    return app
