"""The proposed programme budget section: paragraphs numbered 16.1…, computed tables
placed by `{table …}` in the narrative and referred to by `{ref …}`.

Part B (resources) is built here from the budget data; part A, the cover, annexes
and charts are not rendered yet.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from reportgen.budget.figures import Budget
from reportgen.budget.load import load_budget
from reportgen.budget.tables_in import read_table
from reportgen.budget.views import budget_context
from reportgen.errors import InputError, Problem
from reportgen.inputs.folder import LoadedDocument, named_file
from reportgen.inputs.yamlfile import line_of, load_validated, load_yaml
from reportgen.labels import Labels, load_labels, number_style
from reportgen.layouts import budget_front
from reportgen.layouts.common import anchor_headings, assemble
from reportgen.layouts.narrative import read_narrative
from reportgen.layouts.numbering import (
    Numberer,
    NumberingRules,
    heading_styles,
    inline_items,
    number_footnotes,
    paragraph_anchor,
    sub_item_styles,
)
from reportgen.layouts.slips import unused_footnotes
from reportgen.markup import RawItem, RawList, RawParagraph, RawTable
from reportgen.model import Block, Document, NoteRef, Paragraph, Ref, Table, Text
from reportgen.numerals import numeral
from reportgen.tables import charts, facts, posts, resources
from reportgen.tables import plan as plan_tables
from reportgen.tables.kit import Kit

REF = re.compile(r"\{ref\s+([^{}]+?)\s*\}")
UNIT = re.compile(r"^([ABD])$|^C(\d+)$")


class TableMaker:
    """Builds the table a `{table NAME ARGS}` directive names."""

    def __init__(
        self,
        kit: Kit,
        organs: list,
        rates: list,
        source: Path,
        plan: plan_tables.PlanData | None = None,
        note_mark: str = "",
    ):
        self.kit = kit
        self.organs = organs
        self.rates = rates
        self.source = source
        self.plan = plan or plan_tables.PlanData()
        self.note_mark = note_mark

    def plan_item(self, raw: RawTable, kind: str):
        entries = getattr(self.plan, kind)
        key = raw.args[0] if raw.args else ""
        if key not in entries:
            close = difflib.get_close_matches(key, list(entries), n=1)
            raise InputError.one(
                raw.path or self.source,
                f"no {kind.rstrip('s')} `{key}` in the plan data",
                line=raw.line,
                hint=f"did you mean `{close[0]}`?"
                if close
                else "add it to a file listed under budget.plan_data",
            )
        return entries[key]

    def unit(self, raw: RawTable) -> tuple[str, int | None]:
        match = UNIT.match(raw.args[0]) if raw.args else None
        if not match or (
            match.group(2) and int(match.group(2)) not in self.kit.budget.subprogrammes
        ):
            raise InputError.one(
                self.source,
                f"table `{raw.key}` needs a unit: A, B, D or C1…C"
                f"{max(self.kit.budget.subprogrammes)}",
                line=raw.line,
            )
        return ("C", int(match.group(2))) if match.group(2) else (match.group(1), None)

    NAMES = (
        "by-object",
        "post-changes",
        "posts-by-grade",
        "by-component",
        "posts-by-component",
        "evolution",
        "policymaking-organs",
        "compliance",
        "unit-evolution",
        "unit-objects",
        "deliverables",
        "performance",
        "mandates",
    )

    def title(self, raw: RawTable) -> tuple[str, str]:
        k = self.kit
        if raw.name not in self.NAMES:
            close = difflib.get_close_matches(raw.name, self.NAMES, n=1)
            raise InputError.one(
                raw.path or self.source,
                f"unknown table `{raw.name}`",
                line=raw.line,
                hint=f"did you mean `{close[0]}`?" if close else "tables: " + ", ".join(self.NAMES),
            )
        if raw.name == "deliverables":
            return self.plan_item(raw, "deliverables").title, ""
        if raw.name == "performance":
            return k.word("titles.performance"), ""
        if raw.name == "mandates":
            return "", ""
        units = {
            "by-object": "thousands",
            "by-component": "thousands",
            "posts-by-grade": "posts",
            "posts-by-component": "posts",
            "evolution": "thousands_posts",
            "policymaking-organs": "thousands",
            "compliance": "percent",
            "post-changes": "",
        }
        if raw.name in units:
            unit = units[raw.name]
            return k.word(f"titles.{raw.name}", year=k.year), k.word(
                f"units.{unit}"
            ) if unit else ""
        component, sub = self.unit(raw)
        name = k.unit_name(component, sub)
        staff = k.budget.posts("regular_budget", component, sub)
        if raw.name == "unit-objects" or not (staff.approved or staff.proposed):
            return k.word("titles.unit-financial", unit=name), k.word("units.thousands")
        return k.word("titles.unit-evolution", unit=name), k.word("units.thousands_posts")

    def parts(self, raw: RawTable):
        k = self.kit
        simple = {
            "by-object": resources.by_object,
            "by-component": resources.by_component,
            "post-changes": posts.post_changes,
            "posts-by-grade": posts.posts_by_grade,
            "posts-by-component": posts.posts_by_component,
        }
        if raw.name in simple:
            return simple[raw.name](k)
        if raw.name == "evolution":
            return resources.evolution(k)
        if raw.name == "deliverables":
            return plan_tables.deliverables(k, self.plan_item(raw, "deliverables"))
        if raw.name == "performance":
            return plan_tables.performance(k, self.plan_item(raw, "performance"), self.note_mark)
        if raw.name == "mandates":
            return plan_tables.mandates(k, self.plan_item(raw, "mandates"))
        if raw.name == "policymaking-organs":
            return facts.policymaking_organs(k, self.organs)
        if raw.name == "compliance":
            return facts.compliance(k, self.rates)
        if raw.name in ("unit-evolution", "unit-objects"):
            component, sub = self.unit(raw)
            if raw.name == "unit-objects":
                return resources.unit_objects(k, component, sub)
            return resources.evolution(
                k, component, sub, percent=raw.options.get("percent", "yes") != "no"
            )
        raise InputError.one(
            self.source,
            f"unknown table `{raw.name}`",
            line=raw.line,
            hint="tables: "
            + ", ".join(
                sorted(
                    [
                        *simple,
                        "evolution",
                        "policymaking-organs",
                        "compliance",
                        "unit-evolution",
                        "unit-objects",
                    ]
                )
            ),
        )

    def make(self, raw: RawTable, label: str) -> Table:
        title, units = self.title(raw)
        notes = []
        if raw.name == "performance" and self.note_mark:
            if plan_tables.noted(self.plan_item(raw, "performance"), self.kit.year):
                notes.append([Text(f"{self.note_mark} {self.kit.performance_note}")])
        return Table(label, title, units, self.parts(raw), notes, anchor=target_anchor(raw))


NOTE_MARK = re.compile(r"\[\^([^\]]+)\]")


def _cite_in_cells(block, notes: dict, raw: RawTable):
    """`[^label]` in a table cell becomes a footnote reference to the narrative's note."""
    if not isinstance(block, Table):
        return block
    problems = []
    for part in block.parts:
        for row in part.header + part.body:
            for cell in row.cells:
                if "[^" not in cell.text:
                    continue
                content: list = []
                last = 0
                for m in NOTE_MARK.finditer(cell.text):
                    content.append(Text(cell.text[last : m.start()]))
                    if m.group(1) in notes:
                        content.append(NoteRef(notes[m.group(1)]))
                    else:
                        problems.append(
                            Problem(
                                raw.path or "narrative",
                                f"footnote [^{m.group(1)}] in table `{raw.key}` has no definition",
                                line=raw.line,
                                hint="define it in a body file: [^name]: text",
                            )
                        )
                    last = m.end()
                content.append(Text(cell.text[last:]))
                cell.content = [c for c in content if not isinstance(c, Text) or c.text]
                cell.text = "".join(c.text for c in content if isinstance(c, Text))
    if problems:
        raise InputError(problems)
    return block


