"""Sanitising: the allow-list every page's HTML passes before it is written.

Text from the content is untrusted (it comes through pull requests). Templates escape plain
text; Markdown fields may hold raw HTML, so the HTML mkdocs makes of each page is cleaned
with nh3 (an allow-list sanitiser): no script, no event handlers, no javascript: or data:
links, only http(s), mailto and relative addresses.
"""

from __future__ import annotations

import re

import nh3

_TEXT_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "section",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "label", "input", "select", "option", "button", "form",
    "fieldset", "legend", "output",
}  # fmt: skip
_SVG_TAGS = {
    "svg", "g", "rect", "line", "circle", "path", "polygon", "polyline", "text", "tspan",
    "title", "desc", "defs", "marker", "use",
}  # fmt: skip
_COMMON = {"class", "id", "lang", "dir", "title", "role", "hidden", "tabindex"}
_ARIA = {"aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-sort",
         "aria-live", "aria-current", "aria-expanded", "aria-controls"}  # fmt: skip
_DATA = {"data-status", "data-sector", "data-year", "data-imvo-table", "data-sort",
         "data-filter", "data-value", "data-md-component",
         "data-search-exclude",
         "data-names", "data-legal-forms", "data-one", "data-none",
         "data-law", "data-rule", "data-dutch", "data-label"}  # fmt: skip
_SVG_ATTRS = {
    "viewBox", "xmlns", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry",
    "width", "height", "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray",
    "transform", "text-anchor", "dominant-baseline", "font-size", "font-weight",
    "preserveAspectRatio", "focusable", "href", "marker-end", "opacity", "dx", "dy",
}  # fmt: skip

ATTRIBUTES: dict[str, set[str]] = {
    "*": _COMMON | _ARIA | _DATA,
    "a": {"href", "hreflang", "type", "rel"},
    "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "scope", "headers"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "label": {"for"},
    "input": {
        "type",
        "name",
        "value",
        "placeholder",
        "checked",
        "autocomplete",
        "min",
        "step",
        "inputmode",
    },
    "select": {"name", "multiple"},
    "option": {"value", "selected"},
    "button": {"type", "name", "value"},
    "form": {"action", "novalidate"},
    "output": {"for"},
    **{tag: set(_SVG_ATTRS) for tag in _SVG_TAGS},
}


_LOADED = {("img", "src"), ("use", "href")}
"""Attributes whose address the browser loads by itself: only the site's own files may go there."""

_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")
"""What browsers drop from an address before reading it (tabs and line breaks anywhere,
control characters and spaces at the ends): '/<TAB>/host' is read as '//host'."""


_MISREAD = re.compile(r"[\\\t\n\r]")
"""In an address, what a browser reads otherwise than it looks (a backslash as '/')."""


def browser_address(value: str) -> str:
    """An address as a browser reads it: ignored characters out, and '\\' read as '/'."""
    return _IGNORED_IN_URLS.sub("", value).replace("\\", "/")


def leaves_the_site(value: str) -> bool:
    """Whether a browser would take an address to another host or another scheme."""
    address = browser_address(value)
    return address.startswith("//") or ":" in address.split("/", 1)[0].split("?", 1)[0]


_NOT_IN_IDS = re.compile(r"[\s<>\"'&`\x00-\x1f\x7f]")
"""What no id the site writes holds: an id with markup or quotes in it (an editor's raw
`<h2 id='"><script>'>`) is escaped on the page, but the search index takes a heading's id
as it is, so it is dropped."""


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Drop any address a page would load from another host (an image, say): no third party.

    A link keeps its address unless a browser would read it otherwise than it looks:
    '\\\\host' and '\\/host' are read as '//host'. An id with markup or quotes is dropped.
    """
    if attribute == "id" and _NOT_IN_IDS.search(value):
        return None
    if (tag, attribute) in _LOADED and (leaves_the_site(value) or "\\" in value):
        return None
    if attribute in {"href", "src"} and _MISREAD.search(value):
        return None
    return value


_FORM_TAGS = {
    "label", "input", "select", "option", "button", "form", "fieldset", "legend", "output",
}  # fmt: skip
"""The site's own filters use these; the content's Markdown may not."""


def _cleaner(tags: set[str]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=tags,
        attributes={tag: names for tag, names in ATTRIBUTES.items() if tag in tags | {"*"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=_keep_attribute,
    )


# Built once: building the allow-list for every page cost more than the cleaning itself.
_CLEANER = _cleaner(_TEXT_TAGS | _SVG_TAGS)
_TEXT_CLEANER = _cleaner(_TEXT_TAGS - _FORM_TAGS)


def sanitize(html: str) -> str:
    """Clean one page's HTML with the allow-list; scripts and their text are dropped."""
    return _CLEANER.clean(html)


def sanitize_text(html: str) -> str:
    """Clean the HTML of the content's Markdown: the allow-list without forms and drawings.

    The site's own filters and drawings come from the templates; an editor's text has no
    use for a form control or an <svg>, and an open <select> would hide the text after it.
    """
    return _TEXT_CLEANER.clean(html)
