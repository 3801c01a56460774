"""The budget section's cover, contents, foreword and annexes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.errors import InputError
from reportgen.inputs.folder import LoadedDocument, named_file
from reportgen.inputs.models import Annex, BudgetData, Strict
from reportgen.inputs.yamlfile import load_yaml, read_text, validate
from reportgen.labels import Labels
from reportgen.layouts.numbering import inline_items
from reportgen.markup import RawParagraph, parse
from reportgen.model import (
    Block,
    Cell,
    Contents,
    Footnote,
    Heading,
    Inline,
    NoteRef,
    Paragraph,
    Row,
    Table,
    TablePart,
    Text,
)
from reportgen.numbers import NumberStyle
from reportgen.numerals import letter, numeral
from reportgen.tables.kit import Kit
from reportgen.templating import render


def cover(title: str, config: BudgetData, labels: Labels) -> list[Block]:
    """The title block: 2022 年拟议方案预算, 第四编 …, 第 16 款 …, 方案 13 …."""
    lines = [Paragraph([Text(title)], role="title")]
    pairs = [
        (config.part, "part", config.part_title),
        (config.section, "section", config.section_title),
        (config.programme, "programme", config.programme_title),
    ]
    for number, key, name in pairs:
        if number is None:
            continue
        shown = numeral(labels.get("budget.part_numerals"), number) if key == "part" else number
        lines.append(
            Paragraph([Text(labels.get(f"budget.cover.{key}").format(n=shown))], role="cover")
        )
        if name:
            lines.append(Paragraph([Text(name)], role="cover"))
    return lines


def foreword(
    doc: LoadedDocument,
    config: BudgetData,
    labels: Labels,
    style: NumberStyle,
    context: dict[str, Any],
    link: str,
    raw_yaml,
) -> list[Block]:
    """The signed, unnumbered foreword."""
    if not config.foreword:
        return []
    path = named_file(doc.folder, raw_yaml, config.foreword, ("budget", "foreword"))
    text = render(read_text(path), path, context, style)
    parsed = parse(text, path, link, items=inline_items(labels))
    blocks: list[Block] = [
        Heading(
            [Text(labels.get("budget.foreword"))],
            1,
            anchor="foreword",
            page_break_before=True,
            recto=True,
        )
    ]
    for block in parsed.blocks:
        if not isinstance(block, RawParagraph):
            raise InputError.one(path, "the foreword holds paragraphs only", line=block.line)
        blocks.append(Paragraph(block.content))
    blocks.extend(Paragraph([Text(line)], role="signature") for line in config.foreword_signature)
    return blocks


def contents(
    body: list[Block],
    annex_headings: list[Heading],
    config: BudgetData,
    labels: Labels,
    first_mark: int,
) -> tuple[Contents, list[Footnote]]:
    """目录/页次: the foreword, the parts with their **/*** notes, and the annexes."""
    entries: list[Heading] = []
    notes: list[Footnote] = []
    mark = first_mark
    for block in body:
        if not isinstance(block, Heading) or block.level != 1 or block.anchor.startswith("annex-"):
            continue
        content: list[Inline] = list(block.content)
        part = letter(block.count) if block.count else block.number.rstrip(".")  # A, B
        if part in config.part_notes:
            mark += 1
            note = Footnote([Text(config.part_notes[part])], mark="*" * mark, custom=True)
            notes.append(note)
            content.append(NoteRef(note))
        entries.append(Heading(content, 1, block.number, anchor=block.anchor))
    if annex_headings:
        entries.append(Heading([Text(labels.get("budget.annexes"))], 1))
        for index, heading in enumerate(annex_headings, start=1):
            number = numeral(labels.get("budget.annex_numerals"), index)
            shown = labels.get("heading_number").format(n=number)
            entries.append(Heading(heading.content, 2, shown, anchor=heading.anchor))
    return Contents(labels.get("contents"), labels.get("page"), entries), notes


class Recommendation(Strict):
    recommendation: str
    action: str


class Report(Strict):
    source: str
    items: list[Recommendation]


class Body(Strict):
    body: str
    reports: list[Report]


class Oversight(Strict):
    title: str | None = None
    columns: list[str]
    bodies: list[Body]


def annexes(
    doc: LoadedDocument, config: BudgetData, kit: Kit, link: str, raw_yaml
) -> tuple[list[Block], list[Heading]]:
    """Each annex: its heading (附件一 …) and its content, drawn from data."""
    blocks: list[Block] = []
    headings: list[Heading] = []
    yaml_path = doc.folder / "document.yaml"
    for index, annex in enumerate(config.annexes, start=1):
        heading = Heading(
            [Text(annex.title)],
            1,
            kit.word("annex", n=numeral(kit.word("annex_numerals"), index)),
            in_contents=False,
            anchor=f"annex-{index}",
            page_break_before=True,
        )
        headings.append(heading)
        blocks.append(heading)
        if annex.kind == "posts":
            blocks.extend(_posts_annex(kit))
        else:
            blocks.extend(_oversight_annex(doc, annex, link, yaml_path, raw_yaml, index))
    return blocks, headings


def _posts_annex(kit: Kit) -> list[Block]:
    """Posts by grade and source of funds for every component and subprogramme."""
    rows = []
    for component, sub in kit.budget.units():
        cells = [Cell(kit.unit_label(component, sub))]
        for fund in ("regular_budget", "extrabudgetary"):
            grades = kit.budget.posts(fund, component, sub).grades
            cells.append(
                Cell(
                    " ".join(f"{kit.count(n)} {kit.grade(g)}" for g, n in grades.items())
                    or kit.style.nil
                )
            )
        rows.append(Row(cells))
    columns = kit.labels.get("budget.annex_columns")
    header = [
        Row(
            [
                Cell(columns["unit"]),
                Cell(columns["regular_budget"]),
                Cell(columns["extrabudgetary"]),
            ],
            "header",
        )
    ]
    table = Table("", "", "", [TablePart(header, rows, [3, 3, 3], valign="top")])
    return [table, Paragraph([Text(kit.word("abbreviations"))], role="body")]


def _oversight_annex(
    doc, annex: Annex, link: str, yaml_path: Path, raw_yaml, index: int
) -> list[Block]:
    """Recommendations of the oversight bodies and the action taken, by body and report."""
    if not annex.data:
        raise InputError.one(
            yaml_path,
            "an oversight annex needs its `data` file",
            field=f"budget.annexes.{index - 1}.data",
        )
    path = named_file(doc.folder, raw_yaml, annex.data, ("budget", "annexes", index - 1, "data"))
    data = validate(Oversight, load_yaml(path), path)

    def inline(text: str) -> list[Inline]:
        parsed = parse(text, path, link)
        return parsed.blocks[0].content if parsed.blocks else []

    rows = []
    for body in data.bodies:
        rows.append(Row([Cell(body.body, colspan=2, bold=True)], "group"))
        for report in body.reports:
            source = inline(report.source)
            rows.append(Row([Cell("", colspan=2, content=source)], "group"))
            for item in report.items:
                rows.append(
                    Row(
                        [
                            Cell("", content=inline(item.recommendation)),
                            Cell("", content=inline(item.action)),
                        ]
                    )
                )
    header = [Row([Cell(c) for c in data.columns], "header")]
    blocks: list[Block] = []
    if data.title and data.title != annex.title:
        blocks.append(Paragraph([Text(data.title)], role="subtitle"))
    blocks.append(Table("", "", "", [TablePart(header, rows, [1, 1], valign="top")]))
    return blocks
