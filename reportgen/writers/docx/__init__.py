"""DOCX writer (python-docx) with real Word footnotes, named styles and headers."""

from reportgen.writers.docx.writer import Package, start_docx, write_docx

__all__ = ["Package", "start_docx", "write_docx"]
