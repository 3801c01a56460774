"""Alternative text shared by the writers: a chart described by its data (the DOCX
picture's `descr`, the PDF Figure's /Alt)."""

from __future__ import annotations

from reportgen.model import Figure


def figure_description(figure: Figure) -> str:
    """A chart's alternative text, from its data: title, units, each bar and value."""
    head = " ".join(part for part in (figure.label, figure.title, figure.units) if part)
    panels = []
    for panel in figure.panels:
        bars = ", ".join(f"{label} {printed}" for label, _, printed in panel.bars)
        panels.append(f"{panel.title}: {bars}" if panel.title else bars)
    return head + ". " + "; ".join(panels) if panels else head
