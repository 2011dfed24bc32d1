"""No script from content: a heading's attribute list is refused by `check` and the build,
and every built file a browser or a reader's software opens (HTML, SVG, the Atom feeds, the
search index) holds no script, event handler or javascript: address beyond what the
templates themselves write (the allow-list below)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from build_options import options

from imvo import ROOT
from imvo.build.orchestrate import build_site
from imvo.cli import main
from imvo.messages.problems import ContentError
from imvo.model.content import Text
from imvo.outputs.steps import post_steps
from imvo.validate import load_content
from imvo.validate.headings import bad_heading_lines

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"

# --- What the templates write: the one list of scripts a built page may hold ---------------

SCRIPT_FILES = frozenset({"assets/imvo.js", "assets/participants.js", "assets/law.js"})
"""The site's own script files (overrides/main.html), by their path from the root of the
language's site (each language has its own assets: en/assets/imvo.js)."""

INLINE_SCRIPTS = frozenset(
    {
        # overrides/main.html: the page knows scripts run (CSS shows the search field).
        'document.documentElement.classList.add("imvo-js")',
        # overrides/main.html: a link to a heading closes the menu and the search.
        'addEventListener("hashchange",function(){["__drawer","__search"].forEach('
        "function(id){var box=document.getElementById(id);if(box)box.checked=false})})",
        # mkdocs-material's content tabs: the tab a link points at opens.
        "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
        '(target.checked=target.name.startsWith("__tabbed_"))',
        # overrides/partials/search.html: loads the search when the reader reaches the field.
        """(function (box, toggle) {
    function load() {
      box.removeEventListener("focusin", load);
      import(new URL(box.dataset.imvoSearch, document.baseURI).href).then(
        function (search) { search.start(box); },
        function () {  /* a page opened from disk: browsers load no modules there */
          box.querySelector("[role=status]").textContent =
            box.dataset[location.protocol == "file:" ? "imvoOffline" : "imvoFailed"];
        });
    }
    box.addEventListener("focusin", load);
    toggle.addEventListener("change", function () {
      if (toggle.checked) box.querySelector("input").focus();
    });
  })(document.currentScript.previousElementSibling, document.getElementById("__search"));
""",
    }
)
MD_SCOPE = re.compile(
    r'__md_scope=new URL\("[A-Za-z0-9._~/-]*",location\),'
    r"__md_hash=e=>\[\.\.\.e\]\.reduce\(\(\(e,_\)=>"
    r"\(e<<5\)-e\+_\.charCodeAt\(0\)\),0\),__md_get=\(e,_=localStorage,t=__md_scope\)=>"
    r'JSON\.parse\(_\.getItem\(t\.pathname\+"\."\+e\)\),__md_set=\(e,_,t=localStorage,'
    r'a=__md_scope\)=>\{try\{t\.setItem\(a\.pathname\+"\."\+e,JSON\.stringify\(_\)\)\}'
    r"catch\(e\)\{\}\}"
)
"""mkdocs-material's base.html: where the theme keeps a reader's choices; only the address of
the site's root (relative, or the path of --site-url) differs from page to page."""

DATA_ISLANDS = frozenset({"imvo-law-rules"})
"""The ids of the JSON the templates hand to a script (<script type="application/json">,
overrides/main.html): a browser runs none of it; it must be JSON with no '<' in it, so that
nothing in it can end the element (imvo/render/applies.py, island)."""

_CONTROL = re.compile(r"[\x00-\x20]+")


def scripted_address(value: str) -> bool:
    """Whether an attribute value is an address that runs script (as a browser reads it:
    case, spaces and control characters anywhere in the scheme do not count)."""
    return _CONTROL.sub("", value).lower().startswith(("javascript:", "vbscript:"))


