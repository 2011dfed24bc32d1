"""Outputs beside the pages, made after both languages are built: open data and PDFs."""

from __future__ import annotations

from imvo.write import PostStep


def post_steps(*, pdf: bool = True) -> list[PostStep]:
    """The steps that add files to the assembled site before it is swapped in."""
    return []
