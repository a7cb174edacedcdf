"""Fixtures shared by the assistant's tests: the real product table and credit stage."""

from __future__ import annotations

import pytest

from assistant.credit import CreditStage
from calculators.rules import load_catalog
from index.parser import Agreements
from index.products import ProductTable


@pytest.fixture(scope="module")
def table(agreements: Agreements) -> ProductTable:
    return ProductTable.from_documents(agreements.documents)


@pytest.fixture(scope="module")
def stage(agreements: Agreements) -> CreditStage:
    return CreditStage(load_catalog(), {d.id: d for d in agreements.documents})
