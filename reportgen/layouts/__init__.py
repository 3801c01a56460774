"""Layouts turn a loaded document into the document model; they never touch a writer."""

from __future__ import annotations

from reportgen.inputs.folder import LoadedDocument
from reportgen.model import Document


def build_model(doc: LoadedDocument) -> Document:
    """The document model of a loaded document, by its layout."""
    if doc.meta.layout == "budget-section":
        from reportgen.layouts import budget

        return budget.build(doc)
    from reportgen.layouts import report

    return report.build(doc)
