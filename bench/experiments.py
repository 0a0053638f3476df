"""Experiments behind the benchmark findings; not run by ``make bench``.

``python -m bench.experiments [gc|models|requests|all]``

- ``gc``: how much of our parse time is the cyclic garbage collector, measured as a steady stream
  of pages (each kept until the next arrives, as when walking a listing) so that work the
  collector defers still lands inside the measurement; and what pausing the collector during
  ``validate_response`` would save.
- ``models``: the generated models rebuilt with one generator choice changed at a time (open enums
  ``Literal[...] | str`` as plain ``str``, ``datetime`` as ``str``, ``extra="ignore"``, pydantic's
  string cache), each parsing the same page; their objects counted.
- ``requests``: where our per-call time goes beyond a bare ``httpx`` call: the pieces of
  ``_build_request`` timed one by one, and the loopback benchmark rerun with a request builder
  that parses the URL once.

The variants here are written for measuring only; the generator and runtime are not changed.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
import timeit
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Literal, Union, get_args, get_origin
from urllib.parse import urlencode

import httpx
import pydantic

from ._harness import load_generated, load_official, time_interleaved
from .data import fixture_bytes, invoice_page_bytes
from .overhead import CUSTOMER_ID, INVOICE_ID, PATH, loopback_server
from .parse import json_response, warm_up

__all__ = ["derive_model", "gc_paused", "main"]


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.1f} ms"


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:8.1f} us"


@contextmanager
def gc_paused() -> Iterator[None]:
    """Switch the cyclic collector off for a block, and back on only if it was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stream_seconds(parse: Callable[[], Any], pages: int) -> float:
    """Seconds per page when ``pages`` pages are parsed back to back, each kept until the next."""
    gc.collect()
    page: Any = None
    start = time.perf_counter()
    for _ in range(pages):
        page = parse()
    elapsed = time.perf_counter() - start
    del page
    return elapsed / pages


def _collections_during(parse: Callable[[], Any]) -> tuple[list[int], list[float]]:
    """Collections per generation during one parse, and seconds spent in each generation."""
    counts = [0, 0, 0]
    spent = [0.0, 0.0, 0.0]
    started: list[float] = [0.0]

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            generation = info["generation"]
            counts[generation] += 1
            spent[generation] += time.perf_counter() - started[0]

    gc.collect()
    gc.callbacks.append(callback)
    try:
        result = parse()
    finally:
        gc.callbacks.remove(callback)
    del result
    return counts, spent


def gc_experiment(pages: int = 8, repeats: int = 5) -> None:
    body = invoice_page_bytes()
    response = json_response(body)
    models = load_generated("._models")
    page_model: Any = load_generated(".types._responses").InvoiceListResponse
    validate_response: Callable[[Any, httpx.Response], Any] = models.validate_response
    warm_up({"ours": lambda r: validate_response(page_model, r)})

    def ours() -> Any:
        return validate_response(page_model, response)

    def ours_gc_paused() -> Any:
        with gc_paused():
            return validate_response(page_model, response)

    def loads() -> Any:
        return json.loads(body)

    print(
        f"\n== gc: {len(body) / 1e6:.1f} MB page; tracked objects in this process: {len(gc.get_objects()):,}"
    )
    for name, parse in (("json.loads", loads), ("ours: validate_response", ours)):
        counts, spent = _collections_during(parse)
        print(
            f"  {name:<26} collections gen0/1/2 = {counts}, "
            f"seconds in them = {[round(s * 1e3, 1) for s in spent]} ms"
        )
    before = len(gc.get_objects())
    kept = ours()
    print(f"  tracked objects created by one parse: ours {len(gc.get_objects()) - before:,}", end="")
    del kept
    gc.collect()
    before = len(gc.get_objects())
    kept = loads()
    print(f", json.loads {len(gc.get_objects()) - before:,}")
    del kept

    cases = {"json.loads": loads, "ours": ours, "ours, gc paused during parse": ours_gc_paused}
    single = time_interleaved(cases, repeats * 2)
    floor = statistics.median(single["json.loads"])
    print(f"  one page per sample, as in the benchmark (collector on), median of {repeats * 2}:")
    for name, values in single.items():
        value = statistics.median(values)
        print(f"    {name:<32} {_ms(value)}   {value / floor:5.2f}x json.loads")
    results: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, parse in cases.items():
            results[name].append(_stream_seconds(parse, pages))
    floor = statistics.median(results["json.loads"])
    print(f"  stream of {pages} pages, median of {repeats} streams, per page (collector on throughout):")
    for name, values in results.items():
        value = statistics.median(values)
        print(f"    {name:<32} {_ms(value)}   {value / floor:5.2f}x json.loads")


