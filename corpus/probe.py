"""Look inside one generated client, in a process of its own: imports, methods, calls to Prism.

``python -m corpus.probe --root DIR --package NAME --kind ours|opc --result FILE [--spec F --prism URL]``

- imports every module of the package (``pkgutil.walk_packages``), recording each failure;
- lists the client's methods as ``(METHOD, path)``: ours from the ``Operation`` constants its
  resource modules define, openapi-python-client's from the request each endpoint module builds;
- with ``--prism``: calls every method of ours once, with its required arguments made from the
  spec (``corpus.synth``), and records what Prism answered.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import re
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from corpus._json import as_dict, as_list

__all__ = ["main"]

_CREDENTIAL = re.compile(r"token|key|secret|password|username|credential|auth|user|client_id")


def _import_all(package: str) -> tuple[list[ModuleType], list[dict[str, str]]]:
    modules: list[ModuleType] = []
    failures: list[dict[str, str]] = []
    try:
        root = importlib.import_module(package)
    except Exception as error:  # any failure to import is what we record
        return [], [{"module": package, "error": f"{type(error).__name__}: {error}"[:500]}]
    modules.append(root)
    names = [info.name for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}.")]
    for name in names:
        try:
            modules.append(importlib.import_module(name))
        except Exception as error:
            failures.append({"module": name, "error": f"{type(error).__name__}: {error}"[:500]})
    return modules, failures


def _ours_operations(modules: list[ModuleType]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for module in modules:
        namespace: dict[str, object] = vars(module)
        for value in namespace.values():
            if type(value).__name__ != "Operation":
                continue
            name, method, path = (getattr(value, key, None) for key in ("name", "method", "path"))
            if isinstance(name, str) and isinstance(method, str) and isinstance(path, str):
                found[name] = {
                    "name": name,
                    "method": method.upper(),
                    "path": path,
                    "body_key": getattr(value, "body_key", None),
                }
    return sorted(found.values(), key=lambda op: str(op["name"]))


_METHOD = re.compile(r'"method":\s*"(\w+)"')
_URL = re.compile(r'"url":\s*f?"([^"]*)"')


def _opc_operations(modules: list[ModuleType], package: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for module in modules:
        if not module.__name__.startswith(f"{package}.api.") or not hasattr(module, "sync_detailed"):
            continue
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        method, url = _METHOD.search(source), _URL.search(source)
        if method and url:
            found.append({"name": module.__name__, "method": method.group(1).upper(), "path": url.group(1)})
    return found


def _client_class(package: str) -> Any:
    module = importlib.import_module(f"{package}._client")
    for name, value in vars(module).items():
        if (
            inspect.isclass(value)
            and value.__module__ == module.__name__
            and not name.startswith("Async")
            and hasattr(value, "with_raw_response")
            and "base_url" in inspect.signature(value.__init__).parameters
        ):
            return value
    raise LookupError(f"no client class in {package}._client")


_OPTIONS = frozenset(
    {"timeout", "default_headers", "default_query", "http_client", "strict_response_validation", "deadline"}
)
"""The client's own keyword arguments; every other one is a credential (named after its scheme)."""


def _client(package: str, url: str) -> Any:
    cls = _client_class(package)
    kwargs: dict[str, Any] = {"base_url": url, "max_retries": 0}
    for name, parameter in inspect.signature(cls.__init__).parameters.items():
        if name in ("self", "base_url", "max_retries") or parameter.kind is not parameter.KEYWORD_ONLY:
            continue
        if parameter.default is inspect.Parameter.empty or _CREDENTIAL.search(name) or name not in _OPTIONS:
            kwargs[name] = "corpus-credential"
    return cls(**kwargs)


