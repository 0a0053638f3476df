"""The resource tree: operations grouped by their resource path, each node a class and a module.

A resource class is named by its whole path (``naming.resource_class_name``), so no other
resource can change it; two operations of one resource with one method name, two resources with
one class, or a method named like a sub-resource are errors.
"""

from __future__ import annotations

from .. import ir
from ..naming import resource_class_name
from ._context import BuildContext

__all__ = ["build_resources"]


def build_resources(ctx: BuildContext, operations: list[ir.Operation]) -> list[ir.Resource]:
    nodes: dict[tuple[str, ...], ir.Resource] = {}
    roots: list[ir.Resource] = []
    for op in operations:
        for depth in range(1, len(op.resource_path) + 1):
            key = op.resource_path[:depth]
            if key not in nodes:
                node = ir.Resource(path=key, class_name="", module="")
                nodes[key] = node
                if depth == 1:
                    roots.append(node)
                else:
                    nodes[key[:-1]].children.append(node)
        resource = nodes[op.resource_path]
        clash = next((other for other in resource.operations if other.method_name == op.method_name), None)
        if clash is not None:
            ctx.error(
                op.pointer,
                f"operations {clash.operation_id!r} and {op.operation_id!r} both become {op.dotted_name}()",
                rule="naming",
            )
            continue
        resource.operations.append(op)
    class_owners: dict[str, tuple[str, ...]] = {}
    for key, node in nodes.items():
        node.class_name = resource_class_name(key)
        owner = class_owners.setdefault(node.class_name, key)
        if owner != key:
            first = next(op for op in operations if op.resource_path[: len(key)] == key)
            ctx.error(
                first.pointer,
                f"resources {'.'.join(owner)} and {'.'.join(key)} both become the Python class "
                f"{node.class_name!r}",
                rule="naming",
            )
        node.is_package = bool(node.children)
        node.module = "resources." + ".".join(key)
        for op in node.operations:
            if any(child.attr_name == op.method_name for child in node.children):
                ctx.error(
                    op.pointer,
                    f"{op.dotted_name}() clashes with the sub-resource of the same name",
                    rule="naming",
                )
    return roots
