"""Every generated method against Prism, a mock server built from the spec itself.

Prism validates each request against spec/openapi.yaml: a call the spec does not allow comes back
as a 4xx with an ``sl-violations`` header. So a 2xx without that header proves the client sent
exactly what the spec allows, and parsing Prism's answer (the spec's own examples) proves the
response models accept what the spec describes.

Prism cannot serve a real PDF (it answers ``retrieve_pdf`` with a placeholder string), so the
PDF bytes themselves stay covered by the recorded-response tests in ``test_client.py``.
"""

from __future__ import annotations

import functools
import re
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import GENERATED, ROOT

pytestmark = pytest.mark.prism


@functools.lru_cache(maxsize=1)
def api_model() -> Any:
    from generator.pipeline import Inputs, load_api

    return load_api(Inputs.from_paths(ROOT / "spec" / "openapi.yaml"))


def operations() -> list[Any]:
    return list(api_model().all_operations())


def arguments(op: Any, *, full: bool) -> dict[str, Any]:
    from generator.render import example_value

    typed_dicts = {td.class_name: td for td in api_model().typed_dicts}
    return {
        p.py_name: example_value(p.type, p.example, typed_dicts, full=full)
        for p in op.params
        if p.required or full
    }


def resolve(root: Any, path: tuple[str, ...]) -> Any:
    return functools.reduce(getattr, path, root)


CASES = [
    pytest.param(op, full, id=f"{op.dotted_name}-{'all' if full else 'required'}")
    for op in operations()
    for full in (False, True)
]


@pytest.fixture
def prism_client(prism_url: str) -> Any:
    from metronome_client import Metronome

    with Metronome(
        bearer_token="prism-token", base_url=prism_url, max_retries=0, strict_response_validation=True
    ) as client:
        yield client


@pytest.fixture
async def prism_async_client(prism_url: str) -> Any:
    from metronome_client import AsyncMetronome

    async with AsyncMetronome(
        bearer_token="prism-token", base_url=prism_url, max_retries=0, strict_response_validation=True
    ) as client:
        yield client


def check_accepted(raw: Any, op: Any) -> None:
    assert (
        200 <= raw.status_code < 300
    ), f"{op.dotted_name}: Prism answered {raw.status_code}: {raw.headers.get('sl-violations')}"
    assert "sl-violations" not in raw.headers, f"{op.dotted_name}: {raw.headers['sl-violations']}"


