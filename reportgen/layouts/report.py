"""Secretariat notes and Executive Director's reports: masthead, title, summary, body.

The two layouts share everything but their defaults: the sub-title, the heading
numerals and whether a contents list is usual.
"""

from __future__ import annotations

from reportgen.inputs.folder import LoadedDocument
from reportgen.labels import Labels, load_labels, number_style
from reportgen.layouts.common import anchor_headings, assemble
from reportgen.layouts.narrative import read_narrative
from reportgen.layouts.numbering import (
    Numberer,
    NumberingRules,
    heading_styles,
    inline_items,
    number_footnotes,
    sub_item_styles,
)
from reportgen.layouts.slips import unused_footnotes
from reportgen.markup import RawParagraph, parse
from reportgen.model import Block, Contents, Document, Heading, Paragraph, Text
from reportgen.templating import render

DEFAULT_HEADINGS = {
    "secretariat-note": ["{chapter}", "letter", "arabic", "alpha"],
    "executive-director-report": ["{chapter}", "letter", "arabic", "alpha"],
}


def rules(doc: LoadedDocument, labels: Labels) -> NumberingRules:
    n = doc.meta.numbering
    headings = n.headings or [
        labels.get("heading_numerals") if s == "{chapter}" else s
        for s in DEFAULT_HEADINGS[doc.meta.layout]
    ]
    return NumberingRules(
        paragraphs=n.paragraphs,
        prefix=n.prefix,
        headings=heading_styles(headings, labels),
        heading_prefix=dict(n.heading_prefix),
        heading_start=dict(n.heading_start),
        sub_items=sub_item_styles(n.sub_items, labels),
        sub_item=labels.get("sub_item"),
        paragraph_number=labels.get("paragraph_number"),
        heading_number=labels.get("heading_number"),
    )


def build(doc: LoadedDocument) -> Document:
    meta = doc.meta
    yaml_path = doc.folder / "document.yaml"
    labels = load_labels(meta.language, yaml_path)
    style = number_style(labels, meta.style, meta.numbers, yaml_path)
    link = meta.symbol_link or labels.get("symbol_link")

    body_raw = read_narrative(doc, doc.data, style, link, items=inline_items(labels))
    numberer = Numberer(rules(doc, labels))
    bold = {"recommendations"} if meta.recommendations_bold else set()

    front: list[Block] = [
        Paragraph([Text(meta.title)], role="title"),
        Paragraph([Text(meta.subtitle or labels.get(f"subtitles.{meta.layout}"))], role="subtitle"),
    ]
    if meta.summary:
        summary_text = render(meta.summary, yaml_path, doc.data, style)
        summary_raw = parse(summary_text, yaml_path, link)
        summary_raw.notes.update(body_raw.notes)
        front.append(
            Paragraph([Text(meta.summary_heading or labels.get("summary"))], role="summary-heading")
        )
        for block in summary_raw.blocks:
            if isinstance(block, RawParagraph):
                block.numbered = False
        for block in Numberer(NumberingRules(paragraphs=False)).blocks(summary_raw.blocks):
            if isinstance(block, Paragraph):
                block.role = "summary"
            front.append(block)

    body = numberer.blocks(body_raw.blocks, bold)
    if meta.contents:
        entries = [b for b in body if isinstance(b, Heading) and b.in_contents]
        listing = Contents(labels.get("contents"), labels.get("page"), entries)
        listing.own_page = meta.contents_own_page
        body.insert(0, listing)
    anchor_headings(body)
    unused_footnotes(body_raw.notes, body_raw.defined_at, number_footnotes(front + body))

    return assemble(meta, labels, style, front, body)
