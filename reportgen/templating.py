"""Jinja2, sandboxed and strict, with the UN number filters for narrative text.

A text without Jinja syntax is passed through as Jinja would render it, without
loading or compiling anything (Jinja is slow to import, and to compile long texts).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen import cache
from reportgen.errors import InputError
from reportgen.numbers import (
    NumberStyle,
    format_date,
    format_date_range,
    format_money,
    format_number,
    format_percent,
)

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

CACHE_FORMAT = 1  # bump when the way templates are compiled changes
SYNTAX = ("{{", "{%", "{#")  # what starts a Jinja expression, statement or comment
NEWLINE = re.compile(r"\r\n|\r|\n")  # Jinja writes every line end as \n


def _as_number(value: Any, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise ValueError(f"{what} needs a number, got {value!r}")
    try:
        return Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{what} needs a number, got {value!r}") from None


def _as_date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{what} needs a date YYYY-MM-DD, got {value!r}") from None


def environment(style: NumberStyle, words: dict[str, str] | None = None) -> SandboxedEnvironment:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    # a text is rendered once: folding its constants ahead costs more than it saves
    env = SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True, optimized=False
    )

    def num(value: Any, places: int = 0) -> str:
        return format_number(_as_number(value, "num"), places, style)

    def usd(value: Any, places: int | None = None) -> str:
        return format_money(_as_number(value, "usd"), style, places)

    def pct(value: Any, places: int = 0) -> str:
        return format_percent(_as_number(value, "pct"), style, places)

    def date(value: Any) -> str:
        return format_date(_as_date(value, "date"), style)

    def date_range(start: Any, end: Any) -> str:
        return format_date_range(_as_date(start, "date_range"), _as_date(end, "date_range"), style)

    def paren(value: Any) -> str:
        """Wrap in the prose parentheses of the document's style: （2.8%） or (2.8%)."""
        return f"（{value}）" if style.prose_parens == "full" else f"({value})"

    def change_word(value: Any, net: bool = False) -> str:
        """增加 / 减少 (or 净增加 / 净减少) by the sign of a change; 不变 when nil."""
        if not words:
            raise ValueError("change_word needs the language's budget words")
        number = _as_number(value, "change_word")
        if number == 0:
            return words["unchanged"]
        kind = "increase" if number > 0 else "decrease"
        return words[f"net_{kind}" if net else kind]

    env.filters.update(num=num, usd=usd, pct=pct, date=date, paren=paren, change_word=change_word)
    env.globals.update(date_range=date_range)
    return env


def render(
    source: str,
    path: Path,
    data: dict[str, Any],
    style: NumberStyle,
    words: dict[str, str] | None = None,
) -> str:
    """Render a narrative template; every failure names the template file and line."""
    if not any(mark in source for mark in SYNTAX):
        return NEWLINE.sub("\n", source)
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    env = environment(style, words)
    try:
        return compiled(env, source).render(**data)
    except TemplateSyntaxError as err:
        raise InputError.one(path, f"template syntax: {err.message}", line=err.lineno) from None
    except UndefinedError as err:
        raise InputError.one(
            path,
            f"template: {err.message}",
            line=_template_line(err),
            hint="define it in the data file or correct the name",
        ) from None
    except SecurityError as err:
        raise InputError.one(
            path, f"template not allowed: {err}", line=_template_line(err)
        ) from None
    except (TemplateError, ValueError, TypeError, ArithmeticError) as err:
        raise InputError.one(path, f"template: {err}", line=_template_line(err)) from None


def compiled(env: SandboxedEnvironment, source: str):
    """The template of `source`, its Python code compiled once and kept in reportgen's
    cache (`reportgen.cache`, folder `templates`): compiling part B of a budget section
    costs more than rendering it. The key is the source, Jinja's and Python's versions
    and the environment's settings, so a changed text is compiled anew."""
    import marshal
    import sys

    import jinja2

    settings = f"{CACHE_FORMAT}|{jinja2.__version__}|{sys.version}|{type(env).__name__}"
    settings += f"|{env.optimized}|{env.keep_trailing_newline}|{env.autoescape}"
    settings += f"|{sorted(env.filters)}|{sorted(env.globals)}"  # names checked when compiled
    entry = cache.entry("templates", f"{settings}\0{source}", ".marshal")
    code = None
    stored = cache.read(entry)
    if stored is not None:
        try:
            code = marshal.loads(stored)
        except (EOFError, ValueError, TypeError):
            code = None
    if code is None:
        code = env.compile(source)  # a syntax error is raised here, never stored
        cache.write(entry, marshal.dumps(code))
    return env.template_class.from_code(env, code, env.make_globals(None))


def _template_line(err: BaseException) -> int | None:
    """The template line of a render-time error, from the traceback's template frames."""
    tb = err.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
