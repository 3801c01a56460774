"""Tagged PDF (PDF/UA-1): the structure tree, the parent tree and the marked content.

The flowables say where their content belongs with a `Tag`: a path of structure
elements, outermost first, each with a key (the same key, the same element: the parts
of a paragraph split over two pages are one P, the rows of a table one Table). The
`Tagger` of the document keeps the path of elements open at the moment; drawing a
flowable closes what it does not share with the path and opens the rest, so elements
follow the order of drawing, which is the order of reading. Every piece of content is
drawn inside `/Role <</MCID n>> BDC … EMC` (text through `TextOps.marked`, shapes
through `marked`), or inside `/Artifact BMC … EMC` (running heads, page numbers,
rules, leader dots, header rows repeated on a following page).

A footnote's Note is a child of the element that cites it (or follows the heading that
cites it). A chart is one Figure whose /Alt describes its data (`alt_text`); the
masthead paragraphs of one Div, in reading order. When the document ends,
`write` adds the elements as PDF objects, the parent tree (each page's MCIDs → their
elements; each link annotation → its Link), /StructParents and /Tabs /S on the pages
and, on the catalog, /StructTreeRoot, /MarkInfo, /ViewerPreferences and the XMP
metadata (dc:title, pdfuaid:part 1).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from xml.sax.saxutils import escape as xml_escape

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
)

from reportgen.writers.pdf.objstreams import write_packed

ARTIFACT = "/Artifact BMC"
PAGINATION = "/Artifact <</Type /Pagination>> BDC"  # running heads, page numbers
EMC = "EMC"


@dataclass(frozen=True, slots=True)
class Tag:
    """Where a flowable's content goes: `path` is ((key, role), …) outermost first, the
    last the flowable's own element; `label` where its hanging number goes: "in" (an
    Lbl inside its element: P, Note) or "before" (an Lbl before it in its parent: LI),
    None (the number is part of the element's text: headings); `lang` the element's
    /Lang when it differs from the document's; `alt` its alternative text."""

    path: tuple[tuple[object, str], ...]
    label: str | None = None
    lang: str | None = None
    alt: str | None = None
    note: object = None  # a footnote: its Note goes where it is cited (the path is empty)
    attrs: str | None = None  # the element's /A (attribute dictionary), as PDF text


class Elem:
    __slots__ = ("role", "parent", "kids", "attrs", "page", "num")

    def __init__(self, role: str, parent: Elem | None, attrs: dict | None = None):
        self.role = role
        self.parent = parent
        # kids: Elem, (page, mcid) or ("annot", page, annotation reference)
        self.kids: list = []
        self.attrs = attrs or {}
        self.page: int | None = None  # the page of its first marked content
        self.num = 0  # its object number, once written
        if parent is not None:
            parent.kids.append(self)


class Tagger:
    """The structure tree of one document, built while its pages are drawn."""

    def __init__(self, canv, title: str):
        self.canv = canv
        self.title = title
        self.root = Elem("Document", None)
        self.elems = [self.root]  # every element, in the order made
        self.open: list[tuple[object, Elem]] = []
        self.page = 0  # the page the MCIDs below are on
        self.page_elems: dict[int, list[Elem]] = {}  # page → its MCIDs' elements
        self.annots: list[tuple[PDFDictionary, Elem]] = []  # link annotations, Links
        self.cited: dict[int, Elem] = {}  # id(footnote) → the element citing it
        self.current: Elem = self.root  # the element last given content

    # -- the tree ------------------------------------------------------------------
    def enter(self, tag: Tag) -> Elem:
        """The element of `tag`'s path, opening what is not open (and closing the open
        elements that are not on the path)."""
        path, opened = tag.path, self.open
        # keys are unique and an element's ancestors fixed: the deepest open element
        # on the path is found from the end (a table cell's row, after one step)
        n = min(len(path), len(opened))
        while n and opened[n - 1][0] != path[n - 1][0]:
            n -= 1
        del opened[n:]
        parent = opened[-1][1] if opened else self.root
        for key, role in path[n:]:
            parent = self.new(role, parent)
            opened.append((key, parent))
        elem = opened[-1][1] if opened else self.root
        if n < len(path):  # new: its attributes
            if tag.lang:
                elem.attrs["Lang"] = PDFString(tag.lang)
            if tag.alt is not None:
                elem.attrs["Alt"] = PDFString(tag.alt)
            if tag.attrs:
                elem.attrs["A"] = tag.attrs
        return elem

    def new(self, role: str, parent: Elem) -> Elem:
        elem = Elem(role, parent)
        self.elems.append(elem)
        return elem

    def child(self, parent: Elem, role: str, before: Elem | None = None) -> Elem:
        elem = self.new(role, parent)
        if before is not None:
            parent.kids.pop()
            parent.kids.insert(parent.kids.index(before), elem)
        return elem

    def note(self, note) -> Elem:
        """A footnote's Note: inside the element that cites it (else the document), or
        right after it when that is a heading (whose content stays its text alone)."""
        cited = self.cited.get(id(note), self.root)
        if cited.role[0] == "H" and cited.parent is not None:
            parent = cited.parent
            elem = self.new("Note", parent)
            kids = parent.kids
            kids.pop()
            after = len(kids)  # the heading is found from the end: it is a recent kid of
            while kids[after - 1] is not cited:  # its parent, which may have thousands
                after -= 1
            while after < len(kids) and getattr(kids[after], "role", "") == "Note":
                after += 1  # after the heading's other notes
            kids.insert(after, elem)
            return elem
        return self.new("Note", cited)

    def cite(self, note) -> None:
        self.cited.setdefault(id(note), self.current)

    def mcid(self, elem: Elem) -> int:
        """A new marked-content id on the current page, for content of `elem`."""
        page = self.canv._pageNumber
        elems = self.page_elems.get(page)
        if elems is None:
            elems = self.page_elems[page] = []
        n = len(elems)
        elems.append(elem)
        elem.kids.append((page, n))
        if elem.page is None:
            elem.page = page
        self.current = elem
        return n

    def bdc(self, elem: Elem) -> str:
        return f"/{elem.role} <</MCID {self.mcid(elem)}>> BDC"

    def link(self, elem: Elem, annotation: PDFDictionary, annotation_ref) -> None:
        """`elem` (a Link) refers to a link annotation (whose /StructParent is given in
        `write`)."""
        elem.kids.append(("annot", self.canv._pageNumber, annotation_ref))
        self.annots.append((annotation, elem))

    # -- the file ------------------------------------------------------------------
    def write(self) -> None:
        """Add the tree, the parent tree and the document entries to the canvas's
        document (before it is saved). There are thousands of elements: each is
        formatted here at once, as text, to be written in an object stream."""
        doc = self.canv._doc
        elems = self.elems
        # object numbers: the tree root, the parent tree, then the elements
        first = doc.objectcounter + 1
        root_num, tree_num = first, first + 1
        for n, elem in enumerate(elems, first + 2):
            elem.num = n
        ids = doc.idToObjectNumberAndVersion
        pages = doc.Pages.pages
        page_num = {n: ids[f"Page{n}"][0] for n in range(1, len(pages) + 1)}
        objects = [b"", b""] + [_format(e, page_num, root_num, doc) for e in elems]

        for page in pages:
            page.__NoDefault__ = [*type(page).__NoDefault__, "Tabs", "StructParents"]
            page.Tabs = PDFName("S")
        nums = []
        page_keys = sorted(self.page_elems)  # page numbers, 1-based
        for key, number in enumerate(page_keys):
            pages[number - 1].StructParents = key
            nums.append(f"{key} [{' '.join(f'{e.num} 0 R' for e in self.page_elems[number])}]")
        for key, (annotation, elem) in enumerate(self.annots, len(page_keys)):
            annotation["StructParent"] = key
            nums.append(f"{key} {elem.num} 0 R")
        objects[0] = (
            f"<</Type/StructTreeRoot/K {self.root.num} 0 R/ParentTree {tree_num} 0 R"
            f"/ParentTreeNextKey {len(nums)}>>"
        ).encode("latin-1")
        objects[1] = f"<</Nums [{' '.join(nums)}]>>".encode("latin-1")
        # the objects are not registered one by one: their numbers are kept for them,
        # and they are written in object streams (see objstreams.py)
        doc.objectcounter = first + len(objects) - 1
        doc._pdfVersion = max(doc._pdfVersion, (1, 7))  # PDF/UA-1 is on ISO 32000-1
        doc.format = partial(write_packed, doc, first, objects)
        cat = doc.Catalog
        ids["StructTreeRoot"] = (root_num, 0)  # a name for the reference alone
        cat.StructTreeRoot = PDFObjectReference("StructTreeRoot")
        cat.MarkInfo = PDFDictionary({"Marked": "true"})
        cat.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
        cat.Metadata = doc.Reference(_xmp(self.title))


def _format(e: Elem, page_num: dict[int, int], root_num: int, doc) -> bytes:
    """A structure element as text: /Type left out (optional), /Pg the page of its
    first MCID, MCIDs on other pages as marked-content references."""
    parent = e.parent.num if e.parent is not None else root_num
    page, kids = e.page, e.kids
    if page is None:
        head = f"<</S/{e.role}/P {parent} 0 R"
    else:
        head = f"<</S/{e.role}/P {parent} 0 R/Pg {page_num[page]} 0 R"
    if len(kids) == 1 and type(kids[0]) is tuple and kids[0][0] == page:
        head += f"/K {kids[0][1]}"  # most elements: one MCID (a table cell's text)
    elif kids:
        refs = []
        for kid in kids:
            if type(kid) is Elem:
                refs.append(f"{kid.num} 0 R")
            elif kid[0] == page:
                refs.append(str(kid[1]))
            elif kid[0] == "annot":
                _, on, annot = kid
                number = doc.idToObjectNumberAndVersion[annot.name][0]
                refs.append(f"<</Type/OBJR/Pg {page_num[on]} 0 R/Obj {number} 0 R>>")
            else:
                refs.append(f"<</Type/MCR/Pg {page_num[kid[0]]} 0 R/MCID {kid[1]}>>")
        head += f"/K {refs[0]}" if len(refs) == 1 else f"/K [{' '.join(refs)}]"
    if e.attrs:
        for name, value in e.attrs.items():
            text = value if isinstance(value, str) else value.format(doc).decode("latin-1")
            head += f"/{name} {text}"
    return (head + ">>").encode("latin-1")


def _xmp(title: str) -> PDFStream:
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:format>application/pdf</dc:format>
   <pdf:Producer>reportgen</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        packet.encode("utf-8"),
        filters=[],
    )
    return stream


# -- drawing ----------------------------------------------------------------------------
def tagger_of(canv) -> Tagger | None:
    return getattr(canv, "_rg_tags", None)


@contextmanager
def marked(canv, elem: Elem | None):
    """Shapes drawn on the canvas as content of `elem` (nothing when untagged)."""
    tagger = tagger_of(canv)
    if tagger is None or elem is None:
        yield
        return
    canv._code.append(tagger.bdc(elem))
    yield
    canv._code.append(EMC)


@contextmanager
def artifact(canv, kind: str = ARTIFACT):
    """Shapes or text drawn on the canvas as an artifact (nothing when untagged)."""
    if tagger_of(canv) is None:
        yield
        return
    canv._code.append(kind)
    yield
    canv._code.append(EMC)
