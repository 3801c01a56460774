"""A TrueType face embedded as one Type 0 font with two-byte codes (Identity-H).

reportlab embeds a TrueType face as simple fonts of 256 characters each, so a
Chinese line switches between several of them: a `Tf` and a `Tj` for every two
characters or so. Here a face set in Chinese is one font. Each character gets a
two-byte code (its CID) in order of first use, and a run of text is encoded with one
`str.translate` into a hex string.

When the file is written (`add_objects`), the face is subset: the glyphs of the
characters used and the parts of composite glyphs, numbered anew in order of use
(composite glyphs' references to their parts renumbered too). The objects are
those of PDF 1.7 §9.7: the Type 0 font and its ToUnicode map (text extraction gives
the characters back), the CIDFontType2 with the widths (W) and the CID → glyph map,
and the font descriptor with the subset font program (FontFile2).
"""

from __future__ import annotations

import hashlib
from array import array
from itertools import accumulate
from struct import pack, unpack_from

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFont, TTFontMaker

from reportgen.writers.pdf.glyphs import lacking

# composite glyph flags (OpenType `glyf` table)
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x8, 0x20, 0x40, 0x80
_COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")


class CidFont:
    """One embedded face as the document's Type 0 font `name` (a resource name)."""

    def __init__(self, font: TTFont, name: str):
        self.font = font
        self.name = name
        self.codes: dict[int, str] = {}  # character → its CID as four hex digits
        self.chars: list[int] = []  # CID − 1 → character

    def encode(self, text: str) -> str:
        """`text` as the hex digits of its codes (without the angle brackets)."""
        out = text.translate(self.codes)
        if len(out) != 4 * len(text):  # characters new to the document
            for c in dict.fromkeys(text):
                if ord(c) not in self.codes:
                    if ord(c) not in self.font.face.charToGlyph:
                        lacking(c, text)
                    if len(self.chars) >= 0xFFFF:
                        raise ValueError(f"more than 65535 characters in one font ({self.name})")
                    self.chars.append(ord(c))
                    self.codes[ord(c)] = f"{len(self.chars):04X}"
            out = text.translate(self.codes)
        return out

    # -- writing the objects --------------------------------------------------------
    def add_objects(self, doc) -> None:
        """The font's objects, and the font in the pages' font resources."""
        face = self.font.face
        tag = _tag(self.chars)
        base = f"{tag}+{face.name.decode('latin-1')}"
        gids = [face.charToGlyph.get(c, 0) for c in self.chars]

        data, gids = _subset(face, gids)
        widths = [face.getCharWidth(c) for c in self.chars]
        embed_type0(doc, self.name, face, base, data, gids, widths, self.chars, "cid")

    addObjects = add_objects  # noqa: N815 (what reportlab calls on its delayed fonts)


def embed_type0(
    doc, name: str, face, base: str, program: bytes, gids, widths, texts, kind: str
) -> None:
    """The objects of a Type 0 font (PDF 1.7 §9.7) as the document's font `name`: the
    font program (FontFile2), its descriptor, the CIDFontType2 with the widths (W) and
    the code → glyph map (code n shows glyph gids[n − 1]), the ToUnicode map (code n →
    texts[n − 1]) and the Type 0 font itself. `kind` names the objects ("cid" …)."""
    stream = pdfdoc.PDFStream(content=program, filters=[pdfdoc.PDFZCompress])
    stream.dictionary["Length1"] = len(stream.content)
    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("FontDescriptor"),
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": flags,
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(base),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": doc.Reference(stream, f"{kind}FontFile:{name}"),
        }
    )
    to_gid = array("H", [0, *gids])
    to_gid.byteswap()  # big-endian
    gid_map = pdfdoc.PDFStream(content=to_gid.tobytes(), filters=[pdfdoc.PDFZCompress])
    descendant = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("Font"),
            "Subtype": pdfdoc.PDFName("CIDFontType2"),
            "BaseFont": pdfdoc.PDFName(base),
            "CIDSystemInfo": pdfdoc.PDFDictionary(
                {
                    "Registry": pdfdoc.PDFString("Adobe"),
                    "Ordering": pdfdoc.PDFString("Identity"),
                    "Supplement": 0,
                }
            ),
            "FontDescriptor": doc.Reference(descriptor, f"{kind}FontDescriptor:{name}"),
            "DW": face.defaultWidth,
            "W": pdfdoc.PDFArray([1, pdfdoc.PDFArray(widths)]),
            "CIDToGIDMap": doc.Reference(gid_map, f"{kind}ToGid:{name}"),
        }
    )
    unicode_map = pdfdoc.PDFStream(content=_to_unicode(texts), filters=[pdfdoc.PDFZCompress])
    type0 = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("Font"),
            "Subtype": pdfdoc.PDFName("Type0"),
            "BaseFont": pdfdoc.PDFName(base),
            "Encoding": pdfdoc.PDFName("Identity-H"),
            "DescendantFonts": pdfdoc.PDFArray([doc.Reference(descendant, f"{kind}Font:{name}")]),
            "ToUnicode": doc.Reference(unicode_map, f"{kind}ToUnicode:{name}"),
        }
    )
    doc.idToObject["BasicFonts"].dict[name] = doc.Reference(type0, name)


