"""Every example DOCX is valid against the OOXML schemas and Word's rules (openxml-audit),
and carries only what reportgen means it to carry."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import SEEDS
from docx import Document as open_docx
from lxml import etree

from reportgen.build import check_document
from reportgen.diff import numbering_xml
from reportgen.model import Heading, ItemList, Paragraph
from reportgen.wordnumbers import WordNumbers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAMES = sorted(p.parent.name for p in SEEDS.glob("*/document.yaml"))


def _auditor() -> list[str]:
    found = shutil.which("openxml-audit", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "openxml_audit"]


def _audit(path: Path) -> dict:
    """openxml-audit's report on one file (one process a file: in one run over a folder
    it mixes up parts of the same name in different packages)."""
    result = subprocess.run(
        [*_auditor(), "-o", "json", "-m", "0", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    (report,) = json.loads(result.stdout or "null") or [{"valid": False, "errors": [result]}]
    return report


def test_every_example_docx_is_schema_valid(built):
    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(_audit, [built / f"{name}.docx" for name in NAMES]))
    problems = [f"{Path(r['file']).name}: {e}" for r in reports for e in r["errors"]]
    assert not problems, "\n".join(problems)
    # no app-compat findings either (Word would "repair" the file)
    assert all(r["verdict"]["prediction"] == "opens-clean" for r in reports), reports


@pytest.mark.parametrize("name", ["budget-2022-s16", "ed-report-2017-en"])
def test_docx_holds_only_reportgens_own_parts_and_styles(built, name):
    with zipfile.ZipFile(built / f"{name}.docx") as z:
        members = set(z.namelist())
        styles = etree.fromstring(z.read("word/styles.xml"))
        document = etree.fromstring(z.read("word/document.xml"))
        app = z.read("docProps/app.xml").decode()
        fonts = etree.fromstring(z.read("word/fontTable.xml"))
    assert not {m for m in members if "thumbnail" in m or "stylesWithEffects" in m}
    assert not {m for m in members if m.startswith("customXml") or "webSettings" in m}
    assert "Microsoft" not in app and "Normal.dotm" not in app and "<Pages>" not in app
    used = {el.get(f"{W}val") for el in document.iter(f"{W}pStyle", f"{W}rStyle")}
    defined = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    # every style used is defined; the few defined and unused are defaults or siblings
    assert used <= set(defined)
    assert len(defined) < 50
    for built_in in ("Heading1", "TOC1", "FootnoteText", "FootnoteReference", "Header"):
        assert defined[built_in].get(f"{W}customStyle") is None, built_in
    assert defined["UNParagraph"].get(f"{W}customStyle") == "1"
    # no exact line spacing on styles that hold pictures or larger runs
    for style_id in ("Normal", "UNFigure", "UNMasthead", "UNSymbol", "Heading1", "UNTitle"):
        spacing = defined[style_id].find(f"{W}pPr/{W}spacing")
        assert spacing is None or spacing.get(f"{W}lineRule") != "exact", style_id
    assert defined["Normal"].find(f"{W}pPr/{W}widowControl") is not None
    faces = {f.get(f"{W}name") for f in fonts.iter(f"{W}font")}
    assert "Times New Roman" in faces and not faces & {"MS Mincho", "ＭＳ 明朝", "Cambria"}


def test_chart_pictures_carry_alternative_text_from_their_data(built):
    with zipfile.ZipFile(built / "budget-2022-s16-en.docx") as z:
        document = etree.fromstring(z.read("word/document.xml"))
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    descriptions = [d.get("descr") for d in document.iter(f"{wp}docPr")]
    assert descriptions and all(descriptions)
    assert any("USG 1" in d and "P-4 32" in d for d in descriptions), descriptions[:3]


def _model_numbers(blocks) -> list[str]:
    """The numbers the layout printed, in document order, of blocks Word numbers."""
    out = []
    for block in blocks:
        if isinstance(block, ItemList):
            for item in block.items:
                if item.numbering is not None:
                    out.append(item.marker)
                out.extend(_model_numbers(item.children))
        elif isinstance(block, (Heading, Paragraph)) and block.numbering is not None:
            out.append(block.number)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_word_numbering_shows_the_layouts_numbers(built, name):
    """Paragraph numbers, heading numerals and sub-item letters are Word numbering
    (w:numPr, no number typed in the text) that shows exactly the PDF's numbers."""
    model = check_document(SEEDS / name)
    expected = _model_numbers(model.front + model.body)
    doc = open_docx(built / f"{name}.docx")
    shown = WordNumbers(numbering_xml(doc))
    numbers = [label for p in doc.element.body.iter(f"{W}p") if (label := shown.label(p))]
    assert numbers == expected and len(expected) > 5
    typed = [
        p.text
        for p in doc.paragraphs
        if p.style.name == "UN Paragraph" and p.text[:1].isdigit() and "\t" in p.text[:8]
    ]
    assert not typed  # the numbers are not also typed in the text


def test_cross_references_are_ref_fields_to_their_targets(built):
    """`{ref …}` is a REF field to a bookmark at its target, showing what Word would show
    after an update: a paragraph's number as Word numbers it (\\r), a caption's number."""
    doc = open_docx(built / "budget-2022-s16.docx")
    shown = WordNumbers(numbering_xml(doc))
    targets = {}
    for p in doc.element.body.iter(f"{W}p"):
        number = shown.label(p)
        for start in p.iter(f"{W}bookmarkStart"):
            name, inside = start.get(f"{W}name"), []
            for el in start.itersiblings():
                if el.tag == f"{W}bookmarkEnd":
                    break
                inside.extend(t.text for t in el.iter(f"{W}t"))
            targets[name] = (number, "".join(inside))
    refs = []
    for instr in doc.element.body.iter(f"{W}instrText"):
        words = instr.text.split()
        if words[0] != "REF":
            continue
        run = instr.getparent()
        result = [r for r in run.itersiblings() if r.find(f"{W}t") is not None][0]
        refs.append((words[1], "\\r" in words, result.find(f"{W}t").text))
    assert len(refs) > 50
    kinds = set()
    for bookmark, paragraph_number, cached in refs:
        number, text = targets[bookmark]
        expected = number if paragraph_number else text
        assert cached == expected, (bookmark, cached, expected)
        kinds.add(bookmark.split("_")[2])
    assert kinds == {"para", "tbl", "fig"}
