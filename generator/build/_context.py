"""What every part of the builder shares: the document, the config and the problems found so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..config import Config
from ..errors import SpecError
from ..loader import Document
from ..rules import rule_of
from ..spec import Spec, read_spec

__all__ = ["BuildContext"]


@dataclass
class BuildContext:
    doc: Document
    """A validated document: every ``$ref`` is local, resolves and is no part of a cycle."""
    config: Config
    unknown_pagination_is_error: bool = True
    errors: list[SpecError] = field(default_factory=list)
    """Problems that stop the build; all of them are raised together at the end."""
    warnings: list[SpecError] = field(default_factory=list)
    """What the builder works around (e.g. by leaving an operation out); not fatal."""
    components: dict[str, Any] = field(init=False)
    """``components.schemas`` of the document."""
    paginations: dict[str, ir.Pagination] = field(default_factory=dict)
    """The page classes of each pagination scheme of the config, made once (``pagination.paginations``)."""
    spec: Spec = field(init=False)
    """The document read as OpenAPI (``spec.read_spec``): its operations, merged parameters..."""
    class_names: dict[str, str] = field(init=False, default_factory=dict)
    """Component schema name -> its Python class name (``names.assign_component_class_names``)."""

    def __post_init__(self) -> None:
        self.spec = read_spec(self.doc)
        components = self.doc.data.get("components", {}).get("schemas", {})
        self.components = dict(components or {})

    def error(self, pointer: str, message: str, rule: str = "spec") -> None:
        """A problem under ``rule``: it stops the build unless ``rules.RULES`` makes it a warning
        (e.g. ``required``, a required name without a property, which the build just ignores)."""
        if rule_of(rule).severity == "warning":
            self.warn(pointer, message, rule)
            return
        self.errors.append(self.doc.error(pointer, message, rule=rule))

    def warn(self, pointer: str, message: str, rule: str) -> None:
        self.warnings.append(self.doc.error(pointer, message, rule=rule))

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow ``$ref`` chains with the loader's ``Document.deref``: the target and its pointer."""
        return self.doc.deref(node, pointer)
