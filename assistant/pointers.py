"""Answers that are a document's own facts: where it is published, and when it was updated.

"TRTC SDK 个人信息保护规则的链接是哪个？" / "When was the RCE privacy policy last updated?": many
documents of the corpus are pointers (``详细信息，请参见 …。`` and a URL), and every document
carries ``最近更新时间``. No sentence of a clause holds these, so sentence picking cannot quote
them; the parsed document does (``Document.links``, ``Document.updated_at``). The answer leads
with them and cites the line each stands on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from assistant.answer import Citation
from assistant.answerability import WHERE_KEPT
from assistant.composer import Composition
from assistant.conversation import Resolved
from index.domain import Document
from index.retrieval.hybrid import load_glossary
from index.retrieval.types import Hit

LINK_ASKED = re.compile(r"链接|网址|\burls?\b|\blinks?\b|在哪(?:里|儿)?(?:能|可以)?(?:看|查|找|阅读|下载)"
                        r"|\bpoint me to\b|\bwhich document\b|哪份文件|哪个文档|\bwhere\s*\?"
                        r"|在哪(?:里|儿)?\s*[？?]?\s*$|在哪(?:里|儿)?[？?，,]|哪里(?:能|可以)(?:查|看|找)"
                        r"|去哪(?:里|儿)?(?:看|查|找|读)"
                        r"|\bis there (?:an?|any)\b[^?.]{0,40}"
                        r"(?:guide|polic(?:y|ies)|agreement|rules|list|terms)"
                        r"|有没有[^？?。]{0,20}(?:指南|指引|政策|协议|规则|清单|条款)"
                        r"|where (?:can|do|could|should) (?:i|we) (?:find|read|see|get)"
                        r"|where (?:is|are) (?:the\b|it\b|they\b)|where's the\b", re.I)
UPDATED_ASKED = re.compile(r"更新时间|(?:什么|啥|何)时候?更新|最近更新|最后更新|哪天更新|更新于|last updated"
                           r"|更新(?:是|在|于)?(?:什么时候|啥时候|何时|哪天)"
                           r"|updated on|when was .{0,80}(?:updated|revised)"
                           r"|how (?:recent|current|old)|how up[- ]to[- ]date|是不是最新|多新", re.I)
EFFECTIVE_ASKED = re.compile(r"生效|起效|施行|\btak(?:es?|en|ing) effect|\btook effect|\bin effect\b"
                             r"|\bin force\b|\beffective\b", re.I)
AGREEMENT_SAID = re.compile(r"协议|条款|规则|政策|SLA|agreement|terms|rules|polic|版本|version", re.I)
EFFECTIVE_LINE = re.compile(r"自\s*【?\s*\d{4}\s*】?\s*年\s*【?\s*\d{1,2}\s*】?\s*月\s*【?\s*\d{1,2}\s*】?"
                            r"\s*日\s*(?:起\s*)?(?:正式\s*)?生效")  # 自【2025】年【07】月【28】日生效
KIND_WORDS_EN = (  # a document's kind said in English (and 安卓), as its titles say it
    (re.compile(r"personal info(?:rmat?i?on)? protection rules?|privacy rules?"
                r"|personal (?:data|info(?:rmation)?)\b(?! protection rules?)", re.I), "个人信息保护规则"),
    (re.compile(r"compliance (?:use |usage )?guide", re.I), "合规使用指南"),
    (re.compile(r"privacy guides?\b", re.I), "隐私保护指引"),
    (re.compile(r"privacy (?:policy|statement)", re.I), "隐私政策"),
    (re.compile(r"privacy (?:protection )?agreement", re.I), "隐私保护协议"),
    (re.compile(r"privacy (?:protection )?guidelines?", re.I), "隐私保护指引"),
    (re.compile(r"data processing (?:agreement|addendum|terms)|\bDPA\b", re.I), "数据处理协议"),
    (re.compile(r"third[- ]part(?:y|ies)[^.?]{0,30}(?:shar|list)", re.I), "第三方信息共享清单"),
    (re.compile(r"service terms|terms of service", re.I), "服务条款"),
    (re.compile(r"\bSLA\b|service level agreement", re.I), "服务等级协议"),
    (re.compile(r"安卓"), " android "), (re.compile(r"苹果"), " ios "))
KINDS = ("个人信息保护规则", "合规使用指南", "合规指南", "隐私政策", "隐私协议", "隐私保护协议", "隐私保护指引",
         "数据处理协议",
         "第三方信息共享清单", "服务条款", "服务等级协议", "服务协议")
SAME_KIND = {"合规使用指南": ("合规使用指南", "合规指南")}  # titles word one kind two ways
TITLE_SAID = 0.5  # the share of a title's own words (not its kind) a question must say
MOST_LINKS = 3  # a pointer document has one or a few; a long document's are its text's links


def pointer_answer(resolved: Resolved, hits: Sequence[Hit], documents: Mapping[str, Document],
                   effective: Effective | None = None, read: int = 4) -> Composition | None:
    """The link(s), last-updated date and/or the date it takes effect of the best-ranked
    document the question asks about, or None when the question asks none of them or no such
    document has them."""
    effective = effective or {}
    question = resolved.question
    asked = resolved.intent_text if resolved.is_follow_up else question  # "那意愿核身的呢？"
    asks_link = LINK_ASKED.search(asked) and not WHERE_KEPT.search(asked)  # where data lives
    asks_updated = UPDATED_ASKED.search(asked)
    asks_effective = bool(EFFECTIVE_ASKED.search(asked) and AGREEMENT_SAID.search(asked))
    if not (asks_link or asks_updated or asks_effective):
        return None
    wanted = {d for p in resolved.products for d in p.doc_ids}
    several = _each_titled(asked, documents, [p.key for p in resolved.products]) \
        if asks_link else []
    if len(several) > 1:  # "the compliance guide and the privacy guide … both links"
        return _compose_each(resolved, [(d, _links(d) + _updated(d, bool(asks_updated)))
                                        for d in several])
    if asks_effective and len(resolved.products) > 1:  # which of the two took effect first
        each = [_first_effective(p.doc_ids, hits, documents, effective)
                for p in resolved.products]
        found = [(d, [line]) for d, line in each if d is not None and line is not None]
        if len(found) == len(each):
            return _compose_each(resolved, found)
    named = titled(asked, documents, [p.key for p in resolved.products])
    ranked: list[tuple[Document | None, Hit | None]] = [(named, None)] if named else []
    ranked += [(documents.get(hit.chunk.doc_id), hit) for hit in hits[:read]]
    for doc, hit in ranked:
        if doc is None or (wanted and doc.id not in wanted and doc is not named):
            continue
        facts: list[tuple[str, int]] = []
        if asks_link and 1 <= len(doc.links) <= MOST_LINKS:
            facts += _links(doc)
        facts += _updated(doc, bool(asks_updated))
        if asks_effective and doc.id not in effective:
            continue  # a document that says no date it takes effect: try the next one
        facts += [effective[doc.id]] if asks_effective else []
        if asks_link and not any(line != doc.doc_line + 1 for _, line in facts):
            continue  # a link asked for and none known here: try the next document
        if facts:
            return _compose(resolved, doc, hit, facts)
    return None


def _links(doc: Document) -> list[tuple[str, int]]:
    return [(url, line) for line, url in doc.links]


def _updated(doc: Document, asked: bool) -> list[tuple[str, int]]:
    return [(doc.updated_at, doc.doc_line + 1)] if asked and doc.updated_at else []


Effective = Mapping[str, tuple[str, int]]  # doc id -> the sentence it takes effect by, its line


def effective_lines(lines: Sequence[str], documents: Iterable[Document]
                    ) -> dict[str, tuple[str, int]]:
    """Each document's sentence saying when it takes effect (``本服务等级协议自【2025】年【07】月
    【28】日生效。``) and its line number, for the documents that say one."""
    found = {}
    for doc in documents:
        at = next((no for no in range(doc.doc_line, min(doc.line_end, len(lines)) + 1)
                   if EFFECTIVE_LINE.search(lines[no - 1])), None)
        if at is not None:
            found[doc.id] = (lines[at - 1].strip().rstrip("。"), at)
    return found


def _first_effective(doc_ids: Sequence[str], hits: Sequence[Hit],
                     documents: Mapping[str, Document], effective: Effective
                     ) -> tuple[Document | None, tuple[str, int] | None]:
    """Of one product's documents, the best-ranked one that says when it takes effect."""
    ranked = [h.chunk.doc_id for h in hits if h.chunk.doc_id in doc_ids] + list(doc_ids)
    doc_id = next((d for d in ranked if d in effective and d in documents), None)
    return (documents[doc_id], effective[doc_id]) if doc_id else (None, None)


