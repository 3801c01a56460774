"""A tagged PDF's many small objects packed into compressed object streams.

A structure tree has an object for every element (thousands: each table cell is one);
written one by one, as reportlab writes objects, they would make up a third of the file
and much of the time spent writing it. PDF 1.5 lets such objects (not streams) go into
object streams, compressed together, found through a cross-reference stream instead of
the cross-reference table. `write_packed` does what reportlab's `PDFDocument.format` does
(every object in order of number, the same bytes for the others) except that the objects
marked `Packed` go into object streams and the table is a stream. Deterministic: the same
objects give the same bytes.
"""

from __future__ import annotations

import zlib

from reportlab.pdfbase.pdfdoc import PDFFile, PDFIndirectObject, PDFObject

PER_STREAM = 500  # objects per object stream (readers load a stream whole)
LEVEL = 6  # zlib's default


class Packed(PDFObject):
    """An object formatted already, to be written inside an object stream."""

    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document):
        return self.data


def write_packed(doc) -> bytes:
    """The file of reportlab document `doc` (what `doc.format()` returns), its `Packed`
    objects in object streams and its cross-reference table a stream."""
    doc.encrypt.prepare(doc)
    if doc.encrypt.info():
        raise ValueError("object streams are not written for an encrypted document")
    doc._pdfVersion = max(doc._pdfVersion, (1, 5))
    cat_ref = doc.Reference(doc.Catalog)
    info_ref = doc.Reference(doc.info)
    numbers, objects = doc.numberToId, doc.idToObject
    offsets: dict[int, int] = {}  # number → offset of an object written as such
    packed: list[tuple[int, bytes]] = []  # (number, text) of the objects in streams
    out = doc.__accum__ = PDFFile(doc._pdfVersion)
    n = 0
    while True:  # new objects may be registered while objects are formatted
        n += 1
        name = numbers.get(n)
        if name is None:
            break
        obj = objects[name]
        if type(obj) is Packed:
            packed.append((n, obj.data))
            continue
        offsets[n] = out.add(PDFIndirectObject(name, obj).format(doc))
    del doc.__accum__
    last = n - 1
    if len(numbers) != last:
        raise ValueError(f"object numbers 1…{last} but {len(numbers)} objects")

    where: dict[int, tuple[int, int]] = {}  # packed number → (its stream, index)
    for start in range(0, len(packed), PER_STREAM):
        chunk = packed[start : start + PER_STREAM]
        last += 1
        head, body, at = [], [], 0
        for i, (num, data) in enumerate(chunk):
            where[num] = (last, i)
            head.append(f"{num} {at}")
            body.append(data)
            at += len(data) + 1
        header = " ".join(head).encode("latin-1") + b"\n"
        content = zlib.compress(header + b"\n".join(body) + b"\n", LEVEL)
        offsets[last] = out.add(
            f"{last} 0 obj\n<</Type/ObjStm/N {len(chunk)}/First {len(header)}"
            f"/Filter/FlateDecode/Length {len(content)}>>stream\n".encode("latin-1")
            + content
            + b"\nendstream\nendobj\n"
        )

    xref = last + 1
    offsets[xref] = out.offset
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]  # object 0, free
    for num in range(1, xref + 1):
        if num in offsets:
            rows.append(b"\x01" + offsets[num].to_bytes(4, "big") + b"\x00\x00")
        else:
            stream, index = where[num]
            rows.append(b"\x02" + stream.to_bytes(4, "big") + index.to_bytes(2, "big"))
    content = zlib.compress(b"".join(rows), LEVEL)
    file_id = doc.ID()
    file_id = file_id[file_id.index(b"[") : file_id.index(b"]") + 1]
    out.add(
        f"{xref} 0 obj\n<</Type/XRef/Size {xref + 1}/W [1 4 2]"
        f"/Root {cat_ref.format(doc).decode('latin-1')}"
        f"/Info {info_ref.format(doc).decode('latin-1')}/ID ".encode("latin-1")
        + file_id
        + f"/Filter/FlateDecode/Length {len(content)}>>stream\n".encode("latin-1")
        + content
        + f"\nendstream\nendobj\nstartxref\n{offsets[xref]}\n%%EOF\n".encode("latin-1")
    )
    return out.format(doc)
