"""Search: index each language's built pages with Pagefind, after both mkdocs builds.

Each language folder gets its own bundle (`site/pagefind/` for Dutch, `site/en/pagefind/`
for English), indexed with that language's stemmer. A bundle holds the Pagefind script,
the language's WebAssembly and the index in small chunks; the browser loads them only when
a reader uses the search field (`overrides/assets/search.js`), and then only the chunks a
query needs. One bundle per language, not one for both with the language taken from
`<html lang>`: the shared bundle lists its languages in a different order from run to run,
so two builds would differ.

Only what mkdocs-material's search indexed before is indexed: the article of each page,
without what the templates mark `data-search-exclude` (dates, links, sources), the source
markers, each fact's sources control and the heading anchors. The 404 page marks its
content `data-pagefind-ignore`; a moved page marks all of its content `data-search-exclude`,
so Pagefind, finding nothing to index, leaves it out.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from imvo.messages.problems import BuildError
from imvo.model.content import LANGUAGES

BUNDLE = "pagefind"
"""The folder of each language's bundle, inside that language's folder."""

ROOT_SELECTOR = "article"
"""The page's own content: mkdocs-material puts it in the one <article> of the page."""

EXCLUDE = ("[data-search-exclude]", ".imvo-ref", ".imvo-src", ".imvo-src-print", ".headerlink")
"""What search leaves out: the templates' exclusions, source markers and each fact's
sources control (its "2 bronnen" and its printed numbers [4, 7]), heading anchors."""

_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)
"""Pagefind's own interfaces and the WebAssembly for pages without a language, which the
site does not have: 470 kB per bundle. The site has its own interface in the theme's
search field (2.5 kB gzip); Pagefind's default one is 32 kB gzip (script and styles)."""


_BLOCK_END = re.compile(r"(</(?:dt|dd|li|p|h[1-6]|th|caption|figcaption|summary)>)(?=<[a-z])")
"""The end of a block element straight before the next element's start ('</dt><dd>')."""


def separate_blocks(html: str) -> str:
    """A line break after a block element that the next element follows directly, so that
    search reads the words of the two apart ("Tekende Kleding en textiel", never
    "TekendeKleding en textiel": Pagefind joins the text of adjacent elements). Browsers
    show nothing of it: white space between block elements, and between a grid's or a flex
    box's items, is not drawn."""
    return _BLOCK_END.sub("\\1\n", html)


def language_folder(site: Path, lang: str) -> Path:
    """The folder of one language's pages: the site root for the first language."""
    return site if lang == LANGUAGES[0] else site / lang


TIMEOUT = 300.0
"""Seconds the indexing may take (2.5 s of CPU per language for 1,000 covenants), then the
build stops instead of hanging."""


def _command(folder: Path, lang: str) -> list[str]:
    """The Pagefind command that indexes the pages directly in one language's folder.

    Pagefind's binary, from the `pagefind[bin]` package. Its Python API drives the same
    binary but waits a tenth of a second for each answer: 0.6 s for the real content
    against 0.2 s for the command.
    """
    from pagefind_bin import get_executable  # type: ignore[import-untyped]

    excludes = [option for selector in EXCLUDE for option in ("--exclude-selectors", selector)]
    return [
        str(get_executable()),
        *("--site", str(folder)),
        # The pages of a language are flat in its folder: '*' leaves out the folders below
        # it (the other language, the PDFs).
        *("--glob", "*.html"),
        *("--root-selector", ROOT_SELECTOR),
        *excludes,
        *("--force-language", lang),
        *("--output-subdir", BUNDLE),
        "--keep-index-url",  # index.html, not "/": links stay relative to the page
    ]


def index_site(site: Path) -> dict[str, int]:
    """Write the search bundle of every language, side by side; the pages indexed in each.

    First each page's adjacent block elements get a line break between them (see
    `separate_blocks`), so that the excerpts search shows keep their words apart."""
    site = site.resolve()  # Pagefind runs in the site's folder
    for lang in LANGUAGES:
        for page in language_folder(site, lang).glob("*.html"):
            text = page.read_text(encoding="utf-8")
            apart = separate_blocks(text)
            if apart != text:
                page.write_text(apart, encoding="utf-8")
    try:
        running = {
            lang: subprocess.Popen(
                _command(language_folder(site, lang), lang),
                cwd=site,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for lang in LANGUAGES
        }
    except (OSError, ImportError) as error:
        raise BuildError(f"search: Pagefind could not start ({error})") from None
    counts: dict[str, int] = {}
    failures: list[str] = []
    for lang, process in running.items():
        try:
            output, _ = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        indexed = _PAGES.search(output)
        if process.returncode != 0 or indexed is None:
            last = output.strip().splitlines()[-1:] or [f"exit status {process.returncode}"]
            failures.append(f"search: Pagefind could not index the {lang} pages: {last[0]}")
        else:
            counts[lang] = int(indexed[1])
    if failures:
        raise BuildError("\n".join(failures))
    for lang in LANGUAGES:
        bundle = language_folder(site, lang) / BUNDLE
        for name in _UNUSED:
            (bundle / name).unlink(missing_ok=True)
    return counts


_PAGES = re.compile(r"Indexed (\d+) pages?")
"""Pagefind's line with the number of pages it indexed."""
