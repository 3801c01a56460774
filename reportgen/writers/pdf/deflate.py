"""Every stream of a laid-out PDF compressed at once, on every core.

reportlab compresses each stream (pages, font subsets, forms) one after another while
it writes the file. zlib lets other threads run while it compresses, so here the
streams are compressed by a pool of threads just before the file is written, and
each stream is handed over already compressed, with its Flate filter named, as
reportlab would have written it: the bytes of the PDF are the same.
"""

from __future__ import annotations

import os
import zlib
from concurrent.futures import ThreadPoolExecutor

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFName,
    PDFPage,
    PDFStream,
    PDFZCompress,
)

MIN_BYTES = 4096  # smaller streams are not worth a thread's hand-over


def deflate_streams(canvas) -> None:
    """Compress the streams of `canvas`'s document that reportlab would compress, after
    realising its fonts (their subsets are streams too)."""
    doc = canvas._doc
    for font in doc.delayedFonts:  # what reportlab does first when it writes the file
        font.addObjects(doc)
    doc.delayedFonts = []
    streams = [s for s in _streams(doc) if len(s.content) >= MIN_BYTES]
    if len(streams) < 2:
        return
    data = [s.content.encode("utf8") if isinstance(s.content, str) else s.content for s in streams]
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        packed = list(pool.map(zlib.compress, data))
    for stream, content in zip(streams, packed, strict=True):
        stream.content = content
        stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
        stream.filters = None


def _streams(doc):
    """The streams reportlab would compress with Flate alone: page contents (made into
    streams here, as reportlab makes them) and the document's other streams."""
    for obj in list(doc.idToObject.values()):
        if isinstance(obj, PDFPage) and obj.compression and obj.stream and not obj.Contents:
            stream = PDFStream(content=obj.stream, filters=[PDFZCompress])
            stream.__Comment__ = "page stream"
            obj.Contents = stream
            yield stream
        elif (
            isinstance(obj, PDFStream)
            and obj.content is not None
            and list(obj.filters or doc.defaultStreamFilters or []) == [PDFZCompress]
            and "Filter" not in obj.dictionary.dict
        ):
            yield obj