def _place(raw: RawTable, maker: TableMaker, numbers: dict[str, str], labels: Labels):
    """The table or figure a directive stands for, with its caption number."""
    if raw.kind == "figure":
        spec = maker.plan_item(raw_figure_key(raw), "figures")
        label = f"{labels.get('budget.figure')} {numbers[raw.key]}"
        figure = charts.figure(maker.kit, spec, label, target_anchor(raw))
        if spec.note:
            text = maker.kit.performance_note if spec.note == "standard" else spec.note
            figure.notes.append(
                [Text(f"{maker.note_mark or labels.get('budget.note_mark')} {text}")]
            )
        return figure
    label = f"{labels.get('budget.table')} {numbers[raw.key]}" if raw.key in numbers else ""
    return maker.make(raw, label)


def raw_figure_key(raw: RawTable) -> RawTable:
    """`{figure KEY}` looked up like `{table figures KEY}`."""
    return RawTable("figures", (raw.name,), {}, raw.line, path=raw.path)


def _load_plan(doc: LoadedDocument, raw_yaml) -> plan_tables.PlanData:
    """Merge the plan-data files; a key defined twice is an error naming both files."""
    merged = plan_tables.PlanData()
    origin: dict[tuple[str, str], Path] = {}
    for index, name in enumerate(doc.meta.budget.plan_data):
        path = named_file(doc.folder, raw_yaml, name, ("budget", "plan_data", index))
        part = load_validated(plan_tables.PlanData, path)
        for kind in ("deliverables", "performance", "mandates", "figures"):
            for key, value in getattr(part, kind).items():
                if (kind, key) in origin:
                    raise InputError.one(
                        path,
                        f"{kind} `{key}` is defined in {origin[(kind, key)].name} too",
                        line=line_of(load_yaml(path), (kind, key)),
                        hint="rename one of them",
                    )
                origin[(kind, key)] = path
                getattr(merged, kind)[key] = value
    return merged


