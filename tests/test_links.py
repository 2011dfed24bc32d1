"""Links: every internal href and src of the built site resolves to a file, under a sub-path."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from browser_fixtures import ServedSite

# Marked slow (and browser) by the fixtures it uses: see tests/conftest.py.

EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")


class _Collect(HTMLParser):
    """Collects every href and src of a page, and every id and name it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append(value)
            elif name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def _parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


class _Parsed(dict[Path, _Collect]):
    """Pages' links and anchors, each page parsed once however often it is linked to."""

    def __missing__(self, path: Path) -> _Collect:
        found = self[path] = _parse(path)
        return found


def broken_links(site: ServedSite) -> list[str]:
    """Every internal link of the site that does not resolve, as 'page: link (why)'."""
    problems = []
    parsed = _Parsed()
    prefix = urlsplit(site.base_url).path
    for page in sorted(site.root.rglob("*.html")):
        collected = parsed[page]
        name = page.relative_to(site.root).as_posix()
        for link in collected.links:
            parts = urlsplit(link)
            if link.startswith(site.base_url):
                target_path = site.root / unquote(parts.path).removeprefix(prefix)
            elif parts.scheme in EXTERNAL_SCHEMES or parts.scheme == "data":
                if parts.scheme in ("http", "https") and parts.netloc == site.host:
                    problems.append(f"{name}: {link} (outside {site.base_url})")
                continue
            elif parts.scheme or link.startswith("//"):
                problems.append(f"{name}: {link} (unexpected scheme)")
                continue
            elif link.startswith(prefix) and page.name == "404.html":
                # The 404 page is served at any depth, so mkdocs writes its links from the
                # site_url's path: right under the sub-path, and the only way that works there.
                target_path = site.root / unquote(parts.path).removeprefix(prefix)
            elif link.startswith("/"):
                problems.append(f"{name}: {link} (root-absolute: breaks under a sub-path)")
                continue
            elif not parts.path:
                target_path = page
            else:
                target_path = page.parent / unquote(parts.path)
            target_path = target_path.resolve()
            if target_path.is_dir():
                target_path = target_path / "index.html"
            if not target_path.is_relative_to(site.root.resolve()):
                problems.append(f"{name}: {link} (leaves the site)")
            elif not target_path.is_file():
                problems.append(f"{name}: {link} (no such file)")
            elif parts.fragment and target_path.suffix == ".html":
                target = parsed[target_path]
                if unquote(parts.fragment) not in target.ids:
                    problems.append(f"{name}: {link} (no such anchor)")
    return problems


def test_every_internal_link_resolves(served_site: ServedSite) -> None:
    """Every internal href and src resolves to a file (and anchor) of the site."""
    assert broken_links(served_site) == []


def test_the_link_check_finds_broken_and_root_absolute_links(tmp_path: Path) -> None:
    """The checker itself reports a missing file, a missing anchor and a root-absolute link."""
    root = tmp_path / "imvo-convenanten"
    root.mkdir()
    (root / "index.html").write_text(
        '<p id="here"><a href="nope.html">a</a> <a href="#gone">b</a> '
        '<a href="/imvo-convenanten/index.html">c</a> <a href="index.html#here">d</a> '
        '<img src="https://example.org/x.png" alt=""></p>',
        encoding="utf-8",
    )
    fake = ServedSite(
        root=root, base_url="http://127.0.0.1:1/imvo-convenanten/", host="127.0.0.1:1"
    )
    assert broken_links(fake) == [
        "index.html: nope.html (no such file)",
        "index.html: #gone (no such anchor)",
        "index.html: /imvo-convenanten/index.html (root-absolute: breaks under a sub-path)",
    ]
