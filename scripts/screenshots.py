"""Screenshots of the main pages at 360 and 1280 px in both languages, and the PDF pages as PNG.

Usage:
    python scripts/screenshots.py --out shots/              # build the real content, then shoot
    python scripts/screenshots.py --site site/ --out shots/ # shoot a site that is already built

Every change to the design can be looked at this way. Pages are opened from a local server
(the site's own files only), full length, with Debian's Chromium through Playwright. Beside
the PNGs, measures.txt gives for each factsheet at 360x740 where the summary list's rows
(status, unions, complaints now, what applies now) and the first action step end and where
the "what you can do" box ends (in screens of 740 px), and for each PDF its page count, body
text size and characters per line.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from imvo.outputs.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

WIDTHS = (360, 1280)
PHONE_HEIGHT = 740
PAGES = {
    "nl": [
        "index",
        "overzicht",
        "partijen",
        "tijdlijn",
        "due-diligence",
        "doet-mijn-organisatie-mee",
    ],
    "en": [
        "index",
        "overview",
        "parties",
        "timeline",
        "due-diligence",
        "is-my-organisation-taking-part",
    ],
}
"""The main pages of each language (file names without .html); factsheets are added."""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(site: Path, content: Path, site_url: str | None) -> None:
    """Build a content folder into `site` (with PDFs)."""
    command = [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content)]
    command += ["--site", str(site)] + (["--site-url", site_url] if site_url else [])
    subprocess.run(command, check=True, cwd=ROOT)


def factsheets(site: Path, wanted: list[str]) -> list[str]:
    """The factsheets to shoot: those named, else every covenant in the site's open data."""
    if wanted:
        return wanted
    with (site / "data" / "covenants.csv").open(encoding="utf-8-sig") as handle:
        return sorted(row["slug"] for row in csv.DictReader(handle))


def shoot_pages(site: Path, out: Path, slugs: list[str]) -> list[str]:
    """Screenshot every main page and factsheet at each width; return the measure lines."""
    from playwright.sync_api import sync_playwright

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    measures: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for lang, names in PAGES.items():
                folder = "" if lang == "nl" else "en/"
                for name in [*names, *slugs]:
                    if not (site / f"{folder}{name}.html").is_file():
                        continue
                    for width in WIDTHS:
                        height = PHONE_HEIGHT if width < 600 else 900
                        context = browser.new_context(viewport={"width": width, "height": height})
                        page = context.new_page()
                        page.goto(f"http://127.0.0.1:{port}/{folder}{name}.html", wait_until="load")
                        page.wait_for_timeout(150)
                        target = out / f"{lang}-{name}-{width}.png"
                        page.screenshot(path=str(target), full_page=True)
                        if name in slugs and width < 600:
                            measures.append(f"{lang} {name} 360: " + _measure(page))
                            # The first two screens of a factsheet on a phone, at full size.
                            top = out / f"{lang}-{name}-{width}-first-two-screens.png"
                            clip = {"x": 0, "y": 0, "width": width, "height": 2 * PHONE_HEIGHT}
                            page.screenshot(path=str(top), full_page=True, clip=clip)
                        scroll = page.evaluate(
                            "() => document.documentElement.scrollWidth"
                            " - document.documentElement.clientWidth"
                        )
                        if scroll > 0:
                            measures.append(f"{lang} {name} {width}: scrolls sideways {scroll}px")
                        context.close()
                measures += _narrowest(browser, port, folder, names[1])
            browser.close()
    finally:
        server.shutdown()
    return measures


