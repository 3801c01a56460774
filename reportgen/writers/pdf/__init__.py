"""PDF writer (reportlab) with embedded fonts and footnotes at the foot of the page."""

from reportgen.fonts import FontChoice
from reportgen.writers.pdf.writer import PdfResult, write_pdf


def preload(fonts: FontChoice) -> None:
    """Load the fonts ahead of the document (a PDF process does it while the document
    model is being built)."""
    from reportgen.writers.pdf.fontreg import register

    register(fonts, need_cjk=True)


__all__ = ["PdfResult", "preload", "write_pdf"]
