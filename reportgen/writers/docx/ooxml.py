"""Property elements in the order the WordprocessingML schema wants them.

Callers give a property container its children in any order, by local name; these
helpers write them in the schema's sequence (ECMA-376 Part 1, §17.3.1.26 pPr, §17.3.2.28
rPr, §17.7.2 style), so an element added later can never land in the wrong place.
"""

from __future__ import annotations

# CT_PPrBase, then pPr's own rPr and sectPr
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
# CT_RPr (EG_RPrBase)
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
# CT_Style
STYLE_ORDER = (
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr "
    "tblPr trPr tcPr tblStylePr"
).split()
_RANK = {
    "pPr": {name: i for i, name in enumerate(PPR_ORDER)},
    "rPr": {name: i for i, name in enumerate(RPR_ORDER)},
    "style": {name: i for i, name in enumerate(STYLE_ORDER)},
}


def ordered(container: str, children: dict[str, str]) -> str:
    """The children (local name → XML) of a `container` ("pPr", "rPr", "style") in
    schema order; empty values are left out."""
    rank = _RANK[container]
    unknown = set(children) - set(rank)
    if unknown:
        raise ValueError(f"not a child of w:{container}: {', '.join(sorted(unknown))}")
    return "".join(xml for _, xml in sorted(children.items(), key=lambda kv: rank[kv[0]]) if xml)


def ppr(children: dict[str, str]) -> str:
    """A w:pPr, or nothing when it would be empty."""
    inner = ordered("pPr", children)
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


def rpr(children: dict[str, str]) -> str:
    """A w:rPr, or nothing when it would be empty."""
    inner = ordered("rPr", children)
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def twips(points: float) -> int:
    return round(points * 20)


def tabs(*stops: tuple[str, float, str]) -> str:
    """w:tabs from (kind, position in points, leader) triples; kind "clear" removes an
    inherited stop at that position."""
    out = []
    for kind, position, leader in stops:
        lead = f' w:leader="{leader}"' if leader else ""
        out.append(f'<w:tab w:val="{kind}"{lead} w:pos="{twips(position)}"/>')
    return f"<w:tabs>{''.join(out)}</w:tabs>"
