"""Compare two builds of the same documents for review: paragraphs added, removed and
changed (character by character, which suits Chinese), table cells changed with their
table, row and column, and figures whose drawing changed."""

from __future__ import annotations

import difflib
import hashlib
import html
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reportgen.wordnumbers import WordNumbers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class Content:
    paragraphs: list[str] = field(default_factory=list)
    tables: dict[str, list[list[str]]] = field(default_factory=dict)  # label → rows
    headers: dict[str, list[str]] = field(default_factory=dict)  # label → column heads
    figures: dict[str, str] = field(default_factory=dict)  # label → hash of the picture


@dataclass
class Change:
    kind: str  # paragraph-added | paragraph-removed | paragraph-changed | cell | figure | table
    where: str
    old: str = ""
    new: str = ""
    inline: str = ""  # the changed text with [-removed-]{+added+} marks


@dataclass
class DocumentDiff:
    name: str
    changes: list[Change] = field(default_factory=list)


def _text(element) -> str:
    """An element's text as a reader sees it: tabs kept, a figure's no-break spaces as
    spaces."""
    text = "".join(
        t.text or "" if t.tag == f"{W}t" else "\t" for t in element.iter(f"{W}t", f"{W}tab")
    )
    return text.replace("\u00a0", " ")


def numbering_xml(doc) -> bytes | None:
    """The numbering part of a python-docx document, if it has one."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/numbering"):
            return rel.target_part.blob
    return None


def _cells(tr) -> list[str]:
    """A row's cell texts by grid column: a merged cell repeats its text once, then ""."""
    cells: list[str] = []
    for tc in tr.iter(f"{W}tc"):
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        cells.append(_text(tc).strip())
        cells.extend([""] * (int(span.get(f"{W}val")) - 1 if span is not None else 0))
    return cells


def read_docx(path: Path) -> Content:
    """The reviewable content of a DOCX written by reportgen."""
    from docx import Document as open_docx

    from reportgen.inputs.limits import MAX_DOCX_UNZIPPED
    from reportgen.inputs.zips import check_zip

    check_zip(path, MAX_DOCX_UNZIPPED, "a DOCX file", needs="word/document.xml")

    doc = open_docx(path)
    numbers = WordNumbers(numbering_xml(doc))
    content = Content()
    label = None  # the table the next grids belong to
    part = ""  # its part caption, "(2) 预算外"
    figure_label = None
    unnamed = 0
    for element in doc.element.body.iterchildren():
        if element.tag == f"{W}p":
            style = element.find(f"{W}pPr/{W}pStyle")
            style = style.get(f"{W}val") if style is not None else ""
            number = numbers.label(element)
            text = (number + "\t" if number else "") + _text(element)
            if style == "UNTableLabel":
                label, part = text, ""
                continue
            if style == "UNTableCaption":
                part = text.split(" ", 1)[0]
                continue
            if style == "UNFigureLabel":
                figure_label = text
                continue
            blip = element.find(f".//{A}blip")
            if blip is not None and figure_label:
                image = doc.part.related_parts[blip.get(f"{R}embed")]
                content.figures[figure_label] = hashlib.sha256(image.blob).hexdigest()[:12]
                figure_label = None
                continue
            if style in ("UNTableTitle", "UNTableUnits", "UNTableNote") or not text.strip():
                continue
            content.paragraphs.append(text)
            label = None
        elif element.tag == f"{W}tbl":
            if label is None:
                unnamed += 1
                label = f"unnumbered table {unnamed}"
            name = f"{label} {part}".strip()
            rows = content.tables.setdefault(name, [])
            heads = content.headers.setdefault(name, [])
            for tr in element.iter(f"{W}tr"):
                cells = _cells(tr)
                if tr.find(f"{W}trPr/{W}tblHeader") is None:
                    rows.append(cells)
                    continue
                for i, cell in enumerate(cells):
                    heads.extend([""] * (i + 1 - len(heads)))
                    heads[i] = f"{heads[i]} {cell}".strip() if cell else heads[i]
    return content


def inline_diff(old: str, new: str) -> str:
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(old[a1:a2])
        if op in ("delete", "replace"):
            out.append(f"[-{old[a1:a2]}-]")
        if op in ("insert", "replace"):
            out.append(f"{{+{new[b1:b2]}+}}")
    return "".join(out)


NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\.?\t")


def _where(texts: list[str], index: int) -> str:
    """A paragraph named by its own number where it has one (paragraph 16.263)."""
    found = NUMBER.match(texts[index]) if index < len(texts) else None
    return f"paragraph {found.group(1)}" if found else f"paragraph #{index + 1}"


