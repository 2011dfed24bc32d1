"""The text of a PDF, read once per test worker: pypdf reads slowly, and several tests read
the same handouts of the session's site (each page's size, words and the runs of text)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

Run = tuple[int, float, float, str]
"""A run of text: (page index, size in points, height on the page, text)."""


@dataclass(frozen=True)
class PdfText:
    """What the tests read of one PDF."""

    pages: tuple[str, ...]
    """The text of each page, as pypdf extracts it."""
    runs: tuple[Run, ...]
    """Every run of text that is not only spaces, in the order pypdf reads them."""
    sizes: tuple[tuple[int, int], ...]
    """Each page's size in points (width, height)."""
    lang: str
    """The document's language (/Lang), '' when it has none."""

    def page(self, index: int) -> str:
        """One page's text with its spaces made single."""
        return " ".join(self.pages[index].split())

    @property
    def whole(self) -> str:
        """The text of every page, its spaces made single."""
        return " ".join(" ".join(self.pages).split())


def pdf_text(path: Path) -> PdfText:
    """The text of a PDF: read once for each version of the file (its time and size)."""
    found = path.stat()
    return _read(path, found.st_mtime_ns, found.st_size)


@functools.lru_cache(maxsize=512)
def _read(path: Path, modified: int, size: int) -> PdfText:
    reader = PdfReader(path)
    pages: list[str] = []
    runs: list[Run] = []
    sizes: list[tuple[int, int]] = []
    for index, page in enumerate(reader.pages):

        def visit(
            text: str, cm: list[float], tm: list[float], font: object, size: float, at: int = index
        ) -> None:
            if text.strip():
                scale = abs(tm[3] * cm[3])
                runs.append((at, round(size * scale, 1), round(tm[5] * cm[3] + cm[5]), text))

        pages.append(page.extract_text(visitor_text=visit))
        sizes.append((int(page.mediabox.width), int(page.mediabox.height)))
    lang = str(reader.root_object.get("/Lang", ""))
    return PdfText(tuple(pages), tuple(runs), tuple(sizes), lang)
