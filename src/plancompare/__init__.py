"""plancompare: compare Chinese draft regional development plans and consolidate review comments."""

from plancompare.model import Finding, Paragraph, Plan, PlanMeta, Section, SectionKind, Table

__all__ = ["Finding", "Paragraph", "Plan", "PlanMeta", "Section", "SectionKind", "Table"]
__version__ = "0.1.0"
