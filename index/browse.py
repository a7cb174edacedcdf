"""A small interactive browser over the parsed agreements (``make run`` starts it)."""

from __future__ import annotations

from collections.abc import Callable

from index.errors import UserError
from index.parser import Agreements
from index.render import clause_text, document_line, document_text

HELP = """命令 / commands:
  list [词]        列出文档（可按标题或 id 过滤）  list documents, optionally filtered
  show DOC [节]    显示文档或条款，如 show cvm-sla 3.1   show a document or one clause
  help            帮助
  quit            退出"""


def browse(agreements: Agreements, input_fn: Callable[[str], str],
           output_fn: Callable[[str], None]) -> None:
    """Read commands until ``quit`` or end of input; errors are shown, never raised."""
    output_fn(f"已载入 {len(agreements.documents)} 份协议。输入 help 查看命令。")
    while True:
        try:
            line = input_fn("agreements> ").strip()
        except (EOFError, KeyboardInterrupt):
            output_fn("")
            return
        if not line:
            continue
        command, _, rest = line.partition(" ")
        if command in ("quit", "exit", "q"):
            return
        try:
            output_fn(run_command(agreements, command, rest.strip()))
        except UserError as exc:
            output_fn(f"错误 / error: {exc}")


def run_command(agreements: Agreements, command: str, rest: str) -> str:
    if command == "help":
        return HELP
    if command == "list":
        docs = [d for d in agreements.documents
                if not rest or rest.lower() in d.title.lower() or rest.lower() in d.id]
        return "\n".join(document_line(d) for d in docs) or f"没有标题包含 {rest!r} 的文档。"
    if command == "show":
        if not rest:
            raise UserError("show 需要文档 id，例如：show cvm-sla 3.1")
        key, _, section = rest.partition(" ")
        doc = agreements.document(key)
        if not section.strip():
            return document_text(doc)
        clause = doc.clause(section.strip())
        if clause is None:
            raise UserError(
                f"{doc.id} 没有第 {section.strip()} 节。用 show {doc.id} 查看全部条款。")
        return clause_text(clause)
    raise UserError(f"未知命令 {command!r}。输入 help 查看命令。")