# --- models ---------------------------------------------------------------------------------------


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def derive_model(
    root: type[pydantic.BaseModel],
    *,
    open_enums_as_str: bool = False,
    datetimes_as_str: bool = False,
    extra: Literal["allow", "ignore"] = "allow",
    cache_strings: bool | Literal["all", "keys", "none"] = True,
) -> type[pydantic.BaseModel]:
    """``root`` and every model it reaches, rebuilt with some generator choices changed."""
    built: dict[type[pydantic.BaseModel], type[pydantic.BaseModel]] = {}
    config = pydantic.ConfigDict(
        extra=extra, populate_by_name=True, protected_namespaces=(), cache_strings=cache_strings
    )

    def convert(annotation: Any) -> Any:
        if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            return convert_model(annotation)
        if datetimes_as_str and annotation is datetime:
            return str
        origin = get_origin(annotation)
        if _is_union(annotation):
            members = list(get_args(annotation))
            if open_enums_as_str and str in members:
                members = [m for m in members if get_origin(m) is not Literal]
            converted = tuple(dict.fromkeys(convert(m) for m in members))
            return Union[converted] if len(converted) > 1 else converted[0]
        if origin is list:
            return types.GenericAlias(list, (convert(get_args(annotation)[0]),))
        if origin is dict:
            key, value = get_args(annotation)
            return types.GenericAlias(dict, (key, convert(value)))
        return annotation

    def convert_model(model: type[pydantic.BaseModel]) -> type[pydantic.BaseModel]:
        if model not in built:
            # Deferred models resolve their forward references when they are first built.
            model.model_rebuild()
            fields: dict[str, Any] = {}
            for name, info in model.model_fields.items():
                default = ... if info.is_required() else info.default
                fields[name] = (convert(info.annotation), pydantic.Field(default, alias=info.alias))
            built[model] = pydantic.create_model(model.__name__, __config__=config, **fields)
        return built[model]

    return convert_model(root)


def models_experiment(rounds: int = 7) -> None:
    body = invoice_page_bytes()
    page_model: Any = load_generated(".types._responses").InvoiceListResponse
    page_model.model_validate_json(invoice_page_bytes(invoices=1, line_items=2))
    variants: dict[str, Any] = {
        "generated (as is)": page_model,
        "rebuilt, no change (control)": derive_model(page_model),
        "open enums -> str": derive_model(page_model, open_enums_as_str=True),
        "datetime -> str": derive_model(page_model, datetimes_as_str=True),
        'extra="ignore"': derive_model(page_model, extra="ignore"),
        "cache_strings=False": derive_model(page_model, cache_strings=False),
        "enums+datetime -> str": derive_model(page_model, open_enums_as_str=True, datetimes_as_str=True),
        "enums+datetime -> str, ignore": derive_model(
            page_model, open_enums_as_str=True, datetimes_as_str=True, extra="ignore"
        ),
    }
    cases: dict[str, Callable[[], object]] = {"json.loads": lambda: json.loads(body)}
    for name, model in variants.items():
        assert len(model.model_validate_json(body).data) == 500

        def parse(model: Any = model) -> object:
            return model.model_validate_json(body)

        cases[name] = parse
    paused = time_interleaved(cases, rounds, gc_enabled=False)
    running = time_interleaved(cases, rounds)
    floor_paused = statistics.median(paused["json.loads"])
    floor_running = statistics.median(running["json.loads"])
    print(f"\n== models: one change at a time, {len(body) / 1e6:.1f} MB page, median of {rounds}")
    print(f"  {'variant':<32} {'gc paused':>11} {'(x json)':>9} {'gc on':>11} {'(x json)':>9}  objects")
    for name in cases:
        p = statistics.median(paused[name])
        r = statistics.median(running[name])
        gc.collect()
        before = len(gc.get_objects())
        kept = cases[name]()
        created = len(gc.get_objects()) - before
        del kept
        print(
            f"  {name:<32} {_ms(p)} {p / floor_paused:8.2f}x {_ms(r)} {r / floor_running:8.2f}x  {created:,}"
        )


