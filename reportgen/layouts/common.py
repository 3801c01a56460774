"""What every layout does last: anchor the headings, hyphenate table heads and assemble
the document model."""

from __future__ import annotations

from reportgen.hyphenation import hyphenate_table_heads
from reportgen.inputs.models import DocumentInput
from reportgen.labels import Labels
from reportgen.layouts.masthead import masthead
from reportgen.model import Block, Document, FontSet, Heading, PageSetup
from reportgen.numbers import NumberStyle


def anchor_headings(body: list[Block]) -> None:
    """Every heading gets an anchor (h1, h2 …) for bookmarks and the contents."""
    count = 0
    for block in body:
        if isinstance(block, Heading):
            count += 1
            block.anchor = block.anchor or f"h{count}"


def assemble(
    meta: DocumentInput,
    labels: Labels,
    style: NumberStyle,
    front: list[Block],
    body: list[Block],
    running_titles: tuple[str, str] | None = None,
) -> Document:
    # long words of table heads may break at their hyphenation points (narrow columns)
    hyphenate_table_heads(front + body, labels.get("bcp47"), labels.is_cjk)
    return Document(
        title=meta.title,
        subject="-".join(meta.symbols),
        language=labels.get("bcp47"),
        masthead=masthead(meta, labels, style),
        front=front,
        body=body,
        page=PageSetup(
            size=meta.page_size,
            running_header=list(meta.symbols),
            running_titles=running_titles,
            widow_control=meta.widow_control,
            tagged=meta.tagged_pdf,
        ),
        fonts=FontSet(script=labels.get("script") or "latin"),
        date_iso=meta.date.isoformat(),
        direction="rtl" if labels.get("script") == "arabic" else "ltr",
    )
