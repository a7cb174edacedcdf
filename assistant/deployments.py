"""Deployments said in customers' words (单可用区, multi-AZ, 三节点, 双接入点): the concepts a
variant's name means, for picking an SLA's table, and a check that an answer's quotes state
the deployment the question asks about rather than another one of the same kind.
"""

from __future__ import annotations

import re

CONCEPTS = {  # what a variant name means, in the words customers use for it
    "single_az": r"单(?:个)?可用(?:性)?区|单\s*az|single[- ]?az|single (?:availability )?zone"
                 r"|(?:一个|同一个?)可用(?:性)?区|(?:没|未|不)(?:有)?跨(?:多个)?(?:可用区|az)"
                 r"|(?:all|every)\b[^.;!?]{0,30}\bin (?:\w+ )?zone \d"
                 r"|(?:one|the same|a single) (?:availability )?zone"
                 r"|not (?:deployed )?(?:across|in) (?:multiple|several|two) (?:availability )?"
                 r"zones",
    "multi_az": r"多(?:个)?可用(?:性)?区|多\s*az|(?<![没未不有])跨可用区|multi[- ]?az"
                r"|[一二三四五六七八\d]\s*区\s*(?:和|与|及|、)\s*[一二三四五六七八\d]\s*区"
                r"|[两二三四五六2-6]\s*(?:个\s*)?可用(?:性)?区\s*部署"
                r"|(?:部署在|分布在|跨)[^，,。；;\d]{0,6}[两二三四五六2-6]\s*个\s*可用(?:性)?区"
                r"|(?<![单一\d])[两二三四五六2-6]\s*个\s*可用(?:性)?区(?![^，,。；;]{0,6}(?:其中|中的?一|里的?一))"
                r"|multiple (?:availability )?zones",
    "global": r"全球复制|多地域|global(?:ly)? replicat|multi[- ]?region",
    "two_node": r"双节点|两节点|two[- ]node|2[- ]node",
    "three_node": r"三节点|three[- ]node|3[- ]node",
    "single_node": r"单节点|single[- ]node",
    "cloud_disk": r"云盘版|cloud[- ]disk",
    "read_only": r"只读|read[- ]only",
    "one_access_point": r"单接入点|同一个?(?:腾讯云)?接入点|一个(?:腾讯云)?接入点"
                        r"|(?:same|one|single) (?:Tencent (?:Cloud )?)?access point",
    "two_access_points": r"双接入点|两个(?:不同的?)?(?:腾讯云)?接入点|不同(?:的)?接入点"
                         r"|(?:two|different|separate) access points",
}
WORDS = {"single_az": ("单可用区部署", "a single-AZ deployment"),
         "multi_az": ("多可用区部署", "a multi-AZ deployment"),
         "single_node": ("单节点", "a single node"), "two_node": ("双节点", "two nodes"),
         "three_node": ("三节点", "three nodes"),
         "one_access_point": ("单接入点", "one access point"),
         "two_access_points": ("双接入点", "two access points")}
FAMILIES = ({"single_az", "multi_az"}, {"single_node", "two_node", "three_node"},
            {"one_access_point", "two_access_points"})  # deployments that exclude each other


def concepts(text: str) -> set[str]:
    """The variant concepts a text names (``单可用区实例`` -> {single_az})."""
    return {name for name, pattern in CONCEPTS.items() if re.search(pattern, text, re.I)}


def deployment_unsaid(question: str, quotes: list[str]) -> tuple[set[str], set[str]]:
    """The deployments the question asks about that the quotes do not state, and those they
    state instead (``Vector DB HA in a single AZ`` quoted with ``三可用区部署…99.99%``); two
    empty sets when the quotes state it, or state no deployment of that kind."""
    asked, stated = concepts(question), concepts(" ".join(quotes))
    for family in FAMILIES:
        wanted, said = asked & family, stated & family
        if wanted and said and not wanted & said:
            return wanted, said
    return set(), set()


def deployment_words(names: set[str], lang: str) -> str:
    """Deployment concepts in words (``{"multi_az"}`` -> ``多可用区部署``)."""
    return ("、" if lang == "zh" else " or ").join(
        sorted(WORDS[n][0 if lang == "zh" else 1] for n in names))
