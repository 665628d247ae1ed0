"""Widgets of the workspace, one per module."""
