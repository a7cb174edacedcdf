"""Chinese/English tokens for BM25: jieba (search mode) with a user dictionary.

The dictionary holds every product name and alias of the product table plus the terms SLAs
are written in (服务可用性, 赔偿, 代金券, 自然日 …), so ``云数据库MySQL`` or ``服务可用性``
stay whole tokens as well as their parts. Latin text is lower-cased; punctuation and a short
list of function words are dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

log = logging.getLogger(__name__)

SLA_TERMS = (
    "服务可用性", "可用性", "服务等级协议", "赔偿", "赔偿标准", "赔偿方案", "赔偿申请时限",
    "代金券", "月度服务费", "月度服务费用", "服务月度", "自然日", "工作日", "自然月",
    "不可用", "服务不可用", "不可用分钟数", "故障", "免责条款", "数据持久性", "可用区",
    "单地域多可用区", "单实例", "欠费", "违约金", "滞纳金", "退款", "冷静期", "注销",
    "服务费", "计费", "账单", "发票", "知识产权", "保密", "争议解决", "管辖", "个人信息",
    "未成年人", "实名认证", "服务期限", "续费", "到期", "释放", "停服", "延期", "请求成功率",
    "错误率", "响应时间", "保留", "删除", "跨境", "第三方",
)

STOPWORDS = frozenset(
    "的 了 是 在 和 与 或 及 等 对 为 以 被 将 由 于 其 之 中 上 下 个 这 那 也 都 而 "
    "吗 呢 吧 啊 么 什么 怎么 多少 如何 哪些 哪个 是否 可以 能 会 有 没有 我 我们 您 你 "
    "the a an of to in for on is are be what how which does do and or with by at as it "
    "if my i can".split())

_PUNCT = re.compile(r"^[\W_]+$")
# Latin words and numbers (99.95%, 1.2.3, x86_64) are tokens as they are; only the rest
# (Chinese) goes through jieba, whose dictionary would cut "availability" into pieces.
_LATIN = re.compile(r"[a-z0-9][a-z0-9._%+-]*[a-z0-9%+]|[a-z0-9]")


class Tokenizer:
    """jieba in search mode over a private dictionary (the global jieba is left alone)."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.words = tuple(sorted({w.strip().lower() for w in (*SLA_TERMS, *words)
                                   if w.strip() and " " not in w.strip()}))
        self._jieba: Any = None

    def warm_up(self) -> None:
        if self._jieba is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word in self.words:
                tokenizer.add_word(word, freq=2000)
            self._jieba = tokenizer

    def tokens(self, text: str) -> list[str]:
        self.warm_up()
        out: list[str] = []
        text = text.lower()
        position = 0
        for match in _LATIN.finditer(text):
            out.extend(self._chinese(text[position:match.start()]))
            word = match.group()
            if word not in STOPWORDS:
                out.append(word)
                if word.endswith("s") and len(word) > 3 and word.isalpha():
                    out.append(word[:-1])  # "credits" also counts as "credit"
            position = match.end()
        out.extend(self._chinese(text[position:]))
        return out

    def _chinese(self, text: str) -> list[str]:
        if not text.strip():
            return []
        tokens = (t.strip() for t in self._jieba.cut_for_search(text))
        return [t for t in tokens if t and t not in STOPWORDS and not _PUNCT.match(t)]