def _walk(root: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        root = getattr(root, part)
    return root


def _call(client: Any, document: Any, op: dict[str, Any]) -> dict[str, Any]:
    from corpus.synth import input_value, operation_inputs, wire_key

    record: dict[str, Any] = {"name": op["name"], "method": op["method"], "path": op["path"]}
    try:
        plain = _walk(client, op["name"])
        raw = _walk(client.with_raw_response, op["name"])
        inputs = operation_inputs(document, op["path"], op["method"])
        kwargs: dict[str, Any] = {}
        for name, parameter in inspect.signature(plain).parameters.items():
            if (
                parameter.kind is not parameter.KEYWORD_ONLY
                or parameter.default is not inspect.Parameter.empty
            ):
                continue
            entry = inputs.get("#body") if name == op.get("body_key") else inputs.get(wire_key(name))
            kwargs[name] = input_value(document, entry) if entry else "corpus"
        record["arguments"] = sorted(kwargs)
        response = raw(**kwargs, timeout=15)
        record["status"] = response.status_code
        record["violations"] = response.headers.get("sl-violations")
    except Exception as error:  # a failing call is a result, not a crash
        status = getattr(error, "status_code", None)
        if isinstance(status, int):
            record["status"] = status
            headers = getattr(getattr(error, "response", None), "headers", {}) or {}
            record["violations"] = headers.get("sl-violations")
            body = getattr(error, "body", None)
            record["detail"] = json.dumps(body)[:400] if body is not None else str(error)[:400]
        else:
            record["error"] = f"{type(error).__name__}: {error}"[:400]
            record["where"] = traceback.format_exc().strip().splitlines()[-3][:300]
    record["accepted"] = _accepted(record, _declares_success(document, op))
    return record


def _declares_success(document: Any, op: dict[str, Any]) -> bool:
    from corpus.synth import resolve

    item = as_dict(resolve(document, as_dict(as_dict(document).get("paths")).get(op["path"])))
    operation = as_dict(resolve(document, item.get(str(op["method"]).lower())))
    responses = as_dict(operation.get("responses"))
    return not responses or any(str(code).startswith("2") for code in responses)


def _request_violations(header: object) -> bool:
    """Whether Prism's ``sl-violations`` header finds fault with the request (a finding about its
    own response, made from the spec's examples, is not the client's)."""
    if not header:
        return False
    try:
        found = json.loads(str(header))
    except ValueError:
        return True
    if not isinstance(found, list):
        return True
    found = cast(list[object], found)
    locations = [as_list(as_dict(item).get("location")) for item in as_list(found)]
    return any(where[:1] != ["response"] for where in locations)


def _accepted(record: dict[str, Any], declares_success: bool) -> bool:
    """Prism took the request as the spec allows it: no validation violation, no error of Prism's own
    (a security or routing failure), and a 2xx, or the spec's own non-2xx answer where the
    operation declares no 2xx response at all."""
    status = record.get("status")
    if not isinstance(status, int) or _request_violations(record.get("violations")):
        return False
    if "prism/errors#" in str(record.get("detail", "")):
        return False
    return 200 <= status < 300 or not declares_success


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus.probe")
    parser.add_argument("--root", type=Path, required=True, help="directory holding the package")
    parser.add_argument("--package", required=True)
    parser.add_argument("--kind", choices=("ours", "opc"), required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--spec", type=Path)
    parser.add_argument("--prism")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.root.resolve()))
    modules, failures = _import_all(args.package)
    if args.kind == "ours":
        operations = _ours_operations(modules)
    else:
        operations = _opc_operations(modules, args.package)
    result: dict[str, Any] = {"modules": len(modules), "import_failures": failures, "operations": operations}
    if args.prism and args.spec:
        import yaml

        text = args.spec.read_text(encoding="utf-8")
        document = json.loads(text) if args.spec.suffix == ".json" else yaml.safe_load(text)
        try:
            with _client(args.package, args.prism) as client:
                result["calls"] = [_call(client, document, op) for op in operations]
        except Exception as error:
            result["calls_error"] = f"{type(error).__name__}: {error}"[:500]
    args.result.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
