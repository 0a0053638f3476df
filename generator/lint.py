"""The checks of a spec, shared by ``generate`` and ``lint``: our rules on top of OpenAPI validation.

Every finding has a rule id, a severity (``rules.RULES``) and a location (file, line, column,
JSON pointer), so a spec reviewer can jump to it. ``check_document`` is the one function both
commands run, so they cannot disagree: an error stops ``generate`` (exit 2) and fails ``lint``;
a warning is a defect the generator works around (a default that does not match its schema is
left out...) or advice (missing documentation, dead components); ``--strict`` fails on those too.

Order: the document is parsed, checked against the OpenAPI meta-schema and its ``$ref``s; when
those pass, our rules run, the generic OpenAPI validator, and (when nothing so far is an error)
the generator's own build, for what only the generator knows, such as names that collide after
sanitizing. A stage whose predecessor found errors is left out: its findings would only repeat them.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote

from .config import Config, PaginationScheme, load_config, resolve_pagination
from .limits import recursion_guard
from .naming import SpecNames
from .errors import Location, SpecError, SpecErrors, join_pointer, unescape_pointer_token
from .loader import (
    Document,
    check_refs,
    duplicate_operation_ids,
    is_error,
    iter_objects,
    iter_refs,
    load_document,
    success_json_schema,
    unknown_types,
    validator_findings,
)
from .rules import RULES, Finding, Rule, Severity, rule_of, summary_line
from .spec import Operation, read_spec

if TYPE_CHECKING:
    from . import ir

__all__ = [
    "Finding",
    "RULES",
    "Rule",
    "Severity",
    "Checked",
    "Checks",
    "check_document",
    "lint_file",
    "lint_document",
    "format_text",
    "format_json",
    "format_github",
    "summary_line",
]


# ------------------------------------------------------------------------------------------------
# Entry points.


def lint_file(spec: Path, *, config: Path | None = None, spec_name: str | None = None) -> list[Finding]:
    """Lint the spec at ``spec`` with its generator config (default: generator.yaml beside it)."""
    name = spec_name or str(spec)
    try:
        doc = load_document(spec, name)
    except SpecErrors as exc:
        return _sorted([Finding.from_spec_error(error) for error in exc.errors], name)
    config_path = config if config is not None else spec.with_name("generator.yaml")
    title = SpecNames.of(doc.data)
    try:
        loaded = load_config(config_path, title=title, name=str(config_path), required=config is not None)
    except SpecErrors as exc:
        return _sorted([Finding.from_spec_error(error, rule="config") for error in exc.errors], name)
    try:
        with recursion_guard(name, "linting", doc.location):
            return lint_document(doc, loaded)
    except SpecErrors as exc:
        return _sorted([Finding.from_spec_error(error) for error in exc.errors], name)


def lint_document(doc: Document, config: Config) -> list[Finding]:
    """Every finding for a parsed document, sorted by place in the file."""
    return check_document(doc, config).findings


@dataclass
class Checked:
    """What ``check_document`` found, and the client built when nothing stopped it."""

    findings: list[Finding]
    api: ir.Api | None = None
    schemas: list[ir.ModelDef] | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


Validation = Callable[[], tuple[list[SpecError], list[SpecError]]]
"""What checks a document against OpenAPI: (meta-schema findings, OpenAPI's own rules), the second
empty when the first has errors. ``loader.validator_findings``, or a run of it in a child process."""


Builder = Callable[[Document, Config], "tuple[ir.Api, list[ir.ModelDef]]"]


@dataclass
class Checks:
    """The checks of one document and config; ``check_document`` runs them (``pipeline`` too, with
    the validation in a child process): ``run`` first, then ``checked`` with the validation's findings."""

    doc: Document
    config: Config
    refs: list[SpecError] = field(default_factory=list)
    rules: list[Finding] = field(default_factory=list)
    build: list[Finding] = field(default_factory=list)
    api: ir.Api | None = None
    schemas: list[ir.ModelDef] | None = None
    builder: Builder | None = None
    """What builds the client (``build.build_api`` unless set: ``pipeline`` reuses earlier builds)."""

    def run(self, build: bool) -> None:
        """The refs, our rules and (when they find no error) the build, on a document the meta-schema
        may not have passed yet: whatever they find is reported only when it did.

        Lines and columns may be left out of what they find (``Document.deferring``): ``checked``
        puts them in, and an error raised on the way has them."""
        self._guarded(lambda: self._run(build))

    def reuse(self, record: object, build: bool) -> bool:
        """``run``, with what it found taken from ``record`` (``record()`` of an earlier run on a
        document that differs from this one at most in the text of descriptions, which neither
        the refs nor the rules read); the build runs as ever. False when the record is unusable."""
        name = self.doc.name
        try:
            assert isinstance(record, dict)
            refs = [
                SpecError(str(e["message"]), _place_of(e, name), rule=str(e["rule"]), repair=e.get("repair"))
                for e in record["refs"]
            ]
            rules = [Finding.from_dict({"file": name, **entry}) for entry in record["rules"]]
        except (AssertionError, KeyError, TypeError, ValueError):
            return False
        self.refs, self.rules = refs, rules
        if not any(is_error(error) for error in refs):
            self._guarded(lambda: self._build_unless_errors(build))
        return True

    def record(self) -> dict[str, Any]:
        """What ``run`` found, for ``reuse``: a place in the document as its pointer only (its line
        may move with the text of a description)."""
        name = self.doc.name
        return {
            "refs": [
                _place_record(e.location, name) | {"message": e.message, "rule": e.rule, "repair": e.repair}
                for e in self.refs
            ],
            "rules": [
                {k: v for k, v in f.as_dict().items() if k not in _PLACE}
                | {"repair": f.repair, "origin": f.origin}
                | _place_record(f.location, name)
                for f in self.rules
            ],
        }

    def _guarded(self, work: Callable[[], None]) -> None:
        try:
            with self.doc.deferring():
                work()
        except SpecErrors as exc:
            raise SpecErrors(self.doc.relocate(exc.errors)) from exc

    def _run(self, build: bool) -> None:
        self.refs = check_refs(self.doc)
        if any(is_error(error) for error in self.refs):
            return
        linter = _Linter(self.doc, self.config)
        found = [Finding.from_spec_error(error) for error in duplicate_operation_ids(self.doc)]
        found.extend(Finding.from_spec_error(error) for error in unknown_types(self.doc))
        for rule in linter.rules():
            found.extend(rule())
        self.rules = found
        self._build_unless_errors(build)

    def _build_unless_errors(self, build: bool) -> None:
        if build and not any(f.severity == "error" for f in self.rules):
            self.build_client()

    def build_client(self) -> None:
        repairs = [f.repair for f in self.rules if f.repair is not None and f.severity == "warning"]
        try:
            api, schemas = (self.builder or _build_api)(self.doc.without(repairs), self.config)
        except SpecErrors as exc:
            self.build = [_from_build(error) for error in exc.errors]
            return
        self.build = [_from_build(warning) for warning in api.warnings]
        self.api, self.schemas = api, schemas

    def checked(
        self, meta: list[SpecError], semantic: list[SpecError], *, locate_advice: bool = True
    ) -> Checked:
        """Every finding, sorted by place in the file. Without ``locate_advice``, advice (which
        ``generate`` only counts) keeps the places the rules gave it, possibly without a line,
        and comes last: working out the line of each of thousands of findings in a large JSON
        document costs more than the rest of a run that reuses the cache."""
        found = [Finding.from_spec_error(error) for error in meta]
        if any(f.severity == "error" for f in found):
            return Checked(self._sorted(found, True))
        if any(is_error(error) for error in self.refs):
            found.extend(Finding.from_spec_error(error) for error in self.refs)
            return Checked(self._sorted(found, True))
        found.extend(self.rules)
        if any(f.severity == "error" for f in found):
            return Checked(self._sorted(found, True))
        found.extend(Finding.from_spec_error(error, rule=_semantic_rule(error)) for error in semantic)
        if any(f.severity == "error" for f in found):
            return Checked(self._sorted(found, True))
        found.extend(self.build)
        if any(f.severity == "error" for f in found):
            return Checked(self._sorted(found, True))
        return Checked(self._sorted(found, locate_advice), self.api, self.schemas)

    def _sorted(self, found: list[Finding], locate_advice: bool) -> list[Finding]:
        unique = _unique(found)
        if locate_advice:
            return _sorted(self.doc.relocate(unique), self.doc.name)
        shown = [f for f in unique if not f.advice]
        return _sorted(self.doc.relocate(shown), self.doc.name) + [f for f in unique if f.advice]


def check_document(
    doc: Document, config: Config, *, validation: Validation | None = None, build: bool = True
) -> Checked:
    """Every finding for a parsed document (sorted by place in the file) and, when none is an error
    and ``build`` is set, the client's intermediate model built from it, with the values the
    warnings' workarounds leave out (``Finding.repair``) left out.

    ``validation`` (default: ``loader.validator_findings`` here, first) may be a validation running
    elsewhere: then the rest runs first and waits for it at the end; if the rest fails on a
    document the validation finds invalid, the validation's findings are what is reported.
    """
    stages = Checks(doc, config)
    if validation is None:
        meta, semantic = validator_findings(doc)
        if not any(is_error(error) for error in meta):
            stages.run(build)
        return stages.checked(meta, semantic)
    try:
        stages.run(build)
    except Exception:
        meta, semantic = validation()
        if any(is_error(error) for error in meta):
            return stages.checked(meta, semantic)
        raise
    meta, semantic = validation()
    return stages.checked(meta, semantic)


def _semantic_rule(error: SpecError) -> str:
    return error.rule if error.rule in RULES else "openapi"


def _from_build(error: SpecError) -> Finding:
    """A builder's finding under its rule of ``RULES`` (``generator`` for the builder's own ids)."""
    found = rule_of(error.rule)
    origin = error.rule if error.rule != found.id else ""
    return Finding(found.id, found.severity, error.location, error.message, error.repair, origin)


def _build_api(doc: Document, config: Config) -> tuple[ir.Api, list[ir.ModelDef]]:
    from .build import build_api  # imported only when a client is built

    return build_api(doc, config)


_PLACE = ("file", "pointer", "line", "column")


def _place_record(location: Location, name: str) -> dict[str, Any]:
    """A place to keep: in the document ``name``, its pointer only (the file is the document's
    when read back, and the line unknown until located); elsewhere (the config), all of it."""
    if location.file == name:
        return {"pointer": location.pointer}
    return {
        "file": location.file,
        "pointer": location.pointer,
        "line": location.line,
        "column": location.column,
    }


def _place_of(entry: dict[str, Any], name: str) -> Location:
    return Location(
        str(entry.get("file", name)), str(entry["pointer"]), entry.get("line"), entry.get("column")
    )


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str]] = set()
    result = []
    for finding in findings:
        key = (finding.rule, finding.location.pointer, finding.message)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def _sorted(findings: list[Finding], spec_name: str) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (
            f.location.file != spec_name,
            f.location.file,
            f.location.line or 0,
            f.location.column or 0,
            f.location.pointer,
            f.rule,
            f.message,
        ),
    )


