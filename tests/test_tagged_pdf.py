"""By default (`tagged_pdf: true`), every example PDF is a tagged PDF/UA-1 document: its content
marked and reached from its structure tree, headings, tables, figures, notes, links and
contents tagged, the document-level entries there, and `pdfua check` finds no error."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from conftest import SEEDS
from tagged import (
    HEADINGS,
    bookmarks,
    page_marks,
    parent_tree,
    reading_order,
    structure_tree,
)

from reportgen.build import build_document

NAMES = sorted(p.parent.name for p in SEEDS.glob("*/document.yaml"))


@pytest.fixture(scope="session")
def tagged(built) -> Path:
    """Every example built to PDF as it is by default: tagged."""
    return built


@pytest.fixture(scope="session")
def untagged(tmp_path_factory, fonts) -> Path:
    """The ED report built with `tagged_pdf: false`."""
    folders, out = tmp_path_factory.mktemp("untagged-in"), tmp_path_factory.mktemp("untagged")
    name = "ed-report-2017"
    shutil.copytree(SEEDS / name, folders / name)
    meta = folders / name / "document.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "\ntagged_pdf: false\n", "utf-8")
    build_document(folders / name, out, ("pdf",), fonts)
    return out


def test_tagging_can_be_turned_off(untagged, tagged):
    """`tagged_pdf: false`: no structure tree and no marked content, the same text on
    every page as the tagged PDF's, in a classic file (a cross-reference table)."""
    plain = pikepdf.open(untagged / "ed-report-2017.pdf")
    assert "/StructTreeRoot" not in plain.Root and "/MarkInfo" not in plain.Root
    assert not any(page_marks(page).mcids for page in plain.pages)
    assert b"\nxref\n" in (untagged / "ed-report-2017.pdf").read_bytes()
    with pikepdf.open(tagged / "ed-report-2017.pdf") as marked:
        assert "/StructTreeRoot" in marked.Root
        assert len(marked.pages) == len(plain.pages)
    assert _texts(untagged / "ed-report-2017.pdf") == _texts(tagged / "ed-report-2017.pdf")


def _texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def _pdf(folder: Path, name: str) -> Path:
    path = folder / f"{name}.pdf"
    assert path.exists(), path
    return path


