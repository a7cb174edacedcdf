"""Command line of the assistant.

Examples:
  python -m assistant ask "CVM 2024年3月断了 90 分钟，月费 2000 元，能赔多少？"
  python -m assistant ask "What is the claim deadline for COS credits?" --json
  python -m assistant ask --batch questions.jsonl --out answers.jsonl
  python -m assistant chat            # remembers the conversation; /reset, /quit

Needs a built index (`python -m index build`, done by `make run`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from assistant.answer import Answer
from assistant.conversation import Turn
from assistant.pipeline import Assistant
from index.errors import UserError
from index.retrieval.cli import BatchLine, read_batch

__all__ = ["BatchLine", "chat", "main", "read_batch"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer one question, or a JSONL batch")
    ask.add_argument("question", nargs="?", help="the question (omit with --batch)")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--batch", type=Path, help="JSONL input: {id, question, history?}")
    ask.add_argument("--out", type=Path, help="JSONL output for --batch")
    sub.add_parser("chat", help="interactive conversation")
    return parser


def check_args(args: argparse.Namespace) -> list[BatchLine]:
    """Validate the command line (and a batch file) before any model is loaded."""
    if args.command != "ask":
        return []
    if args.batch:
        if not args.out:
            raise UserError("--batch needs --out OUT.jsonl for the answers.")
        return read_batch(args.batch)
    if not args.question or not args.question.strip():
        raise UserError('Give a question: python -m assistant ask "云服务器的赔偿标准是什么？"')
    return []


def cmd_ask(assistant: Assistant, args: argparse.Namespace,
            questions: list[BatchLine]) -> None:
    if args.batch:
        with args.out.open("w", encoding="utf-8") as out:
            for q in questions:
                answer = assistant.ask(q.question, list(q.turns()))
                out.write(json.dumps(answer.record(q.id), ensure_ascii=False) + "\n")
        print(f"answered {len(questions)} questions -> {args.out}", file=sys.stderr)
        return
    answer = assistant.ask(args.question)
    print(json.dumps(answer.record(), ensure_ascii=False, indent=1) if args.json else answer.text)


def _write_piece(piece: str) -> None:
    sys.stdout.write(piece)
    sys.stdout.flush()


def chat(assistant: Assistant, input_fn: Callable[[str], str],
         output_fn: Callable[[str], None],
         piece_fn: Callable[[str], None] = _write_piece) -> None:
    """A conversation on the terminal; follow-ups see the earlier turns. With a language
    model configured its words are shown as they come (``piece_fn``), then the checked
    answer, which is what counts."""
    history: list[Turn] = []
    output_fn("腾讯云协议助手。输入问题；/reset 清空对话，/quit 退出。")
    while True:
        try:
            question = input_fn("你> ").strip()
        except (EOFError, KeyboardInterrupt):
            output_fn("")
            return
        if re.search(r"[\ud800-\udfff]", question):  # bytes that were not UTF-8 on the terminal
            output_fn("这一行有无法识别的字符（不是 UTF-8）；请把终端设为 UTF-8 后重新输入。"
                      " / That line is not UTF-8 text; set the terminal to UTF-8 and type it "
                      "again.")
            continue
        if question in ("/quit", "/exit", "quit", "exit"):
            return
        if question == "/reset":
            history = []
            output_fn("对话已清空。")
            continue
        if not question:
            continue
        answer: Answer | None = None
        drafted = False
        for event in assistant.stream(question, history):
            if isinstance(event, Answer):
                answer = event
            else:
                if not drafted:
                    piece_fn("（模型正在作答，核对后以下方回答为准）\n")
                    drafted = True
                piece_fn(event)
        if answer is None:
            continue
        if drafted:
            output_fn("\n——")
        output_fn(answer.text)
        history += [Turn("user", question), Turn("assistant", answer.text)]


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        questions = check_args(args)
        from assistant.factory import build_assistant

        start = time.perf_counter()
        assistant = build_assistant()
        if args.command == "chat":
            print(f"(ready in {time.perf_counter() - start:.1f} s)", file=sys.stderr)
            chat(assistant, input, print)
        else:
            cmd_ask(assistant, args, questions)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
