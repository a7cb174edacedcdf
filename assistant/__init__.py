"""Assistant orchestration: retrieval + answer composition over Tencent Cloud agreements."""
