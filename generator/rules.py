"""The one set of rules ``generate`` and ``lint`` both apply to a spec, each with its severity.

An **error** is a finding no correct client can be generated past: ``generate`` writes nothing
(exit 2) and ``lint`` exits 1. A **warning** is a small defect the generator works around (each
rule says how, in ``workaround``), or advice about the spec (``advice``: missing descriptions,
unused components); generation goes on. ``--strict`` (``generate`` and ``lint``) makes warnings
fatal too. Both commands compute their findings with ``lint.check_document``, so they cannot
disagree about a spec.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from .errors import Location, SpecError, visible

__all__ = ["Severity", "Rule", "RULES", "Finding", "rule_of", "skipped_operations", "summary_line"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    what: str
    """What the rule checks."""
    workaround: str = ""
    """For a warning the generator works around: what it does instead (shown with each finding)."""
    advice: bool = False
    """About the spec's quality, not about the client: ``generate`` counts these, ``lint`` lists them."""


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.id: rule for rule in rules}


RULES: dict[str, Rule] = _rules(
    # Found before our rules run (the document cannot be read or is not valid OpenAPI).
    Rule("io", "error", "the file cannot be read"),
    Rule(
        "yaml",
        "error",
        "YAML syntax error, duplicate key, or past a limit (nesting, aliases, their expansion)",
    ),
    Rule("openapi", "error", "not valid against the OpenAPI meta-schema or OpenAPI's own rules"),
    Rule(
        "openapi-31-syntax",
        "warning",
        "a schema of an OpenAPI 3.0 document uses OpenAPI 3.1 syntax (type 'null', a list of types)",
        workaround="read as OpenAPI 3.1 reads it",
    ),
    Rule("ref", "error", "a $ref that is external, dangling, or circular in a way no type can express"),
    Rule("config", "error", "the generator config (generator.yaml) is invalid"),
    # Our rules.
    Rule("unknown-type", "error", "a schema type that JSON Schema does not know"),
    Rule("operation-id-unique", "error", "two operations share an operationId"),
    Rule(
        "operation-id-missing",
        "warning",
        "an operation has no operationId (its names are derived from the path)",
        advice=True,
    ),
    Rule(
        "operation-description",
        "warning",
        "an operation has neither a summary nor a description",
        advice=True,
    ),
    Rule("schema-description", "warning", "a component schema has no description", advice=True),
    Rule("property-description", "warning", "an object property has no description", advice=True),
    Rule("parameter-description", "warning", "a parameter has no description", advice=True),
    Rule(
        "example-valid",
        "warning",
        "an example does not validate against its schema",
        workaround="the example is left out of the client's docs",
    ),
    Rule(
        "default-valid",
        "warning",
        "a default value does not validate against its schema",
        workaround="the default is left out of the client; the server's own default applies",
    ),
    Rule(
        "unused-component",
        "warning",
        "a component no operation uses, directly or through other components",
        advice=True,
    ),
    Rule("path-params", "error", "a path template placeholder and the declared path parameters disagree"),
    Rule(
        "required-property",
        "warning",
        "a required property is not defined in the schema",
        workaround="the name is not required of anything",
    ),
    Rule(
        "enum-unique",
        "warning",
        "an enum lists the same value twice",
        workaround="the value is listed once",
    ),
    Rule(
        "enum-type",
        "warning",
        "an enum value is not of the schema's type",
        workaround="the value is left out of the enum",
    ),
    Rule("pagination", "error", "a paginated operation does not follow its pagination scheme"),
    Rule(
        "pagination-missing",
        "warning",
        "an operation looks like a cursor page but has no x-sdk-pagination",
        advice=True,
    ),
    Rule("generator", "error", "the generator cannot build a client from the spec"),
    Rule(
        "skipped-operation",
        "warning",
        "the generator leaves an operation out of the client (no content type of its request body can be sent)",
        workaround="the operation is left out; the client's request() still reaches it",
    ),
    Rule(
        "skipped-content-type",
        "warning",
        "a request body's content type the client does not offer (another shape of body, or not encodable)",
        workaround="the method sends the body as one of the other content types the spec lists",
    ),
    Rule(
        "null-schema",
        "warning",
        "a schema written as null",
        workaround="read as no schema: any value",
    ),
    Rule(
        "auth",
        "warning",
        "a security scheme or requirement the client cannot use",
        workaround="what needs it is sent without it",
    ),
)
"""Every rule by id."""

