"""The resource tree: operations grouped by their resource path, each node a class and a module.

A resource class is named by its whole path (``naming.resource_class_name``), so no other
resource can change it; two operations of one resource with one method name, two resources with
one class, or a method named like a sub-resource are errors. The tree is laid out first and each
``ir.Resource`` made once, complete, from its leaves up.
"""

from __future__ import annotations

from .. import ir
from ..naming import resource_class_name
from ._context import BuildContext

__all__ = ["build_resources"]

_Path = tuple[str, ...]


def build_resources(ctx: BuildContext, operations: list[ir.Operation]) -> list[ir.Resource]:
    ops_of: dict[_Path, list[ir.Operation]] = {}
    children_of: dict[_Path, list[_Path]] = {}
    roots: list[_Path] = []
    for op in operations:
        for depth in range(1, len(op.resource_path) + 1):
            key = op.resource_path[:depth]
            if key not in ops_of:
                ops_of[key] = []
                children_of[key] = []
                if depth == 1:
                    roots.append(key)
                else:
                    children_of[key[:-1]].append(key)
        own = ops_of[op.resource_path]
        clash = next((other for other in own if other.method_name == op.method_name), None)
        if clash is not None:
            ctx.error(
                op.pointer,
                f"operations {clash.operation_id!r} and {op.operation_id!r} both become {op.dotted_name}()",
                rule="naming",
            )
            continue
        own.append(op)
    class_owners: dict[str, _Path] = {}
    for key, own in ops_of.items():
        class_name = resource_class_name(key)
        owner = class_owners.setdefault(class_name, key)
        if owner != key:
            first = next(op for op in operations if op.resource_path[: len(key)] == key)
            ctx.error(
                first.pointer,
                f"resources {'.'.join(owner)} and {'.'.join(key)} both become the Python class {class_name!r}",
                rule="naming",
            )
        for op in own:
            if any(child[-1] == op.method_name for child in children_of[key]):
                ctx.error(
                    op.pointer,
                    f"{op.dotted_name}() clashes with the sub-resource of the same name",
                    rule="naming",
                )

    def resource(key: _Path) -> ir.Resource:
        children = children_of[key]
        return ir.Resource(
            path=key,
            class_name=resource_class_name(key),
            module="resources." + ".".join(key),
            is_package=bool(children),
            operations=tuple(ops_of[key]),
            children=tuple(resource(child) for child in children),
        )

    return [resource(key) for key in roots]
