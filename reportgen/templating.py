"""Jinja2, sandboxed and strict, with the UN number filters for narrative text.

A text without Jinja syntax is passed through as Jinja would render it, without
loading or compiling anything (Jinja is slow to import, and to compile long texts).
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen import cache
from reportgen.errors import InputError
from reportgen.inputs import limits
from reportgen.numbers import (
    NumberStyle,
    format_date,
    format_date_range,
    format_money,
    format_month_range,
    format_number,
    format_percent,
)
from reportgen.suggest import OWN_FILTERS, filter_hint, name_hint

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

CACHE_FORMAT = 2  # bump when the way templates are compiled changes
SYNTAX = ("{{", "{%", "{#")  # what starts a Jinja expression, statement or comment
NEWLINE = re.compile(r"\r\n|\r|\n")  # Jinja writes every line end as \n


def _defined(value: Any) -> Any:
    """`value`, unless it is a name the template does not define: then the error that
    names it (`{{ missing | num }}` is about `missing`, not about numbers)."""
    from jinja2 import Undefined

    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return value


def _as_number(value: Any, what: str) -> Decimal:
    value = _defined(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise ValueError(f"{what} needs a number, got {value!r}")
    try:
        return Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{what} needs a number, got {value!r}") from None


def _as_date(value: Any, what: str) -> dt.date:
    value = _defined(value)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{what} needs a date YYYY-MM-DD, got {value!r}") from None


def _as_month(value: Any, what: str) -> dt.date:
    """A month, as a date (its day ignored) or YYYY-MM."""
    value = _defined(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value.strip()):
        value = value.strip() + "-01"
    try:
        return _as_date(value, what)
    except ValueError:
        raise ValueError(f"{what} needs a month YYYY-MM or a date, got {value!r}") from None


class TemplateLimit(Exception):
    """A template went past one of the limits of `reportgen.inputs.limits`."""


_bounded_class = None


def _bounded():
    """The sandbox class, made once (it imports Jinja)."""
    global _bounded_class
    if _bounded_class is None:
        _bounded_class = _make_bounded()
    return _bounded_class


_PRINTF_WIDTH = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_WIDE = re.compile(r"\d{7,}")  # a width or precision of a million or more
_OWN_FILTERS = frozenset(OWN_FILTERS)


def _make_bounded():
    """Jinja's immutable sandbox (no `list.append` or `dict.update` from a template)
    that bounds whatever a template can make: texts and lists (`*`, `+`, `~`, `%`,
    str methods, filters, `namespace` and `{% set %}` blocks), integers (`*`, `**`),
    loop turns (`range`), with no `lipsum`. What it renders, its time and its memory
    are bounded in `render`."""
    import string

    from jinja2.compiler import CodeGenerator
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    from jinja2.utils import Namespace

    from reportgen.inputs.limits import (
        MAX_FILTER_WIDTH,
        MAX_LOOP_ITERATIONS,
        MAX_OUTPUT,
        MAX_POWER_BITS,
        MAX_STRING,
    )

    too_long = f"a text or list longer than {MAX_STRING} characters or items"

    def sized(value: Any) -> Any:
        if isinstance(value, (str, list, tuple, bytes)) and len(value) > MAX_STRING:
            raise TemplateLimit(too_long)
        return value

    def check_size(size: int) -> None:
        if size > MAX_STRING:
            raise TemplateLimit(too_long)

    def check_arguments(args: Any) -> None:
        for arg in args:
            if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_STRING:
                raise TemplateLimit(f"an argument above {MAX_STRING} (found {arg})")

    def check_printf(text: Any) -> None:
        if isinstance(text, str) and "%" in text:
            for width in _PRINTF_WIDTH.findall(text):
                if any(n == "*" or (n and len(n) > 6) for n in width):
                    raise TemplateLimit("a % format with a width of a million or more")

    def check_format(text: str) -> None:
        try:
            for _literal, _name, spec, _conv in string.Formatter().parse(text):
                if spec and (_WIDE.search(spec) or "{" in spec):
                    raise TemplateLimit("a format with a width of a million or more")
        except ValueError:
            pass  # str.format reports it

    def check_replace(text: Any, old: Any, new: Any) -> None:
        if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
            found = text.count(old) if old else len(text) + 1
            check_size(len(text) + found * len(new))

    def check_join(separator: Any, items: Any) -> Any:
        if not isinstance(items, (list, tuple, str, dict)):
            items = list(items)
        if isinstance(separator, str):
            check_size(len(separator) * max(len(items) - 1, 0))
        return items

    def times(left: Any, right: Any) -> Any:
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and n > 0:
                check_size(len(seq) * n)
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_POWER_BITS:
                raise TemplateLimit(f"a number of more than {MAX_POWER_BITS} bits")
        return left * right

    def power(left: Any, right: Any) -> Any:
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if (abs(left).bit_length() - 1) * right > MAX_POWER_BITS:
                raise TemplateLimit(f"a number of more than {MAX_POWER_BITS} bits")
        return left**right

    def plus(left: Any, right: Any) -> Any:
        if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            check_size(len(left) + len(right))
        return left + right

    def modulo(left: Any, right: Any) -> Any:
        check_printf(left)
        return sized(left % right)

    class BoundedNamespace(Namespace):
        """`namespace()`, the one thing a template keeps from one loop turn to the next."""

        def __setitem__(self, name: str, value: Any) -> None:
            super().__setitem__(name, sized(value))

    class BoundedCodeGenerator(CodeGenerator):
        """`a ~ b` is joined by the environment, which bounds the text it makes."""

        def visit_Concat(self, node, frame) -> None:
            self.write("environment.str_join((")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("))")

    def bounded_filter(name: str, f):
        skip = 1 if hasattr(f, "jinja_pass_arg") else 0  # the context Jinja passes first

        def bounded(*given: Any, **kwargs: Any) -> Any:
            args = given[skip:]
            values = (*args, *kwargs.values())
            text = next((a for a in args if isinstance(a, str)), None)
            if name in ("center", "indent", "wordwrap", "truncate", "batch", "slice"):
                for value in values[1:]:  # widths, fill and wrap strings
                    size = value if isinstance(value, int) else len(value or "")
                    if isinstance(value, (int, str)) and abs(size) > MAX_FILTER_WIDTH:
                        raise TemplateLimit(f"a {name} width above {MAX_FILTER_WIDTH}")
                if name in ("indent", "wordwrap") and text is not None:
                    check_size(len(text) + (text.count("\n") + 1) * MAX_FILTER_WIDTH)
            elif name == "format":
                check_printf(text)
            elif name == "replace" and len(args) >= 3:
                check_replace(*args[:3])
            elif name == "join" and args:
                separator = args[1] if len(args) > 1 else kwargs.get("d", "")
                args = (check_join(separator, args[0]), *args[1:])
            return sized(f(*given[:skip], *args, **kwargs))

        for attr in ("jinja_pass_arg",):  # @pass_context and the like keep their mark
            if hasattr(f, attr):
                setattr(bounded, attr, getattr(f, attr))
        return bounded

    class Loop:
        """Turns given by `range` in one rendering, all loops together."""

        def __init__(self) -> None:
            self.turns = 0

        def range(self, *args: int):
            for value in range(*args):
                self.turns += 1
                if self.turns > MAX_LOOP_ITERATIONS:
                    raise TemplateLimit(f"loops of more than {MAX_LOOP_ITERATIONS} turns in all")
                yield value

    class Bounded(ImmutableSandboxedEnvironment):
        code_generator_class = BoundedCodeGenerator
        intercepted_binops = frozenset({"*", "**", "+", "%"})
        default_binop_table = {
            **ImmutableSandboxedEnvironment.default_binop_table,
            "*": times,
            "**": power,
            "+": plus,
            "%": modulo,
        }

        def __init__(self, **kw: Any) -> None:
            super().__init__(**kw)
            self.loop = Loop()
            self.globals.pop("lipsum", None)  # 10 million words from one call
            self.globals["range"] = self.loop.range
            self.globals["namespace"] = BoundedNamespace
            self.filters = {
                name: f if name in _OWN_FILTERS else bounded_filter(name, f)
                for name, f in self.filters.items()
            }

        def str_join(self, parts: tuple) -> str:
            texts = [str(p) for p in parts]
            check_size(sum(map(len, texts)))
            return "".join(texts)

        def concat(self, parts) -> str:  # the output, {% set x %}…{% endset %}, macros
            texts = []
            size = 0
            for text in parts:
                size += len(text)
                if size > MAX_OUTPUT:
                    error = TemplateLimit(f"a text of more than {MAX_OUTPUT} characters")
                    if hasattr(parts, "throw"):  # raised where the template is, for its line
                        parts.throw(error)
                    raise error
                texts.append(text)
            return "".join(texts)

        def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, (str, list, tuple)):  # 'x'.ljust(10**10), 'x'.zfill(…)
                check_arguments((*args, *kwargs.values()))
                name = getattr(__obj, "__name__", "")
                if name == "replace" and len(args) >= 2:
                    check_replace(owner, args[0], args[1])
                elif name == "join" and args and isinstance(owner, str):
                    args = (check_join(owner, args[0]), *args[1:])
            return sized(super().call(__context, __obj, *args, **kwargs))

        def wrap_str_format(self, value: Any):  # 'x'.format(…), 'x'.format_map(…)
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            text = value.__self__

            def checked(*args: Any, **kwargs: Any) -> str:
                check_format(text)
                check_arguments((*args, *kwargs.values()))
                return sized(wrapped(*args, **kwargs))

            return checked

    return Bounded


def environment(style: NumberStyle, words: dict[str, str] | None = None) -> SandboxedEnvironment:
    from jinja2 import StrictUndefined

    # a text is rendered once: folding its constants ahead costs more than it saves
    env = _bounded()(
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

    def month_range(start: Any, end: Any) -> str:
        """Whole months: 2012 年 7 月至 12 月, July–December 2012."""
        first, last = _as_month(start, "month_range"), _as_month(end, "month_range")
        return format_month_range(first, last, style)

    def paren(value: Any) -> str:
        """Wrap in the prose parentheses of the document's style: （2.8%） or (2.8%)."""
        value = _defined(value)
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
    env.globals.update(date_range=date_range, month_range=month_range)
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
        with _time_and_memory():
            return compiled(env, source).render(**data)
    except TemplateLimit as err:
        raise InputError.one(
            path, f"template too large: {err}", line=_template_line(err), hint=_LIMIT_HINT
        ) from None
    except MemoryError as err:
        raise InputError.one(
            path,
            f"template too large: it needs more than {limits.MAX_RENDER_MEMORY // limits.MB} MB",
            line=_template_line(err),
            hint=_LIMIT_HINT,
        ) from None
    except RecursionError as err:
        raise InputError.one(
            path,
            "template: calls nested too deeply (does a macro call itself?)",
            line=_template_line(err),
        ) from None
    except TemplateSyntaxError as err:
        hint = filter_hint(err.message or "", list(env.filters))
        raise InputError.one(
            path, f"template syntax: {err.message}", line=err.lineno, hint=hint
        ) from None
    except UndefinedError as err:
        raise InputError.one(
            path,
            f"template: {err.message}",
            line=_template_line(err),
            hint=name_hint(err.message or "", data, ["date_range", "month_range"]),
        ) from None
    except SecurityError as err:
        raise InputError.one(
            path, f"template not allowed: {err}", line=_template_line(err)
        ) from None
    except (TemplateError, ValueError, TypeError, ArithmeticError) as err:
        raise InputError.one(path, f"template: {err}", line=_template_line(err)) from None


