"""Command line: ``sdkgen COMMAND ...`` (installed), or ``python -m generator COMMAND ...`` in a checkout.

Run from anywhere inside a client project (a directory with ``spec/openapi.yaml`` and
``spec/generator.yaml``, such as this repository or one ``sdkgen init`` made), the defaults are that
project's files, found by walking up from the working directory.

generate   load, check and generate; replace the output directory atomically (the default
           command). Exit 0; 2 when the spec or config has an error, or goes past a limit of
           ``limits``, or (with ``--strict``) has a warning: nothing is written; 3 when the
           generator produced something broken (a cycle of models too long for pydantic to build
           among them), or the output directory holds files the generator did not write (nothing
           is written or deleted). Warnings (``rules.RULES``: defects worked around, operations
           left out) go to stderr, one line each with its place, then a summary line.
check      exit 1 with a unified diff on stdout when the output directory is not exactly what the
           spec and templates produce (for CI); 0 when it is; 2 on spec errors (with
           ``--strict``, on warnings too).
lint       the same rules as generate (errors and warnings alike), one line per finding
           (``file:line:col: severity[rule] pointer: message``), ``--format json``, or
           ``--format github`` (workflow annotations); ``--rules`` lists the rules. Exit 1 when
           there are errors (or, with ``--strict``, warnings), else 0.
diff       what changed for users of the generated client between two versions of a spec, as
           Markdown for a pull request comment. OLD and NEW are files or ``git-ref:path``. Exit 0;
           1 with ``--fail-on-breaking`` when a change is breaking; 2 when a spec is wrong.
init       start a client project for another API from its spec (exit 2 on spec errors, 3 when
           the directory already holds the project's files).
config     print the settings generation uses (``package_name=…`` lines), or one value.

``lint`` and ``diff`` take the config given with ``--config``, else the ``generator.yaml`` beside
the spec, else the project's ``spec/generator.yaml`` found from the working directory, else the
defaults derived from the spec's title.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import NoReturn
from pathlib import Path
from typing import TYPE_CHECKING

# Only what starting the import check's interpreter needs is imported here; the rest of the tool
# is imported once that interpreter is on its way (``_main``), so that the two load side by side.
from . import importcheck

if TYPE_CHECKING:
    from .rules import Finding

PROG = "sdkgen"


def _shown(path: Path) -> str:
    """A path found by the tool, as the user would type it from the working directory."""
    relative = os.path.relpath(path)
    return relative if len(relative) <= len(str(path)) else str(path)


def _default_spec() -> str:
    from .config import PROJECT_SPEC, find_project_root

    root = find_project_root()
    return _shown(root / PROJECT_SPEC) if root is not None else str(PROJECT_SPEC)


def _default_out() -> str:
    from .config import find_project_root

    root = find_project_root()
    return _shown(root / "generated") if root is not None else "generated"


def _config_for(spec: str, given: str | None) -> str | None:
    """The config ``lint`` uses: ``--config``, else beside the spec, else the project's, else none."""
    if given is not None:
        return given
    from .config import project_config_path

    beside = Path(spec).with_name("generator.yaml")
    if beside.is_file():
        return str(beside)
    found = project_config_path()
    return _shown(found) if found is not None else None


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    from .cache import CACHE_ENV

    parser.add_argument(
        "--spec", default=None, help="OpenAPI document (default: the project's spec/openapi.yaml)"
    )
    parser.add_argument(
        "--config", default=None, help="generator config (default: generator.yaml beside the spec)"
    )
    parser.add_argument("--out", default=None, help="output directory (default: the project's generated/)")
    parser.add_argument(
        "--verbose", action="store_true", help="print each phase and its time (always on a terminal)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="warnings are fatal too: exit 2 and write nothing when the spec has any (see `sdkgen lint --rules`)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"do everything afresh, without reading or writing the cache (${CACHE_ENV} says where it is)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Generate a typed Python client from an OpenAPI spec."
    )
    commands = parser.add_subparsers(dest="command")
    _add_inputs(commands.add_parser("generate", help="generate the client (default)"))
    _add_inputs(commands.add_parser("check", help="fail with a diff when the output is stale"))
    lint = commands.add_parser("lint", help="check the spec against our rules")
    lint.add_argument("spec", nargs="?", default=None, help="OpenAPI document (default: the project's)")
    lint.add_argument(
        "--config",
        default=None,
        help="generator config (default: beside the spec, else the project's spec/generator.yaml)",
    )
    lint.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text lines, a JSON report, or GitHub Actions annotations (default: text)",
    )
    lint.add_argument("--strict", action="store_true", help="warnings fail too")
    lint.add_argument("--rules", action="store_true", help="list the rules (id, severity, what) and exit")
    diff = commands.add_parser("diff", help="what changed for users of the client between two spec versions")
    diff.add_argument("old", help="the spec before: a file or git-ref:path")
    diff.add_argument("new", help="the spec after: a file or git-ref:path")
    diff.add_argument(
        "--config",
        default=None,
        help="generator config for both (default: beside each spec, else the project's spec/generator.yaml)",
    )
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking")
    init = commands.add_parser("init", help="start a client project for another API from its spec")
    init.add_argument("directory", nargs="?", default=".", help="where (default: the working directory)")
    init.add_argument("--spec", required=True, help="the API's OpenAPI document (copied into spec/)")
    init.add_argument("--force", action="store_true", help="overwrite the project's files if present")
    where = commands.add_parser(
        "where",
        help="print file:line:column of a JSON pointer into the spec (e.g. a drift report's spec_pointer)",
    )
    where.add_argument("pointer", help="a JSON pointer, with or without the leading '#'")
    where.add_argument("--spec", default=None, help="OpenAPI document (default: the project's)")
    config = commands.add_parser("config", help="print the settings generation uses")
    config.add_argument("key", nargs="?", help="print only this one (e.g. package_name)")
    config.add_argument("--spec", default=None, help="OpenAPI document (default: the project's)")
    config.add_argument("--config", default=None, help="generator config (default: beside the spec)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; in a thread with room for deep specs (``limits.run_deep``)."""
    from .limits import run_deep

    return run_deep(lambda: _main(argv))


def _main(argv: list[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list.insert(0, "generate")
    # generate may need the import check (``pipeline.EarlyImportCheck``, on more than one CPU): its
    # interpreter warms up from now on, and is stopped on the way out if nothing took it.
    with importcheck.prewarmed(enabled=args_list[0] == "generate" and importcheck.usable_cpus() > 1):
        return _command(args_list)


def _command(args_list: list[str]) -> int:
    from .cache import Cache, default_cache
    from .errors import SpecErrors
    from .pipeline import GenerationError, Inputs, check, generate_cached
    from .progress import Progress

    parser = _parser()
    args = parser.parse_args(args_list)
    if args.command == "lint":
        return _lint(args)
    if args.command == "diff":
        return _diff(args)
    if args.command == "init":
        return _init(args)
    if args.command == "config":
        return _config(args)
    if args.command == "where":
        return _where(args)
    inputs = Inputs.from_paths(args.spec or _default_spec(), args.config, strict=args.strict)
    out_name = args.out or _default_out()
    out = Path(out_name)
    cache = Cache(None) if args.no_cache else default_cache()
    progress = Progress.for_terminal(args.verbose)
    try:
        if args.command == "check":
            diff = check(inputs, out, cache=cache)
            if diff:
                sys.stdout.write(diff)
                print(
                    f"\n{out_name}/ is stale: run `{PROG} generate` (`make generate`) and commit the result.",
                    file=sys.stderr,
                )
                return 1
            print(f"{out_name}/ is up to date with {inputs.spec_name}.")
            return 0
        outcome = generate_cached(inputs, out, cache, progress)
        _print_warnings(outcome.findings, inputs.spec_name, outcome.more_advice)
        if outcome.up_to_date:
            print(
                f"{out_name}/ already holds the {len(outcome.files)} files {inputs.spec_name} makes; nothing to write."
            )
        else:
            print(f"Generated {len(outcome.files)} files into {out_name}/ from {inputs.spec_name}.")
        progress.note(f"total {progress.total():.2f} s (cache: {cache.hits} hits, {cache.misses} misses)")
        return 0
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        print(f"Nothing was written; {out_name}/ is unchanged.", file=sys.stderr)
        return 2
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3


def _print_warnings(findings: list[Finding], spec_name: str, more_advice: int = 0) -> None:
    """Each warning the generator worked around, one line each; advice (documentation, unused
    components...) only counted, as ``lint`` lists it (``more_advice``: advice not in ``findings``);
    then the summary line, when there is any."""
    from .rules import summary_line

    if not findings and not more_advice:
        return
    for finding in findings:
        if not finding.advice:
            print(finding.text(), file=sys.stderr)
    count = sum(1 for finding in findings if finding.advice) + more_advice
    if count:
        print(
            f"{spec_name}: {count} more warning{'s' if count != 1 else ''} of advice about the spec "
            f"(descriptions, unused components...): `{PROG} lint {spec_name}` lists them",
            file=sys.stderr,
        )
    print(summary_line(spec_name, findings, more_warnings=more_advice), file=sys.stderr)


def _where(args: argparse.Namespace) -> int:
    """Where a JSON pointer lands in the spec file: the line to fix for a drift report."""
    from .errors import SpecErrors
    from .loader import load_document

    spec = args.spec or _default_spec()
    try:
        doc = load_document(Path(spec), spec)
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        return 2
    pointer = str(args.pointer).removeprefix("#")
    node: object = doc.data
    reached = ""
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]] if pointer else []:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            print(
                f"error: {spec} has nothing at #{pointer}; the nearest place is {doc.location(reached)}",
                file=sys.stderr,
            )
            return 2
        reached += "/" + token.replace("~", "~0").replace("/", "~1")
    location = doc.location(pointer)
    line = (
        f":{location.line}" + (f":{location.column}" if location.column is not None else "")
        if location.line
        else ""
    )
    print(f"{spec}{line}: #{pointer}")
    return 0


def _lint(args: argparse.Namespace) -> int:
    from .lint import RULES, format_github, format_json, format_text, lint_file
    from .rules import summary_line

    if args.rules:
        width = max(map(len, RULES))
        for rule in RULES.values():
            what = rule.what + (f"; generated anyway: {rule.workaround}" if rule.workaround else "")
            print(f"{rule.id:<{width}}  {rule.severity:<7}  {what}")
        return 0
    spec = args.spec or _default_spec()
    config = _config_for(spec, args.config)
    findings = lint_file(Path(spec), config=Path(config) if config else None, spec_name=spec)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    summary = summary_line(spec, findings)
    if args.format == "json":
        sys.stdout.write(format_json(findings, spec_name=spec))
    else:
        sys.stdout.write(format_github(findings) if args.format == "github" else format_text(findings))
        sys.stdout.flush()
        print(summary, file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _diff(args: argparse.Namespace) -> int:
    from .diff import DiffInputError, diff_specs, format_json, format_markdown
    from .errors import SpecErrors

    try:
        report = diff_specs(args.old, args.new, config=args.config)
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except DiffInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    sys.stdout.write(format_json(report) if args.format == "json" else format_markdown(report))
    return 1 if args.fail_on_breaking and report.breaking else 0


def _init(args: argparse.Namespace) -> int:
    from .config import PROJECT_CONFIG
    from .errors import SpecErrors
    from .project import InitError, init_project

    target = Path(args.directory)
    try:
        result = init_project(Path(args.spec), target, force=args.force)
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        print(f"Nothing was written to {args.directory}.", file=sys.stderr)
        return 2
    except InitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    print(f"Started a client project for {result.config.client_name} in {args.directory}:")
    for name in result.files:
        print(f"  {name}")
    if result.operation is None:
        print("No operation answers with a JSON object: tests/test_client.py only builds the client.")
    else:
        print(f"tests/test_client.py calls {result.operation} against a recorded response.")
    where = "" if target.resolve() == Path.cwd().resolve() else f"cd {args.directory} && "
    print(f"Next: {where}make generate && make test  (review {PROJECT_CONFIG} first)")
    return 0


def _config(args: argparse.Namespace) -> int:
    from .config import load_spec_config
    from .errors import SpecErrors

    try:
        config = load_spec_config(
            Path(args.spec or _default_spec()), Path(args.config) if args.config else None
        )
    except SpecErrors as exc:
        print(str(exc), file=sys.stderr)
        return 2
    values: dict[str, object] = {
        "package_name": config.package_name,
        "client_name": config.client_name,
        "env_prefix": config.env_prefix,
        "version": config.version,
        "distribution_name": config.package_name.replace("_", "-"),
    }
    if args.key is not None:
        if args.key not in values:
            print(f"error: unknown key {args.key!r} (known: {', '.join(values)})", file=sys.stderr)
            return 2
        print(values[args.key])
        return 0
    for key, value in values.items():
        print(f"{key}={value}")
    return 0


def run() -> NoReturn:
    """The command line (``sdkgen``, ``python -m generator``): ``main``, then out without tearing
    down the interpreter, whose objects (a large document, its client) take a tenth of a second
    to free for nothing. Every file and child process is done with by then; the streams are
    flushed here. An unexpected error still ends as Python ends, with its traceback.

    The cycle collector runs a hundred times less often than by default: a run builds a million
    objects that live to its end (the document, the client's model), and with the default
    thresholds the collector walks them again and again, a fifth of a run that reuses the cache.
    What a run leaves for it to free is bounded by the run, which ends."""
    gc.set_threshold(100_000, 50, 1_000)
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
