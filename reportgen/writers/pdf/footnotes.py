"""Footnotes at the foot of the page that cites them.

A paragraph carries the footnotes it cites (`TextBlock.notes`). The frame
reserves room at its bottom for the notes of every flowable it accepts, so the
body never runs into them; the page template draws them when the page ends.
"""

from __future__ import annotations

from reportlab.platypus.frames import Frame

from reportgen.model import Footnote
from reportgen.writers.pdf.tags import artifact

SEPARATOR_GAP = 9.0  # space above the short rule and between rule and notes
RULE_WIDTH = 85.0  # ≈ 3 cm


def notes_of(flowable) -> list[Footnote]:
    """The footnotes a flowable (or anything it contains) cites; a table's are
    gathered once."""
    cached = getattr(flowable, "_rg_notes", None)
    if cached is not None:
        return cached
    found = list(getattr(flowable, "notes", ()) or ())
    for attr in ("_content", "_flowables"):
        for child in getattr(flowable, attr, ()) or ():
            found.extend(notes_of(child))
    cells = getattr(flowable, "_cellvalues", None)
    if cells:
        for row in cells:
            for cell in row:
                for child in cell if isinstance(cell, (list, tuple)) else [cell]:
                    found.extend(notes_of(child))
        flowable._rg_notes = found
    return found


class FootnoteFrame(Frame):
    """A frame that shrinks from the bottom to make room for the page's footnotes."""

    def __init__(self, *args, note_flowable=None, **kw):
        self.note_flowable = note_flowable  # note → flowable to draw it
        self.placed: list[tuple[Footnote, object, float]] = []
        super().__init__(*args, **kw)

    def __deepcopy__(self, memo):
        """reportlab deep-copies the current frame to measure kept-together flowables;
        the copy shares the note maker and the notes instead of copying the document."""
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.__dict__["placed"] = list(self.placed)
        return clone

    def _reset(self):
        super()._reset()
        self.__dict__["placed"] = []
        self._geom()

    def _reserve(self, notes: list[Footnote]) -> tuple[float, list]:
        new = []
        seen = {id(n) for n, _, _ in self.placed}
        for note in notes:
            if id(note) not in seen:
                seen.add(id(note))
                flow = self.note_flowable(note)
                _, h = flow.wrap(self._aW, 10_000)
                new.append((note, flow, h))
        extra = sum(h for _, _, h in new)
        if new and not self.placed:
            extra += 2 * SEPARATOR_GAP
        return extra, new

    def add(self, flowable, canv, trySplit=0):
        notes = notes_of(flowable)
        if not notes:
            return Frame._add(self, flowable, canv, trySplit)
        extra, new = self._reserve(notes)
        saved = self._y1p
        self.__dict__["_y1p"] = saved + extra
        ok = Frame._add(self, flowable, canv, trySplit)
        if ok:
            self.placed.extend(new)
        else:
            self.__dict__["_y1p"] = saved
        return ok

    def split(self, flowable, canv):
        notes = notes_of(flowable)
        if not notes:
            return Frame.split(self, flowable, canv)
        # room for the first note, then for every note the first part turns out to cite
        wanted = notes[:1]
        for _attempt in range(len(notes)):
            extra = self._reserve(wanted)[0]
            saved = self._y1p
            self.__dict__["_y1p"] = saved + extra
            try:
                parts = Frame.split(self, flowable, canv)
            finally:
                self.__dict__["_y1p"] = saved
            cited = notes_of(parts[0]) if parts else []
            if not parts or self._reserve(cited)[0] <= extra:
                return parts
            wanted = cited
        return parts

    def draw_notes(self, canv) -> None:
        """Draw the page's notes at the bottom of the frame, under a short rule."""
        if not self.placed:
            return
        y = self._y1 + self._bottomPadding
        total = sum(h for _, _, h in self.placed)
        top = y + total
        x = self._x1 + self._leftPadding
        with artifact(canv):  # the rule above the notes
            canv.saveState()
            canv.setLineWidth(0.5)
            start = x  # at the start of the line: the right in a right-to-left document
            if canv.__dict__.get("_rg_rtl"):
                start = x + self._aW - RULE_WIDTH
            canv.line(
                start, top + SEPARATOR_GAP * 0.8, start + RULE_WIDTH, top + SEPARATOR_GAP * 0.8
            )
            canv.restoreState()
        for _, flow, h in self.placed:
            top -= h
            flow.drawOn(canv, x, top)
