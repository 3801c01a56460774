"""Errors that name a place in the input and tell the user how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Problem:
    """One mistake in an input: where it is, what is wrong, how to fix it."""

    file: Path | str
    message: str
    line: int | None = None
    field: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        place = str(self.file)
        if self.line is not None:
            place += f":{self.line}"
        if self.field:
            place += f": {self.field}"
        text = f"{place}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(Exception):
    """Bad input; carries every problem found in one document, at most
    `MAX_PROBLEMS_PER_FILE` for each file: the rest are counted in one more line
    ("… and 999 950 more"), as are those a reader stopped collecting (`omitted`)."""

    exit_code = 2

    def __init__(self, problems: list[Problem], omitted: dict[str, int] | None = None):
        self.problems = capped(problems, omitted)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        """Pickled with its problems (the PDF process hands its errors to the parent)."""
        return (type(self), (self.problems,))

    @classmethod
    def one(cls, file: Path | str, message: str, **kw) -> InputError:
        return cls([Problem(file, message, **kw)])


def capped(problems: list[Problem], omitted: dict[str, int] | None = None) -> list[Problem]:
    """`problems`, at most `MAX_PROBLEMS_PER_FILE` for each file, then one line per file
    counting the rest (and the `omitted` ones: file → how many)."""
    from reportgen.inputs.limits import MAX_PROBLEMS_PER_FILE

    kept: list[Problem] = []
    more: dict[str, int] = dict(omitted or {})
    seen: dict[str, int] = {}
    for problem in problems:
        file = str(problem.file)
        if isinstance(problem, More):  # capped before: counted again, not shown twice
            more[file] = more.get(file, 0) + problem.count
            continue
        seen[file] = seen.get(file, 0) + 1
        if seen[file] <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
        else:
            more[file] = more.get(file, 0) + 1
    for file, count in more.items():
        if count:
            kept.append(More(file, f"… and {count:,} more".replace(",", " "), count=count))
    return kept


@dataclass
class More(Problem):
    """The line that counts a file's problems past the ones shown."""

    count: int = 0


class Collector:
    """Problems gathered while reading one large input: past `MAX_PROBLEMS_PER_FILE`
    for a file, only a count is kept (a million bad rows make one more line, not a
    million objects)."""

    def __init__(self) -> None:
        from reportgen.inputs.limits import MAX_PROBLEMS_PER_FILE

        self.limit = MAX_PROBLEMS_PER_FILE
        self.problems: list[Problem] = []
        self.omitted: dict[str, int] = {}
        self._seen: dict[str, int] = {}

    def full(self, file: Path | str) -> bool:
        """Whether another problem of `file` would only be counted."""
        return self._seen.get(str(file), 0) >= self.limit

    def append(self, problem: Problem) -> None:
        file = str(problem.file)
        self._seen[file] = self._seen.get(file, 0) + 1
        if self._seen[file] <= self.limit:
            self.problems.append(problem)
        else:
            self.omitted[file] = self.omitted.get(file, 0) + 1

    def count(self, file: Path | str) -> None:
        """One more problem of `file`, counted without being made."""
        self._seen[str(file)] = self._seen.get(str(file), 0) + 1
        self.omitted[str(file)] = self.omitted.get(str(file), 0) + 1

    def __bool__(self) -> bool:
        return bool(self.problems)

    def error(self) -> InputError:
        return InputError(self.problems, self.omitted)
