"""Deterministic calculators (dates, SLA credits, fees) used by the assistant."""
