"""The chat tab: a question in, the answer streamed out with expandable citations.

``respond`` is a generator (gradio streams each yield): the user's message first, then the
answer line by line, then the whole answer with its calculation and citations. The turns so
far travel in a ``gr.State`` as ``{"role", "content"}`` dicts and reach the assistant as
``Turn`` objects, so follow-ups ("那 COS 呢？") resolve against them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, Protocol

import gradio as gr

from assistant.answer import Answer
from assistant.conversation import Turn
from assistant.web.calc_render import calculation_html, message_html
from assistant.web.guard import guarded
from assistant.web.library import Library
from assistant.web.render import (
    answer_body,
    body_html,
    citations_html,
    split_steps,
    text_html,
)

Message = dict[str, str]
TurnRecord = dict[str, str]
ChatOutputs = tuple[list[Message], list[TurnRecord], str]

EXAMPLES = [
    "CVM 2024年3月断了90分钟，月费2000元，能赔多少，最晚哪天申请？",
    "What is the COS availability commitment?",
    "腾讯云服务协议里，欠费的违约金怎么算？",
    "What is the deadline to claim a CVM credit?",
    "CVM 的服务可用性承诺是多少？",
]
THINKING = '<div class="answer muted">正在查找协议条款… / Searching the agreements…</div>'


class Asks(Protocol):
    """What the pages need of the assistant (``assistant.pipeline.Assistant``; tests fake it)."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer: ...


def to_turns(records: list[TurnRecord]) -> list[Turn]:
    """The state's ``{"role", "content"}`` dicts as the assistant's ``Turn`` objects."""
    return [Turn("assistant" if r.get("role") == "assistant" else "user", r.get("content", ""))
            for r in records]


def user_message(question: str) -> Message:
    return {"role": "user", "content": f'<div class="question">{text_html(question)}</div>'}


def bot_message(html: str) -> Message:
    return {"role": "assistant", "content": html}


def answer_html(answer: Answer, library: Library, today: date) -> str:
    """The whole reply: words, then (calculator answers) claim window, tier table and
    exclusions, then the numbered citations."""
    body = body_html(answer)
    calc = calculation_html(answer.calculation, library, today, answer.lang) \
        if answer.calculation else ""
    return body + calc + citations_html(answer.citations, library, answer.lang)


def partial_answers(text: str) -> Iterator[str]:
    """The answer's words growing line by line (what streaming shows)."""
    lines = text.split("\n")
    for end in range(1, len(lines) + 1):
        yield f'<div class="answer">{text_html(chr(10).join(lines[:end]))}</div>'


def draft_html(text: str) -> str:
    """The model's words while it writes (checked against the clauses before they stay)."""
    return f'<div class="answer muted">{text_html(text)}</div>'


def _failed(words: str, message: str, messages: list[Message],
            turns: list[TurnRecord]) -> ChatOutputs:
    shown = [*messages, user_message(message or ""), bot_message(message_html(words))]
    return shown, turns, ""


def make_respond(assistant: Asks, library: Library,
                 today: Callable[[], date]) -> Callable[..., Iterator[ChatOutputs]]:
    """The chat callback over one assistant (tested with a fake one)."""

    @guarded(_failed)
    def respond(message: str, messages: list[Message],
                turns: list[TurnRecord]) -> Iterator[ChatOutputs]:
        question = (message or "").strip()
        if not question:
            yield messages, turns, ""
            return
        shown = [*messages, user_message(question)]
        yield [*shown, bot_message(THINKING)], turns, ""
        answer: Answer | None = None
        written = ""
        stream = getattr(assistant, "stream", None)
        events = stream(question, to_turns(turns)) if stream else [
            assistant.ask(question, to_turns(turns))]
        for event in events:
            if isinstance(event, Answer):
                answer = event
            else:  # a configured language model writing: show its words as they come
                written += str(event)
                yield [*shown, bot_message(draft_html(written))], turns, ""
        if answer is None:
            raise RuntimeError("the assistant gave no answer")
        if not written:  # the extractive answer, shown growing line by line
            for partial in partial_answers(split_steps(answer_body(answer))[0]):
                yield [*shown, bot_message(partial)], turns, ""
        record = [*turns, {"role": "user", "content": question},
                  {"role": "assistant", "content": answer.text}]
        yield [*shown, bot_message(answer_html(answer, library, today()))], record, ""

    return respond


def clear() -> ChatOutputs:
    return [], [], ""


def chat_tab(assistant: Asks, library: Library, today: Callable[[], date]) -> None:
    """Lay out the chat tab inside the current ``gr.Blocks`` and wire its events."""
    gr.Markdown("向助手提问腾讯云协议：赔偿计算、条款含义、申请时限。每个回答都附出处，点击 [n] "
                "展开原文；可以接着追问（如“那 COS 呢？”）。English questions are answered too.")
    chatbot = gr.Chatbot(label="对话", height=640, elem_id="chat", buttons=["copy"],
                         feedback_options=None, group_consecutive_messages=False,
                         placeholder="例如：CVM 2024年3月断了90分钟，月费2000元，能赔多少？")
    turns = gr.State([])
    with gr.Row():
        box = gr.Textbox(placeholder="输入问题，回车发送（不超过 2000 字）/ Ask in Chinese or "
                         "English", show_label=False, scale=8, elem_id="question", lines=1)
        send = gr.Button("发送", variant="primary", scale=1, elem_id="send")
        reset = gr.Button("清空对话", scale=1, elem_id="clear")
    gr.Examples([[q] for q in EXAMPLES], inputs=[box], label="示例问题（点击填入）")
    respond = make_respond(assistant, library, today)
    outputs: list[Any] = [chatbot, turns, box]
    box.submit(respond, [box, chatbot, turns], outputs, api_visibility="private")
    send.click(respond, [box, chatbot, turns], outputs, api_visibility="private")
    reset.click(clear, None, outputs, api_visibility="private")
    chatbot.clear(clear, None, outputs, api_visibility="private")  # its own clear icon forgets too

