"""Reading rendered documents back as text, and comparing them with the references."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

from docx import Document as open_docx
from lxml import etree

from reportgen.diff import numbering_xml
from reportgen.wordnumbers import WordNumbers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# the published reference texts, kept in the repository (tests/references/README.md)
REFERENCE_DIR = Path(__file__).resolve().parent / "references"
REFERENCES = {
    "fingov-note-2022": "000_88925671c4582221.txt",
    "budget-2022-s16": "001_cd0c42d1527a0344.txt",
    "ed-report-2017": "002_11a12d27b9d2d054.txt",
    "strategy-note-2008-2011": "004_81fe79b9c798cc68.txt",
}

_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<![\\*])\*([^*\s][^*]*?)\*(?!\*)")  # *Unite Evaluations*
_STRONG = re.compile(r"(?<!\\)\*\*([^*\s][^*]*?)\*\*")
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """White space removed; full-width forms folded to their ASCII twins (NFKC), since
    the extractions mix "，" and "," within one document."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


# A single space between two CJK characters marks a glyph the extraction lost (004
# lost every 最 this way); it matches one character or none.
_LOST_GLYPH = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
LOST = "\u0000"


def reference_lines(name: str) -> list[str]:
    """The reference's lines, white space removed; extraction markup and rule lines dropped.

    A lost glyph is kept as NUL, which `coverage` matches against any one character.
    """
    text = (REFERENCE_DIR / REFERENCES[name]).read_text(encoding="utf-8")
    lines = []
    for raw in text.splitlines():
        line = _MD_LINK.sub(r"\1", raw)
        line = re.sub(r"^\s*#+\s*", "", line)
        line = re.sub(r"^\s*-\s+", "", line)  # a Markdown list marker (- 16.1, - (a))
        line = re.sub(r"</?\w+>", "", line)  # <p> around table-cell paragraphs
        line = line.replace("^a", "a")  # ^a: the superscript note mark ᵃ (NFKC: a)
        line = _STRONG.sub(r"\1", line)  # **bold** of the extraction, also split over lines
        line = re.sub(r"^\*\*(?=\S)(?![^*]*\*\*)|(?<=\S)\*\*$", "", line.strip())
        line = _EMPHASIS.sub(r"\1", line).replace("\\*", "*")
        line = normalise(_LOST_GLYPH.sub(LOST, line))
        if not line or set(line) <= {"_", "-", "|"}:
            continue
        lines.append(line)
    return lines


def coverage(reference: list[str], rendered: str) -> tuple[float, list[str]]:
    """Share of reference lines found in the rendered text; and the lines not found."""
    haystack = normalise(rendered)
    missing = []
    for line in reference:
        if LOST in line:
            pattern = ".?".join(re.escape(piece) for piece in line.split(LOST))
            found = re.search(pattern, haystack) is not None
        else:
            found = line in haystack
        if not found:
            missing.append(line.replace(LOST, "□"))
    return 1 - len(missing) / len(reference), missing


def pdf_text(path: Path, top: float = 72.0, bottom: float = 72.0) -> str:
    """Text as a reader follows it: the body across pages, then the footnotes, then
    running heads and page numbers, then link targets (as the references carry them).

    Running heads and page numbers lie outside the margins (`top`, `bottom`); footnote
    text is small type below the page's last line of body text.
    """
    from pypdf import PdfReader

    reader = PdfReader(path)
    body, notes, furniture, links = [], [], [], []
    for page in reader.pages:
        height = float(page.mediabox.height)
        items: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, items=items):
            if text:
                items.append((tm[5] * cm[3] + cm[5], size, text))

        page.extract_text(visitor_text=visit)
        inside = [i for i in items if bottom - 1 <= i[0] <= height - top + 1]
        lowest_body = min((y for y, size, t in inside if size >= 9.5 and t.strip()), default=0)
        for y, size, text in items:
            if y < 20:  # text of a form XObject (contents page numbers), in form coordinates
                body.append(text)
            elif not (bottom - 1 <= y <= height - top + 1):
                furniture.append(text)
            elif size < 9 and y < lowest_body:
                notes.append(text)
            else:
                body.append(text)
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                links.append(str(action["/URI"]))
    return "\n".join(["".join(body), "".join(notes), "".join(furniture), *links])


def docx_footnotes(path: Path) -> list[tuple[int, str, bool]]:
    """(id, text, numbered?) of each real footnote in word/footnotes.xml."""
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/footnotes.xml"))
    notes = []
    for fn in root.iter(f"{W}footnote"):
        wid = int(fn.get(f"{W}id"))
        if fn.get(f"{W}type") in ("separator", "continuationSeparator"):
            continue
        numbered = fn.find(f".//{W}footnoteRef") is not None
        text = "".join(t.text or "" for t in fn.iter(f"{W}t"))
        notes.append((wid, text, numbered))
    return notes


def docx_text(path: Path) -> str:
    """Body (with tables) with footnote marks where they are cited, headers, footnotes
    with their marks, and link targets."""
    doc = open_docx(path)
    body = doc.element.body
    order = [
        int(r.get(f"{W}id"))
        for r in body.iter(f"{W}footnoteReference")
        if r.get(f"{W}customMarkFollows") is None
    ]
    numbers = {wid: str(i + 1) for i, wid in enumerate(dict.fromkeys(order))}
    listed = WordNumbers(numbering_xml(doc))  # the numbers Word shows for w:numPr
    parts = []
    for p in body.iter(f"{W}p"):
        label = listed.label(p)
        text = [label + "\t"] if label else []
        for el in p.iter(f"{W}t", f"{W}footnoteReference", f"{W}tab"):
            if el.tag == f"{W}t":
                text.append(el.text or "")
            elif el.tag == f"{W}tab":
                text.append("\t")
            elif el.get(f"{W}customMarkFollows") is None:
                text.append(numbers.get(int(el.get(f"{W}id")), ""))
        parts.append("".join(text))
    for section in doc.sections:
        for header in (section.header, section.even_page_header, section.first_page_header):
            parts.extend(p.text for p in header.paragraphs)
    for wid, text, numbered in docx_footnotes(path):
        parts.append((numbers.get(wid, "") if numbered else "") + text)
    for rel in doc.part.rels.values():
        if rel.is_external:
            parts.append(rel.target_ref)
    return "\n".join(parts)


def docx_paragraphs(path: Path, style: str) -> list[str]:
    """The text of each body paragraph of a style, with the number Word shows for it."""
    doc = open_docx(path)
    listed = WordNumbers(numbering_xml(doc))
    out = []
    for p in doc.paragraphs:
        number = listed.label(p._p)  # every paragraph, so Word's counters advance
        if p.style.name == style:
            out.append((number + "\t" if number else "") + p.text)
    return out


def docx_footnote_references(path: Path) -> list:
    doc = open_docx(path)
    return list(doc.element.body.iter(f"{W}footnoteReference"))