def _targets(
    blocks: list, config, labels: Labels, numbered: bool
) -> tuple[dict[str, str], dict[str, Ref]]:
    """The number of everything `{ref …}` can name: tables (16.30), figures (16.一) and
    labelled paragraphs (16.263), counted in document order as the layout numbers them;
    and a reference to each (its anchor and kind)."""
    numbers: dict[str, str] = {}
    anchors: dict[str, Ref] = {}
    tables = config.first_table - 1
    figures = config.first_figure - 1
    paragraphs = config.first_paragraph - 1
    figure_style = labels.get("budget.figure_numerals")
    sep = labels.get("section_separator")  # 16.30, or 16-30 in Arabic
    problems: list[Problem] = []
    for block in blocks:
        key = None
        if isinstance(block, RawTable) and block.kind == "table" and block.name == "mandates":
            continue  # mandate lists are laid out as tables but carry no number
        if isinstance(block, RawTable) and block.kind == "table":
            tables += 1
            key, number = block.key, f"{config.section}{sep}{tables}"
        elif isinstance(block, RawTable):
            figures += 1
            key, number = block.key, f"{config.section}{sep}{numeral(figure_style, figures)}"
        elif isinstance(block, RawParagraph) and block.numbered and numbered:
            paragraphs += 1
            if block.label:
                key, number = f"para {block.label}", f"{config.section}{sep}{paragraphs}"
        if key is None:
            continue
        kind = "paragraph" if isinstance(block, RawParagraph) else block.kind
        anchors[key] = Ref(number, target=target_anchor(block), kind=kind)
        if key in numbers:
            problems.append(
                Problem(
                    block.path or "narrative",
                    f"`{key}` is placed twice",
                    line=block.line,
                    hint="each table, figure and label once",
                )
            )
        numbers[key] = number
    if problems:
        raise InputError(problems)
    return numbers, anchors


def target_anchor(raw: RawTable | RawParagraph) -> str:
    """The anchor of a table, figure or labelled paragraph, which cross-references
    name."""
    if isinstance(raw, RawParagraph):
        return paragraph_anchor(raw.label)
    return f"fig-{raw.name}" if raw.kind == "figure" else f"tbl-{raw.key}"


