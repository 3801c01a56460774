"""DOCX writer (python-docx) with real Word footnotes, named styles and headers."""

from reportgen.writers.docx.writer import write_docx

__all__ = ["write_docx"]
