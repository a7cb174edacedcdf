"""Data files of the calculators (the generated SLA rule catalog)."""
