"""Shared fixtures. The parsed corpus is real (integration); it is parsed once per session."""

from __future__ import annotations

import pytest

from index.parser import Agreements, parse_corpus


@pytest.fixture(scope="session")
def agreements() -> Agreements:
    return parse_corpus()
