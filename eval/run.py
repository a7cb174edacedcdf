"""``python -m eval run``: the real pipeline on the dev sets, scored, with baselines.

    options = RunOptions(split="heldout", config="default", baselines=("bm25", "naive"))
    report = run_eval(options)          # every case of every configuration, in-process
    write_report(report, Path("eval/results/run"))   # report.json, report.md, 3 PNGs

The configuration under test answers every question of the split; each baseline answers
the same questions with the same stages and another retriever (:mod:`eval.configs`), and the
report shows its figures next to the configuration's with the deltas. Per-case outcomes of
the configuration go into ``report.json`` for ``python -m eval compare``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.pipeline import Assistant
from eval.assistant_eval import TODAY
from eval.calc_dataset import DEFAULT_CALC_PATH, CalcQuestion, load_calc_questions
from eval.cases import Case, CaseRunner
from eval.configs import build_config, check_name
from eval.dataset import DEFAULT_PATH, Question, load_questions
from eval.judge import Judge
from eval.metrics import summarize
from eval.report import REPORT_VERSION, markdown
from eval.spans import CorpusText

RESULTS_DIR = Path(__file__).resolve().parent / "results" / "run"


@dataclass(frozen=True)
class RunOptions:
    questions: Path = DEFAULT_PATH
    calc: Path = DEFAULT_CALC_PATH
    split: str = "heldout"
    config: str = "default"
    baselines: tuple[str, ...] = ("bm25", "naive")
    judge: bool = False
    progress: bool = True

    def __post_init__(self) -> None:
        if self.split not in ("heldout", "tune", "all"):
            raise ValueError(f"split must be heldout, tune or all, not {self.split!r}")
        for name in (self.config, *self.baselines):
            check_name(name)


def load_sets(options: RunOptions) -> tuple[list[Question], list[CalcQuestion]]:
    """The questions of the split from both dev sets (files validated line by line)."""
    questions = [q for q in load_questions(options.questions)
                 if options.split == "all" or q.split == options.split]
    calc = [q for q in load_calc_questions(options.calc)
            if options.split == "all" or q.split == options.split]
    return questions, calc


def _runner(judge: Judge | None) -> CaseRunner:
    from index.corpus import load_corpus
    from index.settings import IndexSettings
    from index.stores.chunkstore import load_documents

    documents = load_documents(IndexSettings().index_dir)
    return CaseRunner(CorpusText.from_lines(load_corpus().lines),
                      {d.doc_line: d.line_end for d in documents}, judge)


def _score(name: str, assistant: Assistant, runner: CaseRunner, questions: list[Question],
           calc: list[CalcQuestion], progress: bool) -> list[Case]:
    from tqdm import tqdm

    with tqdm(total=len(questions) + len(calc), desc=name, file=sys.stderr, unit="q",
              disable=not progress, leave=False) as bar:
        return runner.run(assistant, questions, calc, lambda: bar.update())


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (``ru_maxrss`` is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_eval(options: RunOptions) -> dict[str, Any]:
    """Answers and scores every question with the configuration and each baseline."""
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    questions, calc = load_sets(options)
    cache: dict[str, Assistant] = {}

    def default() -> Assistant:
        if "default" not in cache:
            from assistant.factory import build_assistant

            cache["default"] = build_assistant(today=TODAY)
        return cache["default"]

    assistant = build_config(options.config, TODAY, default)
    judge, judge_note = _judge(options.judge)
    runner = _runner(judge)
    cases = _score(options.config, assistant, runner, questions, calc, options.progress)
    runner.judge = None  # baselines are never judged
    baselines: dict[str, Any] = {}
    for name in options.baselines:
        if name == options.config:
            continue
        begun = time.perf_counter()
        other = build_config(name, TODAY, default)
        metrics = summarize(_score(name, other, runner, questions, calc, options.progress))
        baselines[name] = {"metrics": metrics, "wall_s": round(time.perf_counter() - begun, 1)}
    metrics = summarize(cases)
    if judge is not None:
        judge_note = (f"faithful {metrics['answers']['faithful']:.3f} of "
                      f"{metrics['answers']['judged']} judged answers (generator-judged)")
    return {
        "version": REPORT_VERSION, "config": options.config, "split": options.split,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "today": TODAY.isoformat(), "questions_file": _shown(options.questions),
        "calc_file": _shown(options.calc), "n_questions": len(questions), "n_calc": len(calc),
        "wall_s": round(time.perf_counter() - started, 1), "peak_rss_mb": round(peak_rss_mb()),
        "cpus": os.cpu_count(), "load_avg": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "metrics": metrics, "baselines": baselines,
        "judge": {"note": judge_note} if judge_note else {},
        "cases": [c.record() for c in cases]}


def _shown(path: Path) -> str:
    """The path relative to the working directory where it lies below it."""
    resolved = path.resolve()
    return str(resolved.relative_to(Path.cwd()) if resolved.is_relative_to(Path.cwd()) else path)


def _judge(wanted: bool) -> tuple[Judge | None, str]:
    if not wanted:
        return None, ""
    from eval.judge import build_judge

    judge = build_judge()
    if judge is None:
        note = ("skipped: --judge needs a generator; set AGREEMENTS_GENERATOR=openai with "
                "AGREEMENTS_OPENAI_BASE_URL and AGREEMENTS_OPENAI_MODEL (or llama).")
        print(f"judge {note}", file=sys.stderr)
        return None, note
    return judge, ""


def write_report(report: dict[str, Any], folder: Path, started: float | None = None
                 ) -> list[Path]:
    """``report.json``, ``report.md`` and the plots in ``folder``; ``started`` (a
    ``perf_counter`` value) makes ``wall_s`` cover the plots too."""
    from eval.plots import write_plots

    folder.mkdir(parents=True, exist_ok=True)
    plots = write_plots(report, folder)
    if started is not None:
        report["wall_s"] = round(time.perf_counter() - started, 1)
    report["plots"] = plots
    (folder / "report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "report.md").write_text(markdown(report), encoding="utf-8")
    return [folder / "report.json", folder / "report.md", *[folder / p for p in plots]]


def parse_list(text: str) -> tuple[str, ...]:
    """``"bm25,naive"`` -> ``("bm25", "naive")``; ``"none"`` or ``""`` -> ``()``."""
    items: Sequence[str] = [t.strip() for t in text.split(",") if t.strip()]
    return () if list(items) in ([], ["none"]) else tuple(items)
