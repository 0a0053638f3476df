"""Request bodies other than JSON: form-encoded, multipart with files, raw binary and text.

A generated method lays its arguments out as usual; ``encode_body`` turns them into what goes on
the wire. Files are streamed in chunks, never read whole into memory, and a body knows whether it
can be sent again: bytes and paths always can (a path is opened afresh for each attempt), a
seekable file object is rewound to where it stood, while a plain iterator or a pipe can be read
only once, so a call whose one-shot body has started to go out is not retried.
"""

from __future__ import annotations

import io
import json
import mimetypes
import os
import uuid
from dataclasses import dataclass, field
from typing import (
    IO,
    AsyncIterable,
    AsyncIterator,
    Iterable,
    Iterator,
    Literal,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
    cast,
)
from urllib.parse import urlencode

import anyio.to_thread

from ._utils import ArgumentError, format_scalar, json_default

__all__ = [
    "FileContent",
    "FileTypes",
    "BinaryContent",
    "FieldEncoding",
    "BodyFormat",
    "EncodedBody",
    "encode_body",
    "encode_form",
]

FileContent = Union[IO[bytes], bytes, os.PathLike[str]]
"""What a file is given as: its bytes, a binary file object (read from where it stands), or a path."""
FileTypes = Union[
    FileContent,
    Tuple[Optional[str], FileContent],
    Tuple[Optional[str], FileContent, Optional[str]],
]
"""A multipart file: its content, or ``(filename, content)`` / ``(filename, content, content_type)``."""
BinaryContent = Union[bytes, IO[bytes], os.PathLike[str], Iterable[bytes], AsyncIterable[bytes]]
"""A raw request body: bytes, a binary file object, a path, or an iterator of bytes (an async one
only with the async client)."""

BodyKind = Literal["json", "form", "multipart", "binary", "text"]
_CHUNK = 64 * 1024


def _no_fields() -> dict[str, FieldEncoding]:
    return {}


@dataclass(frozen=True)
class FieldEncoding:
    """How one top-level property of a form or multipart body is encoded (OpenAPI ``encoding``)."""

    content_type: str | None = None
    style: str = "form"
    explode: bool = True


@dataclass(frozen=True)
class BodyFormat:
    """One content type an operation's request body can be sent as."""

    kind: BodyKind
    content_type: str
    fields: Mapping[str, FieldEncoding] = field(default_factory=_no_fields)


# ------------------------------------------------------------------------------------------------
# Sources: one piece of content, read in chunks.


