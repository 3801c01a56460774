"""Reading a document's narrative files: Jinja2 first, then Markdown, in order."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reportgen.errors import InputError, Problem
from reportgen.inputs.folder import DOCUMENT_FILE, LoadedDocument, named_file
from reportgen.layouts.slips import typed_numbers
from reportgen.markup import ITEMS, Parsed, parse_now, remembered
from reportgen.model import Footnote
from reportgen.numbers import NumberStyle
from reportgen.templating import render


def read_narrative(
    doc: LoadedDocument,
    context: dict[str, Any],
    style: NumberStyle,
    link: str,
    words: dict[str, str] | None = None,
    items: tuple[str, str] = ITEMS,
) -> Parsed:
    """Every body file rendered and parsed; their blocks in order, their footnotes merged;
    inline sub-items `(@)` in the language's `items` (pattern, numerals)."""
    blocks: list = []
    notes: dict = {}
    defined_at: dict = {}
    problems = []
    for source in doc.bodies:
        try:
            text = render(source.text, source.path, context, style, words)
            what = f"body|{source.path}|{link}|{items}"
            parsed, defined = remembered(what, text, _parse_body, text, source.path, link, items)
        except InputError as err:  # report every file's mistakes together
            problems.extend(err.problems)
            continue
        twice = sorted(set(parsed.notes) & set(notes))
        if twice:
            raise InputError.one(
                source.path,
                f"footnote [^{twice[0]}] is defined in another body file too",
                hint="give each footnote a unique name",
            )
        typed_numbers(parsed.blocks, doc.meta.numbering.paragraphs)
        for match in DEFINITION.finditer(text):
            defined_at.setdefault(
                match.group(1), (source.path, text.count("\n", 0, match.start()) + 1)
            )
        blocks.extend(parsed.blocks)
        notes.update(parsed.notes)
        for label, note in defined.items():
            notes.setdefault(label, note)
    if problems:
        raise InputError(problems)
    return Parsed(blocks, notes, defined_at)


def _parse_body(text: str, path, link: str, items=ITEMS) -> tuple[Parsed, dict[str, Footnote]]:
    return parse_now(text, path, link, items=items), definitions(text, path, link, items)


DEFINITION = re.compile(r"^\[\^([^\]]+)\]:[ \t]*(.+)$", re.M)


def definitions(text: str, path, link: str, items=ITEMS) -> dict:
    """Every footnote defined in a file, cited in the text or not: tables cite them too."""
    found = {}
    for match in DEFINITION.finditer(text):
        at = text.count("\n", 0, match.start())
        parsed = parse_now(match.group(2), path, link, at, items)
        content = parsed.blocks[0].content if parsed.blocks else []
        found[match.group(1)] = Footnote(content)
    return found


def narrative_problems(folder: Path) -> list[Problem]:
    """The template and Markdown mistakes of a document whose document.yaml is wrong,
    so that a build reports them with the YAML's: the body files it names (else
    body.md), rendered with the data file it names in the default number style. Not
    for budget sections, whose templates need the validated budget data, nor when the
    data file is wrong (every name would then be undefined)."""
    from reportgen.inputs.yamlfile import load_yaml, plain, read_text

    try:
        raw = load_yaml(folder / DOCUMENT_FILE)
    except InputError:
        return []  # malformed: its own message says so
    if not isinstance(raw, dict) or raw.get("layout") == "budget-section":
        return []
    names = raw.get("body", "body.md")
    names = [names] if isinstance(names, str) else names
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return []
    data: dict[str, Any] = {}
    try:
        if isinstance(raw.get("data"), str):
            loaded = load_yaml(named_file(folder, raw, raw["data"], ("data",)))
            data = plain(loaded) if isinstance(loaded, dict) else {}
    except InputError as err:
        return err.problems
    problems: list[Problem] = []
    single = isinstance(raw.get("body", "body.md"), str)
    for index, name in enumerate(names):
        try:
            path = named_file(folder, raw, name, ("body",) if single else ("body", index))
            parse_now(render(read_text(path), path, data, NumberStyle()), path, "{symbol}")
        except InputError as err:
            problems.extend(err.problems)
    return problems
