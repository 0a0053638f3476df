"""A loopback HTTP/1.1 server with keep-alive that answers every request with one canned response.

Run in its own process (``python -m bench.server``) so that it does not share the client's GIL:
it binds 127.0.0.1 on a free port, prints the port on its first line of output, and stops by itself
after ``--max-requests`` requests, after ``--lifetime`` seconds, or when its standard input closes
(its parent went away), whichever comes first.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
from pathlib import Path

from .data import FIXTURE

__all__ = ["canned_response", "main"]


def canned_response(body: bytes, content_type: str = "application/json") -> bytes:
    head = (
        "HTTP/1.1 200 OK\r\n"
        f"content-type: {content_type}\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: keep-alive\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip() or b"0")
    return 0


async def _serve(response: bytes, max_requests: int, lifetime: float) -> None:
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    served = 0
    open_writers: set[asyncio.StreamWriter] = set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal served
        open_writers.add(writer)
        try:
            while not done.is_set():
                head = await reader.readuntil(b"\r\n\r\n")
                length = _content_length(head)
                if length:
                    await reader.readexactly(length)
                writer.write(response)
                await writer.drain()
                served += 1
                if served >= max_requests:
                    done.set()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
            pass
        except asyncio.CancelledError:
            # Shutting down with the connection still open: nothing left to do for it.
            pass
        finally:
            open_writers.discard(writer)
            writer.close()

    def watch_stdin() -> None:
        sys.stdin.read()
        loop.call_soon_threadsafe(done.set)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    threading.Thread(target=watch_stdin, daemon=True).start()
    loop.call_later(lifetime, done.set)
    async with server:
        await done.wait()
        for writer in list(open_writers):
            writer.close()
    print(f"served {served}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.server", description=__doc__)
    parser.add_argument("--body", type=Path, default=FIXTURE, help="file to answer with (JSON)")
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--lifetime", type=float, default=120.0, help="seconds before stopping")
    args = parser.parse_args(argv)
    asyncio.run(_serve(canned_response(args.body.read_bytes()), args.max_requests, args.lifetime))


if __name__ == "__main__":
    main()
