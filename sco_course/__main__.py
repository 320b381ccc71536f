"""Command line: ``python -m sco_course COMMAND ...`` (also installed as ``sco-course``).

Commands:

* ``release SOURCE --out DIR``: write student versions of the exercise notebooks.
* ``encode VALUE``: print the ``enc:...`` form of a literal answer for a checkspec.
* ``validate``: check every data table, quiz bank and checker spec; one line per problem.
* ``progress``: summarise the quiz results saved on this computer.
* ``site --out DIR``: build the static HTML rendering of the course.

Each command is a subparser with a ``run(args) -> int`` function; add new ones
in :func:`build_parser`.
"""

from __future__ import annotations

import argparse
import json
import sys


def _run_release(args: argparse.Namespace) -> int:
    from .release import ReleaseError, release

    try:
        written = release(args.source, args.out)
    except (ReleaseError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    if not written:
        print(f"warning: no .ipynb files in {args.source}", file=sys.stderr)
    return 0


def _run_encode(args: argparse.Namespace) -> int:
    from .quizbank import encode_answer

    try:
        value = json.loads(args.value)
    except json.JSONDecodeError:
        value = args.value  # a bare word such as B is taken as a string
    print(encode_answer(value))
    return 0


def _run_validate(args: argparse.Namespace) -> int:
    """Load every table, bank and spec; print one line per file, return 1 if any failed."""
    from .checks import CheckSpecError, known_exercises, load_spec
    from .datasets import TABLES, DataError, load
    from .quizbank import BankError, list_banks, load_bank

    checks = [(f"data: {name}", load, name, DataError) for name in TABLES]
    checks += [(f"quiz bank: {name}", load_bank, name, BankError) for name in list_banks()]
    checks += [
        (f"checker spec: {name}", load_spec, name, CheckSpecError) for name in known_exercises()
    ]
    failures = 0
    for label, loader, name, error in checks:
        try:
            loaded = loader(name)
        except error as exc:
            failures += 1
            print(f"FAIL  {label}: {exc}")
            continue
        size = len(loaded.questions) if hasattr(loaded, "questions") else len(loaded)
        print(f"ok    {label} ({size})")
    print(f"{len(checks) - failures} of {len(checks)} files are valid.")
    return 1 if failures else 0


def _run_progress(args: argparse.Namespace) -> int:
    from .progress import progress_path, progress_summary

    summary = progress_summary()
    if summary.empty:
        print(f"No quiz results saved yet ({progress_path()}).")
    else:
        print(summary.to_string(index=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with one subparser per command."""
    parser = argparse.ArgumentParser(
        prog="python -m sco_course", description="Tools for the sco-course teaching course."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    rel = commands.add_parser(
        "release",
        help="write student versions of exercise notebooks",
        description="Strip solutions from exercise notebooks.",
    )
    rel.add_argument("source", help="folder of solution notebooks (or one .ipynb file)")
    rel.add_argument("--out", required=True, help="output folder (not the source folder)")
    rel.set_defaults(run=_run_release)

    enc = commands.add_parser(
        "encode",
        help="obfuscate a literal answer for a checkspec",
        description="Print the enc:... form of VALUE (JSON, or a word).",
    )
    enc.add_argument("value", help='e.g. B, \'"Tashkent"\', 2001 or \'["A", "C"]\'')
    enc.set_defaults(run=_run_encode)

    val = commands.add_parser(
        "validate",
        help="check the data, quiz banks and checker specs",
        description="Load every data table, quiz bank and checker spec and report problems.",
    )
    val.set_defaults(run=_run_validate)

    prog = commands.add_parser(
        "progress",
        help="summarise saved quiz results",
        description="Print the quiz results saved on this computer, one row per lesson.",
    )
    prog.set_defaults(run=_run_progress)

    from . import site

    web = commands.add_parser(
        "site",
        help="build the static HTML rendering of the course",
        description="Run every lesson and exercise, write HTML pages.",
    )
    site.add_arguments(web)
    web.set_defaults(run=site.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` (default: ``sys.argv[1:]``), run the command, return its exit code."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
