"""Evaluation harness for retrieval and answer quality."""
