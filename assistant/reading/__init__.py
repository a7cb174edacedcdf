"""Reading a question once into typed figures: ``assistant.reading.reader.read_query``."""
