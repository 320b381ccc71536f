"""Command line: ``python -m sco_course COMMAND ...`` (also installed as ``sco-course``).

Commands:

* ``release SOURCE --out DIR``: write student versions of the exercise notebooks.
* ``encode VALUE``: print the ``enc:...`` form of a literal answer for a checkspec.

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