def _resolve_refs(blocks: list, numbers: dict[str, str], anchors: dict[str, Ref]) -> None:
    """Replace `{ref KEY}` in every text by a cross-reference to its target (its number,
    as text, and the target's anchor); unknown keys are errors."""
    problems: list[Problem] = []
    source = None

    def unknown(key: str, line) -> None:
        close = difflib.get_close_matches(key, list(numbers), n=1)
        problems.append(
            Problem(
                source or "narrative",
                f"reference to unknown table, figure or paragraph `{key}`",
                line=line,
                hint=f"did you mean `{close[0]}`?"
                if close
                else "label a paragraph {label name}, refer to it {ref para name}",
            )
        )

    def fix(content, line):
        out = []
        for node in content:
            if not (isinstance(node, Text) and "{ref" in node.text):
                out.append(node)
                continue
            done = 0
            for m in REF.finditer(node.text):
                key = " ".join(m.group(1).split())
                if key not in numbers:
                    unknown(key, line)
                    continue
                out.append(Text(node.text[done : m.start()], node.bold, node.italic))
                target = anchors[key]
                out.append(Ref(numbers[key], node.bold, node.italic, target.target, target.kind))
                done = m.end()
            out.append(Text(node.text[done:], node.bold, node.italic))
        content[:] = [n for n in out if not (type(n) is Text and not n.text)]

    def walk(items, line):
        nonlocal source
        for item in items:
            if getattr(item, "path", None) is not None:
                source = item.path
            if isinstance(item, RawParagraph):
                fix(item.content, item.line)
            elif isinstance(item, RawList):
                walk(item.items, item.line)
            elif isinstance(item, RawItem):
                fix(item.content, line)
                walk(item.children, line)
            elif hasattr(item, "content"):
                fix(item.content, getattr(item, "line", line))

    walk(blocks, None)
    if problems:
        raise InputError(problems)


def _load_facts(doc: LoadedDocument, raw_yaml) -> tuple[list, list]:
    config = doc.meta.budget
    organs, rates = [], []
    if config.policymaking_organs:
        path = named_file(
            doc.folder, raw_yaml, config.policymaking_organs, ("budget", "policymaking_organs")
        )
        data = load_yaml(path) or []
        problems = []
        for index, item in enumerate(data):
            try:
                organs.append(facts.Organ.model_validate(dict(item)))
            except Exception as err:
                problems.append(
                    Problem(
                        path,
                        f"organ {index + 1}: {err}".splitlines()[0],
                        line=line_of(data, (index,)),
                    )
                )
        if problems:
            raise InputError(problems)
    if config.compliance:
        path = named_file(doc.folder, raw_yaml, config.compliance, ("budget", "compliance"))
        sheet = read_table(path, ("indicator", "year", "kind", "value"), ("year", "value"))
        rates = [
            facts.Rate(
                indicator=r["indicator"], year=int(r["year"]), kind=r["kind"], value=r["value"]
            )
            for r in sheet.rows
        ]
    return organs, rates


def _check_organs(budget: Budget, organs: list, source: Path, financial: str) -> None:
    """The organs' money must add up to component A in the financial data."""
    if not organs:
        return
    line = budget.line("regular_budget", "A")
    for field, total in (("appropriation", line.appropriation), ("estimate", line.estimate)):
        listed = sum(getattr(o, field) or 0 for o in organs)
        if abs(listed - total) > 0.5:
            raise InputError.one(
                source,
                f"the organs' {field} add up to {listed:,.0f} dollars but component A in "
                f"{financial} has {total:,.0f}",
                hint="correct one of the two files",
            )


def _control(
    doc: LoadedDocument, path: Path, budget: Budget, kit: Kit, numbers: dict[str, str]
) -> None:
    """Check the official control totals; fail unless the document says to warn only."""
    from reportgen.budget.control import check_control_totals
    from reportgen.warnings import warn

    def where(fund, component, sub, obj, measure) -> str:
        column = kit.word(f"columns.{'total' if measure == 'change' else measure}", year=kit.year)
        if obj:
            table, row = "by-object", kit.word(f"objects.{obj}")
        elif component:
            table = "by-component" if measure != "posts" else "posts-by-component"
            row = kit.unit_label(component, sub)
        else:
            table, row = "by-object", kit.word("rows.total")
        place = f"row {row}, column {column}"
        if table in numbers:
            return f"{kit.word('table')} {numbers[table]}, {place}"
        return place

    problems = check_control_totals(path, budget, where)
    if not problems:
        return
    if doc.meta.budget.control_totals_warn_only:
        for problem in problems:
            warn(str(problem))
        return
    raise InputError(problems)


