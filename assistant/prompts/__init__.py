"""Prompt templates, read with importlib.resources."""