_BUILD_RULES = {"required": "required-property", "operation-id": "operation-id-unique"}
"""Rule ids the builder reports under (``BuildContext.error``) that are rules of ``RULES``."""


def rule_of(rule: str, *, fallback: str = "generator") -> Rule:
    """The rule a finding reported as ``rule`` belongs to (the builder's own ids map to ``generator``)."""
    found = RULES.get(rule) or RULES.get(_BUILD_RULES.get(rule, ""))
    return found if found is not None else RULES[fallback]


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    location: Location
    message: str
    repair: str | None = None
    """The pointer of a value the generator leaves out to work around this finding (``None``: none)."""
    origin: str = ""
    """The builder's own id for what it found (``naming``, ``params``...), under rule ``generator``."""

    @classmethod
    def of(cls, rule: str, location: Location, message: str, *, repair: str | None = None) -> Finding:
        return cls(rule, RULES[rule].severity, location, message, repair)

    @classmethod
    def from_spec_error(cls, error: SpecError, *, rule: str | None = None) -> Finding:
        found = RULES[rule] if rule is not None else rule_of(error.rule, fallback="openapi")
        return cls(found.id, found.severity, error.location, error.message, error.repair)

    def relocated(self, location: Location) -> Finding:
        """This finding at ``location`` (the same place, with its line and column worked out)."""
        return replace(self, location=location)

    @property
    def advice(self) -> bool:
        return self.rule in _ADVICE

    def text(self) -> str:
        """``file:line:col: severity[rule] pointer: message`` (a warning worked around says how)."""
        where = self.location.file
        if self.location.line is not None:
            where += f":{self.location.line}"
            if self.location.column is not None:
                where += f":{self.location.column}"
        pointer = self.location.pointer or "(document)"
        message = " ".join(self.message.split())
        rule = RULES.get(self.rule)
        workaround = rule.workaround if rule is not None else ""
        if self.severity == "warning" and workaround:
            message += f" (generated anyway: {workaround})"
        return visible(f"{where}: {self.severity}[{self.rule}] {pointer}: {message}", keep="")

    def as_error(self) -> SpecError:
        return SpecError(self.message, self.location, rule=self.origin or self.rule, repair=self.repair)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "pointer": self.location.pointer,
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The inverse of ``as_dict`` (plus ``repair`` and ``origin``, when kept), for a finding kept
        in the cache; a line or column left out is not known."""
        location = Location(str(data["file"]), str(data["pointer"]), data.get("line"), data.get("column"))
        return cls(
            str(data["rule"]),
            data["severity"],
            location,
            str(data["message"]),
            data.get("repair"),
            str(data.get("origin") or ""),
        )


_ADVICE = frozenset(rule.id for rule in RULES.values() if rule.advice)
"""The rules whose findings are advice."""


def skipped_operations(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.rule == "skipped-operation")


def summary_line(name: str, findings: list[Finding], *, more_warnings: int = 0) -> str:
    """``spec.yaml: 0 errors, 3 warnings (1 operation left out)``: what both commands print last
    (``more_warnings``: warnings counted but not in ``findings``)."""
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors + more_warnings
    skipped = skipped_operations(findings)
    line = f"{name}: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    if skipped:
        line += f" ({skipped} operation{'s' if skipped != 1 else ''} left out of the client)"
    return line