def compare(name: str, old: Content, new: Content) -> DocumentDiff:
    result = DocumentDiff(name)
    changes = result.changes
    matcher = difflib.SequenceMatcher(None, old.paragraphs, new.paragraphs, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = old.paragraphs[a1:a2], new.paragraphs[b1:b2]
        paired = min(len(olds), len(news)) if op == "replace" else 0
        for i in range(paired):
            where = _where(new.paragraphs, b1 + i)
            changes.append(
                Change("paragraph-changed", where, olds[i], news[i], inline_diff(olds[i], news[i]))
            )
        for k, text in enumerate(olds[paired:], start=a1 + paired):
            changes.append(Change("paragraph-removed", _where(old.paragraphs, k), old=text))
        for k, text in enumerate(news[paired:], start=b1 + paired):
            changes.append(Change("paragraph-added", _where(new.paragraphs, k), new=text))
    for label in sorted(set(old.tables) | set(new.tables), key=_table_order):
        if label not in new.tables:
            changes.append(Change("table", label, old="present", new="removed"))
        elif label not in old.tables:
            changes.append(Change("table", label, old="absent", new="added"))
        else:
            changes.extend(
                _table_changes(
                    label, old.tables[label], new.tables[label], new.headers.get(label, [])
                )
            )
    for label in sorted(set(old.figures) | set(new.figures)):
        if old.figures.get(label) != new.figures.get(label):
            changes.append(
                Change(
                    "figure",
                    label,
                    old.figures.get(label, "absent"),
                    new.figures.get(label, "absent"),
                )
            )
    return result


def _table_order(label: str):
    number = label.split()[1].rsplit(".", 1)[-1] if label.startswith("表 ") else ""
    return (0, int(number), label) if number.isdigit() else (1, 0, label)


def _table_changes(
    label: str, old: list[list[str]], new: list[list[str]], heads: list[str]
) -> list[Change]:
    changes = []
    keys_old = [r[0] if r else "" for r in old]
    keys_new = [r[0] if r else "" for r in new]
    matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            for i, j in zip(range(a1, a2), range(b1, b2), strict=True):
                for c, (x, y) in enumerate(zip(old[i], new[j], strict=False)):
                    if x != y:
                        head = heads[c] if c < len(heads) and heads[c] else f"column {c + 1}"
                        changes.append(
                            Change(
                                "cell",
                                f"{label}, row {new[j][0] or j + 1}, column {head}",
                                x,
                                y,
                                inline_diff(x, y),
                            )
                        )
        else:
            for i in range(a1, a2):
                changes.append(
                    Change("cell", f"{label}, row {keys_old[i]}", " | ".join(old[i]), "(removed)")
                )
            for j in range(b1, b2):
                changes.append(
                    Change("cell", f"{label}, row {keys_new[j]}", "(added)", " | ".join(new[j]))
                )
    return changes


# -- reports -------------------------------------------------------------------------------


def as_text(diffs: list[DocumentDiff]) -> str:
    lines = []
    for diff in diffs:
        if not diff.changes:
            continue
        lines.append(f"== {diff.name}: {len(diff.changes)} changes")
        for c in diff.changes:
            if c.kind == "paragraph-changed":
                lines.append(f"~ {c.where}: {c.inline}")
            elif c.kind == "paragraph-added":
                lines.append(f"+ {c.where}: {c.new}")
            elif c.kind == "paragraph-removed":
                lines.append(f"- {c.where}: {c.old}")
            elif c.kind == "cell":
                lines.append(f"~ {c.where}: {c.old} → {c.new}")
            else:
                lines.append(f"~ {c.kind} {c.where}: {c.old} → {c.new}")
    return "\n".join(lines) + ("\n" if lines else "")


def as_markdown(diffs: list[DocumentDiff]) -> str:
    out = ["# Changes between the builds", ""]
    for diff in diffs:
        out.append(f"## {diff.name}: {len(diff.changes) or 'no'} changes")
        out.append("")
        for c in diff.changes:
            if c.kind == "cell":
                out.append(f"- **{c.where}**: `{c.old}` → `{c.new}`")
            elif c.kind == "paragraph-changed":
                out.append(f"- **{c.where}** changed: {c.inline}")
            elif c.kind == "paragraph-added":
                out.append(f"- **{c.where}** added: {c.new}")
            elif c.kind == "paragraph-removed":
                out.append(f"- **{c.where}** removed: {c.old}")
            else:
                out.append(f"- **{c.kind} {c.where}**: {c.old} → {c.new}")
        out.append("")
    return "\n".join(out)


def as_html(diffs: list[DocumentDiff]) -> str:
    def marked(text: str) -> str:
        text = html.escape(text)
        return (
            text.replace("[-", "<del>")
            .replace("-]", "</del>")
            .replace("{+", "<ins>")
            .replace("+}", "</ins>")
        )

    out = [
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Changes</title>'
        "<style>del{background:#fdd}ins{background:#dfd}</style></head><body>"
    ]
    for diff in diffs:
        out.append(f"<h2>{html.escape(diff.name)}: {len(diff.changes) or 'no'} changes</h2><ul>")
        for c in diff.changes:
            body = marked(c.inline) if c.inline else html.escape(f"{c.old} → {c.new}".strip(" →"))
            out.append(f"<li><b>{html.escape(c.kind)} {html.escape(c.where)}</b>: {body}</li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def as_json(diffs: list[DocumentDiff]) -> list[dict]:
    return [asdict(d) for d in diffs]
