"""The assistant: plain control flow from a question to a cited answer.

    resolved = resolve(question, history)          # follow-ups carry product and figures
    decision = decide(resolved)                    # calculator | clarify | answer | refusal
    calculator -> CreditStage -> RESULT -> words   # every figure from the calculators
    answer     -> retriever -> composer            # quoted sentences with [n] citations
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from assistant.answer import Answer, Citation
from assistant.answerability import edition_unknown, unknown_names, unsaid, unstated
from assistant.commitments import (
    BUDGET_ASKED,
    budget_answer,
    commitments_answer,
    form_answer,
    no_commitment_answer,
    pays_nothing,
    period_answer,
    table_answer,
    tier_answer,
    top_tier_answer,
)
from assistant.composer import (
    LIST_ASKED,
    LIST_INTRO,
    Composition,
    ExtractiveComposer,
    citation,
)
from assistant.conversation import Resolved, Turn, resolve
from assistant.credit import CreditStage
from assistant.deployments import deployment_unsaid, deployment_words
from assistant.exclusions import ExclusionMatcher, cases_excluded, caused_ask, exclusion_answer
from assistant.grounded import GroundedGenerator, Token
from assistant.intent import credit_probability
from assistant.params import CreditQuery
from assistant.pointers import Effective, pointer_answer
from assistant.premise import premise_checked
from assistant.reading.months import day_value
from assistant.reading.reader import CLAIM_FILED
from assistant.reading.render import reading_text, unclear_text
from assistant.replies import (
    clarify_text,
    credit_text,
    deployment_note,
    refusal_text,
    unstated_text,
)
from assistant.router import Decision, decide
from assistant.text import asked_figures, question_parts, sentences, simplified
from index.chunks import Chunk
from index.domain import Document
from index.products import ProductTable
from index.retrieval.types import Hit, Retriever

MAX_QUESTION_CHARS = 2000
SCOPE_ASKED = re.compile(  # whether the agreement covers an edition: its scope clause answers
    r"适用|覆盖|涵盖|承诺|保障|保证|在.{0,6}范围|cover|appl(?:y|ies)|guarantee|promis|commit"
    r"|eligible|included", re.I)
MAX_HISTORY_TURNS = 12       # a follow-up reads the user's last turns; older ones change nothing
MAX_TURN_CHARS = 4000        # an earlier answer (never read for figures); a user's turn: 2,000


def bounded(history: Sequence[Turn]) -> list[Turn]:
    """The last ``MAX_HISTORY_TURNS`` turns, a user's cut to ``MAX_QUESTION_CHARS`` (what a
    question may hold), an answer to ``MAX_TURN_CHARS``."""
    return [Turn(t.role, t.content[:MAX_QUESTION_CHARS if t.role == "user" else MAX_TURN_CHARS])
            for t in list(history)[-MAX_HISTORY_TURNS:]]


@dataclass
class Timer:
    stages: dict[str, float] = field(default_factory=dict)

    def lap(self, name: str, start: float) -> float:
        now = time.perf_counter()
        self.stages[name] = (now - start) * 1000
        return now


RULE_ASKED = re.compile(r"按.{1,8}算|还是|怎么|如何|为什么|哪些|什么情况|\bhow\b|\bwhy\b|\bwhich\b"
                        r"|what counts", re.I)


def _asks_rule(part: str) -> bool:
    """A part of a question that asks a rule in words of its own (``可用性是按整个账号算还是按每个
    网关实例算？``), not a figure (``承诺是多少？``) or a remark (``feels lower than three nines``)."""
    words = len(re.findall(r"[\u4e00-\u9fff]", part)) >= 6 or len(re.findall(r"[A-Za-z]+", part)) >= 8
    return bool(RULE_ASKED.search(part)) and words and not asked_figures(part)


class Assistant:
    """``ask(question, history) -> Answer``; built by ``assistant.factory.build_assistant``."""

    def __init__(self, retriever: Retriever, composer: ExtractiveComposer, credit: CreditStage,
                 products: ProductTable, sla_products: set[str], k: int = 5,
                 today: date | None = None, grounded: GroundedGenerator | None = None,
                 documents: Mapping[str, Document] | None = None,
                 editions: Mapping[str, frozenset[str]] | None = None,
                 exclusions: ExclusionMatcher | None = None, corpus: str = "",
                 effective: Effective | None = None,
                 items: Mapping[str, Sequence[Chunk]] | None = None) -> None:
        self.retriever = retriever
        self.items = items or {}  # clause id -> the chunks of the clauses it lists (5.1 -> 5.1.x)
        self.effective = effective or {}  # doc id -> the sentence it takes effect by, its line
        self.corpus = corpus  # every agreement's text, flat: whether a name is in any of them
        self.exclusions = exclusions  # every SLA's exclusion items, to match a case against
        self.documents = documents or {}
        self.editions = editions or {}  # doc id -> the editions its text names (专业, 企业…)
        self.composer = composer
        self.credit = credit
        self.products = products
        self.sla_products = sla_products
        self.k = k
        self.today = today
        self.grounded = grounded

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        answer: Answer | None = None
        for event in self.stream(question, history):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None  # stream() always ends with the Answer
        return answer

    def stream(self, question: str, history: Sequence[Turn] = ()) -> Iterator[str | Answer]:
        """The generated answer's pieces as the model writes them (only with a generator, on
        the answer route), then the final ``Answer`` (which replaces them: the post-check may
        have rejected the generated text and kept the extractive answer)."""
        start = time.perf_counter()
        timer = Timer()
        question = question.strip()
        if not question:
            yield Answer("请输入问题。/ Please type a question.", "clarify", missing=("question",))
            return
        if len(question) > MAX_QUESTION_CHARS:
            yield Answer(f"问题太长（{len(question)} 字），请控制在 {MAX_QUESTION_CHARS} 字以内。"
                         f" / The question is too long; keep it under {MAX_QUESTION_CHARS}"
                         " characters.", "clarify", missing=("shorter_question",))
            return
        today = self.today or date.today()
        history = bounded(history)  # a 100k-character history costs what a short one does
        question = simplified(question)  # 醫療報告 -> 医疗报告: the agreements' own characters
        question = self.products.respelt(question)  # cloud firewal -> cloud firewall
        history = [Turn(t.role, self.products.respelt(simplified(t.content)) if t.role == "user"
                        else simplified(t.content)) for t in history]
        resolved = resolve(question, list(history), self.products, today)
        decision = decide(resolved, self.sla_products,
                          lambda: credit_probability(self.composer.embedder, resolved.question))
        if decision.reason == "unclear_number":  # which amount is the fee: moot if none is due
            resolved, decision = self._fee_moot(resolved, decision)
        if decision.reason == "unclear_number":  # doubts the SLA's own rules settle
            resolved, decision = self._settled_by_sla(resolved, decision)
        t = timer.lap("route", start)
        answer: Answer | None = None
        for event in self._answer(resolved, decision, history, timer, t):
            if isinstance(event, Answer):
                answer = event
            else:
                yield event
        assert answer is not None
        total = (time.perf_counter() - start) * 1000
        yield Answer(answer.text, answer.route, answer.citations, answer.calculation,
                     resolved.lang, answer.missing, answer.reason, total, timer.stages)

    def _unstated(self, resolved: Resolved, citations: Sequence[Citation]) -> list[str]:
        """The asked attributes the quotes leave unsaid (none: an empty list): for each product
        named, its own documents' quotes must state them (``APM 保存多少天？跟 GME 一样 90 天吗``
        quoted with GME's 90 days does not answer for APM)."""
        left = unstated(resolved.question, [c.quote for c in citations])
        if left:
            return left
        for product in resolved.products:
            titles = {self.documents[d].title for d in product.doc_ids if d in self.documents}
            own = [c.quote for c in citations if c.doc_title in titles or any(
                len(a) >= 2 and a in c.quote for a in product.aliases)]  # 对象存储：99.99…%
            left = unstated(resolved.question, own) if own else []
            if left:
                return left
        return []

    def _stated_too(self, resolved: Resolved, hits: Sequence[Hit],
                    composed: Composition) -> Composition:
        """The composition with, for each product whose quotes leave an asked attribute unsaid
        (``CODING 和 CNB 的可用性承诺分别是多少？5分钟错误率超过多少才算``), the best-ranked sentence
        of its retrieved clauses that states it; unchanged when none does (then it is refused)."""
        groups: list[tuple[set[str] | None, list[str]]] = [
            (None, [c.quote for c in composed.citations])]
        for product in resolved.products:
            own = {self.documents[d].title for d in product.doc_ids if d in self.documents}
            groups.append((own, [c.quote for c in composed.citations if c.doc_title in own]))
        also: list[tuple[Hit, str]] = []
        hits = list(hits)
        names = " ".join(p.key for p in resolved.products)
        for titles, quotes in groups:
            for missing in unsaid(resolved.question, quotes):
                found = self._stating(missing.statement, hits, titles)
                if found is None:  # searched again with the agreements' words for it
                    seen = {h.chunk.id for h in hits}
                    more = [h for h in self.retriever.run(f"{names} {missing.words}", [], k=self.k)
                            if h.chunk.id not in seen]
                    found = self._stating(missing.statement, more, titles)
                    hits += [found[0]] if found is not None else []
                if found is not None and found not in also:
                    also.append(found)
        if not also:
            return composed
        return self.composer.run(resolved, hits, also) or composed

    @staticmethod
    def _stating(stated: re.Pattern[str], hits: Sequence[Hit],
                 titles: set[str] | None) -> tuple[Hit, str] | None:
        return next(((hit, s) for hit in hits for s in sentences(hit.chunk.text)
                     if (titles is None or hit.chunk.doc_title in titles) and stated.search(s)),
                    None)

    def _unknown_editions(self, resolved: Resolved) -> list[str]:
        """The editions asked about (their commitment or credit) that none of the product's
        documents name, as the question words them."""
        if not resolved.products:
            return []
        named = {e for product in resolved.products for d in product.doc_ids
                 for e in self.editions.get(d, frozenset())}
        return edition_unknown(resolved.question, frozenset(named))

    def _with_each_part(self, resolved: Resolved, hits: list[Hit],
                        history: Sequence[Turn]) -> list[Hit]:
        """A question asking two things (``how far ahead must we ask, and what counts as a
        burst?``): each part is searched on its own too and its best clause read beside the
        whole question's best, so the answer can quote one for each."""
        parts = question_parts(resolved.question) if not resolved.is_follow_up else []
        if len(parts) < 2:
            return hits
        names = " ".join(p.key for p in resolved.products)
        tops = [found[0] for part in parts
                if (found := self.retriever.run(f"{names} {part}".strip(), history, k=self.k))]
        head = hits[:1] + [h for h in tops if all(h.chunk.id != o.chunk.id for o in hits[:1])]
        seen = {h.chunk.id for h in head}
        merged = head + [h for h in hits if h.chunk.id not in seen]
        return merged[:max(self.k, len(head))]

    def _with_parallel(self, resolved: Resolved, hits: list[Hit]) -> list[Hit]:
        """A comparison (``what do I attach to a claim for A versus B?``): each other product's
        clause headed as the best clause is (赔偿申请材料) is read beside it, found by that
        heading in its documents, so both sides are quoted from the same kind of clause."""
        compared = len(resolved.products) > 1 and not resolved.is_follow_up  # (a follow-up's
        heading = hits[0].chunk.heading if hits and compared else ""  # products are context)
        if not heading:
            return hits
        out = list(hits)
        for product in resolved.products:
            if hits[0].chunk.doc_id in product.doc_ids or any(
                    h.chunk.doc_id in product.doc_ids and h.chunk.heading == heading for h in out):
                continue
            found = next((h for h in self.retriever.run(f"{product.key} {heading}", [], k=self.k)
                          if h.chunk.doc_id in product.doc_ids and h.chunk.heading == heading),
                         None)
            if found is not None:
                out.insert(1, found)
        return out

    def _fee_moot(self, resolved: Resolved, decision: Decision) -> tuple[Resolved, Decision]:
        """A question whose only unclear numbers are about the fee, computed without one: when
        the month pays no credit, that is the answer; else the question is asked as before."""
        unpriced = resolved.query.fee_set_aside()
        if unpriced is None:
            return resolved, decision
        trial = replace(resolved, query=unpriced)
        if decide(trial, self.sla_products).route != "calculator":
            return resolved, decision
        outcome = self.credit.run(trial)
        if outcome.result is None or outcome.result.get("eligible"):
            return resolved, decision
        return trial, Decision("calculator", "measurement")

    def _settled_by_sla(self, resolved: Resolved, decision: Decision
                        ) -> tuple[Resolved, Decision]:
        """A question whose unclear numbers are doubts the SLA's own rules settle (its
        catalog ``counting``): minutes that partly worked (available where any success makes
        a minute available), ranges said with their error rate (by its per-minute threshold),
        announced maintenance (where it is excluded), messages to invalid numbers (where only
        valid ones count). With all of them settled it is computed, the reading saying how;
        else it is asked as before."""
        sla = self.credit.sla_for(resolved)
        if sla is None:
            return resolved, decision
        rules, query = sla.counting, resolved.query
        if rules.any_success_available:
            query = query.partly_set_aside() or query
        if rules.bad_window is not None:
            query = query.by_window_threshold(rules.bad_window.error_above) or query
        if rules.kind != "success_rate" and not (sla.prose and "request" in sla.prose.kind):
            query = query.volume_set_aside() or query  # 日均调用 80 万次 beside outage minutes
        if rules.maintenance_excluded:
            query = query.maintenance_set_aside() or query
        if rules.valid_numbers_only:
            query = query.invalid_left_out() or query
        if query is resolved.query or query.unclear:
            return resolved, decision
        trial = replace(resolved, query=query)
        return (trial, Decision("calculator", "measurement")) \
            if decide(trial, self.sla_products).route == "calculator" else (resolved, decision)

    def _filed(self, query: CreditQuery, result: Mapping[str, Any]) -> str | None:
        """The day the question says a claim was filed (``当时我们4月8号就提了工单``), as
        YYYY-MM-DD, so the answer can say whether it is in the claim window; said without a
        year, in the year of the window that puts it nearest."""
        said = next((u.text for u in query.uses if u.note == CLAIM_FILED), None)
        value = day_value(said, self.today or date.today()) if said else None
        claim = result.get("claim_window") or {}
        window = [d for d in (claim.get("opens"), claim.get("deadline")) if d]
        if value is None or not value.startswith("--"):
            return value
        if not window:
            return None
        years = {int(d[:4]) for d in window}
        return min((f"{y}{value[1:]}" for y in years),
                   key=lambda d: abs(date.fromisoformat(d) - date.fromisoformat(window[0])))

    def _measured_as(self, resolved: Resolved, missing: tuple[str, ...]) -> tuple[str, ...]:
        """What to ask for a missing measurement, in the SLA's own terms: a response-time
        SLA (安全托管, 应急响应 …) measures when the request was raised and answered, or counts
        late responses — never an availability or outage minutes."""
        sla = self.credit.sla_for(resolved) if "measurement" in missing else None
        measures = {t.measure for t in sla.tables} if sla is not None else set()
        asked = {"event": "response_times", "late_responses": "late_count"}
        if not measures or not measures <= asked.keys():
            return missing
        return tuple(asked[sorted(measures)[0]] if m == "measurement" else m for m in missing)

    def _list_completed(self, resolved: Resolved, hits: Sequence[Hit],
                        composed: Composition) -> Composition:
        """``5.1 在以下情况下，腾讯云有权终止向您提供本服务：`` quoted for "under what conditions can
        they terminate it?": the clause's own items (``5.1.1 …`` to ``5.1.5 …``, clauses of their
        own, found or not) are the answer, quoted after it; never a list cut at its colon."""
        if not LIST_ASKED.search(resolved.intent_text or resolved.question):
            return composed
        ordered, also = list(hits), []
        for c in composed.citations:
            listed = self.items.get(c.clause_id, ()) if LIST_INTRO.search(c.quote) else ()
            intro = next((h for h in ordered if h.chunk.clause_id == c.clause_id), None)
            if not listed or intro is None:
                continue
            ids = {k.id for k in listed}
            ordered = [h for h in ordered if h.chunk.id not in ids]
            at = ordered.index(intro) + 1  # the items right after the clause listing them
            ordered[at:at] = [Hit(chunk=k, score=0.0) for k in listed]
            also += [(h, " ".join(h.chunk.text.split())) for h in ordered[at:at + len(listed)]]
        if not also:
            return composed
        return self.composer.run(resolved, ordered, also) or composed

    def _typed(self, resolved: Resolved, hits: Sequence[Hit]) -> Composition | None:
        """An answer written from the rule catalog (a claim window, the commitments, a tier,
        the form of compensation), or None when the question asks none of these."""
        return period_answer(resolved, self.credit.sla_of) \
            or budget_answer(resolved, self.credit.sla_of, hits) \
            or commitments_answer(resolved, self.credit.sla_of) \
            or tier_answer(resolved, self.credit.sla_of) \
            or form_answer(resolved, self.credit.sla_of, hits) \
            or top_tier_answer(resolved, self.credit.sla_of) \
            or table_answer(resolved, self.credit.sla_of)

    def _answer(self, resolved: Resolved, decision: Decision, history: Sequence[Turn],
                timer: Timer, t: float) -> Iterator[str | Answer]:
        lang = resolved.lang
        if decision.route == "refusal":
            yield Answer(refusal_text(decision.reason, lang), "refusal", reason=decision.reason)
            return
        excluded = exclusion_answer(resolved, self.exclusions, self.credit.sla_of) \
            if decision.route == "clarify" else None
        if excluded is not None:  # "VPN 断了 2 小时，原来是自己 IPsec 配错了，能赔吗": excluded,
            yield Answer(excluded.text, "answer", excluded.citations)  # whatever the month
            return
        if decision.route == "clarify":
            named = "、".join(p.key for p in resolved.products if p.key in self.sla_products)
            detail = "" if decision.reason != "two_products" else \
                f"您提到了：{named}" if lang == "zh" else f"you named: {named}"
            text = unclear_text(resolved.query, lang) if decision.reason == "unclear_number" \
                else clarify_text(self._measured_as(resolved, decision.missing), lang, detail)
            yield Answer(text, "clarify",
                         missing=decision.missing, reason=decision.reason)
            return
        if decision.route == "calculator":
            sla = self.credit.sla_for(resolved)
            if sla is not None:  # 第一次被 DDoS 打进黑洞: an outage of a case the SLA excludes
                resolved = replace(resolved, query=cases_excluded(
                    self.exclusions, sla, resolved.query, resolved.question, resolved.caused_by))
            if sla is not None and resolved.caused_by and not any(
                    u.role == "excluded" for u in resolved.query.uses):  # 底层 CVM 宕机导致的:
                yield Answer(caused_ask(resolved, sla), "clarify", missing=("measurement",),
                             reason="caused_by")  # whether the SLA counts it is its own clause
                return
            outcome = self.credit.run(resolved)
            timer.lap("calculator", t)
            if outcome.missing == ("out_of_scope",):  # the SLA does not cover that edition
                yield Answer(outcome.message, "answer", outcome.citations, reason="out_of_scope")
                return
            if outcome.result is None:
                text = outcome.message if outcome.whole \
                    else clarify_text(outcome.missing, lang, outcome.message)
                yield Answer(text, "clarify",
                             missing=outcome.missing, reason="calculator_input")
                return
            query = outcome.query or resolved.query
            text = credit_text(outcome.result, outcome.citations, lang,
                               reading_text(query, lang), self._filed(query, outcome.result))
            if outcome.message:  # several instances, each computed: their summary first
                text = f"{outcome.message}\n{text}"
            if outcome.missing:  # the share computed, the fee it needs asked for
                yield Answer(text, "clarify", outcome.citations, outcome.result,
                             missing=outcome.missing, reason="calculator_input")
                return
            yield Answer(text, "calculator", outcome.citations, outcome.result)
            return
        hits = self._with_parallel(resolved, self._with_each_part(
            resolved, self.retriever.run(resolved.search_text, history, k=self.k), history))
        t = timer.lap("retrieve", t)
        unknown = unknown_names(resolved.question, self.corpus) \
            if self.corpus and not resolved.products else []
        if unknown:  # "cloud phone (云手机)": the only name given is in no agreement
            said = "、".join(unknown) if lang == "zh" else " or ".join(unknown)
            yield Answer(refusal_text("edition_unknown", lang, citation(hits[0]) if hits else None,
                                      editions=said), "refusal", reason="not_covered")
            return
        pointer = pointer_answer(resolved, hits, self.documents,  # a link, an update date, the
                                 self.effective)  # date it takes effect
        settled = None if pointer else no_commitment_answer(resolved, self.credit.sla_of) \
            or exclusion_answer(resolved, self.exclusions, self.credit.sla_of, cause_required=False)
        if settled is not None:  # a free product's SLA, or the case one of its exclusions
            timer.lap("compose", t)
            unpaid = pays_nothing(resolved, self.credit.sla_of)  # what it pays: nothing stated
            yield Answer(settled.text, "refusal" if unpaid else "answer", settled.citations,
                         reason="not_stated" if unpaid else "")
            return
        scoped = self.credit.out_of_scope(resolved) \
            if not pointer and SCOPE_ASKED.search(resolved.question) else None
        if scoped is not None and scoped.stated:  # 单节点的 nacos 有可用性承诺吗: the agreement
            timer.lap("compose", t)  # says in words it does not cover it (of BI 个人版, beside an
            yield Answer(scoped.message, "answer", scoped.citations,  # SLA for 高级版 and 专业版,
                         reason="out_of_scope")  # it says nothing: the clauses answer)
            return
        typed = None if pointer else self._typed(resolved, hits)
        parts = question_parts(resolved.question) if typed and not resolved.is_follow_up else []
        if len(parts) > 1 and any(_asks_rule(part) and self._typed(replace(
                resolved, question=part), hits) is None for part in parts):  # "按账号算还是按实例
            typed = None  # 算？承诺是多少？": a rule asked that no typed answer gives; the clauses
            # answer each part
        composed = pointer or typed or self.composer.run(resolved, hits)
        if composed is not None and pointer is None and typed is None:
            composed = self._list_completed(resolved, hits, composed)
        t = timer.lap("compose", t)
        if composed is None:
            nearest: Citation | None = citation(hits[0]) if hits else None
            yield Answer(refusal_text("not_found", lang, nearest), "refusal", reason="not_found")
            return
        unknown = self._unknown_editions(resolved)
        if unknown:  # "EventBridge 专业版的承诺": no such edition in its agreements
            said = "、".join(unknown) if lang == "zh" else " or ".join(
                f"the {e}" if re.search(r"(?:edition|version|plan|tier)$", e, re.I) else e
                for e in unknown)
            yield Answer(refusal_text("edition_unknown", lang, composed.citations[0],
                                      editions=said), "refusal", reason="not_stated")
            return
        # a deployment asked that the quotes do not state, where they state another: a figure
        # asked is refused ("HA edition in a single AZ" is never 三可用区部署's 99.99 %); else the
        # answer says what they do cover ("是不是所有架构都适用？我们是单节点")
        other, stated = deployment_unsaid(resolved.question, [c.quote for c in composed.citations])
        words = {"asked": deployment_words(other, lang), "stated": deployment_words(stated, lang)}
        if other and pointer is None and asked_figures(resolved.question):
            yield Answer(refusal_text("deployment_unsaid", lang, composed.citations[0], **words),
                         "refusal", composed.citations[:1], reason="not_stated")
            return
        if other and pointer is None:
            composed = replace(composed, text=f"{deployment_note(lang, **words)}\n{composed.text}")
        worked = typed is not None and BUDGET_ASKED.search(resolved.question) is not None
        left_out = [] if worked else self._unstated(resolved, composed.citations)  # (the minutes
        # a month allows are worked out from the commitment quoted, not quoted themselves)
        if left_out and pointer is None:  # the asked rate, quoted from the clauses found
            quoted = composed if typed is None else self.composer.run(resolved, hits)
            repaired = self._stated_too(resolved, hits, quoted) if quoted else None
            asked = unsaid(resolved.question, [c.quote for c in composed.citations])
            stating = repaired is not None and typed is not None and bool(asked) and all(
                any(u.statement.search(c.quote) for c in repaired.citations) for u in asked)
            if repaired is not None and (repaired is not quoted or stating):
                # a sentence added, or the clauses found state it (with its figure) where the
                # typed answer did not
                composed, typed = repaired, None
                left_out = self._unstated(resolved, composed.citations)
        if left_out:
            # "P99 延迟是多少" quoted with the availability clause: the agreements do not say
            yield Answer(unstated_text(left_out, lang, composed.citations[0]), "refusal",
                         composed.citations[:1], reason="not_stated")  # the clause it quotes
            return
        if self.grounded is not None and pointer is None and typed is None:  # fluent, post-checked
            for event in self.grounded.stream(resolved, composed):
                if isinstance(event, Token):
                    yield event.text
                elif event.generated:
                    composed = event.composition
            timer.lap("generate", t)
        yield Answer(premise_checked(resolved.question, composed.text, lang,
                                     resolved.query.availability_pct), "answer", composed.citations)
