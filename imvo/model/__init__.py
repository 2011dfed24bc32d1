"""The content model: what a content file may say, as pydantic classes."""
