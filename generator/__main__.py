"""Command line: ``python -m generator [generate|check|lint|diff] ...``.

generate   load, validate and generate; replace the output directory atomically (the default
           command). Exit 0; 2 when the spec or config is wrong or goes past a limit of
           ``limits`` (nothing is written); 3 when the generator produced something broken (a cycle of
           models too long for pydantic to build among them), or the output directory holds files the
           generator did not write (nothing is written or deleted). Warnings (operations that
           were left out) go to stderr.
check      exit 1 with a unified diff on stdout when the output directory is not exactly what the
           spec and templates produce (for CI); 0 when it is; 2 on spec errors.
lint       our rules on top of OpenAPI validation, one line per finding
           (``file:line:col: severity[rule] pointer: message``) or ``--format json``; ``--rules``
           lists the rules. Exit 1 when there are errors (or, with ``--strict``, warnings), else 0.
diff       what changed for users of the generated client between two versions of a spec, as
           Markdown for a pull request comment. OLD and NEW are files or ``git-ref:path``. Exit 0;
           1 with ``--fail-on-breaking`` when a change is breaking; 2 when a spec is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import SpecErrors
from .limits import run_deep
from .pipeline import GenerationError, Inputs, check, generate


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--spec", default="spec/openapi.yaml", help="OpenAPI document (default: %(default)s)")
    parser.add_argument(
        "--config", default=None, help="generator config (default: generator.yaml beside the spec)"
    )
    parser.add_argument("--out", default="generated", help="output directory (default: %(default)s)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Generate a typed Python client from an OpenAPI spec."
    )
    commands = parser.add_subparsers(dest="command")
    _add_inputs(commands.add_parser("generate", help="generate the client (default)"))
    _add_inputs(commands.add_parser("check", help="fail with a diff when the output is stale"))
    lint = commands.add_parser("lint", help="check the spec against our rules")
    lint.add_argument(
        "spec", nargs="?", default="spec/openapi.yaml", help="OpenAPI document (default: %(default)s)"
    )
    lint.add_argument(
        "--config", default=None, help="generator config (default: generator.yaml beside the spec)"
    )
    lint.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    lint.add_argument("--strict", action="store_true", help="warnings fail too")
    lint.add_argument("--rules", action="store_true", help="list the rules (id, severity, what) and exit")
    diff = commands.add_parser("diff", help="what changed for users of the client between two spec versions")
    diff.add_argument("old", help="the spec before: a file or git-ref:path")
    diff.add_argument("new", help="the spec after: a file or git-ref:path")
    diff.add_argument(
        "--config", default=None, help="generator config for both (default: generator.yaml beside each spec)"
    )
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; in a thread with room for deep specs (``limits.run_deep``)."""
    return run_deep(lambda: _main(argv))


def _main(argv: list[str] | None) -> int:
    parser = _parser()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list.insert(0, "generate")
    args = parser.parse_args(args_list)
    if args.command == "lint":
        return _lint(args)
    if args.command == "diff":
        return _diff(args)
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
        api, files = generate(inputs, out)
        for warning in api.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"Generated {len(files)} files into {out}/ from {inputs.spec_name}.")
        return 0
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        print(f"Nothing was written; {out}/ is unchanged.", file=sys.stderr)
        return 2
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3


def _lint(args: argparse.Namespace) -> int:
    from .lint import RULES, format_json, format_text, lint_file

    if args.rules:
        width = max(map(len, RULES))
        for rule, (severity, what) in RULES.items():
            print(f"{rule:<{width}}  {severity:<7}  {what}")
        return 0
    findings = lint_file(
        Path(args.spec), config=Path(args.config) if args.config else None, spec_name=args.spec
    )
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if args.format == "json":
        sys.stdout.write(format_json(findings, spec_name=args.spec))
    else:
        sys.stdout.write(format_text(findings))
        sys.stdout.flush()
        plural = "s" if errors != 1 else ""
        print(
            f"{args.spec}: {errors} error{plural}, {warnings} warning{'s' if warnings != 1 else ''}",
            file=sys.stderr,
        )
    return 1 if errors or (args.strict and warnings) else 0


def _diff(args: argparse.Namespace) -> int:
    from .diff import DiffInputError, diff_specs, format_json, format_markdown

    try:
        report = diff_specs(args.old, args.new, config=args.config)
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except DiffInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(format_json(report) if args.format == "json" else format_markdown(report))
    return 1 if args.fail_on_breaking and report.breaking else 0


if __name__ == "__main__":
    sys.exit(main())
