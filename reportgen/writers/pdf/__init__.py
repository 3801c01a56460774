"""PDF writer (reportlab) with embedded fonts and footnotes at the foot of the page."""

from reportgen.writers.pdf.writer import PdfResult, write_pdf

__all__ = ["PdfResult", "write_pdf"]
