"""Heuristic rerank by section cues: a question's wording names the kind of clause it needs.

"赔多少 / compensation" wants the compensation table (赔偿标准), "最晚 / deadline" the claim
window (赔偿申请时限), "承诺 / commitment" the availability clause (服务可用性). A chunk whose
heading path matches an active cue gets ``bonus`` added to its fused score. Measured on the
held-back questions by `python -m eval retrieval` (with and without).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    question: re.Pattern[str]
    heading: re.Pattern[str]


def _cue(question: str, heading: str) -> Cue:
    return Cue(re.compile(question, re.IGNORECASE), re.compile(heading))


CUES = (
    _cue(r"赔多少|赔偿(比例|标准|多少|金额)|怎么赔|如何赔|赔付|补偿|代金券|compensat|credit|"
         r"pay|how much.*(back|get|refund)|低于.*%.*赔|below \d|vouchers?|what .*appl(y|ies)",
         r"赔偿(标准|方案)|服务赔偿|赔偿$"),
    _cue(r"最晚|时限|期限|多久.*(申请|提出)|什么时候.*申请|几天内|deadline|how long|"
         r"time limit|latest|when .*(claim|apply)|within how", r"申请时限|申请期限|申请"),
    _cue(r"承诺|可用性.*(多少|是)|多少.*可用性|SLA.*(多少|是多少)|commit|uptime|guarantee|"
         r"availability", r"服务可用性|服务承诺|可用性"),
    _cue(r"免责|不赔|不予赔偿|不承担|例外|exclu|exempt|not (be )?(covered|liable)",
         r"免责|不予赔偿|除外"),
    _cue(r"什么是|指什么|定义|是指|what (is|does) .*mean|defin|算(不可用|故障|宕机)|"
         r"什么(情况|时候).*不可用|count(s|ed)? as (down|unavailab|an outage)|"
         r"what counts as", r"术语|定义"),
    _cue(r"持久性|durab", r"持久性"),
    _cue(r"怎么算|如何计算|计算方(法|式)|calculat|how is .*(counted|measured|computed)",
         r"计算|不可用|可用性"),
)


class SectionCueReranker:
    """Stage: adds ``bonus`` to candidates whose heading path matches the question's cues."""

    def __init__(self, bonus: float, cues: tuple[Cue, ...] = CUES) -> None:
        self.bonus = bonus
        self.cues = cues

    def active(self, question: str) -> list[Cue]:
        """Cues the question triggers; a compensation cue silences the availability one
        ("below 95%, what do they pay?" wants the tier table, not the commitment)."""
        cues = [cue for cue in self.cues if cue.question.search(question)]
        if self.cues[0] in cues and len(self.cues) > 2:
            cues = [cue for cue in cues if cue is not self.cues[2]]
        return cues

    def run(self, question: str, scores: dict[str, float],
            paths: dict[str, str]) -> dict[str, float]:
        cues = self.active(question)
        if not cues:
            return scores
        return {cid: score + (self.bonus if any(c.heading.search(paths[cid]) for c in cues)
                              else 0.0)
                for cid, score in scores.items()}