@pytest.mark.parametrize("name", NAMES)
def test_content_and_tree_agree(tagged, name):
    """Every painting operator is tagged content or an artifact (none tagged inside an
    artifact); every MCID of a page is reached from the tree, and every MCID the tree
    names is on its page; the parent tree maps each back to its element."""
    pdf = pikepdf.open(_pdf(tagged, name))
    tree = structure_tree(pdf)
    parents = parent_tree(pdf)
    on_pages: set[tuple[int, int]] = set()
    for n, page in enumerate(pdf.pages):
        marks = page_marks(page)
        assert not marks.untagged, f"page {n + 1}: untagged {marks.untagged[:10]}"
        assert marks.tagged_in_artifact == 0, f"page {n + 1}: tagged content in an artifact"
        assert page.obj.Tabs == "/S"
        on_pages.update((n, mcid) for mcid in marks.mcids)
        if marks.mcids:
            elems = parents[int(page.obj.StructParents)]
            for mcid in marks.mcids:
                assert elems[mcid].objgen == tree.mcids[(n, mcid)].objgen
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") == "/Link":
                assert str(annot.get("/Contents", "")).strip(), "a link without /Contents"
                assert annot.objgen in tree.annotations, "a link no Link refers to"
                assert parents[int(annot.StructParent)].S == "/Link"
    assert on_pages == set(tree.mcids), (
        f"not in the tree: {sorted(on_pages - set(tree.mcids))[:5]}; "
        f"not on their pages: {sorted(set(tree.mcids) - on_pages)[:5]}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_structure(tagged, name):
    """Headings (at least one per bookmark), tables with TH cells (each with /Scope),
    figures with /Alt and /BBox (on their page), lists, notes, the contents."""
    pdf = pikepdf.open(_pdf(tagged, name))
    tree = structure_tree(pdf)
    roles = [role for role, _, _ in tree.elements]
    assert roles[0] == "/Document"
    assert sum(role in HEADINGS for role in roles) >= bookmarks(pdf) > 0
    for role, elem, _depth in tree.elements:
        if role == "/Table":
            cells = list(_below(elem))
            heads = [c for c in cells if c.S == "/TH"]
            assert heads, "a table with no TH"
            assert all(str(c.A.Scope) in ("/Column", "/Row") for c in heads)
            kids = [str(k.S) for k in _kids(elem)]
            assert set(kids) <= {"/Caption", "/THead", "/TBody"}, kids
        elif role == "/Figure":
            assert str(elem.get("/Alt", "")).strip(), "a Figure without /Alt"
            assert elem.A.O == "/Layout", "a Figure without layout attributes"
            x1, y1, x2, y2 = (float(v) for v in elem.A.BBox)
            page = pdf.pages[_page_index(pdf, elem)]
            _, _, width, height = (float(v) for v in page.mediabox)
            assert 0 <= x1 < x2 <= width and 0 <= y1 < y2 <= height, (x1, y1, x2, y2)
        elif role == "/LI":
            assert [str(k.S) for k in _kids(elem)] == ["/Lbl", "/LBody"]
        elif role == "/TOCI":
            assert elem.P.S == "/TOC"
        elif role in HEADINGS:
            assert _kids(elem), "an empty heading"
    if any(c.get("/Type") == "/Annot" for p in pdf.pages for c in p.obj.get("/Annots", [])):
        assert "/Link" in roles
    assert "/Note" in roles


@pytest.mark.parametrize("name", NAMES)
def test_document_entries(tagged, name):
    """PDF 1.7, the structure elements in object streams; /Lang, /MarkInfo,
    /ViewerPreferences, XMP (dc:title, pdfuaid:part 1), every font mapped to Unicode."""
    pdf = pikepdf.open(_pdf(tagged, name))
    root = pdf.Root
    assert pdf.pdf_version == "1.7"
    raw = _pdf(tagged, name).read_bytes()  # the elements in object streams, not objects
    assert b"/Type/ObjStm" in raw and b"/Type/XRef" in raw and b"\nxref\n" not in raw
    assert raw.count(b" 0 obj\n") < len(pdf.objects) / 2
    assert str(root.Lang)
    assert root.MarkInfo.Marked is True
    assert root.ViewerPreferences.DisplayDocTitle is True
    meta = pdf.open_metadata()
    assert meta.get("pdfuaid:part") == "1"
    assert meta.get("dc:title") == str(pdf.docinfo.Title)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
            if obj.Subtype in ("/Type0", "/TrueType"):
                assert "/ToUnicode" in obj, obj.get("/BaseFont")


def _pdfua() -> list[str]:
    found = shutil.which("pdfua", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "pdfua"]


def test_pdfua_check(tagged):
    """`pdfua check` (the machine-checkable subset of PDF/UA-1) finds nothing."""
    paths = [str(_pdf(tagged, name)) for name in NAMES]
    result = subprocess.run(
        [*_pdfua(), "check", "--format", "json", *paths],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    decoder, text, reports = json.JSONDecoder(), result.stdout.strip(), []
    while text:  # one JSON document a file
        report, end = decoder.raw_decode(text)
        reports.append(report)
        text = text[end:].strip()
    assert len(reports) == len(paths)
    for report in reports:  # every rule ran (a rule that raises is skipped, not failed)
        assert not report["findings"] and not report.get("skipped"), report


def test_reading_order_of_a_budget_page(tagged):
    """The first page of the budget read from the tree: the masthead in reading order
    (the English lines marked so), its note inside the paragraph that cites it; and a
    page with a table, a chart and notes: the paragraph numbers as labels, the table's
    caption, head and body, the figure's caption and description, each note in the
    heading or paragraph that cites it."""
    path = _pdf(tagged, "budget-2022-s16")
    first = "\n".join(reading_order(path, 0))
    assert first.startswith('Document\n  Div\n    P\n      "联合国"\n    P [Lang: en]\n')
    assert '"暂定项目表* 项目  140 和  141"\n      Note\n        Lbl\n          "*"' in first
    pdf = pikepdf.open(path)
    tree = structure_tree(pdf)
    page = next(
        n
        for n in range(len(pdf.pages))
        if {"/TD", "/Figure", "/Note"} <= {str(e.S) for (p, _), e in tree.mcids.items() if p == n}
    )
    lines = reading_order(path, page)
    text = "\n".join(lines)
    roles = [line.strip().split(" ")[0] for line in lines if not line.strip().startswith('"')]
    for role in ("Table", "Caption", "THead", "TH", "TBody", "TD", "Figure", "Note", "Lbl"):
        assert role in roles, role
    assert roles.index("Table") < roles.index("Figure")
    assert "[Alt: 图 16." in text


def _page_index(pdf, elem) -> int:
    return next(n for n, page in enumerate(pdf.pages) if page.obj.objgen == elem.Pg.objgen)


def _kids(elem) -> list:
    k = elem.get("/K")
    return list(k) if isinstance(k, pikepdf.Array) else ([k] if k is not None else [])


def _below(elem):
    for kid in _kids(elem):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _below(kid)


@pytest.mark.parametrize(
    "name, own", [("fingov-note-2022-ar", "الأمم المتحدة"), ("fingov-note-2022-ru", "Организация")]
)
def test_english_masthead_lines_are_marked_english(tagged, name, own):
    """In a version written in Arabic or Cyrillic letters the masthead's lines in Latin
    letters only (Distr.: General, the date, Original: English) are /Lang en."""
    first = "\n".join(reading_order(_pdf(tagged, name), 0))
    assert "P [Lang: en]" in first and own in first
    marked = first.split("P [Lang: en]")[1].split("\n    P")[0]
    assert "Distr" in marked or "E/CN" in marked
