"""Evaluation command line.

Examples:
  python -m eval retrieval                          # held-back split, every configuration
  python -m eval retrieval --split tune             # tune on this split only
  python -m eval retrieval --embedders use          # skip the slow e5/m3e rows
  python -m eval retrieval --measure-build          # also time a cold full index build
  python -m eval assistant --split heldout          # answers, refusals, credit questions
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from eval.calc_dataset import CalcDatasetError
from eval.dataset import DatasetError, Question, load_questions
from eval.retrieval import Outcome, by, summarize
from index.errors import UserError

RESULTS = Path(__file__).resolve().parent / "results" / "retrieval.md"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m eval", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    retrieval = sub.add_parser("retrieval", help="retrieval benchmark (all configurations)")
    retrieval.add_argument("--split", choices=["heldout", "tune", "all"], default="heldout")
    retrieval.add_argument("--embedders", default="use,e5,m3e",
                           help="comma-separated dense models to compare (default all)")
    retrieval.add_argument("--no-baseline", action="store_true",
                           help="skip the naive LangChain baseline")
    retrieval.add_argument("--measure-build", action="store_true",
                           help="time a cold `python -m index build` in a temporary folder")
    retrieval.add_argument("--out", type=Path, default=RESULTS,
                           help=f"markdown report (default {RESULTS.relative_to(Path.cwd())})"
                           if RESULTS.is_relative_to(Path.cwd()) else "markdown report")
    retrieval.add_argument("--questions", type=Path, help="question file (default the dev set)")
    assistant = sub.add_parser("assistant", help="answers, refusals and credit questions")
    assistant.add_argument("--split", choices=["heldout", "tune", "all"], default="heldout")
    return parser


def cmd_assistant(args: argparse.Namespace) -> None:
    from assistant.factory import build_assistant
    from eval.assistant_eval import TODAY, run

    print(run(build_assistant(today=TODAY), args.split))


def cmd_retrieval(args: argparse.Namespace) -> None:
    from eval.retrieval import Benchmark

    questions = load_questions(args.questions) if args.questions else load_questions()
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    embedders = [e.strip() for e in args.embedders.split(",") if e.strip()]
    if "use" not in embedders:
        embedders.insert(0, "use")
    rows = Benchmark(questions, embedders, baseline=not args.no_baseline).run()
    report = render(rows, process_figures(questions, args.measure_build), args.split)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    print(f"\nwritten to {args.out}", file=sys.stderr)


# Runs `python -m index ARGS` and prints the process's own peak RSS (VmHWM, which exec resets,
# unlike ru_maxrss, which would include the forking benchmark process).
_PEAK_RSS = (
    "import sys\n"
    "from index.__main__ import main\n"
    "code = main(sys.argv[1:])\n"
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
    "print(f'peak: {int(hwm) // 1024} MB', file=sys.stderr)\n"
    "sys.exit(code)\n")


def process_figures(questions: Sequence[Question], measure_build: bool) -> dict[str, str]:
    """Peak RSS and wall time of a real `python -m index search --batch` process over the
    questions, and (optionally) the wall time of a cold full build in a temporary folder."""
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        batch, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        batch.write_text("".join(json.dumps(
            {"id": q.id, "question": q.question,
             "history": [t.model_dump() for t in q.history]}, ensure_ascii=False) + "\n"
            for q in questions), encoding="utf-8")
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _PEAK_RSS, "search", "--batch", str(batch),
                               "--out", str(out), "--k", "10"],
                              check=True, capture_output=True, text=True)
        peak = done.stderr.strip().splitlines()[-1].split(":", 1)[1].strip()
        figures["search process (batch of the split, k=10)"] = (
            f"{time.perf_counter() - started:.1f} s wall incl. start-up, peak RSS {peak}")
        if measure_build:
            env = os.environ | {"AGREEMENTS_INDEX_DIR": str(Path(tmp) / "index")}
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "index", "build", "--quiet"], env=env,
                           check=True, capture_output=True)
            figures["cold full build (parse, chunk, BM25, embed with USE, Chroma)"] = (
                f"{time.perf_counter() - started:.0f} s")
    return figures


def _pct(value: float) -> str:
    return f"{value:.3f}"


def render(rows: Sequence[tuple[str, list[Outcome]]], figures: dict[str, str],
           split: str) -> str:
    """The markdown report: one row per configuration, then per kind, then the figures."""
    lines = [f"# Retrieval benchmark (`python -m eval retrieval`, split: {split})", "",
             "Hit metrics over answerable questions only; latency over all (warm, one "
             "question at a time, 2 CPU cores).", "",
             "| configuration | n | doc@1 | doc@5 | evidence@5 | MRR@10 | ev@5 zh | ev@5 en "
             "| p50 ms | p95 ms |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, outcomes in rows:
        s, lang = summarize(outcomes), by(outcomes, lambda q: q.lang)
        zh, en = lang.get("zh"), lang.get("en")
        lines.append(f"| {name} | {s.n} | {_pct(s.doc_hit1)} | {_pct(s.doc_hit5)} | "
                     f"{_pct(s.evidence_hit5)} | {_pct(s.mrr10)} | "
                     f"{_pct(zh.evidence_hit5) if zh else '-'} | "
                     f"{_pct(en.evidence_hit5) if en else '-'} | "
                     f"{s.p50_ms:.0f} | {s.p95_ms:.0f} |")
    kinds = sorted({o.question.kind for _, outcomes in rows for o in outcomes
                    if o.question.answerable})
    lines += ["", "Evidence hit@5 (document hit@5) by kind:", "",
              "| configuration | " + " | ".join(kinds) + " |",
              "|---|" + "---|" * len(kinds)]
    for name, outcomes in rows:
        per = by([o for o in outcomes if o.question.answerable], lambda q: q.kind)
        cells = [f"{per[k].evidence_hit5:.2f} ({per[k].doc_hit5:.2f}) n={per[k].n}"
                 if k in per else "-" for k in kinds]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| figure | value |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in figures.items()]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "retrieval":
            cmd_retrieval(args)
        elif args.command == "assistant":
            cmd_assistant(args)
    except (UserError, DatasetError, CalcDatasetError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