@pytest.mark.parametrize(("op", "full"), CASES)
def test_sync_call_is_accepted_by_prism(prism_client: Any, op: Any, full: bool) -> None:
    kwargs = arguments(op, full=full)
    method = getattr(resolve(prism_client.with_raw_response, op.resource_path), op.method_name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        raw = method(**kwargs)
    check_accepted(raw, op)
    result = raw.parse()
    if op.response.kind == "model":
        assert type(result).__name__ == op.response.model
    elif op.response.kind == "page":
        assert all(type(item).__name__ == op.response.item_model for item in result.items)
        assert result.items, "Prism's example page should not be empty"
    elif op.response.kind == "binary":
        assert isinstance(result.content, bytes)  # a placeholder: Prism cannot serve a real PDF


@pytest.mark.anyio
@pytest.mark.parametrize(("op", "full"), CASES)
async def test_async_call_is_accepted_by_prism(prism_async_client: Any, op: Any, full: bool) -> None:
    kwargs = arguments(op, full=full)
    method = getattr(resolve(prism_async_client.with_raw_response, op.resource_path), op.method_name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        raw = await method(**kwargs)
    check_accepted(raw, op)
    result = await raw.parse()
    if op.response.kind == "page":
        assert result.items


def test_iterating_a_list_against_prism_terminates(prism_client: Any) -> None:
    # Prism answers every page with the same example (same cursor); the page guard stops there.
    invoices = list(
        prism_client.v1.customers.invoices.list(customer_id="7c9e6679-7425-40de-944b-e07fc1f90ae7", limit=2)
    )
    assert invoices
    assert all(invoice.id for invoice in invoices)


# --------------------------------------------------------------------------------------------- rejections


def test_missing_required_body_field_is_rejected_as_unprocessable(prism_client: Any) -> None:
    from metronome_client import UnprocessableEntityError

    # The generated method refuses to send this (ArgumentError); the escape hatch sends it anyway.
    with pytest.raises(UnprocessableEntityError) as caught:
        prism_client.request("post", "/v1/invoices/void", body={})
    assert caught.value.status_code == 422
    assert "required property 'id'" in caught.value.headers["sl-violations"]


def test_body_of_the_wrong_type_is_rejected(prism_client: Any) -> None:
    from metronome_client import UnprocessableEntityError

    with pytest.raises(UnprocessableEntityError) as caught:
        prism_client.v1.invoices.void(id="0895ac87-b131-4175-84dd-82cd63e7b49a", extra_body={"id": 42})
    assert "id" in caught.value.headers["sl-violations"]


def test_bad_enum_value_is_rejected_as_bad_request(prism_client: Any) -> None:
    from metronome_client import BadRequestError

    with pytest.raises(BadRequestError) as caught:
        prism_client.v1.customers.invoices.list(
            customer_id="7c9e6679-7425-40de-944b-e07fc1f90ae7", extra_query={"sort": "newest"}
        )
    assert caught.value.status_code == 400
    assert "sort" in caught.value.headers["sl-violations"]


def test_missing_required_query_parameter_is_rejected(prism_client: Any) -> None:
    from metronome_client import BadRequestError

    with pytest.raises(BadRequestError) as caught:
        prism_client.request("get", "/v1/customers/7c9e6679-7425-40de-944b-e07fc1f90ae7/invoices/breakdowns")
    assert "starting_on" in caught.value.headers["sl-violations"]


def test_missing_credentials_are_rejected_as_unauthenticated(prism_client: Any) -> None:
    from metronome_client import AuthenticationError, omit

    anonymous = prism_client.with_options(default_headers={"Authorization": omit})
    with pytest.raises(AuthenticationError) as caught:
        anonymous.v1.invoices.void(id="0895ac87-b131-4175-84dd-82cd63e7b49a")
    assert caught.value.status_code == 401


# --------------------------------------------------------------------------------------------- docs


def code_blocks(markdown: str) -> list[tuple[str, str]]:
    """(nearest heading, code) for every ```python block."""
    found: list[tuple[str, str]] = []
    heading = ""
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            heading = line.lstrip("#").strip().strip("`")
        if line.strip() == "```python":
            end = lines.index("```", index + 1)
            found.append((heading, "\n".join(lines[index + 1 : end])))
            index = end
        index += 1
    return found


API_MD = (GENERATED / "api.md").read_text(encoding="utf-8")
API_EXAMPLES = [
    (heading, code) for heading, code in code_blocks(API_MD) if not re.match(r"^\S+\(.*\) -> ", code)
]


def test_api_md_documents_every_method() -> None:
    for op in operations():
        assert f"### `{op.method_name}`" in API_MD
        assert f"{op.dotted_name}(" in API_MD
        assert f"`{op.http_method.upper()} {op.path}`" in API_MD


@pytest.mark.parametrize(("heading", "code"), API_EXAMPLES[1:], ids=[h for h, _ in API_EXAMPLES[1:]])
def test_api_md_example_runs_against_prism(
    heading: str, code: str, prism_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    setup = API_EXAMPLES[0][1]
    assert "client = Metronome()" in setup
    monkeypatch.setenv("METRONOME_BEARER_TOKEN", "docs-token")
    monkeypatch.setenv("METRONOME_BASE_URL", prism_url)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        exec(compile(setup + "\n" + code, f"api.md:{heading}", "exec"), namespace)
    namespace["client"].close()


def test_readme_usage_example_runs_against_prism(
    prism_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = [code for heading, code in code_blocks(readme) if "Metronome(" in code]
    assert examples, "README.md has no usage example"
    monkeypatch.setenv("METRONOME_BEARER_TOKEN", "readme-token")
    monkeypatch.setenv("METRONOME_BASE_URL", prism_url)
    monkeypatch.chdir(tmp_path)
    for code in examples:
        namespace: dict[str, Any] = {}
        exec(compile(code, "README.md", "exec"), namespace)


def test_prism_itself_rejects_what_the_spec_forbids(prism_url: str) -> None:
    # Guards the guard: if Prism stopped validating, the acceptance tests above would prove nothing.
    response = httpx.post(f"{prism_url}/v1/invoices/void", json={}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 422
    assert "sl-violations" in response.headers
