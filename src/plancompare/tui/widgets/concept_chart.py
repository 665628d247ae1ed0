"""The selected concept's values as a bar chart under the 指标 table (textual-plotext)."""

from __future__ import annotations

from collections.abc import Callable

from textual_plotext import PlotextPlot

from plancompare.model import ConceptRow
from plancompare.report.benchmark import chart_data, chartable


class ConceptChart(PlotextPlot):
    """Bars of each plan's figures by year, in the row's unit; empty (with a word saying why)
    for a row whose figures may not be set side by side."""

    def show(self, row: ConceptRow | None, names: Callable[[str], str], lang: str) -> None:
        """Draw ``row`` (or clear the chart)."""
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if row is None or not any(c.milestones for c in row.cells.values()):
            self.refresh()
            return
        data = chart_data(row, names, lang)
        bars = [b for b in data["bars"] if b["value"] is not None]
        if len(row.cells) == 1 or chartable(row):
            labels = [f"{b['plan']} {b['year'] or '—'}" for b in bars]
            plt.bar(labels, [float(b["value"]) for b in bars], width=0.4)
            plt.title(data["title"])
        else:
            plt.title(data["caption"])
        self.refresh()
