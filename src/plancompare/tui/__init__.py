"""The review workspace, a Textual front end over the core: compare, targets, findings, comments."""

from plancompare.tui.app import PlanCompareApp, make_app

__all__ = ["PlanCompareApp", "make_app"]