class Scan(HTMLParser):
    """What a browser would run in one HTML document: scripts, event handlers, script links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], list[str]]] = []
        """Each <script>, from its start tag on (a browser runs one left open as well): its
        attributes and its text."""
        self.handlers: list[tuple[str, str]] = []
        self.addresses: list[tuple[str, str, str]] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if value is not None and scripted_address(value):
                self.addresses.append((tag, name, value))
        if tag == "script":
            self.scripts.append((dict(attrs), []))
            self._open = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.scripts[-1][1].append(data)


def html_findings(page: str, where: str) -> list[str]:
    """What is wrong with one HTML document (or an HTML fragment), as readable lines."""
    scan = Scan()
    scan.feed(page)
    scan.close()
    folder = Path(where).parent
    found = [f"{where}: {tag} {name}=" for tag, name in scan.handlers]
    found += [f"{where}: {tag} {name}={value!r}" for tag, name, value in scan.addresses]
    for attrs, parts in scan.scripts:
        text, src = "".join(parts), attrs.get("src")
        if attrs.get("type") == "application/json":
            if set(attrs) != {"type", "id"} or attrs["id"] not in DATA_ISLANDS or not _json(text):
                found.append(f"{where}: script {attrs} {text[:80]!r}")
        elif src is not None:
            resolved = os.path.normpath(folder / src).replace(os.sep, "/").removeprefix("en/")
            if resolved not in SCRIPT_FILES or set(attrs) != {"src"} or text.strip():
                found.append(f"{where}: script src={src!r}")
        elif text not in INLINE_SCRIPTS and MD_SCOPE.fullmatch(text) is None:
            found.append(f"{where}: script {text[:80]!r}")
    return found


def _json(text: str) -> bool:
    """Whether a data island is JSON with no '<' (which could end the element) in it."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def xml_findings(path: Path, where: str) -> list[str]:
    """What is wrong with one SVG or Atom file: script elements, handlers, script links, and
    the HTML a feed carries as text (type="html"), scanned as HTML."""
    found = []
    for element in ET.parse(path).getroot().iter():
        local = element.tag.rpartition("}")[2]
        if local == "script":
            found.append(f"{where}: <script>")
        for name, value in element.attrib.items():
            if name.rpartition("}")[2].startswith("on"):
                found.append(f"{where}: {local} {name}=")
            if scripted_address(value):
                found.append(f"{where}: {local} {name}={value!r}")
        if element.get("type") in {"html", "xhtml"} and element.text:
            found += html_findings(element.text, where)
    return found


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in (*_strings(key), *_strings(value))]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


_SCRIPT_TAG = re.compile(r"<\s*script|<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def index_findings(data: Any, where: str, *, strict: bool = True) -> list[str]:
    """What is wrong with the search index's data: a script address in any of its strings
    and, when `strict`, a script tag or a tag with an event handler in any of them.

    The index holds each page's text: a name written as '<script>' is text on its page and
    so in the index too, where the site's search (assets/search.js, textContent) and
    Pagefind's own client (which escapes '<' and '>') show it as text. Content that is all
    the site's own (the real content, editors' headings) must give no such text at all."""
    return [
        f"{where}: {text[:80]!r}"
        for text in _strings(data)
        if (strict and _SCRIPT_TAG.search(text)) or scripted_address(text)
    ]


def site_findings(site: Path, *, strict_index: bool = True) -> tuple[list[str], dict[str, int]]:
    """Every finding in a built site, and how many files of each kind were scanned
    (`strict_index`: see index_findings)."""
    found: list[str] = []
    counts = {"html": 0, "svg": 0, "feed": 0, "index": 0}
    for path in sorted(site.rglob("*")):
        where = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            found += html_findings(path.read_text("utf-8"), where)
            counts["html"] += 1
        elif path.suffix == ".svg":
            found += xml_findings(path, where)
            counts["svg"] += 1
        elif path.name == "feed.xml":
            found += xml_findings(path, where)
            counts["feed"] += 1
        elif path.suffix == ".pf_fragment":
            raw = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
            found += index_findings(json.loads(raw), where, strict=strict_index)
            counts["index"] += 1
        elif path.suffix == ".json" and "pagefind" in path.parts:
            data = json.loads(path.read_text("utf-8"))
            found += index_findings(data, where, strict=strict_index)
    return found, counts


# --- The scanner itself finds what it looks for ----------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        '<a href="#x"><script/@>alert(1)</script/@>" class="md-nav__link">',
        '<script src="https://evil.example/x.js"></script>',
        '<script src="assets/imvo.js">alert(1)</script>',
        '<script type="application/json" id="imvo-law-rules">{"a": "</script><b>"}</script>',
        '<script type="application/json" id="other">{}</script>',
        '<script type="module" src="assets/imvo.js"></script>',
        '<svg><a xlink:href=" Java\tScript:alert(1)">x</a></svg>',
        '<img src="x" OnError="alert(1)">',
        "<script>__md_scope=new URL('.',location);alert(1)</script>",
    ],
)
def test_the_scan_finds_script_handlers_and_script_addresses(page: str) -> None:
    assert html_findings(page, "page.html") != []


