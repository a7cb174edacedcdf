"""SLA rule extraction: an offline stage reading parsed clauses into the catalog
(calculators/data/sla_catalog.json)."""
