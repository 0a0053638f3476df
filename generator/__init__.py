"""Spec-first SDK generator: OpenAPI document in, typed Python client package out.

Pipeline: ``loader`` (YAML with line numbers, OpenAPI schema validation, ``$ref`` checks) →
``build`` (the intermediate model of ``ir``; ``build.types`` is the one schema-to-type pass) →
``render`` and ``models`` (Jinja2 templates, black) → an atomic write of the output.
"""

from .errors import SpecError, SpecErrors

__all__ = ["SpecError", "SpecErrors"]
