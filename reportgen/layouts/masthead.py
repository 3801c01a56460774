"""The UN first page: symbol, distribution, date, language lines, session blocks."""

from __future__ import annotations

from reportgen.inputs.models import DocumentInput, Session
from reportgen.labels import Labels, load_labels
from reportgen.model import AgendaBlock, Footnote, Inline, Masthead, NoteRef, Text
from reportgen.numbers import NumberStyle, format_date, format_date_range, masthead_date
from reportgen.numerals import SESSION_ORDINALS as ORDINALS


def join_items(items: list[str], labels: Labels) -> str:
    joiner = labels.get("masthead.items_joiner")
    if len(items) == 1:
        return items[0]
    return labels.get("masthead.items_separator").join(items[:-1]) + joiner + items[-1]


def item_word(count: int, labels: Labels) -> str:
    """The word before the agenda items: Item or Items, and the dual (البندان) where the
    language has one."""
    words = labels.get("masthead.item_words")
    if count == 2 and "two" in words:
        return words["two"]
    return words["one"] if count == 1 else words["many"]


def agenda_line(
    session: Session, mark: str, labels: Labels
) -> tuple[list[Inline], Footnote | None]:
    """「临时议程*项目 4(a)」 with the * as a footnote reference citing the agenda."""
    agenda = session.agenda
    pattern = labels.get(f"masthead.agenda.{agenda.kind}")
    items = join_items(agenda.items, labels)
    pattern = pattern.replace("{item}", item_word(len(agenda.items), labels))
    note = None
    if agenda.kind != "adopted" and agenda.symbol:
        text = labels.get("masthead.agenda_note").format(symbol=agenda.symbol)
        note = Footnote([Text(text)], mark=mark, custom=True)
    before, _, after = pattern.partition("{mark}")
    line: list[Inline] = [Text(before.format(items=items))]
    if note is not None:
        line.append(NoteRef(note))
    line.append(Text(after.format(items=items)))
    return [x for x in line if not (isinstance(x, Text) and not x.text)], note


RANGE_PATTERNS = ("date_range_month", "date_range", "date_range_years")


def session_ordinal(session: Session, labels: Labels, series: str = "") -> str:
    """The session's ordinal as the language numbers the sessions of the document's organ:
    `masthead.ordinal` names one style, or one per symbol series with a default
    ({A: spanish-words, default: spanish}: the General Assembly's sessions in words)."""
    style = labels.get("masthead.ordinal")
    if isinstance(style, dict):
        style = style.get(series, style["default"])
    return ORDINALS[style](session.session)


def session_block(
    session: Session, mark: str, labels: Labels, style: NumberStyle, series: str = ""
) -> AgendaBlock:
    ordinal = session_ordinal(session, labels, series)
    dates_place = ""
    if session.dates and session.place:
        start, end = session.dates[0], session.dates[-1]
        if start != end:  # the masthead's own range forms (Vienne, 14-18 mars 2022)
            patterns = {key: labels.get(f"masthead.{key}") for key in RANGE_PATTERNS}
            dates = format_date_range(start, end, style, patterns)
        else:
            dates = format_date(start, style)
        dates_place = labels.get("masthead.dates_place").format(dates=dates, place=session.place)
    line, _ = agenda_line(session, mark, labels)
    return AgendaBlock(
        body=session.body or "",
        session=labels.get("masthead.session").format(ordinal=ordinal),
        dates_place=dates_place,
        agenda_line=line,
        item_titles=list(session.item_titles),
    )


def masthead(meta: DocumentInput, labels: Labels, style: NumberStyle) -> Masthead:
    organs = labels.get("masthead.organs")
    series = meta.symbols[0].split("/")[0]
    original = labels.get("original")
    language_lines = []
    if meta.original_language and meta.original_language != labels.get("name"):
        language_lines = [labels.get("name"), original.format(language=meta.original_language)]
    elif meta.original_language:
        language_lines = [original.format(language=meta.original_language)]
    kinds = labels.get("distribution_kinds")  # "Distr. générale" in French
    kind = kinds.get(meta.distribution, meta.distribution)
    if labels.get("masthead.date_language") == "own":  # French, Spanish: 10 janvier 2022
        date = format_date(meta.date, style)
    else:  # English in the other versions: 10 January 2022
        date = masthead_date(meta.date, load_labels("en").get("numbers.months"))
    sessions = []
    marks = 0
    for session in meta.sessions:
        has_note = session.agenda.kind != "adopted" and bool(session.agenda.symbol)
        marks += has_note
        sessions.append(session_block(session, "*" * marks, labels, style, series))
    return Masthead(
        organization=labels.get("masthead.organization"),
        organ=organs.get(series, ""),
        symbols=list(meta.symbols),
        distribution=labels.get("distribution").format(kind=kind),
        date=date,
        language_lines=language_lines,
        sessions=sessions,
        sessions_side_by_side=meta.sessions_layout == "side-by-side" and len(sessions) == 2,
    )