def _grams(text: str) -> frozenset[str]:
    """A text's words for matching titles: its Chinese character pairs and Latin words."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    latin = re.findall(r"[a-z][a-z0-9-]+", text.lower())
    return frozenset([run[i:i + 2] for run in runs for i in range(len(run) - 1)] + latin)


@cache  # the 360 titles are matched on every link question: each title's words once
def _title_grams(title: str) -> frozenset[str]:
    return _grams(title)


GLOSSARY = load_glossary()  # English words of a question -> the agreements' Chinese terms
GENERIC: frozenset[str] = frozenset().union(
    *(_grams(k) for k in (*KINDS, "腾讯云视立方", "产品"))) | {"sdk"}  # 腾讯云视立方·: a brand


def titled(question: str, documents: Mapping[str, Document],
           products: Sequence[str] = ()) -> Document | None:
    """The document the question names by its title (``TAI oral evaluation SDK (智聆口语评测)
    personal info protection rules``): of the titles whose own words (not their kind's) the
    question mostly says, or the products it names do, the one whose words the question says
    most (a Latin name counting double), when one stands out. Questions name pointer
    documents (SDK rules, guides) by title more than by product."""
    said = question + "".join(zh for en, zh in KIND_WORDS_EN if en.search(question)) \
        + "".join(" ".join(zh) for en, zh in GLOSSARY if en.search(question))  # media upload
    asked, kinds = _grams(said), {k for k in KINDS if k in said}
    named = asked | _grams(" ".join(products))  # 流量反欺诈 for "Traffic Anti-Fraud (TAF)"
    scored = []
    for doc in documents.values():
        if kinds and any(k in doc.title for k in KINDS) and not any(
                word in doc.title for k in kinds for word in SAME_KIND.get(k, (k,))):
            continue  # a compliance guide when the privacy rules are asked for
        title = _title_grams(doc.title)
        core = title - GENERIC or _title_grams(doc.category.split(">")[-1]) - GENERIC
        # the words naming the product, not its kind (a title that is only a kind, 第三方信息共享
        # 清单, is named by its category: 实时互动)
        covered = len(core & named) / len(core) if core else 0.0
        if covered >= TITLE_SAID:
            name = sum(2 if g.isascii() else 1 for g in core & asked)  # its name said
            words = sum(2 if g.isascii() else 1 for g in title & asked)  # its kind and brand too
            scored.append((name, words, covered, doc.doc_line, doc))
    scored.sort(key=lambda item: item[:4], reverse=True)  # most of its name said, then words
    if not scored or (len(scored) > 1 and scored[1][:3] == scored[0][:3]):
        return None  # none said, or two titles said as much: the question singles none out
    return scored[0][4]


TWO_ASKED = re.compile(r"跟|和|与|以及|还是|\band\b|\bvs\.?|\bor\b|、")


def _each_titled(question: str, documents: Mapping[str, Document],
                 products: Sequence[str] = ()) -> list[Document]:
    """Two documents asked for at once, each named by its title's words: two kinds of one
    product (``TCB SDK: the compliance guide and the privacy guide``) or one kind of two
    products (``虚拟形象 SDK 跟 多人音视频房间 SDK 的个人信息保护规则``); each one's link is given."""
    direct = question + "".join(zh for en, zh in KIND_WORDS_EN if en.search(question))
    said = direct + "".join(" ".join(zh) for en, zh in GLOSSARY if en.search(question))
    kinds = _kinds(direct) or _kinds(said)  # the kinds named, before the glossary's near ones
    parts = [p for p in TWO_ASKED.split(question) if p.strip()]
    if len(kinds) >= 2:
        rest = re.sub("|".join(map(re.escape, kinds)), " ", question)
        for en, _ in KIND_WORDS_EN:
            rest = en.sub(" ", rest)
        asked = [f"{rest} {k}" for k in kinds]
    elif len(kinds) == 1 and len(parts) == 2:
        asked = [f"{part} {kinds[0]}" for part in parts]
    else:
        return []
    found = [titled(a, documents, products) for a in asked]
    docs = [d for d in found if d is not None and 1 <= len(d.links) <= MOST_LINKS]
    return docs if len(docs) == len(asked) and len({d.id for d in docs}) == len(docs) else []


def _kinds(said: str) -> list[str]:
    return [k for k in KINDS if k in said
            and not any(k != o and k in o for o in KINDS if o in said)]  # 服务协议 in 服务等级协议


def _compose(resolved: Resolved, doc: Document, hit: Hit | None,
             facts: list[tuple[str, int]]) -> Composition:
    citation = Citation(doc_title=doc.title, doc_line=doc.doc_line,
                        section=hit.chunk.section if hit else "全文",
                        page=hit.chunk.page if hit else doc.page_start,
                        line_start=min(line for _, line in facts),
                        line_end=max(line for _, line in facts),
                        text="\n".join(value for value, _ in facts),
                        clause_id=hit.chunk.clause_id if hit else doc.id,
                        heading=hit.chunk.heading if hit else doc.title,
                        quote=" ".join(value for value, _ in facts))
    values = [value for value, _ in facts]
    if resolved.lang == "zh":
        lines = [f"答：《{doc.title}》{'；'.join(values)}[1]。", ""]
        source = f"[1] 《{doc.title}》，第{citation.page}页（第{citation.line_start}–{citation.line_end}行）"
        lines += [f"• “{value}” [1]" for value in values] + ["", "出处：", source]
    else:
        lines = [f"Answer: 《{doc.title}》 {'; '.join(values)} [1].", ""]
        source = (f"[1] 《{doc.title}》, p. {citation.page} (lines {citation.line_start}–"
                  f"{citation.line_end})")
        lines += [f"• “{value}” [1]" for value in values] + ["", "Sources:", source]
    return Composition("\n".join(lines), (citation,), 1.0)


def _compose_each(resolved: Resolved, docs: Sequence[tuple[Document, list[tuple[str, int]]]]
                  ) -> Composition:
    """Each document's facts (its link(s), its last update, the date it takes effect), one
    line and one citation each."""
    zh = resolved.lang == "zh"
    citations, answers, quotes, sources = [], [], [], []
    for n, (doc, facts) in enumerate(docs, 1):
        urls = [value for value, _ in facts]
        lines = [line for _, line in facts]
        citations.append(Citation(doc_title=doc.title, doc_line=doc.doc_line, section="全文",
                                  page=doc.page_start, line_start=min(lines), line_end=max(lines),
                                  text="\n".join(urls), clause_id=doc.id, heading=doc.title,
                                  quote=" ".join(urls)))
        answers.append(f"《{doc.title}》{'；'.join(urls) if zh else '; '.join(urls)}[{n}]")
        quotes += [f"• “{url}” [{n}]" for url in urls]
        sources.append(f"[{n}] 《{doc.title}》，第{doc.page_start}页（第{min(lines)}–{max(lines)}行）"
                       if zh else f"[{n}] 《{doc.title}》, p. {doc.page_start} (lines "
                       f"{min(lines)}–{max(lines)})")
    same = "（不是同一份文件）" if zh else " (two different documents)"
    head = ("答：" + "；".join(answers) + same + "。") if zh else \
        ("Answer: " + "; ".join(answers) + same + ".")
    text = "\n".join([head, "", *quotes, "", "出处：" if zh else "Sources:", *sources])
    return Composition(text, tuple(citations), 1.0)
