"""Command line of the offline index: list, show, browse, build and search the agreements.

Examples:
  python -m index documents                 # one line per document
  python -m index documents --json          # the interface of shared/docs/interfaces.md
  python -m index show cvm-sla              # a whole document, clause by clause
  python -m index show cvm-sla 3.1          # one clause with its page and source lines
  python -m index show 1285 3.2 --json      # by doc_line; JSON
  python -m index bench                     # time a full parse and print counts
  python -m index browse                    # interactive browser
  python -m index build                     # build/refresh data/index/ (skips if up to date)
  python -m index search "云服务器的可用性承诺是多少" --k 5
  python -m index search "What is the COS claim deadline?" --json
  python -m index search --batch in.jsonl --out out.jsonl --k 10
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from pydantic import ValidationError

from index.errors import NotFoundError, UserError
from index.parser import Agreements, parse_corpus
from index.render import (
    clause_record,
    clause_text,
    document_line,
    document_record,
    document_text,
)
from index.retrieval.cli import add_commands, cmd_build, cmd_search


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m index", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    docs = sub.add_parser("documents", help="list the documents")
    docs.add_argument("--json", action="store_true", help="print a JSON array")
    docs.add_argument("--kind", choices=["sla", "terms", "privacy", "guide", "other"])
    show = sub.add_parser("show", help="print a document or one clause")
    show.add_argument("doc", help="document id (cvm-sla), doc_line (1285) or exact title")
    show.add_argument("section", nargs="?", help="section number (3.1), clause id or heading")
    show.add_argument("--json", action="store_true")
    sub.add_parser("bench", help="time a full parse and print counts")
    sub.add_parser("browse", help="interactive browser (list, show, find, quit)")
    add_commands(sub)
    return parser


def cmd_documents(agreements: Agreements, args: argparse.Namespace) -> None:
    docs = [d for d in agreements.documents if not args.kind or d.kind == args.kind]
    if args.json:
        print(json.dumps([document_record(d) for d in docs], ensure_ascii=False, indent=1))
    else:
        print("\n".join(document_line(d) for d in docs))


def cmd_show(agreements: Agreements, args: argparse.Namespace) -> None:
    doc = agreements.document(args.doc)
    if not args.section:
        if args.json:
            record = document_record(doc) | {"clauses": [clause_record(c) for c in doc.clauses]}
            print(json.dumps(record, ensure_ascii=False, indent=1))
        else:
            print(document_text(doc))
        return
    clause = doc.clause(args.section)
    if clause is None:
        sections = ", ".join(c.section for c in doc.clauses if c.section)
        raise NotFoundError(f"{doc.id} has no section {args.section!r}. Its sections: {sections}")
    if args.json:
        print(json.dumps(clause_record(clause), ensure_ascii=False, indent=1))
    else:
        print(f"{doc.title}\n{clause_text(clause)}")


def cmd_bench(_: Agreements | None, __: argparse.Namespace) -> None:
    from index.bench import run_benchmark

    print(run_benchmark())


def cmd_browse(agreements: Agreements, _: argparse.Namespace) -> None:
    from index.browse import browse

    browse(agreements, input_fn=input, output_fn=print)


COMMANDS: dict[str, Callable[[Agreements, argparse.Namespace], None]] = {
    "documents": cmd_documents,
    "show": cmd_show,
    "browse": cmd_browse,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "bench":
            cmd_bench(None, args)
        elif args.command == "build":
            cmd_build(args)
        elif args.command == "search":
            cmd_search(args)
        else:
            COMMANDS[args.command](parse_corpus(), args)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:  # settings from the environment
        first = exc.errors()[0]
        print(f"error: setting AGREEMENTS_{str(first['loc'][0]).upper()}: {first['msg']}; "
              "fix or unset that environment variable.", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `python -m index documents | head`
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
