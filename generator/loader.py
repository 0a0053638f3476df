"""Read an OpenAPI document: YAML with line numbers, schema validation and ``$ref`` checks.

This module and ``build`` are the only code that knows YAML and ``$ref``; everything after them
sees the intermediate model.
"""

from __future__ import annotations

import bisect
import json
import re
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Protocol, TypeVar

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from . import validation
from .errors import Location, SpecError, SpecErrors, join_pointer, unescape_pointer_token
from .limits import MAX_ALIAS_EXPANSION, MAX_ALIASES, MAX_NESTING, MAX_REF_CHAIN
from .rules import rule_of

__all__ = [
    "Document",
    "load_document",
    "parse_yaml",
    "parse_json",
    "validate_document",
    "validator_findings",
    "is_error",
    "validation_stages",
    "iter_operations",
    "iter_objects",
    "success_json_schema",
    "success_response_code",
    "HTTP_METHODS",
]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
KNOWN_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object", "null"})


class _JsonLikeLoader(yaml.SafeLoader):
    """A YAML loader whose scalars mean what they would mean in JSON.

    YAML 1.1 would turn ``2024-01-01`` into a ``date`` and ``on``/``no`` into booleans; an OpenAPI
    example or enum value must stay the string the author wrote.
    """


_JsonLikeLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_JsonLikeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _LimitExceeded(Exception):
    """The document goes past one of the limits of ``limits``; where, and what."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.pointer = ""


class _BoundedComposer(Composer, SafeConstructor):
    """A composer that refuses, while it composes, what would exhaust the stack or memory.

    Counts aliases, refuses an alias inside its own anchor (a structure that contains itself, which
    no JSON value can be) and nesting deeper than ``MAX_NESTING``. PyYAML composes recursively, so
    the depth is checked before the stack runs out. An alias is a reference to a node composed
    once; the size aliases add when expanded is counted by ``_convert``. The events come from
    PyYAML's parser (``_BoundedLoader``) or libyaml's (``_CBoundedLoader``).
    """

    if TYPE_CHECKING:  # given by the parser each loader below has

        def peek_event(self) -> Any: ...

        def dispose(self) -> None: ...

    def _start_bounds(self) -> None:
        self.depth = 0
        self.aliases = 0
        self.nodes = 0
        self.open_anchors: set[str] = set()
        self.alias_marks: dict[int, Any] = {}
        """id() of a node reached through an alias -> where the first such alias is written."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _LimitExceeded(
                    f"more than {MAX_ALIASES:,} YAML aliases in one document", event.start_mark
                )
            if event.anchor in self.open_anchors:
                raise _LimitExceeded(
                    f"the alias *{event.anchor} is inside its own anchor &{event.anchor}: "
                    "a value that contains itself cannot be a JSON value",
                    event.start_mark,
                )
            node = super().compose_node(parent, index)
            self.alias_marks.setdefault(id(node), event.start_mark)
            return node
        self.nodes += 1
        if isinstance(event, yaml.ScalarEvent):
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise _LimitExceeded(
                f"the document nests more than {MAX_NESTING} mappings and sequences deep", event.start_mark
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.open_anchors.add(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1
            if anchor is not None:
                self.open_anchors.discard(anchor)


class _BoundedLoader(_BoundedComposer, _JsonLikeLoader):
    """``_JsonLikeLoader`` (PyYAML's pure-Python reader, scanner and parser) with the bounds of
    ``_BoundedComposer``: the reference reading, and the one whose error messages are reported."""

    def __init__(self, stream: str) -> None:
        _JsonLikeLoader.__init__(self, stream)
        self._start_bounds()


_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: its pure-Python parser reads everything
    _CParser = None

if _CParser is not None:

    class _CBoundedLoader(_BoundedComposer, _CParser, Resolver):  # type: ignore[misc]
        """``_BoundedLoader`` with libyaml's C parser giving the events: the same nodes, marks and
        bounds, an order of magnitude faster. Used only for a document it reads without error;
        any error is reported as ``_BoundedLoader`` words it (``_compose``)."""

        yaml_implicit_resolvers = _JsonLikeLoader.yaml_implicit_resolvers

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._start_bounds()


@dataclass
class _Budget:
    """What ``_convert`` may still produce beyond the composed nodes, and where it stands."""

    extra: int = MAX_ALIAS_EXPANSION
    converted: set[int] = field(default_factory=set)
    """id() of every node converted once; converting one again is expanding an alias."""


class _Located(Protocol):
    """A finding or an error: something with a ``location`` that ``relocated`` can replace."""

    @property
    def location(self) -> Location: ...

    def relocated(self: _L, location: Location) -> _L: ...


_L = TypeVar("_L", bound=_Located)


def _nearest(name: str, positions: dict[str, tuple[int, int]], pointer: str) -> Location:
    """The location of ``pointer`` in ``positions``, with the line of the nearest node that has one."""
    probe = pointer
    while True:
        position = positions.get(probe)
        if position is not None:
            return Location(name, pointer, position[0], position[1])
        if not probe:
            return Location(name, pointer)
        probe = probe.rsplit("/", 1)[0]


@dataclass
class Document:
    """A loaded spec: its data and where every node of it sits in the file."""

    name: str
    """How the file is named in messages (the path as the user gave it)."""
    data: dict[str, Any]
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    """JSON pointer -> (line, column), both 1-based."""

    def location(self, pointer: str) -> Location:
        """The location of ``pointer``, with the line of the nearest node that has one."""
        return _nearest(self.name, self.positions, pointer)

    def deferring(self) -> AbstractContextManager[None]:
        """While inside, ``location`` may leave out line and column (a JSON document's positions are
        then not worked out for every finding); ``relocate`` puts them in for what is shown."""
        return nullcontext()

    def relocate(self, findings: list[_L]) -> list[_L]:
        """``findings`` with the line and column of each one in this file that has none yet."""
        wanted = [
            f.location.pointer for f in findings if f.location.file == self.name and f.location.line is None
        ]
        if not wanted:
            return findings
        found = self._locations(wanted)
        return [
            (
                f.relocated(found[f.location.pointer])
                if f.location.file == self.name and f.location.line is None
                else f
            )
            for f in findings
        ]

    def _locations(self, pointers: list[str]) -> dict[str, Location]:
        return {pointer: self.location(pointer) for pointer in pointers}

    def error(self, pointer: str, message: str, *, rule: str = "spec") -> SpecError:
        return SpecError(message, self.location(pointer), rule=rule)

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow a chain of local ``$ref``s from ``node`` (at ``pointer``): the target and its pointer.

        Only for a document whose references were checked (``check_refs``, which refuses cycles and
        chains longer than ``MAX_REF_CHAIN``): a dangling one raises ``KeyError``, and a longer chain
        stops where it is.
        """
        for _ in range(MAX_REF_CHAIN + 1):
            if not (
                isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")
            ):
                break
            pointer = node["$ref"][1:]
            node = self.resolve_pointer(pointer)
        return node, pointer

    def without(self, pointers: list[str]) -> Document:
        """This document with the values at ``pointers`` left out (the workarounds of warnings),
        sharing every part that keeps them all; an ``enum`` left empty is left out too. Locations
        are the original's (list items after a removed one keep their original index there)."""
        removals = set(pointers)
        if not removals:
            return self
        ancestors = {pointer[:index] for pointer in removals for index in _slashes(pointer)}
        return _Repaired(self, _without(self.data, "", removals, ancestors))

    def resolve_pointer(self, pointer: str) -> Any:
        """The value at a JSON pointer (``KeyError`` when there is none)."""
        node: Any = self.data
        if not pointer:
            return node
        for raw in pointer.lstrip("/").split("/"):
            token = unescape_pointer_token(raw)
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise KeyError(pointer)
        return node


def _slashes(pointer: str) -> list[int]:
    return [index for index, char in enumerate(pointer) if char == "/"]


def _without(node: Any, pointer: str, removals: set[str], ancestors: set[str]) -> Any:
    if pointer not in ancestors:
        return node
    if isinstance(node, dict):
        result: dict[str, Any] = {}
        for key, value in node.items():
            child = pointer + join_pointer(key)
            if child in removals:
                continue
            kept = _without(value, child, removals, ancestors)
            if key == "enum" and isinstance(value, list) and value and kept == []:
                continue
            result[key] = kept
        return result
    if isinstance(node, list):
        return [
            _without(item, f"{pointer}/{index}", removals, ancestors)
            for index, item in enumerate(node)
            if f"{pointer}/{index}" not in removals
        ]
    return node


class _Repaired(Document):
    """A document with some values left out (``Document.without``): the original's name and places."""

    def __init__(self, original: Document, data: dict[str, Any]) -> None:
        self.name = original.name
        self.data = data
        self._original = original

    @property
    def positions(self) -> dict[str, tuple[int, int]]:
        return self._original.positions

    @positions.setter
    def positions(self, value: dict[str, tuple[int, int]]) -> None:
        self._original.positions = value

    def location(self, pointer: str) -> Location:
        return self._original.location(pointer)

    def deferring(self) -> AbstractContextManager[None]:
        return self._original.deferring()

    def _locations(self, pointers: list[str]) -> dict[str, Location]:
        return self._original._locations(pointers)


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML (or JSON) text into a ``Document``; syntax errors carry line and column.

    Nesting, aliases and what aliases expand to are bounded (see ``limits``): past a limit the
    document is refused with the place where it went past.
    """
    loader, node = _compose(text, name)
    try:
        positions: dict[str, tuple[int, int]] = {}
        errors: list[SpecError] = []
        try:
            data = _convert(loader, node, "", positions, errors, name, _Budget(), 0, None)
        except _LimitExceeded as exc:
            raise SpecErrors([_limit_error(exc, name)]) from None
        except yaml.MarkedYAMLError as exc:  # a merge key (``<<``) of a scalar, a tag nothing constructs
            raise SpecErrors([_syntax_error(exc, name)]) from None
    finally:
        loader.dispose()
    if errors:
        raise SpecErrors(errors)
    if not isinstance(data, dict):
        raise SpecErrors(
            [
                SpecError(
                    "the document must be a mapping (an OpenAPI object)",
                    Location(name, "", 1, 1),
                    rule="yaml",
                )
            ]
        )
    return Document(name=name, data=data, positions=positions)


def _compose(text: str, name: str) -> tuple[_BoundedComposer, yaml.Node]:
    """The node tree of ``text`` within the bounds, composed from libyaml's events when PyYAML has
    it. A document libyaml does not read to the end (a syntax error, a limit, text it cannot
    encode) is read again by PyYAML's own parser, whose words and places every error is reported
    in, whichever parser is installed."""
    if _CParser is not None:
        try:
            fast: _BoundedComposer | None = _CBoundedLoader(text)
        except Exception:  # text libyaml cannot take (a lone surrogate): PyYAML's parser reads it
            fast = None
        if fast is not None:
            try:
                node = fast.get_single_node()
            except Exception:  # reported below, as PyYAML's parser finds it
                node = None
            if node is not None:
                return fast, node
            fast.dispose()
    try:
        loader = _BoundedLoader(text)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a control character)
        raise SpecErrors([_reader_error(exc, text, name)]) from None
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        loader.dispose()
        raise SpecErrors([_reader_error(exc, text, name)]) from None
    except _LimitExceeded as exc:
        loader.dispose()
        raise SpecErrors([_limit_error(exc, name)]) from None
    except yaml.MarkedYAMLError as exc:
        loader.dispose()
        raise SpecErrors([_syntax_error(exc, name)]) from None
    except yaml.YAMLError as exc:
        loader.dispose()
        raise SpecErrors([SpecError(f"YAML syntax error: {exc}", Location(name), rule="yaml")]) from None
    if node is None:
        loader.dispose()
        raise SpecErrors([SpecError("the document is empty", Location(name), rule="yaml")])
    return loader, node


def _reader_error(exc: yaml.reader.ReaderError, text: str, name: str) -> SpecError:
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    character = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return SpecError(
        f"YAML syntax error: the character #x{character:04x} is not allowed in YAML ({exc.reason})",
        Location(name, "", line, column),
        rule="yaml",
    )


def _syntax_error(exc: yaml.MarkedYAMLError, name: str) -> SpecError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    started = exc.context_mark
    if started is not None and "end of stream" in problem:
        mark = started  # an unclosed quote or bracket: where it opens is where to look
    if exc.context:
        where = ""
        if started is not None and mark is not None and started.line != mark.line:
            where = f" (at line {started.line + 1}, column {started.column + 1})"
        problem = f"{exc.context}{where}: {problem}"
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return SpecError(f"YAML syntax error: {problem}", Location(name, "", line, column), rule="yaml")


def _limit_error(exc: _LimitExceeded, name: str) -> SpecError:
    mark = exc.mark
    return SpecError(exc.message, Location(name, exc.pointer, mark.line + 1, mark.column + 1), rule="yaml")


def _convert(
    loader: _BoundedComposer,
    node: yaml.Node,
    pointer: str,
    positions: dict[str, tuple[int, int]],
    errors: list[SpecError],
    name: str,
    budget: _Budget,
    depth: int,
    alias: tuple[Any, str] | None,
) -> Any:
    """The JSON-like value of ``node``, positions recorded under ``pointer``.

    ``alias`` is where the alias being expanded is written and its pointer (``None`` outside one). A node met a second
    time is an alias expanded: what it adds is counted against the budget, and its nesting
    counts from where the alias stands.
    """
    if id(node) in budget.converted:
        if alias is None:
            alias = (loader.alias_marks.get(id(node), node.start_mark), pointer)
        budget.extra -= 1
        if budget.extra < 0:
            exc = _LimitExceeded(
                f"the YAML aliases of this document expand to more than {MAX_ALIAS_EXPANSION:,} "
                'values (a "billion laughs" document?); write the values out or use $ref',
                alias[0],
            )
            exc.pointer = alias[1]
            raise exc
    else:
        budget.converted.add(id(node))
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and depth >= MAX_NESTING:
        exc = _LimitExceeded(
            f"the document nests more than {MAX_NESTING} mappings and sequences deep "
            "(counting what aliases expand to)",
            alias[0] if alias is not None else node.start_mark,
        )
        exc.pointer = alias[1] if alias is not None else pointer
        raise exc
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                errors.append(
                    SpecError(
                        "a mapping key must be a plain value (a string or number), not a mapping or list",
                        Location(name, pointer, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                        rule="yaml",
                    )
                )
                continue
            key_value = loader.construct_object(key_node, deep=True)
            key = _text(_key_text(key_value), key_node, pointer, errors, name)
            child = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                errors.append(
                    SpecError(
                        f"duplicate key {key!r} (first at line {positions[child][0]})",
                        Location(name, child, *where),
                        rule="yaml",
                    )
                )
                continue
            positions[child] = where
            result[key] = _convert(
                loader, value_node, child, positions, errors, name, budget, depth + 1, alias
            )
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item_node in enumerate(node.value):
            child = f"{pointer}/{index}"
            positions[child] = (item_node.start_mark.line + 1, item_node.start_mark.column + 1)
            items.append(
                _convert(loader, item_node, child, positions, errors, name, budget, depth + 1, alias)
            )
        return items
    if node.tag == _STR_TAG and isinstance(node.value, str):
        value: Any = node.value  # what SafeConstructor makes of it, without its bookkeeping
    else:
        value = loader.construct_object(node, deep=True)
    return _text(value, node, pointer, errors, name) if isinstance(value, str) else value


_STR_TAG = "tag:yaml.org,2002:str"


_SURROGATES = re.compile("[\ud800-\udfff]")


def _text(value: str, node: yaml.Node, pointer: str, errors: list[SpecError], name: str) -> str:
    """A string with the UTF-16 surrogate pairs of ``"\\ud83d\\ude00"`` escapes joined into characters.

    YAML (like JSON) writes a character outside the Basic Multilingual Plane as two ``\\u`` escapes;
    PyYAML keeps them as two lone surrogates, which no UTF-8 file can hold. A surrogate without
    its partner is an error in the spec.
    """
    if not _SURROGATES.search(value):
        return value
    try:
        return value.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        where = (node.start_mark.line + 1, node.start_mark.column + 1)
        errors.append(
            SpecError(
                "invalid \\u escape: a UTF-16 surrogate without its pair",
                Location(name, pointer, *where),
                rule="yaml",
            )
        )
        return _SURROGATES.sub("\ufffd", value)


def _key_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def load_document(path: Path, name: str | None = None) -> Document:
    """Read and parse a spec file. Errors name the file as ``name`` (default: the path as given)."""
    display = name or str(path)
    try:
        # As ``read_text`` reads it (newlines made ``\n``), in one decode of the whole file.
        text = path.read_bytes().decode("utf-8")
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
    except FileNotFoundError:
        raise SpecErrors([SpecError("file not found", Location(display), rule="io")]) from None
    except UnicodeDecodeError as exc:
        raise SpecErrors(
            [SpecError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", Location(display), rule="io")]
        ) from None
    except OSError as exc:
        raise SpecErrors(
            [SpecError(f"cannot read the file: {exc.strerror}", Location(display), rule="io")]
        ) from None
    doc: Document | None = None
    if text.lstrip()[:1] == "{":
        doc = parse_json(text, display)
    if doc is None:
        doc = parse_yaml(text, display)
    if _ENCODED_REF.search(text):
        _decode_ref_fragments(doc.data)
    return doc


_ENCODED_REF = re.compile(r"""\$ref["']?\s*:\s*["']?#[^"'\n]*%[0-9A-Fa-f]{2}""")
"""A local ``$ref`` with a percent-encoded character (``#/paths/~1v2~1keys~1%7Bid%7D``)."""


def _decode_ref_fragments(node: Any) -> None:
    """Percent-decode the local ``$ref``s of the document in place. A ``$ref`` is a URI, and a JSON
    pointer in its fragment is percent-encoded (RFC 6901, section 6): ``%7B`` means ``{``."""
    from urllib.parse import unquote

    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith("#") and "%" in ref:
                current["$ref"] = unquote(ref)
            stack.extend(value for value in current.values() if isinstance(value, (dict, list)))
        elif isinstance(current, list):
            stack.extend(value for value in current if isinstance(value, (dict, list)))


class _LazyPositions(Document):
    """A document read with ``json``: its positions are worked out (by the YAML reader, which
    keeps them) the first time something asks where a node is, typically to report an error."""

    def __init__(self, name: str, data: dict[str, Any], text: str) -> None:
        self.name = name
        self.data = data
        self._text: str | None = text
        self._positions: dict[str, tuple[int, int]] = {}
        self._some: dict[str, tuple[int, int]] = {}
        """The positions worked out for some pointers only (``json_positions_of``)."""
        self._deferring = 0

    @property
    def positions(self) -> dict[str, tuple[int, int]]:
        if self._text is not None:
            text, self._text = self._text, None
            self._some = {}
            try:
                self._positions = json_positions(text)
            except (ValueError, IndexError):
                self._positions = {}
        return self._positions

    @positions.setter
    def positions(self, value: dict[str, tuple[int, int]]) -> None:
        self._text = None
        self._some = {}
        self._positions = value

    def location(self, pointer: str) -> Location:
        if self._deferring and self._text is not None:
            return Location(self.name, pointer)
        return super().location(pointer)

    def deferring(self) -> AbstractContextManager[None]:
        return self._deferred()

    @contextmanager
    def _deferred(self) -> Iterator[None]:
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1

    def _locations(self, pointers: list[str]) -> dict[str, Location]:
        if self._text is None:
            return super()._locations(pointers)
        missing = [pointer for pointer in pointers if pointer not in self._some]
        if missing:
            try:
                self._some.update(json_positions_of(self._text, missing))
            except (ValueError, IndexError):
                return {pointer: self.location(pointer) for pointer in pointers}  # all of them, then
        return {pointer: _nearest(self.name, self._some, pointer) for pointer in pointers}


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')


def json_positions(text: str) -> dict[str, tuple[int, int]]:
    """JSON pointer -> (line, column), 1-based, of every key and array item of a JSON text: where the
    YAML reader would put them (a key's opening quote, an item's first character), in one pass of
    a regular expression instead of a full YAML parse. Raises ``ValueError`` on text that is not
    well-formed JSON."""
    newlines = [match.start() for match in re.finditer("\n", text)]
    found: dict[str, tuple[int, int]] = {}
    # One frame per open container: [pointer, is_object, next array index, pending key].
    stack: list[list[Any]] = []
    expect_key = False

    def where(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(newlines, offset - 1)
        start = newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def item_start(offset: int) -> None:
        if stack and not stack[-1][1]:
            frame = stack[-1]
            found[f"{frame[0]}/{frame[2]}"] = where(offset)

    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if first == "{" or first == "[":
            if stack and stack[-1][1]:
                pointer = stack[-1][3]
            elif stack:
                item_start(match.start())
                pointer = f"{stack[-1][0]}/{stack[-1][2]}"
            else:
                pointer = ""
            stack.append([pointer, first == "{", 0, None])
            expect_key = first == "{"
        elif first == "}" or first == "]":
            stack.pop()
            expect_key = False
        elif first == ",":
            if not stack:
                raise ValueError("a comma outside any container")
            frame = stack[-1]
            if frame[1]:
                expect_key = True
            else:
                frame[2] += 1
        elif first == ":":
            expect_key = False
        elif expect_key and first == '"':
            key = json.loads(token)
            frame = stack[-1]
            frame[3] = frame[0] + "/" + key.replace("~", "~0").replace("/", "~1")
            found.setdefault(frame[3], where(match.start()))
        elif stack and not stack[-1][1]:
            item_start(match.start())
    if stack:
        raise ValueError("unclosed container")
    return found


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def json_positions_of(text: str, pointers: list[str]) -> dict[str, tuple[int, int]]:
    """What ``json_positions`` gives for ``pointers`` and every node on the way to them, without
    the rest: the walk goes down only where a pointer leads and skips every other value with the
    ``json`` module's own scanner, so locating a few hundred findings in a large document costs
    about one ``json.loads`` of it rather than a pass over every token in Python. Raises
    ``ValueError`` on text that is not well-formed JSON."""
    wanted: dict[str, Any] = {}
    for pointer in pointers:
        node = wanted
        for token in pointer.split("/")[1:] if pointer else []:
            node = node.setdefault(unescape_pointer_token(token), {})
    offsets: dict[str, int] = {}
    skip = json.JSONDecoder().raw_decode
    blank = _JSON_SPACE.match

    def space(text: str, offset: int) -> re.Match[str]:
        found = blank(text, offset)
        assert found is not None  # the pattern matches the empty string
        return found

    def walk(offset: int, pointer: str, inner: dict[str, Any]) -> int:
        """The offset after the value at ``offset`` (``pointer``), recording what ``inner`` asks."""
        first = text[offset]
        if first == "{":
            offset = space(text, offset + 1).end()
            if text[offset] == "}":
                return offset + 1
            while True:
                key_at = offset
                key, offset = skip(text, offset)
                if not isinstance(key, str):
                    raise ValueError(f"a key that is not a string at offset {key_at}")
                offset = space(text, offset).end()
                if text[offset] != ":":
                    raise ValueError(f"no ':' after a key at offset {offset}")
                offset = space(text, offset + 1).end()
                child = inner.get(key)
                if child is None:
                    offset = skip(text, offset)[1]
                else:
                    here = pointer + "/" + key.replace("~", "~0").replace("/", "~1")
                    offsets.setdefault(here, key_at)
                    offset = walk(offset, here, child)
                offset = space(text, offset).end()
                if text[offset] == "}":
                    return offset + 1
                if text[offset] != ",":
                    raise ValueError(f"no ',' or '}}' at offset {offset}")
                offset = space(text, offset + 1).end()
        if first == "[":
            offset = space(text, offset + 1).end()
            if text[offset] == "]":
                return offset + 1
            index = 0
            while True:
                child = inner.get(str(index))
                if child is None:
                    offset = skip(text, offset)[1]
                else:
                    here = f"{pointer}/{index}"
                    offsets.setdefault(here, offset)
                    offset = walk(offset, here, child)
                offset = space(text, offset).end()
                if text[offset] == "]":
                    return offset + 1
                if text[offset] != ",":
                    raise ValueError(f"no ',' or ']' at offset {offset}")
                offset = space(text, offset + 1).end()
                index += 1
        return skip(text, offset)[1]

    walk(space(text, 0).end(), "", wanted)
    # Lines and columns of the offsets found, counting newlines between them (in C) in one pass.
    found: dict[str, tuple[int, int]] = {}
    line, last = 1, 0
    for pointer, offset in sorted(offsets.items(), key=lambda item: item[1]):
        line += text.count("\n", last, offset)
        last = offset
        found[pointer] = (line, offset - text.rfind("\n", 0, offset))
    return found


class _NotPlainJson(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _NotPlainJson  # duplicate keys: the YAML reader says where
    return result


def _no_constant(name: str) -> Any:
    raise _NotPlainJson  # NaN and Infinity are not JSON


_LONE_SURROGATE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
"""A ``\\u`` escape of half a surrogate pair without its other half (or something that looks like
one): the YAML reader reports it with its line."""


def parse_json(text: str, name: str) -> Document | None:
    """A JSON document read with ``json`` (a hundred times faster than the YAML reader), or
    ``None`` when the text is not plain JSON (a syntax error, a duplicate key, NaN, a surrogate
    escape without its pair, a top level that is not an object): the YAML reader then reads it and reports what is
    wrong with line and column. Positions are computed only when asked for."""
    if "\\u" in text and _LONE_SURROGATE_ESCAPE.search(text):
        return None
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except (ValueError, _NotPlainJson, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    return _LazyPositions(name, data, text)


# ----------------------------------------------------------------------------------------------
# Validation


_DATA_KEYS = frozenset({"example", "default", "const", "enum", "value", "x-examples"})
"""Keys whose values are instance data, where a "$ref" key is just a key."""
_NAME_MAPS = frozenset(
    {
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "dependentSchemas",
        "schemas",
        "parameters",
        "responses",
        "paths",
        "headers",
        "content",
        "requestBodies",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
        "encoding",
        "examples",
        "webhooks",
    }
)
"""Keys whose values map user-chosen names to objects (a property may be called "default")."""


def iter_refs(node: Any, pointer: str = "", *, names: bool = False) -> Iterator[tuple[str, str]]:
    """Every ``$ref`` in the document: (pointer of the object holding it, the reference)."""
    if isinstance(node, dict):
        if not names:
            ref = node.get("$ref")
            if isinstance(ref, str):
                yield pointer, ref
        for key, value in node.items():
            child = pointer + join_pointer(key)
            if names:
                yield from iter_refs(value, child)
            elif key == "examples" and isinstance(value, list):
                continue  # JSON Schema examples: instance data
            elif key != "$ref" and key not in _DATA_KEYS:
                yield from iter_refs(value, child, names=key in _NAME_MAPS and isinstance(value, dict))
    elif isinstance(node, list) and not names:
        for index, item in enumerate(node):
            yield from iter_refs(item, f"{pointer}/{index}")


_COMBINATORS = ("allOf", "anyOf", "oneOf")


def check_refs(doc: Document) -> list[SpecError]:
    """Dangling, external and circular references."""
    errors: list[SpecError] = []
    for holder, ref in iter_refs(doc.data):
        where = holder + "/$ref"
        if not ref.startswith("#"):
            errors.append(
                doc.error(
                    where, f"external $ref {ref!r} is not supported; put the target in this file", rule="ref"
                )
            )
            continue
        try:
            doc.resolve_pointer(ref[1:])
        except KeyError:
            errors.append(doc.error(where, f"$ref {ref!r} points to nothing", rule="ref"))
    if errors:
        return errors
    # Cycles the generator cannot turn into types: a chain of pure references, or a schema that
    # includes itself through allOf/anyOf/oneOf. Recursion through properties/items is fine.
    return _ref_cycles(doc)


def _ref_edges(doc: Document, pointer: str) -> list[str]:
    """Where the object at ``pointer`` is made of other objects: its ``$ref`` and the ``$ref`` of
    its allOf/anyOf/oneOf members (targets as pointers)."""
    node = doc.resolve_pointer(pointer)
    if not isinstance(node, dict):
        return []
    found: list[str] = []
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        found.append(ref[1:])
    for combinator in _COMBINATORS:
        members = node.get(combinator)
        if isinstance(members, list):
            for member in members:
                if (
                    isinstance(member, dict)
                    and isinstance(member.get("$ref"), str)
                    and member["$ref"].startswith("#")
                ):
                    found.append(member["$ref"][1:])
    return found


def _ref_cycles(doc: Document) -> list[SpecError]:
    """Each cycle of ``_ref_edges`` once, at the first ``$ref`` (in document order) that leads into it,
    and chains longer than ``MAX_REF_CHAIN``.

    One depth-first walk over the whole document, without recursion: every object is entered once
    however many references lead to it, so a long acyclic chain costs its length, not its square.
    """
    errors: list[SpecError] = []
    done: set[str] = set()
    reported: set[frozenset[str]] = set()
    for holder, _ref in iter_refs(doc.data):
        if holder in done:
            continue
        on_path: dict[str, int] = {holder: 0}
        stack: list[tuple[str, Iterator[str]]] = [(holder, iter(_ref_edges(doc, holder)))]
        too_long = False
        while stack:
            current, pending = stack[-1]
            target = next(pending, None)
            if target is None:
                stack.pop()
                del on_path[current]
                done.add(current)
                continue
            if target in on_path:
                cycle = [entry for entry, _ in stack[on_path[target] :]] + [target]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    chain = " -> ".join("#" + entry for entry in cycle)
                    errors.append(
                        doc.error(
                            holder + "/$ref",
                            f"circular $ref the generator cannot resolve: {chain}",
                            rule="ref",
                        )
                    )
                continue
            if target in done:
                continue
            if len(stack) >= MAX_REF_CHAIN and not too_long:
                too_long = True
                errors.append(
                    doc.error(
                        holder + "/$ref",
                        f"a chain of more than {MAX_REF_CHAIN:,} references (through $ref, allOf, anyOf "
                        f"and oneOf) starts here; the generator follows at most {MAX_REF_CHAIN:,}",
                        rule="ref",
                    )
                )
            if too_long:
                continue
            on_path[target] = len(stack)
            stack.append((target, iter(_ref_edges(doc, target))))
    return errors


def _version(doc: Document) -> str:
    version = doc.data.get("openapi")
    if not isinstance(version, str) or not re.match(r"^3\.[01]\.\d+", version):
        raise SpecErrors(
            [doc.error("/openapi", f"expected an OpenAPI 3.0 or 3.1 document, found openapi: {version!r}")]
        )
    return version


def _meta_schema_errors(doc: Document, version: str) -> list[SpecError]:
    if validation.document_is_valid(doc, version):
        # jsonschema-rs agrees with Python's jsonschema on every document it accepts (see
        # tests/test_validation.py); the slow reference runs only to word the errors.
        return _schema_dialect_errors(doc, version) if version.startswith("3.1") else []
    import jsonschema
    from openapi_spec_validator.schemas import schema_v30, schema_v31

    meta = schema_v31 if version.startswith("3.1") else schema_v30
    validator_class = jsonschema.validators.validator_for(meta)
    validator = validator_class(meta)
    errors: list[SpecError] = []
    schemas: set[str] | None = None
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: [str(p) for p in e.absolute_path]):
        best = jsonschema.exceptions.best_match([error]) if error.context else error
        pointer = join_pointer(*best.absolute_path)
        if pointer.endswith("/schema") and best.instance is None:
            continue  # ``schema: null``: the null-schema rule (lint) reports it, and reads it as none
        rule = "openapi"
        if version.startswith("3.0"):
            if schemas is None:
                schemas = {where for kind, where, _ in iter_objects(doc.data) if kind == "schema"}
            if _is_31_type(doc, pointer, schemas):
                rule = "openapi-31-syntax"
        message = f"not valid OpenAPI {version}: {best.message}"
        if rule == "openapi-31-syntax":
            message += " (OpenAPI 3.1 writes a nullable type this way)"
        errors.append(doc.error(pointer, message, rule=rule))
    if version.startswith("3.1") and not errors:
        errors = _schema_dialect_errors(doc, version)
    return errors[:50]


def _schema_dialect_errors(doc: Document, version: str) -> list[SpecError]:
    """OpenAPI 3.1's meta-schema does not look inside schemas: each outermost schema is checked
    against JSON Schema 2020-12 here, so a finding says where it is (openapi-spec-validator checks
    the same without a location; ``_semantic_errors`` leaves those out)."""
    seen: set[str] = set()
    errors: list[SpecError] = []
    for kind, pointer, node in iter_objects(doc.data):
        if kind != "schema" or _ancestors(pointer) & seen:
            continue
        seen.add(pointer)
        if validation.schema_is_valid_2020_12(node):
            continue  # Python's jsonschema (imported only now) words what jsonschema-rs rejects
        import jsonschema

        meta = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)
        for error in sorted(meta.iter_errors(node), key=lambda e: [str(p) for p in e.absolute_path]):
            best = jsonschema.exceptions.best_match([error]) if error.context else error
            where = pointer + join_pointer(*best.absolute_path)
            if re.search(r"/type(?:/\d+)?$", where):
                continue  # ``unknown_types`` says it better (the ``unknown-type`` rule)
            errors.append(doc.error(where, f"not valid OpenAPI {version}: {best.message}", rule="openapi"))
    return errors


def _ancestors(pointer: str) -> set[str]:
    return {pointer[:index] for index in _slashes(pointer) if index}


def _is_31_type(doc: Document, pointer: str, schemas: set[str]) -> bool:
    """Whether ``pointer`` is the ``type`` of a schema written as OpenAPI 3.1 writes it: ``'null'``
    or a list of known types. A 3.0 document may say so (the generator reads it as 3.1 would)."""
    parent, _, key = pointer.rpartition("/")
    if key != "type" or parent not in schemas:
        return False
    try:
        value = doc.resolve_pointer(pointer)
    except KeyError:
        return False
    if isinstance(value, list):
        return bool(value) and all(isinstance(entry, str) and entry in KNOWN_TYPES for entry in value)
    return isinstance(value, str) and value == "null"


def validation_stages(doc: Document) -> list[tuple[str, Callable[[], list[SpecError]]]]:
    """The checks of ``validate_document`` in order; each stage assumes the earlier ones passed.

    ``lint`` runs them too, and puts its own rules between ``house`` and ``semantic``.
    """
    version = _version(doc)
    return [
        ("openapi", lambda: _meta_schema_errors(doc, version)),
        ("refs", lambda: check_refs(doc)),
        ("house", lambda: house_errors(doc)),
        ("semantic", lambda: _semantic_errors(doc, version)),
    ]


def validator_findings(doc: Document) -> tuple[list[SpecError], list[SpecError]]:
    """What OpenAPI validation finds: the meta-schema stage (errors and warnings), then, when that
    has no error and the references are sound, OpenAPI's own rules (``_semantic_errors``). References and our rules are
    ``check_refs`` and ``lint``'s; ``lint.check_document`` puts them all together."""
    version = _version(doc)
    meta = _meta_schema_errors(doc, version)
    if any(is_error(error) for error in meta) or check_refs(doc):
        return meta, []  # the validator would recurse forever on a cycle; check_refs reports it
    return meta, _semantic_errors(doc, version)


def validate_document(doc: Document) -> None:
    """Check the document against the OpenAPI schema, then references, then OpenAPI's own rules.

    Raises ``SpecErrors`` with every error found at the first stage that finds any; warnings
    (``rules.RULES``: findings the generator works around) do not stop it.
    """
    for _name, stage in validation_stages(doc):
        errors = [error for error in stage() if is_error(error)]
        if errors:
            raise SpecErrors(errors)


def is_error(error: SpecError) -> bool:
    """Whether a finding stops generation (its rule's severity is ``error``)."""
    return rule_of(error.rule, fallback="openapi").severity == "error"


def house_errors(doc: Document) -> list[SpecError]:
    """Problems the generic OpenAPI validator reports without saying where: we say where.

    Duplicate ``operationId``s and unknown schema ``type``s (OpenAPI 3.1's meta-schema does not look
    inside schemas, and the validator that does loses the location).
    """
    return duplicate_operation_ids(doc) + unknown_types(doc)


def duplicate_operation_ids(doc: Document) -> list[SpecError]:
    errors: list[SpecError] = []
    seen: dict[str, tuple[str, str]] = {}
    for op in iter_operations(doc.data):
        op_id = op.operation.get("operationId")
        if not isinstance(op_id, str):
            continue
        where = op.pointer + "/operationId"
        if op_id in seen:
            first_label, first_pointer = seen[op_id]
            line = doc.location(first_pointer).line
            at = f" at line {line}" if line is not None else f" at {first_pointer}"
            errors.append(
                doc.error(
                    where,
                    f"duplicate operationId {op_id!r}: {first_label}{at} already uses it",
                    rule="operation-id-unique",
                )
            )
        else:
            seen[op_id] = (f"{op.method.upper()} {op.path}", where)
    return errors


def unknown_types(doc: Document) -> list[SpecError]:
    errors: list[SpecError] = []
    for kind, pointer, node in iter_objects(doc.data):
        if kind != "schema" or "$ref" in node:
            continue
        declared = node.get("type")
        for index, entry in enumerate(declared if isinstance(declared, list) else [declared]):
            if entry is None and declared is None:
                continue
            if not isinstance(entry, str) or entry not in KNOWN_TYPES:
                where = pointer + "/type" + (f"/{index}" if isinstance(declared, list) else "")
                expected = ", ".join(sorted(KNOWN_TYPES))
                errors.append(
                    doc.error(
                        where, f"unknown type {entry!r} (expected one of {expected})", rule="unknown-type"
                    )
                )
    return errors


# ----------------------------------------------------------------------------------------------
# Walking the document: where operations, parameters, media types and schemas are.


@dataclass(frozen=True)
class OperationRef:
    """One operation of the document and where it sits."""

    path: str
    method: str
    pointer: str
    operation: dict[str, Any]
    path_item: dict[str, Any]
    path_item_pointer: str


def iter_operations(data: dict[str, Any]) -> Iterator[OperationRef]:
    """Every operation under ``paths``, in document order; a path item given by a local ``$ref``
    is followed (``path_item_pointer`` is then where its content is). The one walk of ``paths``:
    ``spec.read_spec`` builds its operations from it."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        item_pointer = join_pointer("paths", path)
        item, item_pointer = _follow(data, item, item_pointer)
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield OperationRef(
                    str(path), method, item_pointer + join_pointer(method), operation, item, item_pointer
                )


def _follow(data: dict[str, Any], node: Any, pointer: str) -> tuple[Any, str]:
    """``Document.deref`` on bare data: a chain of local ``$ref``s (at most ``MAX_REF_CHAIN``);
    one that points to nothing stops where it is (``check_refs`` reports it)."""
    for _ in range(MAX_REF_CHAIN + 1):
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not (isinstance(ref, str) and ref.startswith("#")):
            break
        try:
            node = Document("", data).resolve_pointer(ref[1:])
        except KeyError:
            break
        pointer = ref[1:]
    return node, pointer


def is_json_media_type(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


def success_response_code(responses: dict[Any, Any]) -> Any:
    """The key of the response a successful call gets: the lowest explicit 2xx code, else the
    ``2XX`` range, else ``default`` (the only response some specs document); ``None`` if none."""
    explicit = sorted(str(code) for code in responses if re.fullmatch(r"2\d\d", str(code)))
    ranged = [str(code) for code in responses if str(code).upper() == "2XX"]
    for name in (*explicit, *ranged, "default"):
        for code in responses:
            if str(code) == name:
                return code
    return None


def success_json_schema(doc: Document, op: OperationRef) -> tuple[Any, str] | None:
    """The schema of what an operation returns on success, resolved, with its pointer.

    The first 2xx response (by code) decides, else ``2XX``, else ``default``; ``None`` when it has
    no JSON content with a schema. This is the response the generated method parses.
    """
    responses = op.operation.get("responses")
    if not isinstance(responses, dict):
        return None
    code = success_response_code(responses)
    if code is None:
        return None
    response, response_pointer = doc.deref(responses[code], op.pointer + join_pointer("responses", code))
    content = response.get("content") if isinstance(response, dict) else None
    if not isinstance(content, dict):
        return None
    for media_type, media in content.items():
        if is_json_media_type(str(media_type)) and isinstance(media, dict) and "schema" in media:
            return doc.deref(
                media["schema"], response_pointer + join_pointer("content", media_type, "schema")
            )
    return None


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLES = (
    "items",
    "additionalProperties",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "additionalItems",
)

ObjectKind = Literal[
    "schema", "parameter", "header", "media", "response", "request-body", "path-item", "operation"
]


def iter_objects(data: dict[str, Any]) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    """Every OpenAPI object that holds schemas, with its kind and pointer, in document order.

    Each object is visited where it is written: a ``$ref`` object is yielded as it is (kind of the
    place it sits in) and not followed, so the target is visited once, at its own location.
    Schemas nested in schemas (properties, items, allOf...) are yielded too.
    """
    paths = data.get("paths")
    if isinstance(paths, dict):
        for path, item in paths.items():
            yield from _path_item(item, join_pointer("paths", path))
    webhooks = data.get("webhooks")
    if isinstance(webhooks, dict):
        for name, item in webhooks.items():
            yield from _path_item(item, join_pointer("webhooks", name))
    components = data.get("components")
    if not isinstance(components, dict):
        return
    sections: dict[str, Callable[[Any, str], Iterator[tuple[ObjectKind, str, dict[str, Any]]]]] = {
        "schemas": _schema,
        "parameters": _parameter,
        "headers": _header,
        "responses": _response,
        "requestBodies": _request_body,
        "pathItems": _path_item,
        "callbacks": _callback,
    }
    for section, walk in sections.items():
        members = components.get(section)
        if isinstance(members, dict):
            for name, member in members.items():
                yield from walk(member, join_pointer("components", section, name))


def _path_item(item: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if not isinstance(item, dict):
        return
    yield "path-item", pointer, item
    if "$ref" in item:
        return
    yield from _list_of(item.get("parameters"), pointer + "/parameters", _parameter)
    for method in HTTP_METHODS:
        operation = item.get(method)
        if not isinstance(operation, dict):
            continue
        op_pointer = pointer + join_pointer(method)
        yield "operation", op_pointer, operation
        yield from _list_of(operation.get("parameters"), op_pointer + "/parameters", _parameter)
        if "requestBody" in operation:
            yield from _request_body(operation["requestBody"], op_pointer + "/requestBody")
        responses = operation.get("responses")
        if isinstance(responses, dict):
            for code, response in responses.items():
                yield from _response(response, op_pointer + join_pointer("responses", code))
        callbacks = operation.get("callbacks")
        if isinstance(callbacks, dict):
            for name, callback in callbacks.items():
                yield from _callback(callback, op_pointer + join_pointer("callbacks", name))


def _callback(callback: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if isinstance(callback, dict) and "$ref" not in callback:
        for expression, item in callback.items():
            yield from _path_item(item, pointer + join_pointer(expression))


def _list_of(
    items: Any, pointer: str, walk: Callable[[Any, str], Iterator[tuple[ObjectKind, str, dict[str, Any]]]]
) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if isinstance(items, list):
        for index, item in enumerate(items):
            yield from walk(item, f"{pointer}/{index}")


def _parameter(param: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if not isinstance(param, dict):
        return
    yield "parameter", pointer, param
    if "$ref" not in param:
        yield from _schema_holder(param, pointer)


def _header(header: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if not isinstance(header, dict):
        return
    yield "header", pointer, header
    if "$ref" not in header:
        yield from _schema_holder(header, pointer)


def _schema_holder(holder: dict[str, Any], pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    """A parameter or header: a ``schema`` or a ``content`` map of media types."""
    if "schema" in holder:
        yield from _schema(holder["schema"], pointer + "/schema")
    yield from _content(holder.get("content"), pointer + "/content")


def _content(content: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if not isinstance(content, dict):
        return
    for media_type, media in content.items():
        if not isinstance(media, dict):
            continue
        media_pointer = pointer + join_pointer(media_type)
        yield "media", media_pointer, media
        if "schema" in media:
            yield from _schema(media["schema"], media_pointer + "/schema")
        encoding = media.get("encoding")
        if isinstance(encoding, dict):
            for name, entry in encoding.items():
                if isinstance(entry, dict) and isinstance(entry.get("headers"), dict):
                    for header_name, header in entry["headers"].items():
                        yield from _header(
                            header, media_pointer + join_pointer("encoding", name, "headers", header_name)
                        )


def _request_body(body: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if not isinstance(body, dict):
        return
    yield "request-body", pointer, body
    if "$ref" not in body:
        yield from _content(body.get("content"), pointer + "/content")


def _response(response: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if not isinstance(response, dict):
        return
    yield "response", pointer, response
    if "$ref" in response:
        return
    headers = response.get("headers")
    if isinstance(headers, dict):
        for name, header in headers.items():
            yield from _header(header, pointer + join_pointer("headers", name))
    yield from _content(response.get("content"), pointer + "/content")


def _schema(schema: Any, pointer: str) -> Iterator[tuple[ObjectKind, str, dict[str, Any]]]:
    if not isinstance(schema, dict):
        return  # boolean schemas hold nothing
    yield "schema", pointer, schema
    for key in _SCHEMA_MAPS:
        members = schema.get(key)
        if isinstance(members, dict):
            for name, member in members.items():
                yield from _schema(member, pointer + join_pointer(key, name))
    for key in _SCHEMA_LISTS:
        members = schema.get(key)
        if isinstance(members, list):
            for index, member in enumerate(members):
                yield from _schema(member, pointer + join_pointer(key, index))
    for key in _SCHEMA_SINGLES:
        member = schema.get(key)
        if isinstance(member, dict):
            yield from _schema(member, pointer + join_pointer(key))
        elif key == "items" and isinstance(member, list):  # draft-4 style tuple items
            for index, entry in enumerate(member):
                yield from _schema(entry, pointer + join_pointer(key, index))


def _semantic_errors(doc: Document, version: str) -> list[SpecError]:
    """OpenAPI's own rules, as openapi-spec-validator checks them (``validation.semantic_errors``,
    one pass of our own), less what our rules report with a location (``lint``): defaults that do
    not match their schema (``default-valid``), required names without a property
    (``required-property``), duplicate operationIds, path parameters (``path-params``) and schemas
    against their dialect (the meta-schema stage, ``openapi``)."""
    return [
        error
        for error in validation.semantic_errors(doc, version)
        if not isinstance(error, validation.SemanticError) or error.check not in _REPORTED_ELSEWHERE
    ]


_REPORTED_ELSEWHERE = frozenset(
    {"default", "required-undefined", "duplicate-operation-id", "path-parameter", "schema-meta"}
)
"""``validation.CHECKS`` that a rule of ours reports, located and with its own severity."""
