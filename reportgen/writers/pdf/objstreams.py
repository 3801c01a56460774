"""A tagged PDF's many small objects packed into compressed object streams.

A structure tree has an object for every element (thousands: each table cell is one);
written one by one, as reportlab writes objects, they would make up a third of the file
and much of the time spent writing it. PDF 1.5 lets such objects (not streams) go into
object streams, compressed together, found through a cross-reference stream instead of
the cross-reference table. `write_packed` does what reportlab's `PDFDocument.format` does
(every object in order of number, the same bytes for the others) except that the objects
given to it go into object streams and the table is a stream. Deterministic: the same
objects give the same bytes.
"""

from __future__ import annotations

import struct
import zlib

from reportlab.pdfbase.pdfdoc import PDFFile, PDFIndirectObject

PER_STREAM = 500  # objects per object stream (readers load a stream whole)
LEVEL = 4  # zlib: half the time of its default (6) for 6 % more bytes (budget: 110 against 104 KB)


def write_packed(doc, first: int, packed: list[bytes]) -> bytes:
    """The file of reportlab document `doc` (what `doc.format()` returns) with the objects
    `packed` (formatted, numbered from `first` on: numbers kept for them, not registered
    in `doc`) in object streams, and its cross-reference table a stream."""
    doc.encrypt.prepare(doc)
    if doc.encrypt.info():
        raise ValueError("object streams are not written for an encrypted document")
    doc._pdfVersion = max(doc._pdfVersion, (1, 5))
    cat_ref = doc.Reference(doc.Catalog)
    info_ref = doc.Reference(doc.info)
    numbers, objects = doc.numberToId, doc.idToObject
    offsets: dict[int, int] = {}  # number → offset of an object written as such
    out = doc.__accum__ = PDFFile(doc._pdfVersion)
    end = first + len(packed)
    n = 0
    while True:  # new objects may be registered while objects are formatted
        n += 1
        if n == first:
            n = end  # the packed objects' numbers
        name = numbers.get(n)
        if name is None:
            break
        offsets[n] = out.add(PDFIndirectObject(name, objects[name]).format(doc))
    del doc.__accum__
    last = n - 1
    if len(numbers) + len(packed) != last:
        raise ValueError(f"object numbers 1…{last} but {len(numbers) + len(packed)} objects")

    streams: list[tuple[int, int]] = []  # (number, objects) of each object stream
    for start in range(0, len(packed), PER_STREAM):
        chunk = packed[start : start + PER_STREAM]
        last += 1
        streams.append((last, len(chunk)))
        head, at = [], 0
        for i, data in enumerate(chunk, first + start):
            head.append(f"{i} {at}")
            at += len(data) + 1
        header = " ".join(head).encode("latin-1") + b"\n"
        content = zlib.compress(header + b"\n".join(chunk) + b"\n", LEVEL)
        offsets[last] = out.add(
            f"{last} 0 obj\n<</Type/ObjStm/N {len(chunk)}/First {len(header)}"
            f"/Filter/FlateDecode/Length {len(content)}>>stream\n".encode("latin-1")
            + content
            + b"\nendstream\nendobj\n"
        )

    xref = last + 1
    offsets[xref] = out.offset
    row = struct.Struct(">BBIH").pack  # a byte for the PNG predictor's filter, then W
    rows = [row(0, 0, 0, 65535)]  # object 0, free
    rows.extend(row(0, 1, offsets[num], 0) for num in range(1, first))
    for stream, count in streams:  # objects first…end - 1, in order
        rows.extend(row(0, 2, stream, i) for i in range(count))
    rows.extend(row(0, 1, offsets[num], 0) for num in range(end, xref + 1))
    content = zlib.compress(_up(b"".join(rows), 8), LEVEL)
    file_id = doc.ID()
    file_id = file_id[file_id.index(b"[") : file_id.index(b"]") + 1]
    out.add(
        f"{xref} 0 obj\n<</Type/XRef/Size {xref + 1}/W [1 4 2]"
        "/DecodeParms<</Columns 7/Predictor 12>>"
        f"/Root {cat_ref.format(doc).decode('latin-1')}"
        f"/Info {info_ref.format(doc).decode('latin-1')}/ID ".encode("latin-1")
        + file_id
        + f"/Filter/FlateDecode/Length {len(content)}>>stream\n".encode("latin-1")
        + content
        + f"\nendstream\nendobj\nstartxref\n{offsets[xref]}\n%%EOF\n".encode("latin-1")
    )
    return out.format(doc)


def _up(table: bytes, width: int) -> bytes:
    """`table`'s rows of `width` bytes, each starting with a 0 byte, filtered by PNG's Up
    predictor (the filter byte 2, then every byte less the byte above it, modulo 256):
    rows of objects in one object stream differ by an index of 1, which then compresses
    to nearly nothing. Bytewise subtraction of the whole table at once, on integers."""
    size = len(table)
    ones = (1 << (8 * size)) - 1
    high = int.from_bytes(b"\x80" * size, "big")
    a = int.from_bytes(table, "big")
    b = a >> (8 * width)  # the row above each row (zeros above the first)
    diff = (((a | high) - (b & ~high & ones)) ^ ((a ^ ~b) & high & ones)) & ones
    filters = int.from_bytes((b"\x02" + bytes(width - 1)) * (size // width), "big")
    return (diff + filters).to_bytes(size, "big")  # the 0 bytes' difference is 0: no carry
