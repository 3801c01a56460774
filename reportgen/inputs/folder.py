"""Loading a document folder into a validated input."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.errors import InputError
from reportgen.inputs.finding import DOCUMENT_FILE, find_documents
from reportgen.inputs.models import DocumentInput
from reportgen.inputs.yamlfile import line_of, load_yaml, plain, read_text, validate

__all__ = ["DOCUMENT_FILE", "LoadedDocument", "Source", "find_documents", "load_document"]


def inside(folder: Path, name: str, what: str, source: Path, line: int | None = None) -> Path:
    """A file named by an input, refused unless it lies inside the document folder."""
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise InputError.one(
            source,
            f"`{name}` must be a path inside the document folder",
            line=line,
            field=what,
            hint="give a relative path without `..`",
        )
    path = folder / candidate
    # refused before anything is read: where a link leads is known without opening it
    if not path.resolve().is_relative_to(folder.resolve()):
        raise InputError.one(
            source,
            f"`{name}` links to a file outside the document folder",
            line=line,
            field=what,
            hint="copy the file into the folder instead of linking to it",
        )
    if not path.is_file():
        raise InputError.one(
            source, f"file `{name}` not found in the document folder", line=line, field=what
        )
    return path


def named_file(folder: Path, raw_yaml: Any, name: str, where: tuple) -> Path:
    """The file that document.yaml names at `where` (a key path), checked by `inside`."""
    what = ".".join(str(key) for key in where if not isinstance(key, int))
    return inside(folder, name, what, folder / DOCUMENT_FILE, line_of(raw_yaml, where))


@dataclass
class Source:
    """One narrative file: where it is and its text."""

    path: Path
    text: str


@dataclass
class LoadedDocument:
    folder: Path
    meta: DocumentInput
    bodies: list[Source]
    data: dict[str, Any] = field(default_factory=dict)
    data_path: Path | None = None
    raw_yaml: Any = None  # document.yaml as parsed, with the lines named in messages

    @property
    def name(self) -> str:
        return self.folder.name


def load_document(folder: Path) -> LoadedDocument:
    yaml_path = folder / DOCUMENT_FILE
    if not yaml_path.is_file():
        raise InputError.one(
            yaml_path, "missing", hint="every document folder needs a document.yaml"
        )
    if not yaml_path.resolve().is_relative_to(folder.resolve()):
        raise InputError.one(
            yaml_path,
            "links to a file outside the document folder",
            hint="copy the file into the folder instead of linking to it",
        )
    raw = load_yaml(yaml_path)
    meta = validate(DocumentInput, raw, yaml_path)
    names = [meta.body] if isinstance(meta.body, str) else meta.body
    bodies = []
    for index, name in enumerate(names):
        where = ("body",) if isinstance(meta.body, str) else ("body", index)
        path = named_file(folder, raw, name, where)
        bodies.append(Source(path, read_text(path)))
    data: dict[str, Any] = {}
    data_path = None
    if meta.data:
        data_path = named_file(folder, raw, meta.data, ("data",))
        loaded = load_yaml(data_path)
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise InputError.one(data_path, "expected a mapping of names to figures")
        data = plain(loaded)
    return LoadedDocument(folder, meta, bodies, data, data_path, raw)