def build(doc: LoadedDocument) -> Document:
    meta = doc.meta
    yaml_path = doc.folder / "document.yaml"
    if meta.budget is None:
        raise InputError.one(
            yaml_path,
            "a budget-section needs its `budget:` data block",
            field="budget",
            hint="see docs/input-format.md",
        )
    raw_yaml = doc.raw_yaml
    labels: Labels = load_labels(meta.language, yaml_path)
    style = number_style(labels, meta.style, meta.numbers, yaml_path)
    config = meta.budget

    def data_file(key: str) -> Path:
        return named_file(doc.folder, raw_yaml, getattr(config, key), ("budget", key))

    budget = load_budget(data_file("financial"), data_file("posts"), config.subprogrammes)
    organs, rates = _load_facts(doc, raw_yaml)
    if config.policymaking_organs:
        _check_organs(budget, organs, data_file("policymaking_organs"), config.financial)
    kit = Kit(budget, labels, style, config.year, config.performance_note or "")
    plan = _load_plan(doc, raw_yaml)

    context = {**doc.data, **budget_context(budget, labels, style)}
    words = labels.get("budget.words")
    link = meta.symbol_link or labels.get("symbol_link")
    raw = read_narrative(doc, context, style, link, words, inline_items(labels))

    numbers, anchors = _targets(raw.blocks, config, labels, meta.numbering.paragraphs)
    _resolve_refs(raw.blocks, numbers, anchors)
    if config.control_totals:
        _control(doc, data_file("control_totals"), budget, kit, numbers)
    note_mark = labels.get("budget.note_mark") if config.performance_note else ""
    maker = TableMaker(kit, organs, rates, doc.bodies[0].path, plan, note_mark)
    blocks = [
        _cite_in_cells(_place(b, maker, numbers, labels), raw.notes, b)
        if isinstance(b, RawTable)
        else b
        for b in raw.blocks
    ]

    n = meta.numbering
    rules = NumberingRules(
        paragraphs=n.paragraphs,
        prefix=n.prefix or f"{config.section}{labels.get('section_separator')}",
        headings=heading_styles(n.headings or ["letter", "none", "none", "none"], labels),
        heading_prefix=dict(n.heading_prefix),
        sub_items=sub_item_styles(n.sub_items, labels),
        sub_item=labels.get("sub_item"),
        heading_number=labels.get("heading_number"),
        first_paragraph=config.first_paragraph,
        heading_start=dict(n.heading_start),
    )
    body = Numberer(rules).blocks(blocks)
    body = budget_front.foreword(doc, config, labels, style, context, link, raw_yaml) + body
    annex_blocks, annex_headings = budget_front.annexes(doc, config, kit, link, raw_yaml)
    body += annex_blocks
    anchor_headings(body)
    front: list[Block] = budget_front.cover(meta.title, config, labels)
    if meta.subtitle:
        front.append(Paragraph([Text(meta.subtitle)], role="subtitle"))
    agenda_notes = sum(1 for s in meta.sessions if s.agenda.kind != "adopted" and s.agenda.symbol)
    listing, _ = budget_front.contents(body, annex_headings, config, labels, agenda_notes)
    listing.own_page = meta.contents_own_page
    front.append(listing)
    unused_footnotes(raw.notes, raw.defined_at, number_footnotes(front + body))
    titles = None
    if config.part and config.part_title and config.section_title:
        part = labels.get("budget.cover.part").format(
            n=numeral(labels.get("budget.part_numerals"), config.part)
        )
        section = labels.get("budget.cover.section").format(n=config.section)
        titles = (f"{part} {config.part_title}", f"{section} {config.section_title}")
    return assemble(meta, labels, style, front, body, titles)
