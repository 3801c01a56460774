"""Keep-with-next: headings, captions, table titles and units lines stay with the start of
what follows them.

platypus gathers flowables whose style says `keepWithNext` and the one after them into
its doc template's `keepTogetherClass`. reportlab's KeepTogether moves the whole group
to the next page when it does not fit, a long paragraph included, and leaves the rest of
the page blank. `KeepWithNext` moves the group only when the last flowable cannot be
split so that its first part fits under the kept ones (a paragraph splits with at least
two lines on each side, a table with its header and two rows: see TextBlock.split and
Grid.split); otherwise the kept flowables stay and the last one starts under them.
"""

from __future__ import annotations

from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import KeepTogether, _listWrapOn


class KeepWithNext(KeepTogether):
    def split(self, aW, aH):  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content[:]
        if self._H <= aH:
            return content  # all of it fits here
        frame = getattr(self, "_frame", None)
        if frame is None or getattr(frame, "_atTop", False):
            return content  # at the top of a page: nothing is gained by moving on
        *kept, last = content
        if not kept:
            return content
        kept_height = _listWrapOn(kept, aW, self.canv)[1]
        if kept_height < aH and self._first_part(frame, kept_height, last):
            return content  # the kept ones fit, and the start of the last one under them
        return [FrameBreak(), *content]

    def _first_part(self, frame, kept_height: float, last) -> bool:
        """Whether `last` splits so that a first part fits under `kept_height` points of
        kept flowables: asked of the frame itself, lowered by that height, so that the
        footnotes the part cites are given room as they will be."""
        if not hasattr(last, "split"):
            return False
        state = frame.__dict__
        y, at_top = state["_y"], state["_atTop"]
        state["_y"], state["_atTop"] = y - kept_height, 0
        try:
            parts = frame.split(last, self.canv)
        finally:
            state["_y"], state["_atTop"] = y, at_top
        return len(parts) >= 2
