"""Request bodies and response kinds beyond JSON, on the wire.

``tests/specs/bodies/openapi.yaml`` has one operation per body kind (form with nested values,
free-form form, multipart with files, free-form multipart, raw binary, binary of several types,
text, several content types for one body) and per response kind (text, several 2xx codes,
``default`` as an error, server-sent events carrying JSON and text). It is generated into a
temporary directory, and each method is called with the sync and the async client against the
loopback fault server, which records the exact bytes that arrived.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import anyio
import pytest

from _faultserver import Echo, FaultServer, Hold, Reply, Trickle, json_reply
from _genhelpers import ROOT, imported_package
from generator.pipeline import Inputs, generate

pytestmark = pytest.mark.timeout(60)

SPEC_DIR = ROOT / "tests" / "specs" / "bodies"
Kind = Literal["sync", "async"]
KINDS: list[Kind] = ["sync", "async"]


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("bodies") / "out"
    generate(Inputs.from_paths(SPEC_DIR / "openapi.yaml"), out)
    with imported_package(out, "bodies_client") as module:
        yield module


def call(
    module: ModuleType, server: FaultServer, kind: Kind, use: Callable[[Any], Any], **options: Any
) -> Any:
    """``use(client)`` with a client of ``kind`` pointed at the fault server (awaited when async)."""
    settings: dict[str, Any] = {"base_url": server.url, "max_retries": 0, **options}
    if kind == "sync":
        with module.Bodies(**settings) as client:
            return use(client)

    async def run() -> Any:
        async with module.AsyncBodies(**settings) as client:
            result = use(client)
            return await result if isinstance(result, Awaitable) else result

    return anyio.run(run)


def multipart_boundary(content_type: str | None) -> str:
    assert content_type is not None and content_type.startswith("multipart/form-data; boundary=")
    return content_type.split("boundary=", 1)[1]


# ------------------------------------------------------------------------------------------------
# Forms.


@pytest.mark.parametrize("kind", KINDS)
def test_a_form_encodes_each_property_by_its_style(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(Reply(204))
    call(
        bodies,
        server,
        kind,
        lambda client: client.forms.submit_form(
            name="Ada L",
            count=3,
            active=True,
            tags=["x", "y"],
            ids=[1, 2],
            metadata={"k": "v&w"},
            address={"city": "Oslo", "geo": {"lat": 59.5}},
            lines=[{"price": "p_1", "quantity": 2}, {"price": "p_2"}],
            flat={"r": 1, "g": 2},
            payload={"x": 1},
        ),
    )
    [request] = server.requests
    assert request.header("content-type") == "application/x-www-form-urlencoded"
    assert request.body.decode("ascii").split("&") == [
        "name=Ada+L",
        "count=3",
        "active=true",
        "tags=x",  # form, exploded: the key repeats
        "tags=y",
        "ids=1%2C2",  # form, not exploded: one comma-separated value
        "metadata%5Bk%5D=v%26w",  # deepObject: brackets
        "address%5Bcity%5D=Oslo",
        "address%5Bgeo%5D%5Blat%5D=59.5",
        "lines%5B0%5D%5Bprice%5D=p_1",
        "lines%5B0%5D%5Bquantity%5D=2",
        "lines%5B1%5D%5Bprice%5D=p_2",
        "r=1",  # an exploded form object: its properties become fields
        "g=2",
        "payload=%7B%22x%22%3A1%7D",  # encoding.contentType application/json
    ]
    assert request.header("content-length") == str(len(request.body))


@pytest.mark.parametrize("kind", KINDS)
def test_a_form_without_properties_takes_a_free_form_body(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(Reply(204))
    call(
        bodies, server, kind, lambda client: client.forms.submit_free_form(body={"a": "1", "b": [True, None]})
    )
    assert server.requests[0].body == b"a=1&b=true&b="


def test_form_arguments_are_still_validated(bodies: ModuleType, server: FaultServer) -> None:
    with pytest.raises(bodies.ArgumentError, match="count"):
        call(bodies, server, "sync", lambda client: client.forms.submit_form(name="n", count="three"))
    assert server.requests == []


# ------------------------------------------------------------------------------------------------
# Multipart.


@pytest.mark.parametrize("kind", KINDS)
def test_multipart_sends_files_and_fields_as_parts(
    bodies: ModuleType, server: FaultServer, kind: Kind, tmp_path: Path
) -> None:
    report = tmp_path / "report.csv"
    report.write_bytes(b"a,b\n1,2\n")
    server.script(json_reply(201, {"id": "f1", "size": 8}))
    stored = call(
        bodies,
        server,
        kind,
        lambda client: client.uploads.upload(
            file=report,
            attachments=[b"one", ("two.txt", io.BytesIO(b"two"), "text/plain"), ("raw", b"3")],
            avatar=b"\x89PNG",
            title='A "quoted" title',
            public=False,
            attributes={"color": "red"},
        ),
    )
    assert isinstance(stored, bodies.types.Stored) and stored.id == "f1"
    [request] = server.requests
    boundary = multipart_boundary(request.header("content-type"))
    dash = f"--{boundary}\r\n".encode()

    def part(disposition: str, content_type: str | None, data: bytes) -> bytes:
        head = f"Content-Disposition: form-data; {disposition}\r\n"
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        return dash + head.encode() + b"\r\n" + data + b"\r\n"

    assert request.body == b"".join(
        [
            part('name="file"; filename="report.csv"', "text/csv", b"a,b\n1,2\n"),
            part('name="attachments"; filename="attachments"', "application/octet-stream", b"one"),
            part('name="attachments"; filename="two.txt"', "text/plain", b"two"),
            part('name="attachments"; filename="raw"', "application/octet-stream", b"3"),
            part('name="avatar"; filename="avatar"', "image/png", b"\x89PNG"),  # encoding.contentType
            part('name="title"', None, b'A "quoted" title'),
            part('name="public"', None, b"false"),
            part('name="attributes"', "application/json", b'{"color":"red"}'),
            f"--{boundary}--\r\n".encode(),
        ]
    )
    # Every size was known, so the body went with a Content-Length, not chunked.
    assert not request.chunked and request.header("content-length") == str(len(request.body))


@pytest.mark.parametrize("kind", KINDS)
def test_a_large_file_is_streamed_in_chunks_from_its_path(
    bodies: ModuleType, server: FaultServer, kind: Kind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.bin"
    data = bytes(range(256)) * 4096  # 1 MiB
    big.write_bytes(data)
    reads: list[int] = []
    real_open = open

    class Counting(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:
            chunk = super().read(size)
            reads.append(len(chunk))
            return chunk

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(big) and mode == "rb":
            return Counting(io.FileIO(file, "rb"))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(bodies._files, "open", counting_open, raising=False)
    server.script(json_reply(201, {"id": "big"}))
    call(bodies, server, kind, lambda client: client.uploads.upload(file=big))
    body = server.requests[0].body
    assert data in body and len(body) < len(data) + 500
    assert max(reads) <= 64 * 1024 and len(reads) >= 16  # read piece by piece, never whole


@pytest.mark.parametrize("kind", KINDS)
def test_free_form_multipart_takes_any_fields_and_files(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(Reply(204))
    call(
        bodies,
        server,
        kind,
        lambda client: client.uploads.upload_free(
            body={"note": "hi", "doc": ("d.json", b"{}", "application/json")}
        ),
    )
    request = server.requests[0]
    boundary = multipart_boundary(request.header("content-type"))
    assert (
        request.body
        == (
            f'--{boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="doc"; filename="d.json"\r\n'
            f"Content-Type: application/json\r\n\r\n{{}}\r\n--{boundary}--\r\n"
        ).encode()
    )


def test_a_str_is_not_taken_for_file_content(bodies: ModuleType, server: FaultServer) -> None:
    with pytest.raises(bodies.ArgumentError, match=r"pathlib\.Path"):
        call(bodies, server, "sync", lambda client: client.uploads.upload(file="report.csv"))
    assert server.requests == []


# ------------------------------------------------------------------------------------------------
# Raw binary and text.


def chunks() -> Iterator[bytes]:
    yield b"first "
    yield b"second "
    yield b"third"


async def async_chunks() -> AsyncIterator[bytes]:
    for chunk in chunks():
        await anyio.sleep(0)
        yield chunk


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("given", ["bytes", "file", "path", "iterator"])
def test_a_binary_body_is_sent_as_given(
    bodies: ModuleType, server: FaultServer, kind: Kind, given: str, tmp_path: Path
) -> None:
    data = b"first second third"
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    body: object = {
        "bytes": data,
        "file": io.BytesIO(data),
        "path": path,
        "iterator": chunks() if kind == "sync" else async_chunks(),
    }[given]
    server.script(Reply(204))
    call(bodies, server, kind, lambda client: client.blobs.put_blob(name="a b", body=body))
    [request] = server.requests
    assert request.path == "/blobs/a%20b"
    assert request.body == data
    assert request.header("content-type") == "application/octet-stream"
    # An iterator's length is unknown: it streams in chunked encoding; the others carry a length.
    assert request.chunked == (given == "iterator")


def test_the_sync_client_refuses_an_async_iterator(bodies: ModuleType, server: FaultServer) -> None:
    stream = async_chunks()
    with pytest.raises(bodies.ArgumentError, match="async client"):
        call(bodies, server, "sync", lambda client: client.blobs.put_blob(name="a", body=stream))
    assert server.requests == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_of_several_binary_types_is_sent_as_the_one_chosen(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(Reply(204), Reply(204))
    call(bodies, server, kind, lambda client: client.blobs.put_image(body=b"png"))
    call(bodies, server, kind, lambda client: client.blobs.put_image(body=b"jpg", content_type="image/jpeg"))
    assert [(r.header("content-type"), r.body) for r in server.requests] == [
        ("image/png", b"png"),
        ("image/jpeg", b"jpg"),
    ]
    with pytest.raises(bodies.ArgumentError, match="content_type must be one of 'image/png', 'image/jpeg'"):
        call(
            bodies, server, kind, lambda client: client.blobs.put_image(body=b"gif", content_type="image/gif")
        )


@pytest.mark.parametrize("kind", KINDS)
def test_a_text_body_goes_as_utf8_and_a_text_answer_comes_back_as_str(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(Echo())
    answer = call(bodies, server, kind, lambda client: client.notes.post_note(body="héllo\nwörld"))
    assert answer == "héllo\nwörld"
    [request] = server.requests
    assert request.body == "héllo\nwörld".encode()
    assert request.header("content-type") == "text/plain; charset=utf-8"
    assert request.header("accept") == "text/plain"


# ------------------------------------------------------------------------------------------------
# Retries with streamed bodies.


class Pipe(io.RawIOBase):
    """A file object that can be read once, like a pipe or a socket: not seekable."""

    def __init__(self, data: bytes) -> None:
        self._rest = data

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        cut = len(self._rest) if size < 0 else size
        taken, self._rest = self._rest[:cut], self._rest[cut:]
        return taken


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("given", ["iterator", "pipe"])
def test_a_one_shot_body_is_not_retried_once_sent(
    bodies: ModuleType, server: FaultServer, kind: Kind, given: str
) -> None:
    server.script(Reply(503), Reply(204))
    sent = b"piped bytes" if given == "pipe" else b"first second third"
    body: object = Pipe(sent) if given == "pipe" else chunks() if kind == "sync" else async_chunks()
    with pytest.raises(bodies.InternalServerError):
        call(bodies, server, kind, lambda client: client.blobs.put_blob(name="a", body=body), max_retries=2)
    assert len(server.requests) == 1 and server.pending == 1
    assert server.requests[0].chunked and server.requests[0].body == sent


@pytest.mark.parametrize("kind", KINDS)
def test_a_path_is_read_again_and_a_file_rewound_for_a_retry(
    bodies: ModuleType, server: FaultServer, kind: Kind, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bodies._base_client.BaseClient, "retry_delay", staticmethod(lambda *_: 0.0))
    path = tmp_path / "blob.bin"
    path.write_bytes(b"from the path")
    handle = io.BytesIO(b"skip:from the file")
    handle.seek(5)
    server.script(Reply(503), Reply(204), Reply(503), Reply(204))
    call(bodies, server, kind, lambda client: client.blobs.put_blob(name="p", body=path), max_retries=2)
    call(bodies, server, kind, lambda client: client.blobs.put_blob(name="f", body=handle), max_retries=2)
    assert [r.body for r in server.requests] == [b"from the path"] * 2 + [b"from the file"] * 2
    keys = [r.header("idempotency-key") for r in server.requests]
    assert keys[0] == keys[1] and keys[2] == keys[3] and keys[0] != keys[2]


# ------------------------------------------------------------------------------------------------
# Several content types for one body; several 2xx answers; default responses.


@pytest.mark.parametrize("kind", KINDS)
def test_the_content_type_argument_chooses_the_encoding(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(
        json_reply(200, {"name": "n"}), json_reply(200, {"name": "n"}), json_reply(200, {"name": "n"})
    )
    for content_type in ("application/json", "application/x-www-form-urlencoded", "multipart/form-data"):

        def create(client: Any, chosen: str = content_type) -> Any:
            return client.things.create_thing(name="n", color="c", content_type=chosen)

        call(bodies, server, kind, create)
    json_request, form_request, multipart_request = server.requests
    assert json_request.header("content-type") == "application/json"
    assert json_request.json() == {"name": "n", "color": "c"}
    assert form_request.body == b"name=n&color=c"
    boundary = multipart_boundary(multipart_request.header("content-type"))
    assert (
        multipart_request.body
        == (
            f'--{boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nn\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="color"\r\n\r\nc\r\n--{boundary}--\r\n'
        ).encode()
    )


@pytest.mark.parametrize("kind", KINDS)
def test_a_json_body_goes_with_the_json_type_the_spec_names(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(Reply(204))
    call(bodies, server, kind, lambda client: client.things.patch_thing(name="n", color=None))
    [request] = server.requests
    assert request.header("content-type") == "application/merge-patch+json"
    assert request.body == b'{"color":null}'


def test_the_raw_response_of_a_union_parses_by_its_status(bodies: ModuleType, server: FaultServer) -> None:
    server.script(json_reply(201, {"id": "new"}))
    raw = call(bodies, server, "sync", lambda client: client.things.with_raw_response.create_thing(name="n"))
    assert raw.status_code == 201 and raw.parse().id == "new"


@pytest.mark.parametrize("kind", KINDS)
def test_the_method_returns_what_the_status_code_says(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    server.script(json_reply(200, {"name": "old"}), json_reply(201, {"id": "new"}), Reply(202))
    results = [
        call(bodies, server, kind, lambda client: client.things.create_thing(name="n")) for _ in range(3)
    ]
    assert isinstance(results[0], bodies.types.Thing) and results[0].name == "old"
    assert isinstance(results[1], bodies.types.Stored) and results[1].id == "new"
    assert results[2] is None
    assert server.requests[0].json() == {"name": "n"}  # JSON is the default


@pytest.mark.parametrize("kind", KINDS)
def test_a_default_response_beside_2xx_ones_is_an_error_with_its_body(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    problem = {"message": "short and stout", "code": "teapot"}
    server.script(json_reply(418, problem), json_reply(200, {"message": "fine"}), json_reply(400, problem))
    with pytest.raises(bodies.APIStatusError) as caught:
        call(bodies, server, kind, lambda client: client.things.create_thing(name="n"))
    assert caught.value.status_code == 418 and caught.value.body == problem
    assert "short and stout" in str(caught.value)
    # With no 2xx response documented, default describes the successes too; other codes still raise.
    fine = call(bodies, server, kind, lambda client: client.things.check_things())
    assert isinstance(fine, bodies.types.Problem) and fine.message == "fine"
    with pytest.raises(bodies.BadRequestError) as bad:
        call(bodies, server, kind, lambda client: client.things.check_things())
    assert bad.value.body == problem


# ------------------------------------------------------------------------------------------------
# Server-sent events.

EVENTS = (
    b"\xef\xbb\xbf"  # a byte order mark, skipped
    b": a comment, ignored\r\n"
    b"retry: 1500\r\n"
    b'data: {"seq": 1,\r\n'
    b'data:  "text": "two\\nlines"}\r\n'
    b"\r\n"
    b"event: update\n"
    b"id: 7\n"
    b"id: not\x00this\n"  # an id holding NUL is ignored
    b'data: {"seq": 2}\n'
    b"\n"
    b"id: 8\r"
    b'data: {"seq": 3, "text": "cr only"}\r'
    b"\r"
    b"event: empty-is-not-dispatched\n"
    b"\n"
    b'data: {"seq": 4}\n'  # not ended by a blank line: dropped at the end of the stream
)


def expected_events() -> list[tuple[str, int, str | None, str | None, int | None]]:
    return [
        ("message", 1, "two\nlines", None, 1500),
        ("update", 2, None, "7", 1500),
        ("message", 3, "cr only", "8", 1500),
    ]


def sse_reply(body: bytes) -> Reply:
    return Reply(200, {"Content-Type": "text/event-stream"}, body)


@pytest.mark.parametrize("kind", KINDS)
def test_events_are_parsed_into_the_item_model(bodies: ModuleType, server: FaultServer, kind: Kind) -> None:
    server.script(sse_reply(EVENTS))

    def read(client: Any) -> Any:
        if kind == "sync":
            with client.events.stream_events(topic="t") as stream:
                return [(e.event, e.data.seq, e.data.text, e.id, e.retry) for e in stream]

        async def read_async() -> Any:
            async with await client.events.stream_events(topic="t") as stream:
                return [(e.event, e.data.seq, e.data.text, e.id, e.retry) async for e in stream]

        return read_async()

    assert call(bodies, server, kind, read) == expected_events()
    [request] = server.requests
    assert request.header("accept") == "text/event-stream" and request.query == {"topic": ["t"]}


@pytest.mark.parametrize("kind", KINDS)
def test_events_split_anywhere_across_chunks_parse_the_same(
    bodies: ModuleType, server: FaultServer, kind: Kind
) -> None:
    """The body arrives a few bytes at a time (a CR here and its LF in the next chunk, a multi-byte
    character cut in two): the events are the same."""
    body = EVENTS.replace(b"two\\nlines", "twö\\nlines".encode())

    server.script(Trickle(sse_reply(body), interval=0.0005))

    def read(client: Any) -> Any:
        if kind == "sync":
            return [(e.event, e.data.seq, e.data.text, e.id, e.retry) for e in client.events.stream_events()]

        async def read_async() -> Any:
            stream = await client.events.stream_events()
            return [(e.event, e.data.seq, e.data.text, e.id, e.retry) async for e in stream]

        return read_async()

    expected = expected_events()
    expected[0] = ("message", 1, "twö\nlines", None, 1500)
    assert call(bodies, server, kind, read) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_text_events_carry_their_data_as_str(bodies: ModuleType, server: FaultServer, kind: Kind) -> None:
    server.script(sse_reply(b"data: line one\ndata: line two\n\ndata:no space\n\n"))

    def read(client: Any) -> Any:
        if kind == "sync":
            return [e.data for e in client.events.stream_log()]

        async def read_async() -> Any:
            return [e.data async for e in await client.events.stream_log()]

        return read_async()

    assert call(bodies, server, kind, read) == ["line one\nline two", "no space"]


def test_breaking_out_of_the_loop_closes_the_connection(bodies: ModuleType, server: FaultServer) -> None:
    server.script(Hold(200, {"Content-Type": "text/event-stream"}, b'data: {"seq": 1}\n\n'))
    with bodies.Bodies(base_url=server.url, max_retries=0) as client:
        for event in client.events.stream_events():
            assert event.data.seq == 1
            break
        assert server.wait_hung_up(server.requests[0].connection)


def test_leaving_the_async_with_block_closes_the_connection(bodies: ModuleType, server: FaultServer) -> None:
    server.script(Hold(200, {"Content-Type": "text/event-stream"}, b'data: {"seq": 1}\n\n'))

    async def run() -> None:
        async with bodies.AsyncBodies(base_url=server.url, max_retries=0) as client:
            async with await client.events.stream_events() as stream:
                async for event in stream:
                    assert event.data.seq == 1
                    break
            assert await anyio.to_thread.run_sync(server.wait_hung_up, server.requests[0].connection)

    anyio.run(run)


def test_an_error_status_on_a_stream_raises_before_any_event(bodies: ModuleType, server: FaultServer) -> None:
    server.script(json_reply(404, {"message": "no such topic"}))
    with pytest.raises(bodies.NotFoundError, match="no such topic"):
        call(bodies, server, "sync", lambda client: client.events.stream_events())


def test_the_golden_record_is_made_from_this_spec() -> None:
    golden = ROOT / "tests" / "golden" / "bodies-and-streams"
    assert (golden / "spec.yaml").read_bytes() == (SPEC_DIR / "openapi.yaml").read_bytes()
    assert (golden / "generator.yaml").read_bytes() == (SPEC_DIR / "generator.yaml").read_bytes()
