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

A footnote's Note is a child of the element that cites it. When the document ends,
`write` adds the elements as PDF objects, the parent tree (each page's MCIDs → their
elements; each link annotation → its Link), /StructParents and /Tabs /S on the pages
and, on the catalog, /StructTreeRoot, /MarkInfo, /ViewerPreferences and the XMP
metadata (dc:title, pdfuaid:part 1).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape

from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)

ARTIFACT = "/Artifact BMC"
PAGINATION = "/Artifact <</Type /Pagination /Subtype /Header>> BDC"
FOOTER = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
LAYOUT = "/Artifact <</Type /Layout>> BDC"
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
    __slots__ = ("role", "parent", "kids", "attrs", "page", "ref")

    def __init__(self, role: str, parent: Elem | None, attrs: dict | None = None):
        self.role = role
        self.parent = parent
        # kids: Elem, (page, mcid) or ("annot", page, annotation reference)
        self.kids: list = []
        self.attrs = attrs or {}
        self.page: int | None = None  # the page of its first marked content
        self.ref: PDFObjectReference | None = None
        if parent is not None:
            parent.kids.append(self)


class Tagger:
    """The structure tree of one document, built while its pages are drawn."""

    def __init__(self, canv, title: str):
        self.canv = canv
        self.title = title
        self.root = Elem("Document", None)
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
        n = 0
        limit = min(len(path), len(opened))
        while n < limit and opened[n][0] == path[n][0]:
            n += 1
        del opened[n:]
        parent = opened[-1][1] if opened else self.root
        for key, role in path[n:]:
            parent = Elem(role, parent)
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

    def close(self) -> None:
        """Close every open element (what follows starts at the document's level)."""
        self.open.clear()

    def child(self, parent: Elem, role: str, before: Elem | None = None) -> Elem:
        elem = Elem(role, parent)
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
            elem = Elem("Note", parent)
            parent.kids.pop()
            after = parent.kids.index(cited) + 1
            while after < len(parent.kids) and getattr(parent.kids[after], "role", "") == "Note":
                after += 1  # after the heading's other notes
            parent.kids.insert(after, elem)
            return elem
        return Elem("Note", cited)

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
        document (before it is saved)."""
        doc = self.canv._doc
        elems: list[Elem] = []
        stack = [self.root]
        while stack:  # document order, depth first
            elem = stack.pop()
            elems.append(elem)
            stack.extend(k for k in reversed(elem.kids) if isinstance(k, Elem))
        for elem in elems:
            elem.ref = doc.Reference(_StructElem(elem))
        page_keys = sorted(self.page_elems)  # page numbers, 1-based
        pages = doc.Pages.pages
        for page in pages:
            page.__NoDefault__ = [*type(page).__NoDefault__, "Tabs", "StructParents"]
            page.Tabs = PDFName("S")
        nums = []
        for key, number in enumerate(page_keys):
            pages[number - 1].StructParents = key
            nums.append((key, [e.ref for e in self.page_elems[number]]))
        for key, (annotation, elem) in enumerate(self.annots, len(page_keys)):
            annotation["StructParent"] = key
            nums.append((key, elem.ref))
        tree_root = _TreeRoot(self.root, doc.Reference(_ParentTree(nums)), len(nums))
        _StructElem.root_ref = doc.Reference(tree_root)
        cat = doc.Catalog
        cat.StructTreeRoot = _StructElem.root_ref
        cat.MarkInfo = PDFDictionary({"Marked": "true"})
        cat.ViewerPreferences = PDFDictionary({"DisplayDocTitle": "true"})
        cat.Metadata = doc.Reference(_xmp(self.title))


def _ref(doc, ref) -> str:
    number, version = doc.idToObjectNumberAndVersion[ref.name]
    return f"{number} {version} R"


class _ParentTree(PDFObject):
    """The parent tree: one flat number tree, each page's key → its MCIDs' elements,
    each link annotation's key → its Link."""

    def __init__(self, nums: list):
        self.nums = nums

    def format(self, document):
        out = []
        for key, value in self.nums:
            if isinstance(value, list):
                out.append(f"{key} [{' '.join(_ref(document, r) for r in value)}]")
            else:
                out.append(f"{key} {_ref(document, value)}")
        return f"<< /Nums [{' '.join(out)}] >>".encode("latin-1")


class _TreeRoot(PDFObject):
    def __init__(self, root: Elem, parent_tree, next_key: int):
        self.root, self.parent_tree, self.next_key = root, parent_tree, next_key

    def format(self, document):
        return (
            f"<< /Type /StructTreeRoot /K {_ref(document, self.root.ref)} "
            f"/ParentTree {_ref(document, self.parent_tree)} "
            f"/ParentTreeNextKey {self.next_key} >>"
        ).encode("latin-1")


class _StructElem(PDFObject):
    """A structure element, written straight as text (there are thousands)."""

    root_ref = None

    def __init__(self, elem: Elem):
        self.elem = elem

    def format(self, document):
        e = self.elem
        ids = document.idToObjectNumberAndVersion

        def page_ref(page: int) -> str:
            return "{} {} R".format(*ids[f"Page{page}"])

        parent = e.parent.ref if e.parent is not None else _StructElem.root_ref
        out = [f"<< /Type /StructElem /S /{e.role} /P {_ref(document, parent)}"]
        if e.page is not None:
            out.append(f" /Pg {page_ref(e.page)}")
        kids = []
        for kid in e.kids:
            if isinstance(kid, Elem):
                kids.append(_ref(document, kid.ref))
            elif kid[0] == "annot":
                _, page, annot = kid
                kids.append(f"<< /Type /OBJR /Pg {page_ref(page)} /Obj {_ref(document, annot)} >>")
            elif kid[0] == e.page:
                kids.append(str(kid[1]))
            else:
                kids.append(f"<< /Type /MCR /Pg {page_ref(kid[0])} /MCID {kid[1]} >>")
        out.append(f" /K {kids[0]}" if len(kids) == 1 else f" /K [{' '.join(kids)}]")
        for name, value in e.attrs.items():
            text = value if isinstance(value, str) else value.format(document).decode("latin-1")
            out.append(f" /{name} {text}")
        out.append(" >>")
        return "".join(out).encode("latin-1")


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