def format_text(findings: list[Finding]) -> str:
    return "".join(finding.text() + "\n" for finding in findings)


def _escape_data(text: str) -> str:
    """Text for the message of a workflow command (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Text for a property value of a workflow command (``file=``, ``title=``)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding]) -> str:
    """One GitHub Actions workflow command per finding (``::error file=…,line=…::message``), so a
    pull request shows each finding on its line of the changed file."""
    lines = []
    for finding in findings:
        properties = [f"file={_escape_property(finding.location.file)}"]
        if finding.location.line is not None:
            properties.append(f"line={finding.location.line}")
            if finding.location.column is not None:
                properties.append(f"col={finding.location.column}")
        properties.append(f"title={_escape_property(f'{finding.severity}[{finding.rule}]')}")
        pointer = finding.location.pointer or "(document)"
        message = f"{pointer}: {' '.join(finding.message.split())}"
        lines.append(f"::{finding.severity} {','.join(properties)}::{_escape_data(message)}\n")
    return "".join(lines)


def format_json(findings: list[Finding], *, spec_name: str) -> str:
    report = {
        "file": spec_name,
        "errors": sum(1 for f in findings if f.severity == "error"),
        "warnings": sum(1 for f in findings if f.severity == "warning"),
        "findings": [finding.as_dict() for finding in findings],
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------------------------------------
# The rules.

_COMPONENT_SECTIONS = (
    "schemas",
    "parameters",
    "responses",
    "requestBodies",
    "headers",
    "examples",
    "links",
    "callbacks",
    "pathItems",
    "securitySchemes",
)
_JSON_TYPES: dict[str, Callable[[object], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}
_DOCUMENT_URI = "urn:generator-lint:document"


class _Linter:
    def __init__(self, doc: Document, config: Config) -> None:
        self.doc = doc
        self.config = config
        self.is_30 = str(doc.data.get("openapi", "")).startswith("3.0")
        self.objects = list(iter_objects(doc.data))
        self.operations = read_spec(doc).operations
        self._validators: dict[str, Any] = {}
        self._registry: Any = None
        self._fast_validators: dict[str, Any] = {}
        self._fast_registry: Any = None

    def rules(self) -> list[Callable[[], Iterator[Finding]]]:
        return [
            self.operation_ids_present,
            self.descriptions,
            self.examples,
            self.unused_components,
            self.path_params,
            self.required_properties,
            self.enums,
            self.pagination,
            self.null_schemas,
        ]

    def null_schemas(self) -> Iterator[Finding]:
        """``schema: null`` (where a schema or none belongs): read as no schema, any value."""
        for kind, pointer, node in iter_objects(self.doc.data):
            if kind in ("media", "parameter", "header") and "schema" in node and node["schema"] is None:
                where = pointer + join_pointer("schema")
                yield self.finding("null-schema", where, "the schema is null", repair=where)

    def finding(self, rule: str, pointer: str, message: str, *, repair: str | None = None) -> Finding:
        return Finding.of(rule, self.doc.location(pointer), message, repair=repair)

    # -------------------------------------------------------------------------- helpers

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        return self.doc.deref(node, pointer)

    def property_names(self, schema: Any, pointer: str, seen: frozenset[str] = frozenset()) -> set[str]:
        """Names of the properties a schema defines itself or through allOf/anyOf/oneOf members."""
        schema, pointer = self.deref(schema, pointer)
        if not isinstance(schema, dict) or pointer in seen:
            return set()
        seen = seen | {pointer}
        names = set(schema["properties"]) if isinstance(schema.get("properties"), dict) else set()
        for key in ("allOf", "anyOf", "oneOf"):
            members = schema.get(key)
            if isinstance(members, list):
                for index, member in enumerate(members):
                    names |= self.property_names(member, pointer + join_pointer(key, index), seen)
        return names

    def merged_params(self, op: Operation) -> dict[tuple[str, str], tuple[dict[str, Any], str]]:
        """(name, in) -> (parameter, pointer of where the operation lists it), operation level winning
        (the spec model's merge, ``spec.merged_parameters``)."""
        return {(p.name, p.location): (p.raw, p.listed_at) for p in op.parameters}

    # -------------------------------------------------------------------------- operations

    def operation_ids_present(self) -> Iterator[Finding]:
        for op in self.operations:
            if not isinstance(op.operation.get("operationId"), str) or not op.operation["operationId"]:
                yield self.finding(
                    "operation-id-missing",
                    op.pointer,
                    f"{op.method.upper()} {op.path} has no operationId; the generator makes its names from the path",
                )

    def descriptions(self) -> Iterator[Finding]:
        for op in self.operations:
            if not _has_text(op.operation.get("summary")) and not _has_text(op.operation.get("description")):
                yield self.finding(
                    "operation-description",
                    op.pointer,
                    f"{op.method.upper()} {op.path} has neither a summary nor a description",
                )
        for kind, pointer, node in self.objects:
            if kind == "parameter" and "$ref" not in node and not _has_text(node.get("description")):
                yield self.finding(
                    "parameter-description", pointer, f"parameter {node.get('name')!r} has no description"
                )
            if kind != "schema":
                continue
            parent, _, name = pointer.rpartition("/")
            if re.fullmatch(r"/components/schemas", parent) and not self.described(node, pointer):
                yield self.finding(
                    "schema-description",
                    pointer,
                    f"schema {unescape_pointer_token(name)!r} has no description",
                )
            elif parent.endswith("/properties") and not self.described(node, pointer):
                yield self.finding(
                    "property-description",
                    pointer,
                    f"property {unescape_pointer_token(name)!r} has no description",
                )

    def described(self, schema: dict[str, Any], pointer: str) -> bool:
        if _has_text(schema.get("description")):
            return True
        if "$ref" in schema:  # a bare reference is described by what it points to
            target, _ = self.deref(schema, pointer)
            return isinstance(target, dict) and _has_text(target.get("description"))
        return False

    # -------------------------------------------------------------------------- examples

    def examples(self) -> Iterator[Finding]:
        for kind, pointer, node in self.objects:
            if "$ref" in node and kind != "schema":
                continue
            if kind == "schema":
                if "$ref" in node and self.is_30:
                    continue  # OpenAPI 3.0 ignores everything beside a $ref
                if "example" in node:
                    yield from self.check_instance(
                        "example-valid", pointer, pointer + "/example", node["example"]
                    )
                examples = node.get("examples")
                if isinstance(examples, list):
                    for index, value in enumerate(examples):
                        yield from self.check_instance(
                            "example-valid", pointer, f"{pointer}/examples/{index}", value
                        )
                if "default" in node:
                    yield from self.check_instance(
                        "default-valid", pointer, pointer + "/default", node["default"]
                    )
            elif kind in ("parameter", "header", "media"):
                schema_pointer = self.schema_of(node, pointer)
                if schema_pointer is None:
                    continue
                if "example" in node:
                    yield from self.check_instance(
                        "example-valid", schema_pointer, pointer + "/example", node["example"]
                    )
                named = node.get("examples")
                if isinstance(named, dict):
                    for name, example in named.items():
                        example_pointer = pointer + join_pointer("examples", name)
                        resolved, resolved_pointer = self.deref(example, example_pointer)
                        if isinstance(resolved, dict) and "value" in resolved:
                            yield from self.check_instance(
                                "example-valid",
                                schema_pointer,
                                resolved_pointer + "/value",
                                resolved["value"],
                                used_at=example_pointer if resolved_pointer != example_pointer else None,
                                repair=example_pointer,
                            )

    def schema_of(self, node: dict[str, Any], pointer: str) -> str | None:
        """Pointer of the schema an example of this parameter, header or media type must match."""
        if "schema" in node:
            return pointer + "/schema"
        content = node.get("content")
        if isinstance(content, dict) and len(content) == 1:
            media_type = next(iter(content))
            if isinstance(content[media_type], dict) and "schema" in content[media_type]:
                return pointer + join_pointer("content", media_type, "schema")
        return None

    def check_instance(
        self,
        rule: str,
        schema_pointer: str,
        instance_pointer: str,
        instance: Any,
        *,
        used_at: str | None = None,
        repair: str | None = None,
    ) -> Iterator[Finding]:
        """Findings of ``rule`` for an instance that does not match its schema; the workaround
        leaves out ``repair`` (default: the instance)."""
        _, schema_pointer = self.deref(self.doc.resolve_pointer(schema_pointer), schema_pointer)
        if self.plainly_valid(schema_pointer, instance):
            return
        import jsonschema
        import referencing.exceptions

        validator = self.validator(schema_pointer)
        what = "example" if rule == "example-valid" else "default value"
        context = f" (used at {used_at})" if used_at else ""
        try:
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path)))
        except referencing.exceptions.Unresolvable:
            # A $ref of the schema that only our loader follows (a pointer through another $ref,
            # as bundlers write them): the example cannot be checked here; the build reads it.
            return
        for count, error in enumerate(errors):
            if count == 5:
                yield self.finding(
                    rule,
                    instance_pointer,
                    f"{what} has more mismatches; fix the ones above first",
                    repair=repair or instance_pointer,
                )
                return
            best = jsonschema.exceptions.best_match([error]) if error.context else error
            where = instance_pointer + join_pointer(*best.absolute_path)
            message = _shorten(best.message)
            yield self.finding(
                rule,
                where,
                f"{what} does not match the schema at {schema_pointer}{context}: {message}",
                repair=repair or instance_pointer,
            )

    def plainly_valid(self, schema_pointer: str, instance: Any) -> bool:
        """Whether jsonschema-rs finds ``instance`` valid under the rules Python's jsonschema applies
        (``validator``): then there is nothing to report, and Python's jsonschema, which words the
        findings, is not even imported. ``False`` says "ask ``validator``": jsonschema-rs found a
        mismatch (Python's jsonschema may still not, and decides), or cannot answer for this
        document (see ``_fast_registry``) or this instance."""
        if schema_pointer not in self._fast_validators:
            self._fast_validators[schema_pointer] = self._fast_validator(schema_pointer)
        validator = self._fast_validators[schema_pointer]
        if validator is None:
            return False
        try:
            return bool(validator.is_valid(instance))
        except (ValueError, TypeError, OverflowError):  # a value jsonschema-rs cannot take
            return False

    def _fast_validator(self, schema_pointer: str) -> Any:
        if self._fast_registry is None:
            self._fast_registry = _fast_registry(self.doc.data, self.is_30) or False
        if self._fast_registry is False:
            return None
        import jsonschema_rs

        reference = {"$ref": _DOCUMENT_URI + "#" + quote(schema_pointer, safe="/~!$&'()*+,;=:@")}
        try:
            return jsonschema_rs.Draft202012Validator(
                reference,
                registry=self._fast_registry,
                validate_formats=True,
                formats=_python_formats(),
                ignore_unknown_formats=True,
            )
        except (ValueError, TypeError, OverflowError, jsonschema_rs.ReferencingError):
            return None

    def validator(self, schema_pointer: str) -> Any:
        validator = self._validators.get(schema_pointer)
        if validator is not None:
            return validator
        from jsonschema import Draft202012Validator
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012

        if self._registry is None:
            document = _as_draft_2020(self.doc.data) if self.is_30 else self.doc.data
            self._registry = Registry().with_resource(_DOCUMENT_URI, DRAFT202012.create_resource(document))
        reference = {"$ref": _DOCUMENT_URI + "#" + quote(schema_pointer, safe="/~!$&'()*+,;=:@")}
        validator = Draft202012Validator(
            reference, registry=self._registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        self._validators[schema_pointer] = validator
        return validator

    # -------------------------------------------------------------------------- components

    def unused_components(self) -> Iterator[Finding]:
        components = self.doc.data.get("components")
        if not isinstance(components, dict):
            return
        edges: dict[str, set[str]] = {}
        for holder, ref in self.references():
            owner = _component_of(holder) or ""
            target = _component_of(ref[1:])
            if target is not None:
                edges.setdefault(owner, set()).add(target)
        reached: set[str] = set()
        pending = [""]
        for name in self.security_scheme_names():
            pending.append(join_pointer("components", "securitySchemes", name))
        while pending:
            node = pending.pop()
            if node in reached:
                continue
            reached.add(node)
            pending.extend(edges.get(node, ()))
        for section in _COMPONENT_SECTIONS:
            members = components.get(section)
            if not isinstance(members, dict):
                continue
            for name in members:
                pointer = join_pointer("components", section, name)
                if pointer not in reached:
                    what = (
                        "security scheme"
                        if section == "securitySchemes"
                        else section.rstrip("s") + " component"
                    )
                    yield self.finding(
                        "unused-component",
                        pointer,
                        f"{what} {name!r} is not used by any operation (directly or through other components)",
                    )

    def references(self) -> Iterator[tuple[str, str]]:
        """Every internal reference: ``$ref``s and discriminator mappings."""
        for holder, ref in iter_refs(self.doc.data):
            if ref.startswith("#"):
                yield holder, ref
        for kind, pointer, node in self.objects:
            discriminator = node.get("discriminator") if kind == "schema" else None
            mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
            if isinstance(mapping, dict):
                for value in mapping.values():
                    if isinstance(value, str):
                        yield pointer, value if value.startswith("#") else "#/components/schemas/" + value

    def security_scheme_names(self) -> set[str]:
        names: set[str] = set()
        requirements: list[Any] = []
        if isinstance(self.doc.data.get("security"), list):
            requirements.extend(self.doc.data["security"])
        for op in self.operations:
            if isinstance(op.operation.get("security"), list):
                requirements.extend(op.operation["security"])
        for requirement in requirements:
            if isinstance(requirement, dict):
                names.update(str(name) for name in requirement)
        return names

    # -------------------------------------------------------------------------- parameters

    def path_params(self) -> Iterator[Finding]:
        for op in self.operations:
            placeholders = re.findall(r"\{([^}/]*)\}", op.path)
            params = self.merged_params(op)
            declared = {name: where for (name, location), (_, where) in params.items() if location == "path"}
            label = f"{op.method.upper()} {op.path}"
            for placeholder in dict.fromkeys(placeholders):
                if placeholder not in declared:
                    yield self.finding(
                        "path-params",
                        op.pointer,
                        f"{label}: the path uses {{{placeholder}}} but no path parameter {placeholder!r} is declared",
                    )
            for name, where in declared.items():
                if name not in placeholders:
                    yield self.finding(
                        "path-params",
                        where,
                        f"{label}: path parameter {name!r} is declared but the path has no {{{name}}}",
                    )

    # -------------------------------------------------------------------------- schemas

    def required_properties(self) -> Iterator[Finding]:
        for kind, pointer, node in self.objects:
            if kind != "schema" or "$ref" in node or not isinstance(node.get("required"), list):
                continue
            available = self.property_names(node, pointer)
            parent = re.match(r"^(.*)/(?:allOf|anyOf|oneOf)/\d+$", pointer)
            if parent is not None:  # {allOf: [A, {required: [x]}]}: x may come from A
                available |= self.property_names(self.doc.resolve_pointer(parent.group(1)), parent.group(1))
            patterns = node.get("patternProperties")
            for index, name in enumerate(node["required"]):
                if not isinstance(name, str) or name in available:
                    continue
                if isinstance(patterns, dict) and any(_search(pattern, name) for pattern in patterns):
                    continue
                yield self.finding(
                    "required-property",
                    f"{pointer}/required/{index}",
                    f"required property {name!r} is not defined in properties",
                    repair=f"{pointer}/required/{index}",
                )

    def enums(self) -> Iterator[Finding]:
        for kind, pointer, node in self.objects:
            values = node.get("enum") if kind == "schema" else None
            if not isinstance(values, list):
                continue
            first_seen: dict[str, int] = {}
            for index, value in enumerate(values):
                key = _canonical(value)
                if key in first_seen:
                    yield self.finding(
                        "enum-unique",
                        f"{pointer}/enum/{index}",
                        f"enum value {_json(value)} is listed twice (first as item {first_seen[key]})",
                        repair=f"{pointer}/enum/{index}",
                    )
                else:
                    first_seen[key] = index
            declared = node.get("type")
            types = (
                [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []
            )
            if self.is_30 and node.get("nullable") is True:
                types = [*types, "null"]
            checks = [_JSON_TYPES[t] for t in types if t in _JSON_TYPES]
            if not checks:
                continue
            for index, value in enumerate(values):
                if not any(check(value) for check in checks):
                    yield self.finding(
                        "enum-type",
                        f"{pointer}/enum/{index}",
                        f"enum value {_json(value)} is not of the schema's type ({' or '.join(map(str, types))})",
                        repair=f"{pointer}/enum/{index}",
                    )

    # -------------------------------------------------------------------------- pagination

    def pagination(self) -> Iterator[Finding]:
        for op in self.operations:
            name = op.operation.get("x-sdk-pagination")
            if name is None:
                yield from self.unmarked_page(op)
                continue
            where = op.pointer + "/x-sdk-pagination"
            scheme, problem = resolve_pagination(self.config, name)
            if scheme is None:
                yield self.finding("pagination", where, problem)
                continue
            yield from self.page_convention(op, scheme)

    def page_convention(self, op: Operation, scheme: PaginationScheme) -> Iterator[Finding]:
        label = f"{op.method.upper()} {op.path} (pagination scheme {scheme.name!r})"
        found = success_json_schema(self.doc, op.ref)
        if found is None:
            yield self.finding(
                "pagination", op.pointer, f"{label}: a paginated operation must answer with a JSON object"
            )
            return
        schema, schema_pointer = found
        properties = self.page_properties(schema, schema_pointer)
        items = properties.get(scheme.items_field)
        if items is None or _schema_types(items[0]) != {"array"}:
            yield self.finding(
                "pagination",
                schema_pointer,
                f"{label}: the response has no array property {scheme.items_field!r}",
            )
        elif not (isinstance(items[0].get("items"), dict) and "$ref" in items[0]["items"]):
            yield self.finding(
                "pagination",
                items[1],
                f"{label}: the items of {scheme.items_field!r} must be a $ref to a component schema",
            )
        for field_name, types, role in scheme.response_fields():
            found_field = properties.get(field_name)
            if found_field is None:
                yield self.finding(
                    "pagination",
                    schema_pointer,
                    f"{label}: the response has no {role} property {field_name!r}",
                )
            elif not _schema_types(found_field[0]) or not _schema_types(found_field[0]) <= set(types):
                kinds = " or ".join(t for t in types if t != "null")
                yield self.finding(
                    "pagination",
                    found_field[1],
                    f"{label}: the {role} property {field_name!r} must be {kinds}",
                )
        params = self.merged_params(op)
        for param_name, types, role in scheme.query_params():
            entry = params.get((param_name, "query"))
            if entry is None:
                yield self.finding(
                    "pagination", op.pointer, f"{label}: no {role} query parameter {param_name!r} is declared"
                )
                continue
            param, where = entry
            if param.get("required") is True:
                yield self.finding(
                    "pagination", where, f"{label}: the {role} parameter {param_name!r} must not be required"
                )
            schema_node, _ = self.deref(param.get("schema", {}), where)
            if isinstance(schema_node, dict) and not (_schema_types(schema_node) - {"null"}) <= set(types):
                yield self.finding(
                    "pagination",
                    where,
                    f"{label}: the {role} parameter {param_name!r} must be {' or '.join(types)}",
                )

    def page_properties(self, schema: Any, pointer: str) -> dict[str, tuple[dict[str, Any], str]]:
        """Property name -> (resolved schema, pointer), through allOf."""
        schema, pointer = self.deref(schema, pointer)
        found: dict[str, tuple[dict[str, Any], str]] = {}
        if not isinstance(schema, dict):
            return found
        for index, member in enumerate(schema.get("allOf") or []):
            found.update(self.page_properties(member, f"{pointer}/allOf/{index}"))
        properties = schema.get("properties")
        if isinstance(properties, dict):
            for name, member in properties.items():
                resolved, resolved_pointer = self.deref(member, pointer + join_pointer("properties", name))
                if isinstance(resolved, dict):
                    found[str(name)] = (resolved, resolved_pointer)
        return found

    def unmarked_page(self, op: Operation) -> Iterator[Finding]:
        if op.method != "get":
            return
        found = success_json_schema(self.doc, op.ref)
        if found is None:
            return
        properties = self.page_properties(*found)
        query = {name for (name, location) in self.merged_params(op) if location == "query"}
        for scheme in self.config.pagination.values():
            items = properties.get(scheme.items_field)
            if (
                scheme.kind == "cursor"
                and items is not None
                and _schema_types(items[0]) == {"array"}
                and scheme.cursor_field in properties
                and scheme.cursor_param in query
            ):
                yield self.finding(
                    "pagination-missing",
                    op.pointer,
                    f"{op.method.upper()} {op.path} answers with a cursor page of {scheme.items_field!r}; "
                    f"add `x-sdk-pagination: {scheme.name}` so the client iterates across pages",
                )
                return


# ------------------------------------------------------------------------------------------------
# Small helpers.


def _has_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _canonical(value: Any) -> str:
    """Equal JSON values give equal keys (1 and 1.0 are the same number; true is not 1)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    kind = (
        "bool"
        if isinstance(value, bool)
        else "number" if isinstance(value, (int, float)) else type(value).__name__
    )
    return kind + ":" + json.dumps(value, sort_keys=True)


def _search(pattern: str, name: str) -> bool:
    try:
        return re.search(pattern, name) is not None
    except re.error:
        return False


def _component_of(pointer: str) -> str | None:
    """``/components/schemas/Foo/properties/x`` -> ``/components/schemas/Foo``."""
    match = re.match(r"^(/components/[^/]+/[^/]+)(?:/|$)", pointer)
    return match.group(1) if match else None


def _schema_types(schema: dict[str, Any]) -> set[str]:
    """The JSON types a (resolved) schema declares, from ``type``, ``nullable`` and ``anyOf``/``oneOf``."""
    declared = schema.get("type")
    types = (
        {declared} if isinstance(declared, str) else set(declared) if isinstance(declared, list) else set()
    )
    if schema.get("nullable") is True:
        types.add("null")
    for key in ("anyOf", "oneOf"):
        members = schema.get(key)
        if isinstance(members, list):
            for member in members:
                if isinstance(member, dict):
                    types |= _schema_types(member)
    return {str(t) for t in types}


_PYTHON_ONLY = frozenset({"pattern", "patternProperties", "multipleOf"})
"""Keywords whose meaning differs between Python's jsonschema and jsonschema-rs: a regular
expression (Python's ``re`` or ECMA 262's) and floating-point divisibility."""


def _fast_registry(data: dict[str, Any], is_30: bool) -> Any:
    """The document as jsonschema-rs's resource, as ``Checks.validator`` gives it to Python's
    jsonschema; ``None`` when jsonschema-rs would not judge its examples as Python's jsonschema
    does (a schema uses one of ``_PYTHON_ONLY``) or cannot take it."""
    pending: list[Any] = [data]
    while pending:
        node: Any = pending.pop()
        if isinstance(node, dict):
            mapping = cast(dict[str, Any], node)
            if not _PYTHON_ONLY.isdisjoint(mapping):
                return None
            pending.extend(mapping.values())
        elif isinstance(node, list):
            pending.extend(node)  # pyright: ignore[reportUnknownArgumentType]
    import jsonschema_rs

    def retrieve(uri: str) -> Any:
        raise ValueError(f"{uri} is not part of the document")  # nothing is fetched

    document = _as_draft_2020(data) if is_30 else data
    try:
        return jsonschema_rs.Registry([(_DOCUMENT_URI, document)], retriever=retrieve)
    except (ValueError, TypeError, OverflowError, jsonschema_rs.ReferencingError):
        return None


def _python_formats() -> dict[str, Callable[[str], bool]]:
    """What the format checker of Python's jsonschema (``Draft202012Validator.FORMAT_CHECKER``, the
    formats its installed helpers allow) says of a string, for each format jsonschema-rs knows:
    a format Python's jsonschema does not check accepts everything."""
    from .validation import RUST_FORMATS

    formats: dict[str, Callable[[str], bool]] = dict.fromkeys(RUST_FORMATS, lambda value: True)
    formats.update(_PYTHON_CHECKED_FORMATS)
    return formats


def _fails(check: Callable[[str], object], *errors: type[Exception]) -> Callable[[str], bool]:
    """A format check that passes unless ``check`` raises one of ``errors`` or returns a false value."""

    def conforms(value: str) -> bool:
        try:
            return bool(check(value))
        except errors:
            return False

    return conforms


def _is_rfc3339(value: str) -> bool:
    try:
        from rfc3339_validator import validate_rfc3339  # type: ignore[import-untyped]
    except ImportError:  # Python's jsonschema checks these formats only when it is installed
        return True
    return bool(validate_rfc3339(value.upper()))


def _is_ipv6(value: str) -> bool:
    import ipaddress

    return not ipaddress.IPv6Address(value).scope_id


def _is_uuid(value: str) -> bool:
    import uuid

    uuid.UUID(value)
    return all(value[position] == "-" for position in (8, 13, 18, 23))


def _is_date(value: str) -> bool:
    import datetime

    return bool(re.fullmatch(r"^\d{4}-\d{2}-\d{2}$", value, re.ASCII)) and bool(
        datetime.date.fromisoformat(value)
    )


def _is_idn_hostname(value: str) -> bool:
    try:
        import idna
    except ImportError:
        return True
    try:
        idna.encode(value)
    except (idna.IDNAError, UnicodeError):
        return False
    return True


def _is_ipv4(value: str) -> bool:
    import ipaddress

    ipaddress.IPv4Address(value)
    return True


_PYTHON_CHECKED_FORMATS: dict[str, Callable[[str], bool]] = {
    "date": _fails(_is_date, ValueError),
    "date-time": _is_rfc3339,
    "time": lambda value: _is_rfc3339("1970-01-01T" + value),
    "email": lambda value: "@" in value,
    "idn-email": lambda value: "@" in value,
    "idn-hostname": _is_idn_hostname,
    "ipv4": _fails(_is_ipv4, ValueError),
    "ipv6": _fails(_is_ipv6, ValueError),
    "regex": _fails(re.compile, re.error),
    "uuid": _fails(_is_uuid, ValueError, IndexError),
}
"""The checks of ``Draft202012Validator.FORMAT_CHECKER`` (jsonschema 4), each as that checker
makes it (tests/test_lint_formats.py holds them to it)."""


def _as_draft_2020(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of an OpenAPI 3.0 document whose schemas mean under JSON Schema 2020-12 what they meant.

    ``nullable: true`` becomes a ``null`` type (or an ``anyOf`` with null), boolean
    ``exclusiveMinimum``/``exclusiveMaximum`` become numbers, and keys beside a ``$ref`` are dropped
    (3.0 ignores them), except ``nullable``.
    """
    document = copy.deepcopy(data)
    schemas = [node for kind, _, node in iter_objects(document) if kind == "schema"]
    for node in schemas:
        for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if isinstance(node.get(bound), bool):
                if node[bound] and limit in node:
                    node[bound] = node.pop(limit)
                else:
                    del node[bound]
        nullable = node.pop("nullable", False) is True
        if "$ref" in node:
            ref = node["$ref"]
            node.clear()
            node["$ref"] = ref
        if not nullable:
            continue
        declared = node.get("type")
        if isinstance(declared, str) and "$ref" not in node:
            node["type"] = [declared, "null"]
            if isinstance(node.get("enum"), list) and None not in node["enum"]:
                node["enum"].append(None)
        else:
            inner = dict(node)
            node.clear()
            node["anyOf"] = [inner, {"type": "null"}]
    return document