def test_the_scan_passes_what_the_templates_write() -> None:
    page = "".join(f"<script>{text}</script>" for text in INLINE_SCRIPTS)
    page += '<script src="../assets/imvo.js"></script>'
    page += '<script type="application/json" id="imvo-law-rules">{"a": "\\u003c/b"}</script>'
    assert html_findings(page, "en/overzicht.html") == []


# --- check and the build refuse a heading with more than a plain id ---------------------------

HOSTILE_HEADINGS = [
    '## Privacy {#x"><script/@>alert(1)</script/@>}',
    "## Privacy {: #x onclick=\"alert('c')\" }",
    "## Privacy {onclick=alert(1)}",
    "## Privacy {.evil}",
    '## Privacy {data-toc-label="<img src=x onerror=alert(1)>"}',
    "## Privacy {#x'y} ##",
    "#Privacy {#Upper}",
    '> ## Privacy {#a"b}',
    '- ## Privacy {: #a"b }',
    'Privacy {#x"onmouseover="alert(1)}\n-------',
]
RAW_HEADINGS = [
    "<h2 id='\"><script>alert(1)</script>'>Rauw</h2>",
    '<h3 id="a b<img src=x onerror=alert(1)>">Rauw</h3>',
]
"""Headings in an editor's raw HTML, whose ids the allow-list checks (not attr_list)."""