# --- requests -------------------------------------------------------------------------------------


def _build_request_one_parse(client: Any, request: Any, **_: Any) -> httpx.Request:
    """``_build_request`` with the URL assembled as text and parsed once, by httpx's Request.

    Same headers and body as the runtime's; only the URL handling differs (no ``URL.join``, no
    separate ``QueryParams``), which is what this experiment measures. Absolute request paths and
    ``/``-prefixed paths are not special-cased here; a real change would keep the runtime's rules.
    """
    base: Any = load_generated("._base_client")
    utils: Any = load_generated("._utils")
    headers = base._merge_headers(client.default_headers, request.headers)
    if isinstance(request.json_data, base.NotGiven):
        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        content = None
    else:
        content = json.dumps(request.json_data, separators=(",", ":")).encode("utf-8")
    url = str(client._base_url) + request.path.lstrip("/")
    query = utils.encode_query({**client._custom_query, **request.params})
    if query:
        url += "?" + urlencode(query)
    timeout = client.timeout if isinstance(request.timeout, base.NotGiven) else request.timeout
    built: httpx.Request = client._client.build_request(
        request.method.upper(), url, headers=headers, content=content, timeout=timeout
    )
    return built


def requests_experiment(batches: int = 10, batch_size: int = 100) -> None:
    ours: Any = load_generated()
    base: Any = load_generated("._base_client")
    invoices_mod: Any = load_generated(".resources.v1.customers.invoices")
    model: Any = load_generated(".types._responses").InvoiceRetrieveResponse
    body = fixture_bytes()
    client = ours.Metronome(bearer_token="bench", base_url="http://127.0.0.1:9", max_retries=0)
    operation = invoices_mod._RETRIEVE
    args = {"customer_id": CUSTOMER_ID, "invoice_id": INVOICE_ID}
    options = base.CallOptions()
    request = client.prepare(operation, args, options)
    bare = httpx.Client()
    url = "http://127.0.0.1:9" + PATH
    model.model_validate_json(body)

    def best(stmt: Callable[[], object], number: int = 2000) -> float:
        return min(timeit.repeat(stmt, number=number, repeat=5)) / number

    pieces: dict[str, Callable[[], object]] = {
        "bare: httpx.Client.build_request(GET, url)": lambda: bare.build_request("GET", url),
        "ours: prepare (argument checks, FinalRequest)": lambda: client.prepare(operation, args, options),
        "ours: _build_request": lambda: client._build_request(request, idempotency_key=None, retries_taken=0),
        "  of which base_url.join(path)": lambda: client._base_url.join(request.path.lstrip("/")),
        "  of which httpx.URL(base + path)": lambda: httpx.URL(
            str(client._base_url) + request.path.lstrip("/")
        ),
        "  of which default_headers + merge": lambda: base._merge_headers(
            client.default_headers, request.headers
        ),
        "variant: URL text parsed once": lambda: _build_request_one_parse(client, request),
        "json.loads(10 KB)": lambda: json.loads(body),
        "InvoiceRetrieveResponse.model_validate_json(10 KB)": lambda: model.model_validate_json(body),
    }
    print("\n== requests: pieces of one call (best of 5 x 2000)")
    for name, stmt in pieces.items():
        print(f"  {name:<52} {_us(best(stmt))}")

    # The same calls without a network: an httpx.MockTransport answers in-process, so what is left
    # is each client's own CPU time per call.
    def answer(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    official: Any = load_official()
    mock_bare = httpx.Client(transport=httpx.MockTransport(answer))
    mock_ours = ours.Metronome(
        bearer_token="bench",
        base_url="http://127.0.0.1:9",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    mock_patched = ours.Metronome(
        bearer_token="bench",
        base_url="http://127.0.0.1:9",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    mock_patched._build_request = types.MethodType(_build_request_one_parse, mock_patched)
    mock_official = official.Metronome(
        bearer_token="bench",
        base_url="http://127.0.0.1:9",
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    offline: dict[str, Callable[[], object]] = {
        "bare httpx + json.loads": lambda: json.loads(mock_bare.get(url).content),
        "bare httpx + our model": lambda: model.model_validate_json(mock_bare.get(url).content),
        "ours: retrieve()": lambda: mock_ours.v1.customers.invoices.retrieve(**args),
        "ours, URL parsed once": lambda: mock_patched.v1.customers.invoices.retrieve(**args),
        "official: retrieve()": lambda: mock_official.v1.customers.invoices.retrieve(**args),
    }
    time_interleaved(offline, 1, inner=200)
    offline_samples = time_interleaved(offline, batches, inner=batch_size)
    floor = statistics.median(offline_samples["bare httpx + json.loads"])
    print(f"  no network (MockTransport), median of {batches * batch_size} calls each:")
    for name, values in offline_samples.items():
        value = statistics.median(values)
        print(f"    {name:<30} {_us(value)}   {value / floor:5.2f}x bare")

    total = 4 * (batches * batch_size + 200) + 100
    with loopback_server(max_requests=total) as base_url:
        live_url = base_url + PATH
        stock = ours.Metronome(bearer_token="bench", base_url=base_url, max_retries=0)
        patched = ours.Metronome(bearer_token="bench", base_url=base_url, max_retries=0)
        patched._build_request = types.MethodType(_build_request_one_parse, patched)
        assert patched.v1.customers.invoices.retrieve(**args).data.id == INVOICE_ID
        cases: dict[str, Callable[[], object]] = {
            "bare httpx + json.loads": lambda: json.loads(bare.get(live_url).content),
            "bare httpx + our model": lambda: model.model_validate_json(bare.get(live_url).content),
            "ours: retrieve()": lambda: stock.v1.customers.invoices.retrieve(**args),
            "ours, URL parsed once": lambda: patched.v1.customers.invoices.retrieve(**args),
        }
        time_interleaved(cases, 1, inner=200)
        samples = time_interleaved(cases, batches, inner=batch_size)
        stock.close()
        patched.close()
    bare.close()
    floor = statistics.median(samples["bare httpx + json.loads"])
    print(f"  loopback, median of {batches * batch_size} calls each:")
    for name, values in samples.items():
        value = statistics.median(values)
        print(f"    {name:<30} {_us(value)}   {value / floor:5.2f}x bare")


EXPERIMENTS: dict[str, Callable[[], None]] = {
    "gc": gc_experiment,
    "models": models_experiment,
    "requests": requests_experiment,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.experiments", description=__doc__)
    parser.add_argument("which", nargs="*", choices=[*EXPERIMENTS, "all"], default=["all"])
    chosen: list[str] = parser.parse_args(argv).which
    for name in EXPERIMENTS if "all" in chosen else chosen:
        EXPERIMENTS[name]()


if __name__ == "__main__":
    main()
