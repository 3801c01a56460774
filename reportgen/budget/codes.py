"""The fixed vocabulary of budget data: funds, components, objects, grades.

Codes are language-neutral; their printed names come from the language file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.labels import Labels

FUNDS = ("regular_budget", "extrabudgetary")
COMPONENTS = ("A", "B", "C", "D")
OBJECTS = (
    "posts",
    "other_staff_costs",
    "hospitality",
    "consultants",
    "experts",
    "travel_of_representatives",
    "travel_of_staff",
    "contractual_services",
    "general_operating_expenses",
    "supplies_and_materials",
    "furniture_and_equipment",
    "grants_and_contributions",
    "other",
)
GRADES = (
    "USG",
    "ASG",
    "D-2",
    "D-1",
    "P-5",
    "P-4",
    "P-3",
    "P-2/1",
    "GS (PL)",
    "GS (OL)",
    "NPO",
    "LL",
)
CATEGORIES = {
    "professional": ("USG", "ASG", "D-2", "D-1", "P-5", "P-4", "P-3", "P-2/1"),
    "general_service": ("GS (PL)", "GS (OL)", "LL"),
    "national_professional": ("NPO",),
}
AMOUNTS = ("expenditure", "appropriation", "technical", "new_mandates", "other")
# What a resource line derives from its amounts (see figures.Line).
DERIVED = ("change", "estimate")
CHANGES = ("technical", "new_mandates", "other")
POST_COUNTS = ("approved", "technical", "new_mandates", "other")
FINANCIAL_COLUMNS = ("fund", "component", "subprogramme", "object", *AMOUNTS)
POST_COLUMNS = ("fund", "component", "subprogramme", "grade", *POST_COUNTS)


def grade_name(labels: Labels, code: str) -> str:
    """A grade as the language's budget sections print it (`budget.grades` of the language
    file: USG → SGA in French); a code the file does not name prints as it is."""
    return labels.get("budget.grades").get(code, code)