def _narrowest(browser: object, port: int, folder: str, name: str) -> list[str]:
    """The overview at 320 px (WCAG 1.4.10 reflow): how far the page scrolls sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 640})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{port}/{folder}{name}.html", wait_until="load")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    context.close()
    return [f"{folder or 'nl/'}{name} 320: scrollWidth {widths[0]}, clientWidth {widths[1]}"]


def _measure(page: object) -> str:
    """Where the four rows of the summary list and the first action step end, on a phone,
    and the bottom of the action box (in px from the page top; 740 is the first screen)."""
    box = page.evaluate(  # type: ignore[attr-defined]
        """() => {
          const bottom = s => { const e = document.querySelector(s); if (!e) return null;
                                return Math.round(e.getBoundingClientRect().bottom + scrollY); };
          return {status: bottom('.imvo-summary__row--status dd'),
                  unions: bottom('.imvo-summary__row--unions dd'),
                  complaints_now: bottom('.imvo-summary__row--complaints-now dd'),
                  applies_now: bottom('.imvo-summary__row--applies-now dd'),
                  first_step: bottom('.imvo-action__steps li'),
                  action: bottom('.imvo-action'),
                  page: document.documentElement.scrollHeight};
        }"""
    )
    names = ("status", "unions", "complaints_now", "applies_now", "first_step")
    parts = [f"{name} {box[name]} px" for name in names if box[name] is not None]
    if box["action"] is not None:
        parts.append(
            f"action box to {box['action']} px = {box['action'] / PHONE_HEIGHT:.2f} screens"
        )
    parts.append(f"page {box['page']} px")
    return "; ".join(parts)


def _pdf_type(path: Path) -> tuple[float, float, int]:
    """A PDF's body text size (the size most characters have), its smallest text size and
    its characters a line at body size (the 90th percentile of its lines), in points."""
    from pypdf import PdfReader

    sizes: dict[float, int] = {}
    lines: dict[tuple[int, float, int], str] = {}
    for index, page in enumerate(PdfReader(path).pages):

        def visit(
            text: str, cm: list[float], tm: list[float], font: object, size: float, at: int = index
        ) -> None:
            if text.strip():
                points = round(size * abs(tm[3] * cm[3]), 1)
                sizes[points] = sizes.get(points, 0) + len(text.strip())
                key = (at, points, round(tm[5] * cm[3] + cm[5]))
                lines[key] = lines.get(key, "") + text

        page.extract_text(visitor_text=visit)
    if not sizes:
        return 0.0, 0.0, 0
    body = max(sizes, key=lambda points: sizes[points])
    lengths = sorted(len(" ".join(v.split())) for k, v in lines.items() if k[1] == body)
    return body, min(sizes), lengths[int(len(lengths) * 0.9)]


def shoot_pdfs(site: Path, out: Path, slugs: list[str], dpi: int = 60) -> list[str]:
    """Each factsheet's PDF pages as PNG (pdftoppm, at `dpi`); return its page counts."""
    from pypdf import PdfReader

    measures = []
    for lang, folder in (("nl", site / "pdf"), ("en", site / "en" / "pdf")):
        for slug in slugs:
            pdf = folder / f"{slug}.pdf"
            if not pdf.is_file():
                continue
            count = len(PdfReader(pdf).pages)
            body, smallest, line = _pdf_type(pdf)
            measures.append(
                f"{lang} {slug} pdf: {count} page{'s' if count != 1 else ''}; body {body} pt, "
                f"smallest {smallest} pt, {line} characters a line (90th percentile)"
            )
            if shutil.which("pdftoppm"):
                prefix = out / f"{lang}-{slug}-pdf"
                resolution = str(dpi)
                subprocess.run(
                    ["pdftoppm", "-png", "-r", resolution, str(pdf), str(prefix)], check=True
                )
    return measures


def main(argv: list[str] | None = None) -> int:
    """Build or take a site, write the screenshots and measures.txt into --out."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the content)")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--site-url", help="build with this --site-url (for the PDF footers)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--factsheet", action="append", default=[], help="slug (repeatable)")
    parser.add_argument("--no-pdf-images", action="store_true", help="skip the PDF pages")
    parser.add_argument(
        "--pdf-dpi", type=int, default=60, help="resolution of the PDF pages (150 to read 9 pt)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763683200")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site = args.site
        if site is None:
            site = Path(work) / "site"
            build(site, args.content, args.site_url)
        slugs = factsheets(site, args.factsheet)
        measures = shoot_pages(site, args.out, slugs)
        if not args.no_pdf_images:
            measures += shoot_pdfs(site, args.out, slugs, args.pdf_dpi)
    (args.out / "measures.txt").write_text("\n".join(measures) + "\n", encoding="utf-8")
    print("\n".join(measures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
