"""DOCX writer (python-docx) with real Word footnotes, named styles and headers."""

from reportgen.writers.docx.writer import fill_page_numbers, write_docx

__all__ = ["fill_page_numbers", "write_docx"]
