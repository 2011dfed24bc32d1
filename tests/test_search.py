"""Search: Pagefind indexes each language's pages into its own bundle, after the builds."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from imvo.messages.problems import BuildError
from imvo.outputs import search
from imvo.outputs.search import BUNDLE, index_site, language_folder, separate_blocks
from imvo.render.page_list import MOVED_PAGES


def _entry(site: Path, lang: str) -> dict[str, object]:
    text = (language_folder(site, lang) / BUNDLE / "pagefind-entry.json").read_text("utf-8")
    found: dict[str, object] = json.loads(text)
    return found


def _fragments(site: Path, lang: str) -> dict[str, str]:
    """Each indexed page's address and the text Pagefind keeps of it."""
    found = {}
    for path in sorted((language_folder(site, lang) / BUNDLE / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])  # after Pagefind's own signature
        found[fragment["url"]] = fragment["content"]
    return found


def _pages(site: Path, lang: str) -> set[str]:
    """The pages of a language that search should find: all but the 404 and moved pages."""
    folder = language_folder(site, lang)
    left_out = {"404.html", *(f"{old}.html" for old in MOVED_PAGES)}
    return {f"/{p.name}" for p in folder.glob("*.html") if p.name not in left_out}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_language_has_its_own_bundle_with_its_own_stemmer(built_site: Path, lang: str) -> None:
    """One index per language folder, in that language only, with every page but the 404
    and the moved pages."""
    entry = _entry(built_site, lang)
    assert list(entry["languages"]) == [lang]  # type: ignore[call-overload]
    bundle = language_folder(built_site, lang) / BUNDLE
    assert (bundle / f"wasm.{lang}.pagefind").is_file()
    assert set(_fragments(built_site, lang)) == _pages(built_site, lang)


def test_each_language_finds_only_its_own_pages(built_site: Path) -> None:
    dutch, english = _fragments(built_site, "nl"), _fragments(built_site, "en")
    assert "/overzicht.html" in dutch and "/overview.html" in english
    assert "/overview.html" not in dutch and "/overzicht.html" not in english
    assert "/index.html" in dutch  # the home page keeps its name: links stay relative


def test_search_leaves_out_what_the_templates_exclude(built_site: Path) -> None:
    """Dates, links and sources (data-search-exclude) and source markers are not indexed."""
    page = (built_site / "textiel.html").read_text("utf-8")
    excluded = re.compile(r"<(\w+)\b[^>]*\bdata-search-exclude\b[^>]*>(.*?)</\1>", re.S)
    blocks = [match[2] for match in excluded.finditer(page)]
    rest = excluded.sub("", page)
    only_there = {
        word
        for block in blocks
        for word in re.sub(r"<[^>]+>", " ", block).split()
        if len(word) > 6 and word.isalpha() and word not in rest
    }
    content = _fragments(built_site, "nl")["/textiel.html"]
    assert "Samenvatting" in content
    assert not re.search(r"\[\d+\]", content)
    assert only_there and not [word for word in only_there if word in content.split()]


def test_the_bundle_holds_only_what_the_site_uses(built_site: Path) -> None:
    for lang in ("nl", "en"):
        bundle = language_folder(built_site, lang) / BUNDLE
        names = {p.name for p in bundle.iterdir() if p.is_file()}
        assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"} <= names
        assert not [name for name in names if "-ui" in name or "unknown" in name]


def test_no_page_loads_search_before_the_reader_uses_it(built_site: Path) -> None:
    """The search script and index are fetched on first use, never with the page."""
    for page in built_site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert not re.search(r'<script[^>]+src="[^"]*(search|pagefind)[^"]*"', text), page
        assert 'rel="preload"' not in text and "search_index" not in text


def test_the_search_field_has_its_name_in_the_pages_language(built_site: Path) -> None:
    names = {"index.html": "Zoeken op deze site", "en/index.html": "Search this site"}
    for page, label in names.items():
        text = (built_site / page).read_text("utf-8")
        assert f'role="search" aria-label="{label}"' in text
        assert f'class="md-search__input" name="query" aria-label="{label}"' in text


def test_a_pagefind_that_fails_stops_the_build_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failing Pagefind (here a stand-in that exits with an error) names the language."""
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!{sys.executable}\nimport sys\nprint('Error: no disk')\nsys.exit(1)\n")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "_command", lambda folder, lang: [str(fake)])
    (tmp_path / "en").mkdir()
    with pytest.raises(BuildError) as error:
        index_site(tmp_path)
    assert str(error.value).splitlines() == [
        "search: Pagefind could not index the nl pages: Error: no disk",
        "search: Pagefind could not index the en pages: Error: no disk",
    ]


def test_a_missing_pagefind_stops_the_build_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "_command", lambda folder, lang: [str(tmp_path / "none")])
    with pytest.raises(BuildError, match=r"^search: Pagefind could not start \("):
        index_site(tmp_path)


def test_a_site_given_by_a_relative_path_is_indexed(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns(BUNDLE, "pdf"))
    monkeypatch.chdir(tmp_path)
    counts = index_site(Path("site"))
    assert counts == {"nl": len(_pages(site, "nl")), "en": len(_pages(site, "en"))}
    assert _entry(site, "en")["languages"] == _entry(built_site, "en")["languages"]


def test_adjacent_block_elements_are_separated_for_search() -> None:
    html = (
        "<dl><div><dt>Tekende</dt><dd><a>Kleding</a></dd></div></dl>"
        "<ul><li>a</li><li>b</li></ul><p>x</p><h2>y</h2><span>z</span><span>w</span>"
    )
    assert separate_blocks(html) == (
        "<dl><div><dt>Tekende</dt>\n<dd><a>Kleding</a></dd></div></dl>"
        "<ul><li>a</li>\n<li>b</li></ul><p>x</p>\n<h2>y</h2>\n<span>z</span><span>w</span>"
    )
    # Already apart, or closing tags in a row: left as they are. Header cells are read apart;
    # data cells keep their row as it is (each data row of the site's tables is labelled).
    assert separate_blocks("<dt>a</dt>\n<dd>b</dd></div>") == "<dt>a</dt>\n<dd>b</dd></div>"
    assert separate_blocks("<tr><th>Signed</th><th>Status</th></tr>") == (
        "<tr><th>Signed</th>\n<th>Status</th></tr>"
    )
    assert separate_blocks("<tr><td>a</td><td>b</td></tr>") == "<tr><td>a</td><td>b</td></tr>"
