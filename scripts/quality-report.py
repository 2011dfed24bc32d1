#!/usr/bin/env python3
"""Speed and weight report: serve the built site under a sub-path, gzip-compressed as on
GitHub Pages, and print per page kind the bytes of a first load and Lighthouse's mobile scores.

    python scripts/quality-report.py [--site site] [--no-lighthouse]

Build the site first with a site_url that matches the server, e.g.
    python build.py build --site-url http://127.0.0.1:8777/imvo-convenanten/
Lighthouse comes from `npm install --prefix .cache/lighthouse lighthouse` (run on first use).
Targets: the largest factsheet's first load at most 70 kB gzip, no third-party request, and
Lighthouse mobile performance, accessibility, best practices and SEO all 100.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("IMVO_CHROMIUM", "/usr/bin/chromium")  # as imvo/pdf.py
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
SUB_PATH = "imvo-convenanten"
PORT = 8777
WEIGHT_TARGET = 70_000
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, like GitHub Pages; quiet."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()

        return io.BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def page_kinds(site: Path) -> dict[str, list[str]]:
    """One page of each kind in each language, as paths under the site root."""
    pages = sorted(site.glob("*.html"))
    factsheets = [p for p in pages if 'class="imvo-pdf"' in p.read_text(encoding="utf-8")]
    # The largest factsheet (by its gzip HTML): the weight target is for the heaviest one.
    factsheet = max(
        factsheets, key=lambda p: len(gzip.compress(p.read_bytes(), mtime=0)), default=None
    )
    kinds = {
        "home": ["index.html", "en/index.html"],
        "overview": ["overzicht.html", "en/overview.html"],
        "timeline": ["tijdlijn.html", "en/timeline.html"],
        "due diligence": ["due-diligence.html", "en/due-diligence.html"],
        "glossary": ["begrippen.html", "en/glossary.html"],
        "text page": ["over-deze-site.html", "en/about.html"],
    }
    if factsheet:
        name = factsheet.name
        kinds = {"factsheet": [name, f"en/{name}"], **kinds}
    return {kind: [p for p in names if (site / p).is_file()] for kind, names in kinds.items()}


def first_load(base: str, page: str) -> tuple[int, list[str]]:
    """Bytes transferred (gzip) for a first load in a fresh Chromium, and foreign requests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS.split()[1:]
        )
        context = browser.new_context(viewport={"width": 360, "height": 740})
        tab = context.new_page()
        sizes: list[int] = []
        foreign: list[str] = []
        host = urlsplit(base).netloc

        def finished(request: Any) -> None:
            if urlsplit(request.url).netloc not in (host, ""):
                foreign.append(request.url)
            sizes.append(
                request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
            )

        tab.on("requestfinished", finished)
        tab.goto(base + page, wait_until="networkidle")
        browser.close()
    return sum(sizes), foreign


def ensure_lighthouse() -> bool:
    """Install Lighthouse into .cache/lighthouse with npm if it is not there yet."""
    if LIGHTHOUSE.exists():
        return True
    if shutil.which("npm") is None:
        print("npm is missing: no Lighthouse scores.", file=sys.stderr)
        return False
    subprocess.run(
        ["npm", "install", "--prefix", str(LIGHTHOUSE.parents[2]), "lighthouse"],
        check=False,
    )
    return LIGHTHOUSE.exists()


def lighthouse(url: str) -> dict[str, Any]:
    """Lighthouse's mobile scores (0-100) of one page, with the audits that cost points."""
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--chrome-flags={CHROMIUM_FLAGS} --user-data-dir={profile}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=False,
            timeout=240,
        )
        if not report.exists():
            return {}
        data = json.loads(report.read_text(encoding="utf-8"))
    scores: dict[str, Any] = {}
    for key in CATEGORIES:
        category = data["categories"][key]
        scores[key] = round((category["score"] or 0) * 100)
        scores[f"{key}-misses"] = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and (data["audits"][ref["id"]]["score"] or 0) < 1
        ]
    return scores


def main() -> int:
    """Serve the site, measure, print the figures and the distance to each target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"No built site in {site}: run python build.py build first.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as served:
        (Path(served) / SUB_PATH).symlink_to(site)
        handler = partial(GzipHandler, directory=served)
        server = ThreadingHTTPServer(("127.0.0.1", PORT), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{PORT}/{SUB_PATH}/"
        use_lighthouse = not args.no_lighthouse and ensure_lighthouse()
        missed: list[str] = []
        print(f"{'page':34} {'first load':>11}  perf  a11y  best   seo")
        try:
            for kind, pages in page_kinds(site).items():
                for page in pages:
                    size, foreign = first_load(base, page)
                    scores = lighthouse(base + page) if use_lighthouse else {}
                    row = "".join(f"{scores.get(key, '-'):>6}" for key in CATEGORIES)
                    print(f"{kind + ': ' + page:34} {size / 1000:>8.1f} kB{row}")
                    if kind == "factsheet" and size > WEIGHT_TARGET:
                        missed.append(f"{page}: {(size - WEIGHT_TARGET) / 1000:.1f} kB over 70 kB")
                    if foreign:
                        missed.append(f"{page}: third-party requests {foreign}")
                    for key in CATEGORIES:
                        if key in scores and scores[key] < 100:
                            misses = ", ".join(scores[f"{key}-misses"])
                            missed.append(f"{page}: {key} {100 - scores[key]} short ({misses})")
        finally:
            server.shutdown()
    print()
    print("Targets: factsheet first load <= 70 kB gzip, no third-party request, all scores 100.")
    print("\n".join(["All targets met."] if not missed else ["Not met:", *missed]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
