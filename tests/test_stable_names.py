"""Names depend only on what they name (README: "How names are made").

``tests/specs/names/openapi.yaml`` has every kind of generated name. Each case below adds
something unrelated to it (or takes something away) and generates both versions: every public
name of the smaller version (module-level classes and TypedDicts, their public methods, every
``__all__`` entry, module by module) must still be there, unchanged, in the larger one. A
collision that would once have been settled by numbering is now an error, and ``diff`` reports a
rename as breaking (``tests/specs/renames/``).
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from _genhelpers import SPECS
from generator.diff import diff_specs
from generator.errors import SpecErrors
from generator.naming import member_name, operation_type_name, resource_class_name
from generator.pipeline import Inputs, build_files

NAMES = SPECS / "names"
RENAMES = SPECS / "renames"
Spec = dict[str, Any]


def public_names(files: dict[str, str]) -> set[str]:
    """``module:Name``, ``module:Class.method`` and ``module:Class.field`` for every public name of
    the generated package (fields too, so that two classes swapping names do not go unnoticed)."""
    names: set[str] = set()
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        module = path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
        for node in ast.parse(text).body:
            if isinstance(node, ast.ClassDef):
                names.add(f"{module}:{node.name}")
                names.update(
                    f"{module}:{node.name}.{member.name}"
                    for member in node.body
                    if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and not member.name.startswith("_")
                )
                names.update(
                    f"{module}:{node.name}.{member.target.id}"
                    for member in node.body
                    if isinstance(member, ast.AnnAssign) and isinstance(member.target, ast.Name)
                )
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                target_names = [t.id for t in targets if isinstance(t, ast.Name)]
                if "__all__" in target_names and isinstance(node.value, ast.List):
                    names.update(
                        f"{module}:{element.value}"
                        for element in node.value.elts
                        if isinstance(element, ast.Constant) and isinstance(element.value, str)
                    )
                elif (
                    isinstance(node.value, ast.Call)
                    and isinstance(node.value.func, ast.Name)
                    and node.value.func.id == "TypedDict"
                ):
                    names.update(f"{module}:{name}" for name in target_names)
                    fields = node.value.args[1] if len(node.value.args) > 1 else None
                    if isinstance(fields, ast.Dict):
                        names.update(
                            f"{module}:{name}.{key.value}"
                            for name in target_names
                            for key in fields.keys
                            if isinstance(key, ast.Constant) and isinstance(key.value, str)
                        )
    return names


def generate(tmp_path: Path, spec: Spec, name: str) -> set[str]:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    _, files = build_files(Inputs.from_paths(folder / "openapi.yaml", NAMES / "generator.yaml"))
    return public_names(files)


def base_spec() -> Spec:
    loaded: Spec = yaml.safe_load((NAMES / "openapi.yaml").read_text(encoding="utf-8"))
    return loaded


def _json(schema: Spec, description: str = "OK.") -> Spec:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _inline_owner(field: str) -> Spec:
    return {"type": "object", "properties": {field: {"type": "string"}}}


# Each change adds unrelated things; the test checks the base's names survive it.


def top_level_invoices(spec: Spec) -> None:
    """A resource whose last segment, ``invoices``, is also that of ``v1.customers.invoices``."""
    spec["paths"]["/invoices/{invoice_id}"] = {
        "get": {
            "operationId": "getAnyInvoice",
            "x-sdk-resource": "invoices",
            "x-sdk-method": "retrieve",
            "parameters": [
                {"name": "invoice_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": _json({"$ref": "#/components/schemas/Invoice"})},
        }
    }


def schemas_with_the_same_inline_properties(spec: Spec) -> None:
    """An operation met first, answering with a schema whose inline ``owner`` and ``lines`` objects
    are named like those of ``Invoice`` (datamodel-code-generator once numbered the later ones)."""
    spec["paths"] = {
        "/accounts": {
            "get": {
                "operationId": "getAccount",
                "x-sdk-resource": "accounts",
                "responses": {"200": _json({"$ref": "#/components/schemas/Account"})},
            }
        },
        **spec["paths"],
    }
    spec["components"]["schemas"] = {
        "Account": {
            "type": "object",
            "properties": {
                "owner": _inline_owner("phone"),
                "lines": {"type": "array", "items": _inline_owner("label")},
            },
        },
        **spec["components"]["schemas"],
    }


def schemas_named_like_inline_types(spec: Spec) -> None:
    """Components named as the property names of inline objects elsewhere, used in a request and a
    response (inline request types were once numbered when a component took their name)."""
    spec["components"]["schemas"]["Owner"] = _inline_owner("nickname")
    spec["components"]["schemas"]["Tier"] = _inline_owner("label")
    spec["paths"]["/owners"] = {
        "post": {
            "operationId": "createOwner",
            "x-sdk-resource": "owners",
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "owner": {"$ref": "#/components/schemas/Owner"},
                                "tier": {"$ref": "#/components/schemas/Tier"},
                            },
                        }
                    }
                }
            },
            "responses": {"200": _json({"$ref": "#/components/schemas/Owner"})},
        }
    }


def methods_in_existing_resources(spec: Spec) -> None:
    """More methods in resources that exist already: one by x-sdk-resource, one by tag."""
    spec["paths"]["/v1/customers/{customer_id}/invoices/{invoice_id}"] = {
        "get": {
            "operationId": "retrieveInvoice",
            "x-sdk-resource": "v1.customers.invoices",
            "x-sdk-method": "retrieve",
            "parameters": [
                {"name": "customer_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "invoice_id", "in": "path", "required": True, "schema": {"type": "string"}},
            ],
            "responses": {"200": _json({"type": "object", "properties": {"owner": _inline_owner("x")}})},
        }
    }
    spec["paths"]["/reports"] = {
        "get": {
            "tags": ["reports"],
            "operationId": "listReports",
            "responses": {"200": _json({"type": "array", "items": {"type": "object"}})},
        }
    }


def a_deeper_resource(spec: Spec) -> None:
    """A resource below an existing one, and one above nothing that shares a middle segment."""
    spec["paths"]["/v1/customers/{customer_id}/invoices/summary"] = {
        "get": {
            "x-sdk-resource": "v1.customers.invoices.summary",
            "x-sdk-method": "get",
            "parameters": [
                {"name": "customer_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"204": {"description": "Nothing."}},
        }
    }
    spec["paths"]["/customers"] = {
        "get": {
            "x-sdk-resource": "customers",
            "x-sdk-method": "list",
            "responses": {"204": {"description": "Nothing."}},
        }
    }


ADDITIONS: dict[str, Callable[[Spec], None]] = {
    change.__name__: change
    for change in (
        top_level_invoices,
        schemas_with_the_same_inline_properties,
        schemas_named_like_inline_types,
        methods_in_existing_resources,
        a_deeper_resource,
    )
}


@pytest.fixture(scope="module")
def base_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    return generate(tmp_path_factory.mktemp("base"), base_spec(), "base")


def test_the_base_spec_has_every_kind_of_name(base_names: set[str]) -> None:
    """The names the cases below must keep (so a case that kept nothing could not pass)."""
    for name in (
        "names_client.resources.v1.customers.invoices:V1CustomersInvoicesResource",
        "names_client.resources.v1.customers.invoices:V1CustomersInvoicesResource.list",
        "names_client.resources.v1.customers.invoices:V1CustomersInvoicesResource.create_invoice",
        "names_client.resources.v1.customers:V1CustomersResource",
        "names_client.resources.v1.contracts:AsyncV1ContractsResourceWithRawResponse",
        "names_client.resources.reports:ReportsResource.get_report",
        "names_client.resources.health:HealthResource.get_health",
        "names_client.types._params:V1CustomersInvoicesListArgs",
        "names_client.types._params:V1CustomersInvoicesCreateInvoiceBodyOwnerParam",
        "names_client.types._params:V1CustomersInvoicesListFilterParam",
        "names_client.types._params:LineInputTierParam",
        "names_client.types._params:ContractInputTermsParam",
        "names_client.types:InvoiceOwner",
        "names_client.types:InvoiceLinesItem",
        "names_client.types:InvoiceLinesItemOrigin",
        "names_client.types:ReportsGetReportResponseRowsItemOwner",
        "names_client.types:V1CustomersInvoicesCreateInvoiceResponseReceipt",
        "names_client.pagination:SyncCursorPage",
        "names_client._client:Names",
    ):
        assert name in base_names


@pytest.mark.parametrize("change", sorted(ADDITIONS))
def test_adding_something_unrelated_renames_nothing(
    change: str, base_names: set[str], tmp_path: Path
) -> None:
    spec = base_spec()
    ADDITIONS[change](spec)
    names = generate(tmp_path, spec, change)
    assert names > base_names, "the change added nothing"
    assert base_names - names == set(), "renamed or lost"


def test_removing_an_operation_removes_only_its_own_names(base_names: set[str], tmp_path: Path) -> None:
    spec = base_spec()
    del spec["paths"]["/reports/{report_id}"]
    names = generate(tmp_path, spec, "without-reports")
    assert names < base_names
    gone = base_names - names
    assert gone and all("Report" in name or name.endswith(".reports") for name in gone), sorted(gone)


def test_the_naming_scheme() -> None:
    assert resource_class_name(("v1", "customers", "invoices")) == "V1CustomersInvoicesResource"
    assert resource_class_name(("invoices",)) == "InvoicesResource"
    assert operation_type_name(("v1", "invoices"), "list_breakdowns") == "V1InvoicesListBreakdowns"
    assert member_name("Invoice", "line_items", "property") == "InvoiceLineItems"
    assert member_name("Invoice", "$", "property") == "InvoiceField24"
    assert member_name("InvoiceLineItems", 0, "items") == "InvoiceLineItemsItem"
    assert member_name("Invoice", 0, "value") == "InvoiceValue"
    assert member_name("Invoice", 2, "variant") == "InvoiceVariant2"


def _errors(spec: Spec, tmp_path: Path) -> list[str]:
    with pytest.raises(SpecErrors) as caught:
        generate(tmp_path, spec, "broken")
    return [f"{error.location.pointer}: {error.message}" for error in caught.value.errors]


def test_a_request_type_name_wanted_twice_is_an_error_not_a_number(tmp_path: Path) -> None:
    """``LineInput.tier`` is the TypedDict ``LineInputTierParam``; a component ``LineInputTier``
    would be the same name: an error at the second one met, rather than ``LineInputTierParam2``."""
    spec = base_spec()
    spec["components"]["schemas"]["LineInputTier"] = _inline_owner("other")
    spec["components"]["schemas"]["ContractInput"]["properties"]["tier"] = {
        "$ref": "#/components/schemas/LineInputTier"
    }
    errors = _errors(spec, tmp_path)
    assert any(
        "both become the Python type 'LineInputTierParam'" in error and "/components/schemas/" in error
        for error in errors
    ), errors


def test_a_response_class_name_wanted_twice_is_an_error_not_a_number(tmp_path: Path) -> None:
    spec = base_spec()
    spec["components"]["schemas"]["InvoiceOwner"] = _inline_owner("other")
    spec["components"]["schemas"]["Invoice"]["properties"]["also"] = {
        "$ref": "#/components/schemas/InvoiceOwner"
    }
    errors = _errors(spec, tmp_path)
    assert any("'InvoiceOwner' is already used by" in error for error in errors), errors


def test_two_resources_with_the_same_class_name_are_an_error(tmp_path: Path) -> None:
    spec = base_spec()
    spec["paths"]["/v1customers"] = {
        "get": {
            "x-sdk-resource": "v1_customers",
            "x-sdk-method": "list",
            "responses": {"204": {"description": "-"}},
        }
    }
    errors = _errors(spec, tmp_path)
    assert any(
        "resources v1.customers and v1_customers both become the Python class 'V1CustomersResource'" in error
        for error in errors
    ), errors


def test_two_operations_with_the_same_args_name_are_an_error(tmp_path: Path) -> None:
    spec = base_spec()
    spec["paths"]["/v1/contractscreate"] = {
        "get": {
            "x-sdk-resource": "v1",
            "x-sdk-method": "contracts_create",
            "responses": {"204": {"description": "-"}},
        }
    }
    errors = _errors(spec, tmp_path)
    assert any(
        "'V1ContractsCreateArgs' is also used by the operation at" in error for error in errors
    ), errors


def test_a_property_named_param_is_not_taken_for_its_owner(tmp_path: Path) -> None:
    """``LineInput.param`` is ``LineInputParamParam``: a suffix is never assumed to be there already."""
    spec = base_spec()
    spec["components"]["schemas"]["LineInput"]["properties"]["param"] = _inline_owner("other")
    names = generate(tmp_path, spec, "param")
    assert "names_client.types:LineInputParamParam" in names
    assert "names_client.types:LineInputParam" in names


def test_a_type_named_like_a_resource_class_is_an_error(tmp_path: Path) -> None:
    """The resource module imports the types it uses: one may not share a name with its classes."""
    spec = base_spec()
    spec["components"]["schemas"]["AsyncReportsResource"] = _inline_owner("other")
    ok = spec["paths"]["/health"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    ok["properties"]["report"] = {"$ref": "#/components/schemas/AsyncReportsResource"}
    errors = _errors(spec, tmp_path)
    assert any(
        "'AsyncReportsResource' is also a class of the resource reports" in error for error in errors
    ), errors


# ------------------------------------------------------------------------------------------------
# diff: a rename is breaking.

B, NB = True, False
RENAME_CASES: dict[str, set[tuple[bool, str, str, str]]] = {
    "method-renamed": {
        (B, "method-renamed", "widgets.list", ""),
        (B, "type-renamed", "", "type `WidgetsListResponse`"),
        (B, "type-renamed", "", "type `WidgetsListFilterParam`"),
    },
    "resource-renamed": {
        (B, "method-renamed", "widgets.list", ""),
        (B, "class-renamed", "", "class `WidgetsResource`"),
        (B, "type-renamed", "", "type `WidgetsListResponse`"),
        (B, "type-renamed", "", "type `WidgetsListFilterParam`"),
    },
    "config-renamed": {
        (B, "package-renamed", "", "package `widgets_client`"),
        (B, "class-renamed", "", "class `Widgets`"),
        (B, "class-renamed", "", "class `SyncCursorPage`"),
        (B, "class-renamed", "", "class `AsyncCursorPage`"),
    },
}


def test_every_rename_case_on_disk_has_expectations() -> None:
    assert {path.name for path in RENAMES.iterdir() if path.is_dir()} == set(RENAME_CASES)


@pytest.mark.parametrize("case", sorted(RENAME_CASES))
def test_diff_reports_a_rename_as_breaking(case: str) -> None:
    report = diff_specs(
        str(RENAMES / case / "old" / "openapi.yaml"), str(RENAMES / case / "new" / "openapi.yaml")
    )
    found = [(c.breaking, c.kind, c.method, c.subject) for c in report.changes]
    assert len(found) == len(set(found)), f"a change is reported twice: {found}"
    assert set(found) == RENAME_CASES[case]


def test_a_renamed_method_is_still_compared_argument_by_argument(tmp_path: Path) -> None:
    """A method renamed and changed at once reports both, under its old name."""
    old_dir, new_dir = RENAMES / "method-renamed" / "old", tmp_path / "new"
    new_dir.mkdir()
    spec: Spec = yaml.safe_load(
        (RENAMES / "method-renamed" / "new" / "openapi.yaml").read_text(encoding="utf-8")
    )
    changed = copy.deepcopy(spec)
    changed["paths"]["/widgets"]["get"]["parameters"].append(
        {"name": "owner", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    (new_dir / "openapi.yaml").write_text(yaml.safe_dump(changed, sort_keys=False), encoding="utf-8")
    (new_dir / "generator.yaml").write_text((old_dir / "generator.yaml").read_text(encoding="utf-8"))
    report = diff_specs(str(old_dir / "openapi.yaml"), str(new_dir / "openapi.yaml"))
    found = {(c.breaking, c.kind, c.method, c.subject) for c in report.changes}
    assert (B, "method-renamed", "widgets.list", "") in found
    assert (B, "argument-added-required", "widgets.list", "argument `owner`") in found
    [renamed] = [c for c in report.changes if c.kind == "method-renamed"]
    assert renamed.detail == "renamed to `client.widgets.find()`"


def test_diff_reports_a_removed_resource_class_and_its_types(tmp_path: Path) -> None:
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    for folder in (old_dir, new_dir):
        folder.mkdir()
        (folder / "generator.yaml").write_text((NAMES / "generator.yaml").read_text(encoding="utf-8"))
    spec = base_spec()
    (old_dir / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    del spec["paths"]["/reports/{report_id}"]
    spec["paths"]["/audits"] = {"get": {"tags": ["audits"], "responses": {"204": {"description": "-"}}}}
    (new_dir / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    report = diff_specs(str(old_dir / "openapi.yaml"), str(new_dir / "openapi.yaml"))
    assert {(c.breaking, c.kind, c.method, c.subject) for c in report.changes} == {
        (B, "method-removed", "reports.get_report", ""),
        (NB, "method-added", "audits.get_audits", ""),
        (B, "class-removed", "", "class `ReportsResource`"),
        (NB, "class-added", "", "class `AuditsResource`"),
        (B, "type-removed", "", "type `ReportsGetReportResponse`"),
        (B, "type-removed", "", "type `ReportsGetReportResponseRowsItem`"),
        (B, "type-removed", "", "type `ReportsGetReportResponseRowsItemOwner`"),
    }
