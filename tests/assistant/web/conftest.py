"""Fixtures of the web tests: the real agreements and catalog, and the fake assistant of
``fakes.py`` (callbacks are unit-tested with it: no index, no model)."""

from __future__ import annotations

import pytest

from assistant.web.library import Library
from calculators.rules import load_catalog
from index.parser import Agreements
from tests.assistant.web.fakes import FakeAssistant


@pytest.fixture(scope="session")
def library(agreements: Agreements) -> Library:
    return Library(agreements.documents, load_catalog())


@pytest.fixture
def fake(library: Library) -> FakeAssistant:
    return FakeAssistant(library)
