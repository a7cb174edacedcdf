"""The report of ``python -m eval run``: ``report.json`` (figures + per-case outcomes) and
``report.md`` (tables, plots, failing cases), and the summary table printed at the end."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from eval.metrics import HEADLINE, ROUTES, STAGES, flatten

REPORT_VERSION = 1


def _fmt(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    if name.startswith("latency_ms") or name.endswith(".invented"):
        return f"{value:.0f}"
    return f"{value:.3f}"


def _delta(name: str, value: float | None, base: float | None, higher: bool) -> str:
    if value is None or base is None:
        return ""
    diff = value - base
    if abs(diff) < 1e-9:
        return " (=)"
    text = f"{diff:+.0f}" if name.startswith("latency_ms") or name.endswith(".invented") \
        else f"{diff:+.3f}"
    return f" ({text})"


def summary_rows(report: Mapping[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the headline table: the configuration, then each baseline with
    its delta against the configuration."""
    main = flatten(report["metrics"])
    baselines = {name: flatten(b["metrics"]) for name, b in report.get("baselines", {}).items()}
    header = ["metric", report["config"], *[f"{n} (Δ vs {report['config']})" for n in baselines]]
    rows = []
    for name, label, higher in HEADLINE:
        row = [label, _fmt(name, main.get(name))]
        for flat in baselines.values():
            value = flat.get(name)
            row.append(_fmt(name, value) + _delta(name, value, main.get(name), higher))
        rows.append(row)
    return header, rows


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain fixed-width table for the terminal (CJK-free labels, so widths are right)."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines)


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *["| " + " | ".join(str(c) for c in row) + " |" for row in rows]]


def _load(report: Mapping[str, Any]) -> str:
    """Latency is only comparable on a quiet machine: say how busy this one was."""
    if "load_avg" not in report:
        return ""
    start, end = report["load_avg"]
    return (f"; {report.get('cpus', '?')} CPUs, 1-minute load average {start:.1f} at the "
            f"start and {end:.1f} at the end (latency is inflated when it exceeds the CPUs)")


def _ci(entry: Mapping[str, Any]) -> str:
    return f"{entry['mean']:.3f} [{entry['low']:.3f}, {entry['high']:.3f}] n={entry['n']}"


def _failed(case: Mapping[str, Any]) -> str:
    bad = [k for k, v in case["flags"].items()
           if (not v if k not in ("refused", "invented") else v)]
    if case["expected_route"] == "refusal":
        bad = [f"route {case['route']}"]
    return ", ".join(bad) or f"route {case['route']}"


def markdown(report: Mapping[str, Any]) -> str:
    m = report["metrics"]
    lines = [f"# Evaluation run (`python -m eval run`, config: {report['config']}, "
             f"split: {report['split']})", "",
             f"{report['n_questions']} questions + {report['n_calc']} credit questions; "
             f"wall time {report['wall_s']:.0f} s for the whole run (every configuration, "
             f"plots included); peak RSS {report['peak_rss_mb']:.0f} MB"
             + _load(report) + ".", ""]
    lines += _md_table(*summary_rows(report))
    lines += ["", "Deltas in brackets are baseline minus configuration. Retrieval: top 10 of "
              "the configuration's retriever for the question; char precision/recall: the "
              f"cited spans against the gold evidence over {m['retrieval']['char_n']} "
              "questions (LegalBench-RAG style).", "",
              "## Accuracy by kind and language (95 % bootstrap interval)", ""]
    by = m["accuracy_by"]
    rows = [[f"kind {k}", _ci(v)] for k, v in by["kind"].items()]
    rows += [[f"lang {k}", _ci(v)] for k, v in by["lang"].items()]
    rows.append(["all cases", _ci(by["all"])])
    lines += _md_table(["group", "share of cases passed"], rows)
    lines += ["", "![accuracy](accuracy.png)", "", "## Latency per stage (ms)", ""]
    lat = m["latency_ms"]
    lines += _md_table(["stage", "n", "p50", "p95"],
                       [[s, lat[s]["n"], f"{lat[s]['p50']:.1f}", f"{lat[s]['p95']:.1f}"]
                        for s in ("total", *STAGES) if s in lat])
    lines += ["", "![latency](latency.png)", "", "## Routes (rows expected, columns actual)", ""]
    routes = m["routes"]
    lines += _md_table(["expected \\ actual", *ROUTES],
                       [[e, *[routes[e].get(a, 0) for a in ROUTES]] for e in ROUTES
                        if e in routes])
    fields = m["calculators"]["param_fields"]
    lines += ["", "Expected `answer` = an answerable question of the question set (a calculator "
              "reply holding the key facts also passes); `refusal` = an unanswerable one; "
              "`calculator` / `clarify` = the credit questions' expected route.", "",
              "![routes](routes.png)", "", "## Credit parameters extracted right", "",
              *_md_table(list(fields), [[f"{v:.3f}" for v in fields.values()]])]
    judge = report.get("judge") or {}
    lines += ["", "## LLM-judged faithfulness", "",
              judge.get("note", "not run (`--judge` to run it with the configured generator)")]
    failing = [c for c in report["cases"] if not c["ok"]]
    lines += ["", f"## Failing cases ({len(failing)})", ""]
    lines += [f"- {c['id']} ({c['kind']}, {c['lang']}): {_failed(c)}" for c in failing]
    return "\n".join(lines) + "\n"
