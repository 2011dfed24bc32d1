"""PDFs: the same bytes on every build, no address of the build machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_options import MOMENT, options

from imvo.build.orchestrate import build_site
from imvo.model.content import Corpus
from imvo.outputs.steps import post_steps

# --- 6. PDFs: the same bytes on every build, no address of the build machine --------------


def _pdf_build(corpus: Corpus, folder: Path, site_url: str | None) -> dict[str, bytes]:
    """A cold build (its own empty PDF cache) with PDFs; every PDF's bytes by path."""
    from imvo.build.orchestrate import PostStep
    from imvo.outputs import pdf

    cache = folder / "cache"

    def printed(corpus: Corpus, site: Path, timings: object) -> None:
        pdf.make_pdfs(corpus, site, cache=cache, site_url=site_url, built=MOMENT)

    built = options(site=folder / "site", site_url=site_url, pdf=False)
    steps = [*post_steps(built), PostStep(printed)]
    build_site(corpus, built, post_steps=steps, jobs=1)
    return {
        path.relative_to(folder / "site").as_posix(): path.read_bytes()
        for path in sorted((folder / "site").rglob("*.pdf"))
    }


@pytest.mark.parametrize("site_url", [None, "https://org.example/imvo/"])
def test_pdfs_are_the_same_bytes_on_two_cold_builds_and_link_only_to_the_published_site(
    site_url: str | None,
    fixture_corpus: Corpus,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    prints_pdfs: None,
) -> None:
    import dataclasses
    import re

    from imvo.model.content import Text

    # A printed text with a link to another page of the site: the print leaves off the
    # screen-only links (see also, more on due diligence), so the summary carries one.
    covenant = fixture_corpus.covenants["voorbeeld"]
    summary = Text(
        nl="Een convenant; zie [het overzicht](overzicht.html).",
        en="An agreement; see [the overview](overview.html).",
    )
    corpus = dataclasses.replace(
        fixture_corpus, covenants={"voorbeeld": covenant.model_copy(update={"summary": summary})}
    )
    first = _pdf_build(corpus, tmp_path / "one", site_url)
    second = _pdf_build(corpus, tmp_path / "two", site_url)
    assert sorted(first) == ["en/pdf/voorbeeld.pdf", "pdf/voorbeeld.pdf"]
    assert first == second
    for data in first.values():
        assert b"file:" not in data
        assert str(tmp_path).encode() not in data
        assert b".invalid" not in data
        links = set(re.findall(rb"/URI \(([^)]*)\)", data))
        inside = {link for link in links if not link.startswith(b"https://example.org/")}
        if site_url is None:
            assert inside == set()
        else:
            assert inside and all(link.startswith(site_url.encode()) for link in inside)
        assert b"(D:20251121000000+00'00')" in data
