"""The whole corpus as typed documents and clauses: the one entry point of parsing."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from index.clauses import build_clauses
from index.corpus import Corpus, load_corpus
from index.documents import effective_date, split_documents
from index.domain import Document, Line
from index.errors import NotFoundError
from index.layout import is_url
from index.pages import PageMap, build_page_map
from index.slugs import assign_ids

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Agreements:
    """Every document of the corpus, in corpus order, with the page map they were cut by."""

    corpus: Corpus
    pages: PageMap
    documents: tuple[Document, ...]

    def document(self, key: str) -> Document:
        """A document by id, title line (``doc_line``) or exact title (the first if repeated)."""
        key = key.strip()
        for doc in self.documents:
            if key in (doc.id, doc.title) or key == str(doc.doc_line):
                return doc
        raise NotFoundError(f"No document {key!r}. List them with `python -m index documents`.")


def parse_corpus(corpus: Corpus | None = None) -> Agreements:
    """Parse the corpus (the project's copy unless given) into documents and clauses."""
    corpus = corpus or load_corpus()
    lines = corpus.lines
    pages = build_page_map(lines)
    spans = split_documents(lines)
    ids = assign_ids([(span.title, span.kind) for span in spans])
    documents = []
    for doc_id, span in zip(ids, spans):
        body_start = span.doc_line + 1
        while body_start <= span.line_end and not lines[body_start - 1].startswith("最近更新时间"):
            body_start += 1
        doc_lines = [Line(no=no, text=lines[no - 1], page=pages.page_of(no))
                     for no in range(body_start + 1, span.line_end + 1) if lines[no - 1].strip()]
        clauses = build_clauses(doc_id, doc_lines)
        text = "\n".join(line.text for line in doc_lines)
        documents.append(Document(
            id=doc_id, title=span.title, kind=span.kind, category=span.category,
            updated_at=span.updated_at, effective_date=effective_date(text),
            doc_line=span.doc_line, line_end=span.line_end,
            page_start=pages.page_of(span.doc_line), page_end=pages.page_of(span.line_end),
            clauses=tuple(clauses),
            links=tuple((no, lines[no - 1].strip())
                        for no in range(span.doc_line, span.line_end + 1)
                        if is_url(lines[no - 1]))))
    return Agreements(corpus=corpus, pages=pages, documents=tuple(documents))