class _Source:
    length: int | None = None
    replayable: bool = True
    filename: str | None = None

    def chunks(self) -> Iterator[bytes]:
        raise NotImplementedError

    async def achunks(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks():
            yield chunk


class _BytesSource(_Source):
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.length = len(data)

    def chunks(self) -> Iterator[bytes]:
        if self.data:
            yield self.data


class _PathSource(_Source):
    """A file named by path: opened for each attempt, closed when read (or abandoned)."""

    def __init__(self, path: os.PathLike[str], where: str) -> None:
        self.path = os.fspath(path)
        try:
            self.length = os.stat(self.path).st_size
        except OSError as exc:
            raise ArgumentError(f"{where}: cannot read the file {self.path!r}: {exc.strerror}") from None
        self.filename = os.path.basename(self.path)

    def chunks(self) -> Iterator[bytes]:
        with open(self.path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk

    async def achunks(self) -> AsyncIterator[bytes]:
        # The async client reads files in a worker thread, so a slow disk never stalls the event loop.
        handle = await anyio.to_thread.run_sync(open, self.path, "rb")
        try:
            while chunk := await anyio.to_thread.run_sync(handle.read, _CHUNK):
                yield chunk
        finally:
            handle.close()


class _FileSource(_Source):
    """A file object: a seekable one is rewound for each attempt to where it stood when called."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        name: object = getattr(handle, "name", None)
        self.filename = os.path.basename(name) if isinstance(name, str) and name else None
        self.start: int | None = None
        try:
            if handle.seekable():
                self.start = handle.tell()
                self.length = handle.seek(0, io.SEEK_END) - self.start
                handle.seek(self.start)
        except (OSError, ValueError):
            self.start = None
            self.length = None
        self.replayable = self.start is not None

    def chunks(self) -> Iterator[bytes]:
        if self.start is not None:
            self.handle.seek(self.start)
        while chunk := self._read():
            yield chunk

    async def achunks(self) -> AsyncIterator[bytes]:
        if self.start is not None:
            await anyio.to_thread.run_sync(self.handle.seek, self.start)
        while chunk := await anyio.to_thread.run_sync(self._read):
            yield chunk

    def _read(self) -> bytes:
        chunk = cast(object, self.handle.read(_CHUNK))
        if chunk and not isinstance(chunk, bytes):
            raise ArgumentError("a file given as a request body must be opened in binary mode ('rb')")
        return chunk if isinstance(chunk, bytes) else b""


class _IterSource(_Source):
    replayable = False

    def __init__(self, items: Iterable[bytes]) -> None:
        self.items = items

    def chunks(self) -> Iterator[bytes]:
        for chunk in self.items:
            yield _checked_chunk(chunk)


class _AsyncIterSource(_Source):
    replayable = False

    def __init__(self, items: AsyncIterable[bytes]) -> None:
        self.items = items

    def chunks(self) -> Iterator[bytes]:
        raise ArgumentError("an async iterator can only be the body of a call made with the async client")

    async def achunks(self) -> AsyncIterator[bytes]:
        async for chunk in self.items:
            yield _checked_chunk(chunk)


def _checked_chunk(chunk: object) -> bytes:
    if isinstance(chunk, (bytes, bytearray)):
        return bytes(chunk)
    raise ArgumentError(f"an iterator given as a request body must yield bytes, got {type(chunk).__name__}")


def _source(value: object, where: str) -> _Source:
    """The source of a file or binary body, refusing what is none (a ``str``: ambiguous, name a Path)."""
    if isinstance(value, (bytes, bytearray)):
        return _BytesSource(bytes(value))
    if isinstance(value, os.PathLike):
        return _PathSource(cast("os.PathLike[str]", value), where)
    if isinstance(value, str):
        raise ArgumentError(
            f"{where}: got a str where file content is expected: pass bytes, a file opened in 'rb' "
            "mode, or a pathlib.Path to send a file by its name"
        )
    if isinstance(value, io.TextIOBase):
        raise ArgumentError(f"{where}: the file is open in text mode; open it in binary mode ('rb')")
    if callable(getattr(value, "read", None)):
        return _FileSource(cast("IO[bytes]", value))
    if hasattr(value, "__aiter__"):
        return _AsyncIterSource(cast("AsyncIterable[bytes]", value))
    if hasattr(value, "__iter__"):
        return _IterSource(cast("Iterable[bytes]", value))
    raise ArgumentError(
        f"{where}: cannot send a {type(value).__name__} as file content: pass bytes, a binary file "
        "object, a path or an iterator of bytes"
    )


# ------------------------------------------------------------------------------------------------
# Bodies.


class EncodedBody:
    """A request body ready to send, once per attempt: its content type, length when known, and chunks."""

    def __init__(self, content_type: str, parts: Sequence[bytes | _Source]) -> None:
        self.content_type = content_type
        self._parts = [_BytesSource(part) if isinstance(part, bytes) else part for part in parts]
        lengths = [part.length for part in self._parts]
        self.length: int | None = None if None in lengths else sum(cast("list[int]", lengths))
        self.replayable = all(part.replayable for part in self._parts)
        self.started = False
        """Whether an attempt began reading it (a one-shot body that has cannot be sent again)."""

    @property
    def can_resend(self) -> bool:
        return self.replayable or not self.started

    def __iter__(self) -> Iterator[bytes]:
        self.started = True
        for part in self._parts:
            yield from part.chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.started = True
        for part in self._parts:
            async for chunk in part.achunks():
                yield chunk

    def content(self) -> bytes | None:
        """The whole body when it is small and in memory already (sent with a plain ``Content-Length``)."""
        if all(isinstance(part, _BytesSource) for part in self._parts):
            return b"".join(cast(_BytesSource, part).data for part in self._parts)
        return None


def encode_body(fmt: BodyFormat, value: object, where: str, files: Sequence[str] = ()) -> EncodedBody:
    """The body of one call in the format chosen (``value``: the laid-out body, files as given;
    ``files``: the multipart fields the spec says are files, which take nothing else)."""
    if fmt.kind == "form":
        return EncodedBody(fmt.content_type, [encode_form(_mapping(value, where), fmt.fields).encode("ascii")])
    if fmt.kind == "multipart":
        return _multipart(_mapping(value, where), fmt.fields, where, files)
    if fmt.kind == "text":
        if not isinstance(value, str):
            raise ArgumentError(f"{where}: a text body must be a str, got {type(value).__name__}")
        content_type = fmt.content_type
        if "charset" not in content_type.lower():
            content_type += "; charset=utf-8"
        return EncodedBody(content_type, [value.encode("utf-8")])
    source = _source(value, f"{where}: body")
    return EncodedBody(_binary_content_type(fmt.content_type, source.filename), [source])


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise ArgumentError(f"{where}: a form body must be a mapping of field names to values")
    return cast(Mapping[str, object], value)


def _binary_content_type(declared: str, filename: str | None) -> str:
    """The declared media type, or, for a range such as ``image/*``, the file's own when it fits."""
    if "*" not in declared:
        return declared
    guessed = mimetypes.guess_type(filename)[0] if filename else None
    major = declared.split("/")[0]
    if guessed and (major == "*" or guessed.startswith(major + "/")):
        return guessed
    return "application/octet-stream"


# Form encoding (application/x-www-form-urlencoded).


def encode_form(values: Mapping[str, object], fields: Mapping[str, FieldEncoding]) -> str:
    """The form-encoded text of a body, each property by its OpenAPI ``encoding`` (default: ``form``,
    exploded). ``deepObject`` writes nested objects and arrays with brackets (``a[b][0]=x``), as large
    form APIs expect; values nested deeper than a style defines are written with brackets too."""
    pairs: list[tuple[str, str]] = []
    for name, value in values.items():
        encoding = fields.get(name, _DEFAULT_FIELD)
        if encoding.content_type is not None and not _is_form_type(encoding.content_type):
            pairs.append((name, _serialized(value, encoding.content_type)))
        elif encoding.style == "deepObject":
            _brackets(pairs, name, value)
        elif isinstance(value, Mapping):
            members = cast(Mapping[str, object], value)
            if encoding.explode:
                for key, item in members.items():
                    _brackets(pairs, str(key), item)
            else:
                pairs.append((name, ",".join(f"{key},{_scalar(item)}" for key, item in members.items())))
        elif isinstance(value, (list, tuple)):
            items = cast(Sequence[object], value)
            if encoding.explode:
                for index, item in enumerate(items):
                    if _is_nested(item):
                        _brackets(pairs, f"{name}[{index}]", item)
                    else:
                        pairs.append((name, _scalar(item)))
            else:
                separator = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(encoding.style, ",")
                pairs.append((name, separator.join(_scalar(item) for item in items)))
        else:
            pairs.append((name, _scalar(value)))
    return urlencode(pairs)


_DEFAULT_FIELD: FieldEncoding = FieldEncoding()


def _is_nested(value: object) -> bool:
    return isinstance(value, (Mapping, list, tuple))


def _is_form_type(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in ("text/plain", "application/x-www-form-urlencoded")


def _brackets(pairs: list[tuple[str, str]], key: str, value: object) -> None:
    if isinstance(value, Mapping):
        for sub_key, item in cast(Mapping[str, object], value).items():
            _brackets(pairs, f"{key}[{sub_key}]", item)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(cast(Sequence[object], value)):
            _brackets(pairs, f"{key}[{index}]", item)
    else:
        pairs.append((key, _scalar(value)))


def _scalar(value: object) -> str:
    """A scalar as form text: ``true``/``false``, ``""`` for ``None`` (null), else ``str``."""
    return "" if value is None else format_scalar(value)


def _serialized(value: object, content_type: str) -> str:
    if "json" in content_type.lower():
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=json_default)
    return _scalar(value)


# Multipart (multipart/form-data).


def _multipart(
    values: Mapping[str, object], fields: Mapping[str, FieldEncoding], where: str, files: Sequence[str]
) -> EncodedBody:
    boundary = uuid.uuid4().hex
    parts: list[bytes | _Source] = []
    for name, value in values.items():
        encoding = fields.get(name, _DEFAULT_FIELD)
        repeated = _is_list(value) and not _is_json_type(encoding.content_type)
        items = cast(Sequence[object], value) if repeated else [value]
        for item in items:
            if name in files and not _is_file(item):
                _source(item, f"{where}: `{name}`")  # a str raises here, saying what to pass instead
                raise ArgumentError(
                    f"{where}: `{name}` is a file: pass bytes, a binary file object, a path, or a "
                    "(filename, content, content_type) tuple"
                )
            parts.extend(_part(boundary, name, item, encoding, f"{where}: `{name}`"))
    parts.append(f"--{boundary}--\r\n".encode("ascii"))
    return EncodedBody(f"multipart/form-data; boundary={boundary}", parts)


def _is_list(value: object) -> bool:
    return isinstance(value, list)


def _is_json_type(content_type: str | None) -> bool:
    return content_type is not None and "json" in content_type.lower()


def _part(boundary: str, name: str, value: object, encoding: FieldEncoding, where: str) -> list[bytes | _Source]:
    declared = encoding.content_type
    filename: str | None = None
    content_type: str | None = None
    if _is_file(value):
        given_type: str | None = None
        if isinstance(value, tuple):
            entry = cast(Tuple[object, ...], value)
            if len(entry) not in (2, 3):
                raise ArgumentError(f"{where}: a file tuple is (filename, content) or (filename, content, content_type)")
            first, content, *rest = entry
            given: object = rest[0] if rest else None
            if not (first is None or isinstance(first, str)) or not (given is None or isinstance(given, str)):
                raise ArgumentError(f"{where}: a file tuple's filename and content type must be str or None")
            source = _source(content, where)
            filename = first
            given_type = given
        else:
            source = _source(value, where)
            filename = source.filename or name
        content_type = given_type or _file_content_type(declared, filename)
        body: bytes | _Source = source
    elif isinstance(value, (Mapping, list, tuple)) or _is_json_type(declared):
        content_type = declared or "application/json"
        body = json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=json_default).encode("utf-8")
    else:
        content_type = declared
        body = _scalar(value).encode("utf-8")
    disposition = f'form-data; name="{_quoted(name)}"'
    if filename is not None:
        disposition += f'; filename="{_quoted(filename)}"'
    head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
    if content_type:
        head += f"Content-Type: {content_type}\r\n"
    return [(head + "\r\n").encode("utf-8"), body, b"\r\n"]


def _is_file(value: object) -> bool:
    if isinstance(value, tuple):
        return True
    return isinstance(value, (bytes, bytearray, os.PathLike)) or callable(getattr(value, "read", None))


def _file_content_type(declared: str | None, filename: str | None) -> str:
    """A file part's type: the ``encoding.contentType`` the spec names (the first of a list), else
    the file's own by its name when the spec gives a range, else ``application/octet-stream``."""
    first = declared.split(",")[0].strip() if declared else ""
    if first and "*" not in first:
        return first
    return _binary_content_type(first or "*/*", filename)


def _quoted(text: str) -> str:
    """A name or filename inside a quoted ``Content-Disposition`` parameter, escaped as browsers do."""
    return text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
