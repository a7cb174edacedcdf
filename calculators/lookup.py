"""Find the SLA a user names: doc_line, exact title, product name or alias, close spelling."""

from __future__ import annotations

import difflib

from calculators.engine import InputError
from calculators.rules import Catalog, SlaRule

SUFFIXES = ("服务等级协议", "SLA", "sla")


def _key(text: str) -> str:
    text = text.strip().lower().replace(" ", "")
    for suffix in SUFFIXES:
        text = text.removesuffix(suffix.lower())
    return text.removeprefix("腾讯云")


def find_sla(catalog: Catalog, name: str | None, doc_line: int | None = None) -> SlaRule:
    """The SLA by doc_line, title, product or alias; unknown names list the closest ones."""
    if doc_line is not None:
        sla = catalog.by_doc_line(doc_line)
        if sla is None:
            raise InputError(f"doc_line {doc_line} is not an SLA title line; list them with "
                             "`python -m calculators products`.")
        return sla
    if not name:
        raise InputError("give doc (an SLA title, product name or alias) or doc_line.")
    wanted = _key(name)
    names: dict[str, list[SlaRule]] = {}
    for sla in catalog.slas:
        for alias in (sla.doc_title, sla.product, *sla.aliases):
            names.setdefault(_key(alias), []).append(sla)
    if wanted in names:
        found = list(dict.fromkeys(s.doc_line for s in names[wanted]))
        if len(found) > 1:
            titles = ", ".join(f"{s.doc_title} (doc_line {s.doc_line})" for s in names[wanted])
            raise InputError(f"{name!r} names several SLAs; give doc_line: {titles}.")
        return names[wanted][0]
    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.6)
    if len(close) >= 1 and difflib.SequenceMatcher(None, wanted, close[0]).ratio() >= 0.75:
        return names[close[0]][0]
    hint = close or difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.3)
    shown = ", ".join(dict.fromkeys(names[c][0].doc_title for c in hint)) or "none"
    raise InputError(f"no SLA named {name!r}; closest: {shown}. "
                     "See `python -m calculators products`.")
