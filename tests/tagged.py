"""Reading a tagged PDF back with pikepdf: its marked content, its structure tree and
what the two say about each other (tests/test_tagged_pdf.py), and the reading order of
a page written out from the tree (`reading_order`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf

# operators that paint: text, paths, XObjects, shadings, inline images
TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = TEXT_OPS | {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "INLINE IMAGE"}
HEADINGS = {f"/H{n}" for n in range(1, 7)} | {"/H"}


@dataclass
class PageMarks:
    """What a page's content stream marks: its MCIDs (with their tags) and the painting
    operators outside any tagged or artifact sequence."""

    mcids: dict[int, str] = field(default_factory=dict)
    untagged: list[str] = field(default_factory=list)
    tagged_in_artifact: int = 0
    painted: int = 0


def page_marks(page: pikepdf.Page) -> PageMarks:
    marks = PageMarks()
    stack: list[tuple[str, int | None]] = []  # (tag, MCID)
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid = None
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                mcid = operands[1].get("/MCID")
                mcid = int(mcid) if mcid is not None else None
            if mcid is not None:
                if any(t == "/Artifact" for t, _ in stack):
                    marks.tagged_in_artifact += 1
                if mcid in marks.mcids:
                    raise AssertionError(f"MCID {mcid} used twice on a page")
                marks.mcids[mcid] = tag
            stack.append((tag, mcid))
        elif op == "EMC":
            stack.pop()
        elif op in PAINT_OPS:
            marks.painted += 1
            if not any(t == "/Artifact" or m is not None for t, m in stack):
                marks.untagged.append(op)
    assert not stack, "marked content left open at the end of a page"
    return marks


@dataclass
class Tree:
    """The structure tree flattened: every element (role, attributes, depth, kids) in
    document order, the MCIDs it reaches ((page index, MCID) → element) and the link
    annotations it refers to."""

    elements: list[tuple[str, pikepdf.Dictionary, int]] = field(default_factory=list)
    mcids: dict[tuple[int, int], pikepdf.Dictionary] = field(default_factory=dict)
    annotations: set[tuple[int, int]] = field(default_factory=set)


def structure_tree(pdf: pikepdf.Pdf) -> Tree:
    pages = {p.obj.objgen: n for n, p in enumerate(pdf.pages)}
    tree = Tree()
    root = pdf.Root.StructTreeRoot

    def kids_of(node):
        k = node.get("/K")
        if k is None:
            return []
        return list(k) if isinstance(k, pikepdf.Array) else [k]

    def walk(elem: pikepdf.Dictionary, depth: int) -> None:
        tree.elements.append((str(elem.S), elem, depth))
        page = pages.get(elem.Pg.objgen) if "/Pg" in elem else None
        for kid in kids_of(elem):
            if isinstance(kid, int):
                tree.mcids[(page, int(kid))] = elem
            elif kid.get("/Type") == "/MCR":
                tree.mcids[(pages[kid.Pg.objgen], int(kid.MCID))] = elem
            elif kid.get("/Type") == "/OBJR":
                tree.annotations.add(kid.Obj.objgen)
            else:
                walk(kid, depth + 1)

    for kid in kids_of(root):
        walk(kid, 0)
    return tree


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, object]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def bookmarks(pdf: pikepdf.Pdf) -> int:
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        n = 0
        while stack:
            item = stack.pop()
            n += 1
            stack.extend(item.children)
    return n


def mcid_texts(path, page_index: int) -> dict[int, str]:
    """The text of each MCID of a page: pdfium's text objects with the MCID of their
    innermost mark that has one."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    page = doc[page_index]
    textpage = page.get_textpage()
    texts: dict[int, list[str]] = {}
    value = ctypes.c_int()
    for n in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, n)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        mcid = None
        for m in range(raw.FPDFPageObj_CountMarks(obj)):
            mark = raw.FPDFPageObj_GetMark(obj, m)
            if raw.FPDFPageObjMark_GetParamIntValue(mark, b"MCID", ctypes.byref(value)):
                mcid = value.value
        if mcid is None:
            continue
        size = raw.FPDFTextObj_GetText(obj, textpage, None, 0)
        buffer = ctypes.create_string_buffer(size)
        raw.FPDFTextObj_GetText(
            obj, textpage, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), size
        )
        texts.setdefault(mcid, []).append(buffer.raw[: size - 2].decode("utf-16-le"))
    return {k: "".join(v) for k, v in texts.items()}


def reading_order(path, page_index: int) -> list[str]:
    """The page's content as the structure tree orders it: one line per element that
    holds content there and one per piece of its text (quoted), indented by depth."""
    pdf = pikepdf.open(path)
    pages = {p.obj.objgen: n for n, p in enumerate(pdf.pages)}
    texts = mcid_texts(path, page_index)
    lines: list[str] = []

    def walk(elem, depth: int) -> list[str]:
        """`elem`'s lines, none if it holds no content on the page."""
        out: list[str] = []
        page = pages.get(elem.Pg.objgen) if "/Pg" in elem else None
        k = elem.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else ([k] if k is not None else [])
        pad = "  " * (depth + 1)
        for kid in kids:
            if isinstance(kid, int):
                if page == page_index:
                    out.append(f'{pad}"{texts.get(int(kid), "").strip()}"')
            elif kid.get("/Type") == "/MCR":
                if pages[kid.Pg.objgen] == page_index:
                    out.append(f'{pad}"{texts.get(int(kid.MCID), "").strip()}"')
            elif kid.get("/Type") != "/OBJR":
                out.extend(walk(kid, depth + 1))
        if not out:
            return []
        alt = f" [Alt: {elem.Alt}]" if "/Alt" in elem else ""
        lang = f" [Lang: {elem.Lang}]" if "/Lang" in elem else ""
        return [f"{'  ' * depth}{str(elem.S)[1:]}{lang}{alt}", *out]

    root = pdf.Root.StructTreeRoot.K
    for kid in list(root) if isinstance(root, pikepdf.Array) else [root]:
        lines.extend(walk(kid, 0))
    return lines


def _descendants(elem):
    k = elem.get("/K")
    kids = list(k) if isinstance(k, pikepdf.Array) else ([k] if k is not None else [])
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _descendants(kid)
