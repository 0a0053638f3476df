"""Command line: ``python -m generator [generate|check] ...``.

generate   load, validate and generate; replace the output directory atomically (default)
check      exit 1 with a unified diff when the output directory is not what the spec produces
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import SpecErrors
from .pipeline import GenerationError, Inputs, check, generate


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--spec", default="spec/openapi.yaml", help="OpenAPI document (default: %(default)s)")
    parser.add_argument(
        "--config", default=None, help="generator config (default: generator.yaml beside the spec)"
    )
    parser.add_argument("--out", default="generated", help="output directory (default: %(default)s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Generate a typed Python client from an OpenAPI spec."
    )
    commands = parser.add_subparsers(dest="command")
    _add_inputs(commands.add_parser("generate", help="generate the client (default)"))
    _add_inputs(commands.add_parser("check", help="fail with a diff when the output is stale"))
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-"):
        args_list.insert(0, "generate")
    args = parser.parse_args(args_list)
    inputs = Inputs.from_paths(args.spec, args.config)
    out = Path(args.out)
    try:
        if args.command == "check":
            diff = check(inputs, out)
            if diff:
                sys.stdout.write(diff)
                print(f"\n{out}/ is stale: run `make generate` and commit the result.", file=sys.stderr)
                return 1
            print(f"{out}/ is up to date with {inputs.spec_name}.")
            return 0
        files = generate(inputs, out)
        print(f"Generated {len(files)} files into {out}/ from {inputs.spec_name}.")
        return 0
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        print(f"Nothing was written; {out}/ is unchanged.", file=sys.stderr)
        return 2
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
