"""Layouts turn a loaded document into the document model; they never touch a writer."""

from __future__ import annotations

from reportgen.errors import InputError
from reportgen.inputs.folder import LoadedDocument
from reportgen.labels import load_labels
from reportgen.model import Document

# scripts whose direction and shaping the writers do not handle yet: refused rather than
# written left to right with unjoined letters
UNRENDERED_SCRIPTS = {"arabic": "right-to-left text with joined letters"}


def build_model(doc: LoadedDocument) -> Document:
    """The document model of a loaded document, by its layout."""
    labels = load_labels(doc.meta.language, doc.folder / "document.yaml")
    script = labels.get("script")
    if script in UNRENDERED_SCRIPTS:
        raise InputError.one(
            doc.folder / "document.yaml",
            f"`{doc.meta.language}` needs {UNRENDERED_SCRIPTS[script]}, which reportgen does "
            "not render yet",
            field="language",
            hint="its language file is ready; write the document in en, es, fr, ru or zh for now",
        )
    if doc.meta.layout == "budget-section":
        from reportgen.layouts import budget

        return budget.build(doc)
    from reportgen.layouts import report

    return report.build(doc)
