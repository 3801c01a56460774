"""Page previews for CI artifacts: PNG images of PDF pages (pdfium) and an index.html."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from reportgen.output import write_atomic


@dataclass
class Preview:
    name: str
    pdf: Path
    docx: Path | None
    pages: list[Path]
    thumbnails: list[Path]


def find_pdfs(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_file() and path.suffix.lower() == ".pdf":
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(path.glob("*.pdf")))
    return found


def render_pages(pdf: Path, out: Path, first: int | None, dpi: int, thumb_width: int) -> Preview:
    """Every page (or the first N) as PNG, with a thumbnail of each. A page larger than
    `MAX_PREVIEW_PIXELS` at `dpi` is drawn at the resolution that fits the limit."""
    import pypdfium2

    from reportgen.errors import InputError
    from reportgen.inputs.limits import MAX_PREVIEW_PIXELS
    from reportgen.output import OutputError

    try:
        document = pypdfium2.PdfDocument(pdf)
    except (pypdfium2.PdfiumError, OSError) as err:
        raise InputError.one(pdf, f"cannot read the PDF: {err}") from None
    count = len(document) if first is None else min(first, len(document))
    folder = out / pdf.stem
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(folder, err) from None
    pages, thumbs = [], []
    for index in range(count):
        page = document[index]
        scale = dpi / 72
        width, height = page.get_size()  # points
        pixels = max(width * scale, 1) * max(height * scale, 1)
        if pixels > MAX_PREVIEW_PIXELS:
            scale *= (MAX_PREVIEW_PIXELS / pixels) ** 0.5
        image = page.render(scale=scale).to_pil()
        page = folder / f"page-{index + 1:03d}.png"
        thumb = folder / f"thumb-{index + 1:03d}.png"
        _save(image, page)
        ratio = thumb_width / image.width
        _save(image.resize((thumb_width, max(1, round(image.height * ratio)))), thumb)
        pages.append(page)
        thumbs.append(thumb)
    document.close()
    docx = pdf.with_suffix(".docx")
    return Preview(pdf.stem, pdf, docx if docx.exists() else None, pages, thumbs)


def _save(image, path: Path) -> None:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    write_atomic(path, buffer.getvalue())


def index_html(previews: list[Preview], out: Path) -> str:
    """One section per document: links to its files, then its pages as thumbnails."""

    def rel(path: Path) -> str:
        import os

        return html.escape(os.path.relpath(path, out))

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>reportgen previews</title>",
        "<style>body{font-family:sans-serif;margin:2em}img{border:1px solid #999;"
        "margin:4px}figure{display:inline-block;margin:0 8px 8px 0;text-align:center}"
        "figcaption{font-size:12px}</style></head><body>",
        "<h1>Document previews</h1>",
    ]
    for preview in previews:
        parts.append(f'<section id="{html.escape(preview.name)}">')
        parts.append(f"<h2>{html.escape(preview.name)}</h2><p>")
        parts.append(f'<a href="{rel(preview.pdf)}">PDF</a>')
        if preview.docx:
            parts.append(f' · <a href="{rel(preview.docx)}">DOCX</a>')
        parts.append(f" · {len(preview.pages)} pages</p>")
        for number, (page, thumb) in enumerate(
            zip(preview.pages, preview.thumbnails, strict=True), start=1
        ):
            parts.append(
                f'<figure><a href="{rel(page)}"><img src="{rel(thumb)}" '
                f'alt="{html.escape(preview.name)} page {number}"></a>'
                f"<figcaption>{number}</figcaption></figure>"
            )
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
