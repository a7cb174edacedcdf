"""Look of the app: system fonts only (nothing fetched from outside), and the CSS of the
HTML that ``render`` and ``calc_render`` produce."""

from __future__ import annotations

import gradio as gr

SANS = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
        "system-ui", "-apple-system", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]
MONO = ["SFMono-Regular", "Menlo", "Consolas", "DejaVu Sans Mono", "monospace"]


def theme() -> gr.themes.Base:
    """The default theme with system fonts (gradio's own font files and no Google fonts)."""
    return gr.themes.Default(primary_hue="blue", font=SANS, font_mono=MONO)


CSS = """
.answer { line-height: 1.65; }
.answer.refusal, .answer.clarify { color: #7a4b00; }
.muted { color: #6b7280; }
.question { white-space: pre-wrap; }
.cites { margin-top: .6em; border-top: 1px solid #e5e7eb; padding-top: .4em; }
.cites-head { font-size: .85em; color: #6b7280; margin-bottom: .2em; }
details.cite { margin: .25em 0; border: 1px solid #e5e7eb; border-radius: 6px;
  padding: .3em .6em; background: #fafafa; }
details.cite summary { cursor: pointer; }
.cite-meta { font-size: .85em; color: #4b5563; margin: .3em 0; }
.cite-path { font-size: .85em; color: #6b7280; }
.cite-text { margin: .4em 0; padding: .4em .7em; border-left: 3px solid #93c5fd;
  background: #fff; max-height: 22em; overflow: auto; }
mark { background: #fde68a; padding: 0 .1em; }
.calc { margin-top: .6em; }
.window { margin: .5em 0; padding: .45em .7em; border-radius: 6px; font-weight: 600; }
.window.open { background: #dcfce7; color: #14532d; }
.window.not_yet { background: #e0f2fe; color: #0c4a6e; }
.window.expired { background: #fee2e2; color: #7f1d1d; }
.window.unknown, .window.none { background: #f3f4f6; color: #374151; }
.tiers table, .facts { border-collapse: collapse; width: 100%; margin: .3em 0; }
.tiers th, .tiers td, .facts th, .facts td { border: 1px solid #e5e7eb; padding: .3em .5em;
  text-align: left; vertical-align: top; }
.tiers th, .facts th { background: #f9fafb; font-weight: 600; white-space: nowrap; }
.tiers tr.hit td { background: #fef3c7; font-weight: 700; }
.tiers-title { font-weight: 600; margin-top: .5em; cursor: pointer; }
.badge { display: inline-block; padding: .25em .8em; border-radius: 999px; font-weight: 700;
  font-size: 1.1em; margin-bottom: .4em; }
.badge.yes { background: #dcfce7; color: #14532d; }
.badge.no { background: #f3f4f6; color: #374151; }
.msg { padding: .6em .8em; border-radius: 6px; }
.msg.error { background: #fef2f2; color: #991b1b; border: 1px solid #fecaca; }
.msg.info { background: #eff6ff; color: #1e3a8a; border: 1px solid #bfdbfe; }
.steps ol, .exclusions ul, .notes ul { margin: .3em 0 .3em 1.4em; }
.doc-head h2 { margin: .2em 0; }
.doc-meta { color: #4b5563; font-size: .9em; }
.toc { display: flex; flex-wrap: wrap; gap: .3em .8em; margin: .6em 0; font-size: .9em; }
.clause { padding: .5em .7em; border-bottom: 1px solid #f3f4f6; scroll-margin-top: 1em; }
.clause.target { background: #fffbeb; border-left: 4px solid #f59e0b; }
.clause-head { display: flex; justify-content: space-between; gap: 1em; }
.clause-meta { color: #6b7280; font-size: .85em; white-space: nowrap; }
.tbl { font-family: var(--font-mono); font-size: .9em; background: #f9fafb; padding: .3em .5em; }
"""