def _tag(chars: list[int]) -> str:
    """Six capital letters naming the subset (PDF 1.7 §9.6.4), from what it holds."""
    digest = hashlib.sha256(array("I", chars).tobytes()).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


def _subset(face, gids: list[int]) -> tuple[bytes, list[int]]:
    """The face's font program with only these glyphs and the parts of composite
    glyphs, numbered from 1 in order of use (0 stays the missing glyph), and the new
    number of each of `gids`."""
    glyf = face.get_table("glyf")
    pos = face.glyphPos
    order = [0, *dict.fromkeys(g for g in gids if g)]
    new = {g: n for n, g in enumerate(order)}
    pieces: list[bytes] = []
    sizes: list[int] = []
    metrics: list[bytes] = []
    for g in order:  # grows while composite glyphs name parts not yet kept
        data = bytearray(glyf[pos[g] : pos[g + 1]])
        for at, part in _components(data):
            if part not in new:
                new[part] = len(order)
                order.append(part)
            data[at : at + 2] = pack(">H", new[part])
        data += b"\0" * (-len(data) % 4)  # each glyph on a four-byte boundary
        pieces.append(bytes(data))
        sizes.append(len(data))
        advance, bearing = face.hmetrics[g]
        metrics.append(pack(">HH", int(advance) & 0xFFFF, int(bearing) & 0xFFFF))
    loca = array("I", accumulate(sizes, initial=0))
    loca.byteswap()
    font = TTFontMaker()
    for tag in _COPIED:
        try:
            font.add(tag, face.get_table(tag))
        except KeyError:  # cvt, fpgm and prep are optional
            pass
    head = bytearray(face.get_table("head"))
    head[50:52] = pack(">h", 1)  # long (32-bit) glyph offsets
    font.add("head", bytes(head))
    count = pack(">H", len(order))
    hhea, maxp = face.get_table("hhea"), face.get_table("maxp")
    font.add("hhea", hhea[:34] + count + hhea[36:])  # every glyph has its own metrics
    font.add("maxp", maxp[:4] + count + maxp[6:])
    font.add("hmtx", b"".join(metrics))
    font.add("post", b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16)
    font.add("loca", loca.tobytes())
    font.add("glyf", b"".join(pieces))
    return font.makeStream(), [new[g] for g in gids]


def _components(glyph: bytearray):
    """(offset of the part's glyph number, that number) for each part of a composite
    glyph; nothing for a simple or empty one."""
    if len(glyph) < 10 or unpack_from(">h", glyph, 0)[0] >= 0:
        return
    at, flags = 10, _MORE
    while flags & _MORE:
        flags, part = unpack_from(">HH", glyph, at)
        yield at + 2, part
        at += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        if flags & _HAVE_SCALE:
            at += 2
        elif flags & _XY_SCALE:
            at += 4
        elif flags & _TWO_BY_TWO:
            at += 8


def _to_unicode(chars: list[int] | list[str]) -> bytes:
    """The ToUnicode CMap: CID → the character (or characters: a shaped glyph's) it
    was given for (UTF-16BE)."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    entries = [
        f"<{cid:04X}> <{(c if isinstance(c, str) else chr(c)).encode('utf-16-be').hex().upper()}>"
        for cid, c in enumerate(chars, start=1)
    ]
    for i in range(0, len(entries), 100):  # at most 100 to a block
        block = entries[i : i + 100]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    lines += [
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines).encode("ascii")