@pytest.mark.parametrize("heading", HOSTILE_HEADINGS)
def test_a_heading_with_more_than_a_plain_id_is_refused_in_a_text_page(
    heading: str, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    about = content / "texts" / "about.nl.md"
    lines = about.read_text("utf-8").splitlines()
    about.write_text("\n".join([lines[0], "", heading, "", *lines[1:]]) + "\n", "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    written = heading.split("\n")[0].rstrip(" #")
    attrs = written[written.index("{") :]
    assert [p.text("en") for p in raised.value.problems] == [
        f"content/texts/about.nl.md:3: (text): a heading can only get a plain id, such as "
        f"{{#privacy}} (lower-case letters, digits and hyphens); {attrs} is not allowed, take "
        "it out"
    ]


def test_a_heading_id_in_a_covenant_field_is_refused_on_its_line_in_dutch(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace(
        "  nl: Een convenant om de fixture te testen.",
        '  nl: |\n    Een convenant.\n\n    ### Privacy {#x"><script/@>alert(1)</script/@>}\n',
    )
    covenant.write_text(text, "utf-8")
    assert main(["check", "--lang", "nl", "--content", str(content)]) == 1
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text("nl") for p in raised.value.problems] == [
        "content/covenants/voorbeeld.yaml:32: summary, nl: een kop kan alleen een eenvoudige "
        "id krijgen, zoals {#privacy} (kleine letters, cijfers en streepjes); "
        '{#x"><script/@>alert(1)</script/@>} kan niet, haal het weg'
    ]


@pytest.mark.parametrize(
    "text",
    [
        "## Privacy {#privacy-policy}",
        "## Privacy {: #privacy }",
        "Een zin met {accolades} en {#geen-kop} erin.",
        '```\n## Code {#x"y}\n```',
        "## C# en F#",
    ],
)
def test_a_plain_id_and_braces_elsewhere_pass(text: str) -> None:
    assert bad_heading_lines(text) == []


# --- Whatever reaches the render stage, the theme gets it escaped -----------------------------


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture content with hostile headings put in after validation (as if a check were
    missed), built without PDFs: the render stage and the theme must still escape them."""
    folder = tmp_path_factory.mktemp("unchecked")
    corpus = load_content(FIXTURE, ROOT)
    hostile = "\n\n".join(HOSTILE_HEADINGS + RAW_HEADINGS) + "\n\nTekst.\n"
    corpus.texts["about"]["nl"] = "# Over deze site\n\n" + hostile
    covenant = corpus.covenants["voorbeeld"]
    corpus.covenants["voorbeeld"] = covenant.model_copy(
        update={"summary": Text(nl=hostile, en=hostile)}
    )
    build_site(
        corpus, built := options(site=folder / "site", pdf=False), post_steps=post_steps(built)
    )
    return folder / "site"


def test_hostile_headings_past_the_check_reach_no_page_as_script(unchecked_site: Path) -> None:
    found, counts = site_findings(unchecked_site)
    assert found == []
    assert counts["html"] >= 30 and counts["index"] >= 20
    page = (unchecked_site / "over-deze-site.html").read_text("utf-8")
    # Each heading keeps its text and gets the anchor its text gives it, nothing else.
    # (All but '#Privacy {#Upper}', an <h1>, are <h2>s.)
    assert page.count('<h2 id="privacy') == len(HOSTILE_HEADINGS) - 1
    assert 'href="#privacy_1"' in page


# --- The real content, built as it is published ---------------------------------------------


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built with a site address (so with its feeds), without PDFs."""
    site = tmp_path_factory.mktemp("published") / "site"
    url = "https://org.example/imvo/"
    assert main(["build", "--no-pdf", "--site", str(site), "--site-url", url]) == 0
    return site


def test_the_published_site_holds_only_the_templates_scripts(published_site: Path) -> None:
    found, counts = site_findings(published_site)
    assert found == []
    assert counts["html"] >= 60 and counts["svg"] >= 1 and counts["feed"] == 2
    assert counts["index"] >= 50


@pytest.fixture(scope="module")
def hostile_content_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile content of test_security_markup (script, handlers and unsafe links in
    names, summaries, texts, a party and a menu title), built without PDFs."""
    from test_security_markup import hostile_content

    folder = tmp_path_factory.mktemp("hostile-all")
    corpus = load_content(hostile_content(folder), folder)
    build_site(
        corpus, built := options(site=folder / "site", pdf=False), post_steps=post_steps(built)
    )
    return folder / "site"


def test_hostile_names_texts_and_links_reach_no_file_as_script(
    hostile_content_site: Path,
) -> None:
    found, counts = site_findings(hostile_content_site, strict_index=False)
    assert found == []
    assert counts["html"] >= 30 and counts["index"] >= 20
    # The hostile name is there as text: escaped in the page and its title, and as the
    # page's plain text in the search index (which the search shows with textContent).
    page = (hostile_content_site / "voorbeeld.html").read_text("utf-8")
    assert "<title>Convenant &lt;script&gt;alert('name')" in page
    search = (ROOT / "overrides" / "assets" / "search.js").read_text("utf-8")
    assert "innerHTML" not in search and "insertAdjacentHTML" not in search


def test_the_heading_check_reads_no_text_over_the_limits() -> None:
    """Such a text is refused, unread, by the render stage: the check must not read it
    first (9,500 '[]' took Markdown about a minute)."""
    started = time.monotonic()
    assert bad_heading_lines("## Kop {.x}\n\n" + "[]" * 9_500) == []
    assert time.monotonic() - started < 1