_LIMIT_HINT = "a narrative template writes text; compute large tables in the data files"


@contextmanager
def _time_and_memory():
    """A rendering is stopped after `MAX_RENDER_SECONDS` (in the main thread, where a
    signal can be delivered) and may add at most `MAX_RENDER_MEMORY` of address space
    (Linux): a template that loops or grows without end is an input error, not a hang."""
    import signal
    import threading

    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if timer:

        def expire(signum, frame):
            raise TemplateLimit(f"rendering took more than {limits.MAX_RENDER_SECONDS:g} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, limits.MAX_RENDER_SECONDS)
    memory = _limit_memory()
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        if memory is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, memory)


def _limit_memory() -> tuple[int, int] | None:
    """Lower the address-space limit to what the process uses now plus
    `MAX_RENDER_MEMORY`; the limit before, to restore (None where not possible)."""
    try:
        import resource

        with open("/proc/self/statm", "rb") as f:
            used = int(f.read().split()[0]) * resource.getpagesize()
        before = resource.getrlimit(resource.RLIMIT_AS)
        wanted = used + limits.MAX_RENDER_MEMORY
        soft, hard = before
        if soft != resource.RLIM_INFINITY and soft <= wanted:
            return None
        if hard != resource.RLIM_INFINITY and hard < wanted:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
        return before
    except (ImportError, OSError, ValueError):
        return None


def compiled(env: SandboxedEnvironment, source: str):
    """The template of `source`, its Python code compiled once and kept in reportgen's
    cache (`reportgen.cache`, folder `templates`): compiling part B of a budget section
    costs more than rendering it. The key is the source, Jinja's and Python's versions
    and the environment's settings, so a changed text is compiled anew."""
    import marshal
    import sys
    import types

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
        if not isinstance(code, types.CodeType):  # an entry holding something else: a miss
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
