"""The default composer: an extractive, cited answer with no language model.

From the top clauses it picks the sentences (or table rows) that best cover the question,
leads with the figure the question asks for (the deadline, the percentage, the amount)
and marks every quoted sentence with its citation ``[1]``. Chinese questions get a
Chinese answer; English ones an English lead with the Chinese clause quoted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.answer import Citation
from assistant.answerability import KEPT_ASKED, flat
from assistant.conversation import OWN_ASK, Resolved
from assistant.premise import confirms_quoted
from assistant.text import (
    RESPECTIVELY,
    Alternatives,
    WordWeights,
    asked_figures,
    coverage,
    figures,
    keywords,
    present_words,
    question_parts,
    sentences,
    without_names,
)
from assistant.tiers import Tier, asks_for_payment, payment_of, row_fits, tier_asked
from index.embedders import Embedder
from index.retrieval.types import Hit
from index.stores.tokens import Tokenizer

Glossary = list[tuple[re.Pattern[str], list[str]]]
THRESHOLD_BONUS = 0.6  # the tier row whose upper bound the question names
FIGURE_BONUS = 0.25  # the sentence states the kind of figure asked for
TIER_BONUS = 0.6  # the sentence states the figure asked for the tier named
DENSE_WEIGHT = 0.8  # weight of the question–sentence cosine next to word coverage
COVER_BONUS = 0.5  # weight of the question words a further sentence adds
MARGIN_FLOOR = 0.45  # sentences scoring below this share of the best are never quoted
COS_FLOOR, COS_FULL = 0.25, 0.65  # cosines mapped to a 0–1 support (measured on the dev set)


ASKED_BACK = re.compile(r"[？?]\s*$")  # a sentence that is itself a question (an FAQ heading)
LIST_INTRO = re.compile(r"[：:]\s*$|(?:以下|如下|下列)[^。；：:]{0,16}。?\s*$")  # 包含以下场景： /
# 下列信息一同提供： / 腾讯云可能要求您提供以下材料，您需配合提供。
LIST_ITEM = re.compile(r"^\s*(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．)）](?!\d)|[①-⑩]|[•·]|[-–]\s"
                       r"|[\u4e00-\u9fffA-Za-z ]{1,10}[：:]\s*\S)")  # 对象存储：99.9999999999%
MAX_ITEMS = 8
QUALIFIER = re.compile(r"^\s*(?:如(?!下)|若|但|否则|除非|如果|倘若|不包括|however\b|but\b|unless\b"
                       r"|except\b)", re.I)  # a sentence that qualifies the one before it
CLAUSE_OPENER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}(?!\d)\s*(?![%％])")  # 6.3 当…, 2.16 本服务…
SHORT_OPENER = 80  # characters: an opening sentence this short leaves the rule to what follows
NUMBERED = re.compile(r"^\s*(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．)）](?!\d)|[①-⑩])")
LIST_ASKED = re.compile(  # a question whose answer is a list: what to attach, which cases…
    r"哪些|哪几|什么材料|什么资料|什么信息|需要提供|要提供|要附|列出|列一下|都列|所有情形|几种情况"
    r"|\b(?:every|all (?:the )?)(?:obligations?|conditions?|cases?|items?|measures?|duties)\b"
    r"|\bwhich (?:documents|information|info|items|materials|cases|situations|conditions|things)"
    r"|\bwhat (?:info|information|documents|materials|details|evidence|items|cases|situations)"
    r"|\b(?:attach|provide|submit|include) (?:with|in|when)|(?:have|need|must) to (?:include"
    r"|attach|provide|submit)|\binclude\?|\blist\b|\bsteps?\b"
    r"|\b(?:under|in) (?:what|which) (?:condi\w*|circumstance\w*|cases|situations)"
    r"|什么情况下|何种情况|哪种情况|什么情形", re.I)


def _tier(resolved: Resolved) -> Tier | None:
    """The tier row asked: the question's own figure, else (a follow-up with no figure of its
    own) the one the conversation asked about."""
    own = tier_asked(resolved.question)
    if own or re.search(r"\d\s*[%％]", resolved.question):
        return own
    return tier_asked(resolved.intent_text or resolved.question)


def _asked(resolved: Resolved) -> str:
    """What the figures of the answer answer: a follow-up that asks a question of its own
    (``can we record the session?`` after ``when is the training?``) asks only that; one that
    only narrows (``and for CDN?``) asks the earlier question again."""
    if resolved.is_follow_up and OWN_ASK.search(resolved.question):
        return resolved.question
    return resolved.intent_text or resolved.question


TIER_NAMES = (  # a tier a question may name, as a question says it and as a table row states it
    (re.compile(r"钻石|\bdiamond\b", re.I), re.compile(r"钻石")),
    (re.compile(r"白金|铂金|\bplatinum\b", re.I), re.compile(r"白金|铂金")),
    (re.compile(r"(?<![白铂黄])金(?:级|牌|档)|\bgold\b", re.I), re.compile(r"(?<![白铂黄])金(?![额融])")),
    (re.compile(r"银(?:级|牌|档)|\bsilver\b", re.I), re.compile(r"(?<![白])银(?!行)")),
    (re.compile(r"铜(?:级|牌|档)|\bbronze\b", re.I), re.compile(r"铜")),
)


def _tier_named(question: str) -> re.Pattern[str] | None:
    """How a table row states the one tier the question names (``the Gold QoS tier`` -> 金,
    never 白金), or None when it names none or several."""
    said = [stated for asked, stated in TIER_NAMES if asked.search(question)]
    return said[0] if len(said) == 1 and not RESPECTIVELY.search(question) else None


def _echoed(figure: str, question: str) -> bool:
    """A figure the question itself states (``Does that count against the 99.95%
    availability?``): repeating it answers nothing, so it is no lead."""
    said = flat(figure.replace("％", "%"))
    return bool(re.search(r"\d", said)) and re.search(
        rf"(?<![\d.]){re.escape(said)}", flat(question.replace("％", "%"))) is not None


ASKED_HEAD = re.compile(  # 至少要保存多久 -> 保存; 申请期限是多少天 -> 期限: what the figure asked is of
    r"([\u4e00-\u9fff]{2})(?:[要需得能可以会应是为有的]|至少|最多|最长|最少|最晚|大概){0,3}"
    r"(?:多久|多长时间|多长|多少天|几天|几个?月|几年|多少年|多少个?工作日|几个?工作日)")


WINDOW_END_ASKED = re.compile(  # the last day of a window asked, not the day it opens
    r"最晚|最迟|截止|截至|\blatest\b|\bdeadline\b|\blast day\b|no later than|too late"
    r"|how long do (?:i|we|you|they) have", re.I)
WINDOW_END = re.compile(r"(?:之|以)?内|不(?:应|得|能)?超过|最晚|最迟|截止|截至|逾期")
WINDOW_START_ASKED = re.compile(r"最早|\bearliest\b|how soon can|什么时候(?:才)?(?:可以|能)(?:开始)?"
                                r"(?:申请|提)", re.I)
WINDOW_START = re.compile(r"(?:日|天|月)后|(?:之|以)后(?!才)|起(?!诉)")


def _window_side(asked: str) -> re.Pattern[str] | None:
    """How a sentence states the side of a claim window asked: its end (``最晚哪天申请`` ->
    ``60个自然日内``) or its opening (``最早什么时候能申请`` -> ``第5个工作日后``); None when the
    question asks neither or both."""
    end, start = WINDOW_END_ASKED.search(asked), WINDOW_START_ASKED.search(asked)
    if bool(end) == bool(start):
        return None
    return WINDOW_END if end else WINDOW_START


def _asked_head(asked: str) -> str | None:
    """The word a duration asked hangs on (``至少要保存多久`` -> ``保存``), or None."""
    found = ASKED_HEAD.search(asked)
    return found.group(1) if found else None


KEPT_WORDS = ("保留", "保存", "留存", "存储", "保管")


def _keeping(asked: str, sentence: str) -> bool:
    """Whether a sentence may answer the question's duration: any may, unless it asks how long
    something is kept (``how long do you keep my data?``), which only a sentence about keeping
    answers (a claim window's 60 days is no answer; then there is no figure to lead with)."""
    return not KEPT_ASKED.search(asked) or any(word in sentence for word in KEPT_WORDS)


def _scaled(cos: float) -> float:
    return min(1.0, max(0.0, (cos - COS_FLOOR) / (COS_FULL - COS_FLOOR)))


@dataclass(frozen=True)
class Pick:
    """A sentence chosen from a hit, with how well it covers the question."""

    sentence: str
    hit: Hit
    rank: int
    position: int
    support: float


def _among(pick: Pick, picks: list[Pick]) -> bool:
    """Whether ``picks`` hold this very sentence (two SLAs' lists share item texts: ``（2）您的业务
    不可用具体时间段，精确到分钟。`` is each one's own item)."""
    return any(p.sentence == pick.sentence and p.hit.chunk.id == pick.hit.chunk.id for p in picks)


def _run_of_semicolons(candidates: list[Pick], pick: Pick) -> list[Pick]:
    """The other parts of one sentence cut at its semicolons (``不得…复制、修改…；不得以反向工程…；
    不得向任何人出售…。``): a list of its own, the pick one of its parts."""
    run = []
    for step in range(1, MAX_ITEMS + 1):  # back, while the part before ends with ；
        before = _beside(candidates, pick, -step)
        if before is None or not SEMICOLON_END.search(before.sentence):
            break
        run.append(before)
    last = pick
    for step in range(1, MAX_ITEMS + 1):  # on, while the part before it ended with ；
        if not SEMICOLON_END.search(last.sentence):
            break
        after = _beside(candidates, pick, step)
        if after is None:
            break
        run.append(after)
        last = after
    return run


SEMICOLON_END = re.compile(r"[；;]\s*$")


def _beside(candidates: list[Pick], pick: Pick, offset: int) -> Pick | None:
    """The sentence ``offset`` places after (before, when negative) ``pick`` in its clause."""
    return next((c for c in candidates if c.hit is pick.hit
                 and c.position == pick.position + offset), None)


@dataclass(frozen=True)
class Composition:
    text: str
    citations: tuple[Citation, ...]
    support: float


def citation(hit: Hit, quote: str = "") -> Citation:
    c = hit.chunk
    return Citation(doc_title=c.doc_title, doc_line=c.doc_line, section=c.section, page=c.page,
                    line_start=c.line_start, line_end=c.line_end, text=c.text,
                    clause_id=c.clause_id, heading=c.heading, quote=quote)


class ExtractiveComposer:
    """Stage: (resolved question, hits) -> cited answer text, or None when nothing supports it.

    ``min_support`` is the weighted share of the question's words the best sentence must
    hold; below it the agreements are taken not to answer (tuned on the dev set).
    """

    def __init__(self, weights: WordWeights, tokenizer: Tokenizer, glossary: Glossary,
                 min_support: float = 0.3, max_sentences: int = 3, hits_read: int = 4,
                 embedder: Embedder | None = None) -> None:
        self.weights = weights
        self.tokenizer = tokenizer
        self.embedder = embedder
        self.glossary = glossary
        self.min_support = min_support
        self.max_sentences = max_sentences
        self.hits_read = hits_read

    def query_words(self, resolved: Resolved, own: bool = False) -> list[str]:
        """The question's content words (Chinese, or the glossary's Chinese for English),
        product names left out; ``own``: of this turn alone, not the turn it follows."""
        return self.terms(resolved, own)[0]

    def terms(self, resolved: Resolved, own: bool = False
              ) -> tuple[list[str], dict[str, tuple[str, ...]]]:
        """:meth:`query_words` and, for English, the glossary's other Chinese words for each
        (one English word is one word to cover, however many ways Chinese says it)."""
        text = without_names(resolved.question if own else (resolved.intent_text or
                                                            resolved.question),
                             resolved.products)  # product names are in every sentence of its SLA
        words = keywords(self.tokenizer.tokens(text))
        alts: dict[str, tuple[str, ...]] = {}
        if resolved.lang == "en":
            words = [w for w in words if not re.fullmatch(r"[a-z]+", w)]  # Chinese text only
            for pattern, terms in self.glossary:
                if pattern.search(text) and terms:
                    words.append(terms[0])
                    alts[terms[0]] = (*alts.get(terms[0], ()), *terms[1:])
        return list(dict.fromkeys(words)), alts

    def pick(self, resolved: Resolved, hits: Sequence[Hit]) -> list[Pick]:
        query, alts = self.terms(resolved)
        emphasis = (frozenset(self.query_words(resolved, own=True)) if resolved.is_follow_up
                    else frozenset())
        asked = _asked(resolved)
        kinds = asked_figures(asked)
        bound = _tier(resolved)
        named = _tier_named(asked)
        candidates = [(rank, hit, position, sentence)
                      for rank, hit in enumerate(hits[: self.hits_read])
                      for position, sentence in enumerate(sentences(hit.chunk.text))]
        answers = [c for c in candidates if not ASKED_BACK.search(c[3])]
        candidates = answers or candidates  # "3.8 备案的审核时间要多长？" is a heading, no answer
        vectors = self._vectors([c[3] for c in candidates])
        meaning = self._cosines(resolved.intent_text or resolved.question, vectors, candidates)
        scored: list[tuple[float, Pick]] = []
        for (rank, hit, position, sentence), cos in zip(candidates, meaning):
            fit, support = self._fit(query, alts, sentence, hit, cos, resolved.lang, emphasis)
            stated = kinds and figures(sentence, kinds) and _keeping(asked, sentence)
            bonus = 0.08 / (rank + 1) + (FIGURE_BONUS if stated else 0)
            if named is not None and kinds and named.search(sentence) and figures(sentence, kinds):
                bonus += TIER_BONUS  # the figure of the tier named (金, not 白金)
            if bound and row_fits(sentence, bound):
                bonus += THRESHOLD_BONUS  # the row the question puts availability in
                if asks_for_payment(asked):  # that row is what "what does it pay" asks for
                    support = max(support, self.min_support)
            scored.append((fit + bonus, Pick(sentence, hit, rank, position, support)))
        scored.sort(key=lambda item: -item[0])
        if not scored:
            return []
        limit = self.max_sentences + (2 if RESPECTIVELY.search(asked) else 0)
        chosen = self._cover(query, alts, scored, limit)
        parts = question_parts(asked) if not resolved.is_follow_up else []
        by_place = {(p.rank, p.position): p for _, p in scored}
        in_order = [by_place[(rank, position)] for rank, _, position, _ in candidates]
        for part in parts if len(parts) > 1 else []:  # "how far ahead…, and what counts as a
            best = self._best_for(replace(resolved, question=part, intent_text=""),  # burst?"
                                  in_order, vectors)
            if best is not None and all(best.sentence != c.sentence for c in chosen):
                chosen.append(best)  # each thing asked has its own best sentence
        if RESPECTIVELY.search(asked) and kinds:
            chosen = self._with_sibling_rows(chosen, [p for _, p in scored], kinds, limit + 2)
        # a comparison: every named product has its best sentence, before the lists and
        # clauses they open are completed (each side's list, not only the first one's)
        for product in resolved.products if len(resolved.products) > 1 else []:
            mine = [c for c in chosen if c.hit.chunk.doc_id in product.doc_ids]
            theirs = {c.hit.chunk.heading for c in chosen
                      if c.hit.chunk.doc_id not in product.doc_ids and c.hit.chunk.heading}
            if any(c.hit.chunk.heading in theirs for c in mine):
                continue
            own = [p for _, p in scored if p.hit.chunk.doc_id in product.doc_ids]
            parallel = [p for p in own if p.hit.chunk.heading in theirs
                        and not resolved.is_follow_up]  # 赔偿申请材料 beside 赔偿申请材料
            best = next(iter(parallel or ([] if mine else own)), None)
            if best is not None:
                chosen.append(best)
        chosen = self._with_list_items(chosen, [p for _, p in scored])
        chosen = self._with_clause_rest(chosen, [p for _, p in scored])
        chosen = self._with_conditions(chosen, [p for _, p in scored])
        if LIST_ASKED.search(asked):
            chosen = self._with_other_items(chosen, [p for _, p in scored])
        return sorted(chosen, key=lambda p: (p.rank, p.position))

    @staticmethod
    def _with_other_items(chosen: list[Pick], candidates: list[Pick]) -> list[Pick]:
        """"What do I have to attach?" answered by ``（1）服务不可用的账号。``: the other items of
        that numbered list (before and after it, as long as the numbering runs on), or of the
        sentence its semicolons cut into parts, are the rest of the answer."""
        out = list(chosen)
        for pick in chosen:
            if NUMBERED.match(pick.sentence):
                for direction in (-1, 1):
                    for step in range(1, MAX_ITEMS + 1):
                        item = _beside(candidates, pick, direction * step)
                        if item is None or not NUMBERED.match(item.sentence):
                            break
                        if not _among(item, out):
                            out.append(item)
            out += [item for item in _run_of_semicolons(candidates, pick) if not _among(item, out)]
        return out

    @staticmethod
    def _with_list_items(chosen: list[Pick], candidates: list[Pick]) -> list[Pick]:
        """``您的赔偿申请需至少与下列信息一同提供：`` chosen: the items it introduces (``（1）…``,
        ``（2）…``) belong to the answer too, never a list cut at its colon."""
        out = list(chosen)
        for pick in chosen:
            if not LIST_INTRO.search(pick.sentence):
                continue
            for step in range(1, MAX_ITEMS + 1):
                item = _beside(candidates, pick, step)
                if item is None or not LIST_ITEM.match(item.sentence):
                    break
                if not _among(item, out):
                    out.append(item)
        return out

    @staticmethod
    def _with_clause_rest(chosen: list[Pick], candidates: list[Pick]) -> list[Pick]:
        """``6.3 当服务终止时，您应及时迁移业务数据。`` chosen: a short sentence that opens a
        numbered clause sets the scene, and the clause's next sentences (``数据保留期满腾讯云可
        删除…``) state the rule, so they are quoted with it, up to the next clause."""
        out = list(chosen)
        for pick in chosen:
            if not CLAUSE_OPENER.match(pick.sentence) or len(pick.sentence) > SHORT_OPENER:
                continue
            for step in (1, 2):
                rest = _beside(candidates, pick, step)
                if rest is None or CLAUSE_OPENER.match(rest.sentence) \
                        or LIST_ITEM.match(rest.sentence):
                    break
                if all(rest.sentence != o.sentence for o in out):
                    out.append(rest)
        return out

    @staticmethod
    def _with_conditions(chosen: list[Pick], candidates: list[Pick]) -> list[Pick]:
        """A rule and its condition are one answer: ``如连续尝试失败时间未持续1分钟，则不计入…``
        right after a chosen definition qualifies it, and a chosen ``如您…将本服务通过转售…`` hangs
        on the sentence before it (``仅限于您自身业务使用``); each is quoted with the other."""
        out = list(chosen)
        for pick in chosen:
            before, after = _beside(candidates, pick, -1), _beside(candidates, pick, 1)
            if before is not None and QUALIFIER.match(pick.sentence) \
                    and not LIST_ITEM.match(pick.sentence) and not _among(before, out):
                out.append(before)
            if after is not None and QUALIFIER.match(after.sentence) \
                    and not LIST_INTRO.search(pick.sentence) and not _among(after, out):
                out.append(after)
        return out

    @staticmethod
    def _with_sibling_rows(chosen: list[Pick], candidates: list[Pick], kinds: list[str],
                           limit: int) -> list[Pick]:
        """"白金、金、银分别是多少？": the rows right after a chosen row that state the same
        kind of figure (``金 99.95%``, ``银 99.50%``) belong to the answer too."""
        out = list(chosen)
        for pick in chosen:
            if not figures(pick.sentence, kinds):
                continue
            for step in (1, 2, 3):
                row = _beside(candidates, pick, step)
                if row is None or not figures(row.sentence, kinds) or len(row.sentence) > 80:
                    break
                if len(out) < limit and all(row.sentence != o.sentence for o in out):
                    out.append(row)
        return out

    def _cover(self, query: list[str], alts: Alternatives, scored: list[tuple[float, Pick]],
               limit: int) -> list[Pick]:
        """The best sentence, then each next one by its score plus the share of the question's
        words it adds ("单实例是多少？和多可用区的有什么区别？" needs both sentences)."""
        best_score = scored[0][0]
        pool = [(score, pick, present_words(query, pick.sentence, alts)) for score, pick in scored
                if score >= MARGIN_FLOOR * best_score]
        total = sum(self.weights.idf(w) for w in query) or 1.0
        chosen: list[Pick] = []
        covered: set[str] = set()
        while pool and len(chosen) < limit:
            gains = [COVER_BONUS * sum(self.weights.idf(w) for w in words - covered) / total
                     for _, _, words in pool]
            at = max(range(len(pool)), key=lambda i: pool[i][0] + gains[i])
            (score, pick, words), gain = pool.pop(at), gains[at]
            pool = [item for item in pool if item[1].sentence != pick.sentence]
            if chosen and score < 0.6 * best_score and gain < 0.1:
                continue  # a weak sentence that adds nothing the question asked
            chosen.append(pick)
            covered |= words
        return chosen

    def _best_for(self, part: Resolved, picks: list[Pick],
                  vectors: np.ndarray | None) -> Pick | None:
        """The sentence that best answers one part of a question asking several things (its
        own words and meaning), when it holds enough of that part to be quoted."""
        query, alts = self.terms(part)
        meaning = self._cosines(part.question, vectors, picks)
        best: tuple[float, Pick] | None = None
        for pick, cos in zip(picks, meaning):
            fit, support = self._fit(query, alts, pick.sentence, pick.hit, cos, part.lang)
            score = fit + 0.08 / (pick.rank + 1)
            if support >= self.min_support and (best is None or score > best[0]):
                best = (score, pick)
        return best[1] if best else None

    def _fit(self, query: list[str], alts: Alternatives, sentence: str, hit: Hit, cos: float,
             lang: str, emphasis: frozenset[str] = frozenset()) -> tuple[float, float]:
        """How well a sentence fits the asked words and meaning (the weighted sum of its word
        coverage and cosine), and the support it gives an answer (the better of the two)."""
        lexical = coverage(query, sentence, self.weights, " ".join(hit.chunk.path), emphasis, alts)
        weight = 1.0 if lang == "zh" else 0.4
        return weight * lexical + DENSE_WEIGHT * cos, max(lexical, _scaled(cos))

    def _vectors(self, texts: list[str]) -> np.ndarray | None:
        """The sentences' vectors (multilingual embedder), embedded once per question."""
        if self.embedder is None or not texts:
            return None
        return self.embedder.embed_passages(texts)

    def _cosines(self, question: str, vectors: np.ndarray | None,
                 order: Sequence[object]) -> list[float]:
        """Cosine of each sentence with ``question``, or zeros without an embedder."""
        if self.embedder is None or vectors is None:
            return [0.0] * len(order)
        query = self.embedder.embed_query(question)
        return [float(v) for v in (vectors @ query.reshape(-1))]

    def run(self, resolved: Resolved, hits: Sequence[Hit],
            also: Sequence[tuple[Hit, str]] = ()) -> Composition | None:
        """The cited answer; ``also``: sentences (of ``hits``) that must be quoted besides the
        best, each a statement of something asked that the best left unsaid."""
        picks = self.pick(resolved, hits)
        support = max((p.support for p in picks), default=0.0)
        if not picks or support < self.min_support:
            return None
        for hit, sentence in also:
            if all(p.sentence != sentence for p in picks):
                picks.append(Pick(sentence, hit, hits.index(hit), 0, support))
        picks.sort(key=lambda p: (p.rank, p.position))
        cited: list[Hit] = []
        for p in picks:
            if p.hit not in cited:
                cited.append(p.hit)
        number = {id(h): i + 1 for i, h in enumerate(cited)}
        quotes = {id(h): " ".join(p.sentence for p in picks if p.hit is h) for h in cited}
        citations = tuple(citation(h, quotes[id(h)]) for h in cited)
        lead = self._lead(resolved, picks, number)
        lines = [lead, ""]
        lines += [f"• “{p.sentence}” [{number[id(p.hit)]}]" for p in picks]
        lines += ["", "出处：" if resolved.lang == "zh" else "Sources:"]
        lines += [f"[{i + 1}] {self._source(c, resolved.lang)}" for i, c in enumerate(citations)]
        return Composition("\n".join(lines), citations, support)

    @staticmethod
    def _source(c: Citation, lang: str) -> str:
        where = f"{c.section} {c.heading}".strip() or "前言"
        if lang == "zh":
            return f"《{c.doc_title}》{where}，第{c.page}页（第{c.line_start}–{c.line_end}行）"
        return f"《{c.doc_title}》 §{where}, p. {c.page} (lines {c.line_start}–{c.line_end})"

    @staticmethod
    def _figures(resolved: Resolved, sentence: str) -> list[str]:
        """The figures of a sentence the lead states: what a tier row pays when the question
        asks about payment, else every figure of the asked kinds."""
        asked = _asked(resolved)
        kinds = asked_figures(asked)
        if not kinds:
            return []
        bound = _tier(resolved)
        pays = "percent" in kinds or "money" in kinds  # "代金券有效期是多久" asks a duration
        if pays and asks_for_payment(asked) and (bound is None or row_fits(sentence, bound)):
            paid = payment_of(sentence)
            if paid and re.search(r"费|赔|credit|%的|的\d", sentence):
                return [paid]
        return figures(sentence, kinds)

    def _lead(self, resolved: Resolved, picks: list[Pick], number: dict[int, int]) -> str:
        asked = _asked(resolved)
        bound = _tier(resolved)
        with_figures = [p for p in picks if self._figures(resolved, p.sentence)]
        if bound:
            at_bound = [p for p in with_figures if row_fits(p.sentence, bound)]
            with_figures = at_bound or with_figures
        named = _tier_named(asked)
        if named is not None:  # the Gold tier's row leads, not the platinum one above it
            with_figures = [p for p in with_figures if named.search(p.sentence)] or with_figures
        head = _asked_head(asked)
        if head is not None:  # 保存多久: the period of keeping, not the notice period beside it
            with_figures = [p for p in with_figures if head in p.sentence] or with_figures
        with_figures = [p for p in with_figures if _keeping(asked, p.sentence)]
        side = _window_side(asked)
        if side is not None:  # 最晚: the window's end leads, not the day it opens
            with_figures = [p for p in with_figures if side.search(p.sentence)] or with_figures
        best = max(with_figures or picks, key=lambda p: p.support)
        figs = self._figures(resolved, best.sentence) if with_figures else []
        if RESPECTIVELY.search(asked) and len(with_figures) > 1:
            figs = list(dict.fromkeys(f for p in with_figures
                                      for f in self._figures(resolved, p.sentence)))
        figs = [f for f in figs if not _echoed(f, resolved.question)]
        if confirms_quoted(resolved.question, [p.sentence for p in picks]):
            figs = []  # "赔偿比例是100%吗？" with 100% quoted: the row's other figures are no answer
        ref = f"[{number[id(best.hit)]}]"
        title = best.hit.chunk.doc_title
        if len(resolved.products) > 1 and with_figures:  # a comparison: one figure per product
            per_product = []
            for product in resolved.products:
                own = [p for p in with_figures if p.hit.chunk.doc_id in product.doc_ids]
                if own:
                    top = max(own, key=lambda p: p.support)
                    per_product.append(f"{product.key} {self._figures(resolved, top.sentence)[-1]}"
                                       f"[{number[id(top.hit)]}]")
            if per_product:
                joined = "；".join(per_product) if resolved.lang == "zh" else "; ".join(per_product)
                return (f"答：{joined}。以下是协议原文：" if resolved.lang == "zh" else
                        f"Answer: {joined}. The agreements are in Chinese; quoted below.")
        if resolved.lang == "zh":
            if figs:
                return f"答：{'、'.join(figs)}{ref}。以下是协议原文："
            return f"根据《{title}》的约定{ref}："
        if figs:
            return (f"Answer: {', '.join(figs)} {ref}. The agreements are in Chinese; "
                    "the clause is quoted below.")
        return (f"According to 《{title}》 {ref} (the agreements are in Chinese; "
                "the clause is quoted below):")
