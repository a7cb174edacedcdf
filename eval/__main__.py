"""Evaluation command line.

Examples:
  python -m eval run                                # held-back sets, default + baselines
  python -m eval run --split tune --baselines none  # tune split, no baselines
  python -m eval run --config bm25 --out /tmp/bm25  # score a named configuration
  python -m eval run --baselines none --write-gate  # re-set eval/gate.json from this run
  python -m eval compare A/report.json B/report.json   # fixed / broken cases, deltas
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
from typing import Any

from eval.calc_dataset import CalcDatasetError
from eval.compare import ReportError
from eval.dataset import DatasetError, Question, load_questions
from eval.gate import GateError
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
    _run_parser(sub)
    generated = sub.add_parser(
        "generated", help="generated credit questions over every computable SLA vs the engine",
        description="Writes credit questions from 77 outside-written templates over every "
        "computable SLA and checks the reading and the RESULT against the engine on the "
        "structured inputs. Example: python -m eval generated --n 2400 --out /tmp/gen.json")
    generated.add_argument("--n", type=int, default=2400, help="number of cases (default 2400)")
    generated.add_argument("--seed", type=int, default=7)
    generated.add_argument("--out", type=Path, default=Path("eval/results/generated.json"))
    phrasings = sub.add_parser(
        "phrasings", help="one fact said many ways (blind phrasings) through the credit reader",
        description="Reads each phrasing of eval/datasets/phrasings.json in a plain question "
        "and scores that fact: exact, asked (a number marked unclear) or wrong. Example: "
        "python -m eval phrasings --out /tmp/phrasings.json")
    phrasings.add_argument("--file", type=Path, default=None, help="phrasings file")
    phrasings.add_argument("--out", type=Path, default=Path("eval/results/phrasings.json"))
    roles = sub.add_parser(
        "roles", help="the number-role model: cross-validated and on the phrasing files",
        description="Scores the number-role model (assistant/reading/roles.py) on messages it "
        "did not train on; --train first refits it from eval/datasets/number_roles*.json and "
        "the reader's placements on the dev credit questions. Example: python -m eval roles "
        "--train")
    roles.add_argument("--train", action="store_true", help="refit and write the model first")
    intent = sub.add_parser(
        "intent", help="the question-intent model: scored leaving out one file at a time",
        description="Scores the question-intent model (assistant/intent.py), credit questions "
        "against QA questions, leaving out one dev file at a time, beside the rules' routing; "
        "--train first refits it on every file. Example: python -m eval intent --train")
    intent.add_argument("--train", action="store_true", help="refit and write the model first")
    compare = sub.add_parser("compare", help="what changed between two report.json files")
    compare.add_argument("before", type=Path, help="report.json of the earlier run (A)")
    compare.add_argument("after", type=Path, help="report.json of the later run (B)")
    return parser


def _run_parser(sub: Any) -> None:
    from eval.calc_dataset import DEFAULT_CALC_PATH
    from eval.configs import BASELINES, CONFIGS
    from eval.dataset import DEFAULT_PATH
    from eval.run import RESULTS_DIR

    run = sub.add_parser(
        "run", help="the full evaluation: report.json, report.md, plots, baselines",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Runs the real pipeline in-process on the dev sets and scores it.\n\n"
        "examples:\n  python -m eval run                      # held-back, with bm25 and naive\n"
        "  python -m eval run --split tune --baselines none\n"
        "  python -m eval run --config bm25 --out /tmp/bm25\n"
        "  python -m eval run --baselines none --write-gate   # re-set eval/gate.json\n"
        "  python -m eval compare eval/results/run/report.json /tmp/new/report.json",
        epilog="configurations:\n" + "\n".join(f"  {k:<8} {v}" for k, v in CONFIGS.items()))
    run.add_argument("--questions", type=Path, default=DEFAULT_PATH, help="question set")
    run.add_argument("--calc", type=Path, default=DEFAULT_CALC_PATH, help="credit questions")
    run.add_argument("--split", choices=["heldout", "tune", "all"], default="heldout")
    run.add_argument("--config", default="default", choices=list(CONFIGS),
                     help="configuration under test (default: default)")
    run.add_argument("--baselines", default=",".join(BASELINES),
                     help="comma-separated configurations to compare against, or none "
                     f"(default {','.join(BASELINES)})")
    run.add_argument("--out", type=Path, default=RESULTS_DIR,
                     help="folder for report.json, report.md and the plots "
                     "(default eval/results/run)")
    run.add_argument("--judge", action="store_true",
                     help="LLM-judged faithfulness with the configured generator (optional)")
    run.add_argument("--write-gate", action="store_true",
                     help="re-set eval/gate.json from this run (default config, heldout)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")


def cmd_run(args: argparse.Namespace) -> None:
    from eval.calc_dataset import DEFAULT_CALC_PATH
    from eval.dataset import DEFAULT_PATH
    from eval.gate import GATE_FILE, write_gate
    from eval.report import summary_rows, text_table
    from eval.run import RunOptions, parse_list, run_eval, write_report

    started = time.perf_counter()
    if args.write_gate and (args.config != "default" or args.split != "heldout"
                            or args.questions != DEFAULT_PATH or args.calc != DEFAULT_CALC_PATH):
        raise UserError("--write-gate sets the gate of the default configuration on the "
                        "held-back split of the dev sets; drop --config/--split/--questions/"
                        "--calc.")
    options = RunOptions(args.questions, args.calc, args.split, args.config,
                         parse_list(args.baselines), args.judge, not args.quiet)
    report = run_eval(options)
    written = write_report(report, args.out, started)
    print(text_table(*summary_rows(report)))
    print(f"\nwall {report['wall_s']:.0f} s, peak RSS {report['peak_rss_mb']} MB; written: "
          + ", ".join(str(p) for p in written), file=sys.stderr)
    if args.write_gate:
        write_gate(report["metrics"], f"`python -m eval run` of {report['created_at']}")
        print(f"gate thresholds written to {GATE_FILE}", file=sys.stderr)


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


def cmd_generated(args: argparse.Namespace) -> None:
    from assistant.settings import AssistantSettings
    from eval.generated import run_generated

    record = run_generated(AssistantSettings().index.index_dir, args.n, args.seed).record()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{record['cases']} generated credit questions: " + ", ".join(
        f"{k} {v:.3f}" for k, v in record["overall"].items()))
    for family, row in record["by_family"].items():
        print(f"  {family:15} n={row['n']:4}  reader {row['reader']:.3f}  route {row['route']:.3f}"
              f"  exact {row['exact']:.3f}  wrong amount {row['wrong_amount']:.3f}")
    print(f"report: {args.out}")


def cmd_phrasings(args: argparse.Namespace) -> None:
    from eval.phrasings import PHRASINGS, load_phrasings, run_phrasings

    path = args.file or PHRASINGS
    if not path.exists():
        raise UserError(f"no phrasings file at {path}; give one with --file")
    record = run_phrasings(load_phrasings(path))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{record['phrasings']} phrasings")
    for kind, row in record["by_kind"].items():
        print(f"  {kind:13} n={row['n']:4}  exact {row['exact']:.3f}  asked {row['asked']:.3f}"
              f"  wrong {row['wrong']:.3f}")
    print(f"report: {args.out}")


def cmd_roles(args: argparse.Namespace) -> None:
    from assistant.reading.roles import model
    from eval.roles import cross_validate, phrasing_scores, train

    if args.train:
        print(json.dumps(train(), ensure_ascii=False))
        model.cache_clear()
    fitted = model()
    if fitted is None:
        raise UserError("no number-role model yet: run python -m eval roles --train")
    record = {"cross_validated": cross_validate(), "phrasings": phrasing_scores(fitted)}
    Path("eval/results").mkdir(parents=True, exist_ok=True)
    Path("eval/results/roles.json").write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    print(json.dumps(record, ensure_ascii=False, indent=1))


def cmd_intent(args: argparse.Namespace) -> None:
    from assistant.intent import model
    from eval.assistant_eval import TODAY
    from eval.intent import cross_validate, examples, rule_routes, train, vectors
    from index.embedders import build_embedder
    from index.settings import IndexSettings

    embedder = build_embedder(IndexSettings().embedder)
    x = vectors(embedder, examples())  # once, for both
    if args.train:
        print(json.dumps(train(embedder, x), ensure_ascii=False))
        model.cache_clear()
    record = cross_validate(embedder, rule_routes(TODAY), x)
    Path("eval/results").mkdir(parents=True, exist_ok=True)
    Path("eval/results/intent.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    print(json.dumps(record, indent=1))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "retrieval":
            cmd_retrieval(args)
        elif args.command == "assistant":
            cmd_assistant(args)
        elif args.command == "run":
            cmd_run(args)
        elif args.command == "generated":
            cmd_generated(args)
        elif args.command == "phrasings":
            cmd_phrasings(args)
        elif args.command == "roles":
            cmd_roles(args)
        elif args.command == "intent":
            cmd_intent(args)
        elif args.command == "compare":
            from eval.compare import compare_files

            print(compare_files(args.before, args.after))
    except (UserError, DatasetError, CalcDatasetError, ReportError, GateError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
