#!/usr/bin/env python3
"""Speed and weight report: serve the built site under its sub-path, gzip-compressed as on
GitHub Pages, and print per page the bytes of a first load and Lighthouse's mobile scores.

    python scripts/quality-report.py [--site site] [--runs 5] [--no-lighthouse] [--requests]

Build the site first with the address it will have, e.g.
    python build.py build --site /tmp/site --site-url https://org.github.io/repo/
The site is served at http://127.0.0.1:<port>/repo/, the path of that address: the page's
own relative links are followed, its absolute ones (canonical, hreflang) are not fetched.
A first load is every request a fresh browser makes for the page (HTML, CSS, JavaScript,
icon, anything a script fetches), counted as transferred: gzip body plus headers.
Lighthouse: `npm install --prefix /tmp/lh lighthouse`, then --lighthouse
/tmp/lh/node_modules/.bin/lighthouse (or IMVO_LIGHTHOUSE); by default .cache/lighthouse,
installed there with npm on first use. Each Lighthouse figure is the median of --runs runs.
Targets (issue 16): the largest factsheet's first load at most 70 kB gzip, no third-party
request; Lighthouse mobile performance at least 98, accessibility, best practices and SEO 100.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import shutil
import socket
import statistics
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
LIGHTHOUSE = Path(
    os.environ.get(
        "IMVO_LIGHTHOUSE", ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    )
)
CHROMIUM = os.environ.get("IMVO_CHROMIUM", "/usr/bin/chromium")  # as imvo/outputs/pdf.py
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
SUB_PATH = "imvo-convenanten"
"""The folder the site is served under when its sitemap names no address."""
WEIGHT_TARGET = 70_000
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE_KINDS = ("factsheet", "home", "overview", "timeline")
"""The page kinds issue 16 sets Lighthouse targets for; the others get a first load only."""
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


def sub_path(site: Path) -> str:
    """The path the site will be published under, from its sitemap's first address."""
    sitemap = site / "sitemap.xml"
    found = (
        re.search(r"<loc>([^<]+)</loc>", sitemap.read_text("utf-8")) if sitemap.is_file() else None
    )
    path = urlsplit(found[1]).path.strip("/").split("/")[0] if found else ""
    return path if path and not path.endswith(".html") else SUB_PATH


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def published_address(site: Path) -> str | None:
    """The address the site is built for (its sitemap's first address, up to the folder)."""
    sitemap = site / "sitemap.xml"
    found = (
        re.search(r"<loc>([^<]+)</loc>", sitemap.read_text("utf-8")) if sitemap.is_file() else None
    )
    if not found:
        return None
    parts = urlsplit(found[1])
    return f"{parts.scheme}://{parts.netloc}/{sub_path(site)}/"


def first_load(
    base: str, page: str, site: Path, published: str | None = None
) -> tuple[list[tuple[str, int]], list[str]]:
    """Each request of a first load in a fresh Chromium, 360 px wide, with the bytes
    transferred (gzip body and headers), and the requests that went to another host.

    A request to the site's published address (a script fetching an absolute link of the
    page) cannot reach the local server; it is counted as the gzip size of the local file
    it names plus 200 bytes of headers, as the published site would serve it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS.split()[1:]
        )
        context = browser.new_context(viewport={"width": 360, "height": 740})
        tab = context.new_page()
        requests: list[tuple[str, int]] = []
        foreign: list[str] = []
        host = urlsplit(base).netloc

        def asked(request: Any) -> None:
            if published and request.url.startswith(published):
                return
            if urlsplit(request.url).netloc not in (host, ""):
                foreign.append(request.url)

        def failed(request: Any) -> None:
            if published and request.url.startswith(published):
                local = site / request.url.removeprefix(published).split("#")[0]
                if local.is_file():
                    size = len(gzip.compress(local.read_bytes(), mtime=0)) + 200
                    requests.append((request.url + " (published address)", size))

        def finished(request: Any) -> None:
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            requests.append((request.url.removeprefix(base), size))

        tab.on("request", asked)
        tab.on("requestfinished", finished)
        tab.on("requestfailed", failed)
        tab.goto(base + page, wait_until="networkidle")
        # A script may fetch late on a busy machine: wait a second, then for quiet again.
        tab.wait_for_timeout(1000)
        tab.wait_for_load_state("networkidle")
        browser.close()
    return requests, foreign


def ensure_lighthouse() -> bool:
    """Install Lighthouse into .cache/lighthouse with npm if it is not there yet."""
    if LIGHTHOUSE.exists():
        return True
    if shutil.which("npm") is None or "IMVO_LIGHTHOUSE" in os.environ:
        print(f"No Lighthouse at {LIGHTHOUSE}: no Lighthouse scores.", file=sys.stderr)
        return False
    subprocess.run(
        ["npm", "install", "--prefix", str(LIGHTHOUSE.parents[2]), "lighthouse"],
        check=False,
    )
    return LIGHTHOUSE.exists()


def slowdown_for(benchmark_index: float) -> float:
    """The CPU slowdown that makes this machine a mid-range phone, from Lighthouse's
    benchmark index of it: Lighthouse's own calculator (docs/throttling.md, "calibrating
    multipliers"; 4 on a fast desktop, 1 on a machine as slow as the phone)."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    return max(1.0, 1 + (benchmark_index - 150) / 650)


def lighthouse(url: str, slowdown: float | None = None) -> dict[str, Any]:
    """Lighthouse's mobile scores (0-100) of one page, with the audits that cost points
    and the machine's benchmark index; `slowdown` replaces the default 4x CPU slowdown."""
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.json"
        throttling = [f"--throttling.cpuSlowdownMultiplier={slowdown:.2f}"] if slowdown else []
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--form-factor=mobile",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                *throttling,
                f"--chrome-flags={CHROMIUM_FLAGS} --user-data-dir={profile}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=False,
            timeout=240,
        )
        if not report.exists():
            return {}
        data = json.loads(report.read_text(encoding="utf-8"))
    scores: dict[str, Any] = {"benchmark": data["environment"]["benchmarkIndex"]}
    for key in CATEGORIES:
        category = data["categories"][key]
        scores[key] = round((category["score"] or 0) * 100)
        scores[f"{key}-misses"] = [
            ref["id"]
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and (data["audits"][ref["id"]]["score"] or 0) < 1
        ]
    return scores


_SLOWDOWN: float | None = None
"""The calibrated CPU slowdown of the latest run, carried to the next page."""


def median_scores(url: str, runs: int, calibrate: bool = False) -> dict[str, Any]:
    """The median of each category over several Lighthouse runs, and every audit that
    cost points in any of them. Calibrated, each run slows the CPU down by what the
    benchmark index of the run before calls for (a first, uncounted run sets it)."""
    global _SLOWDOWN
    slowdown = _SLOWDOWN
    if calibrate and slowdown is None:
        probe = lighthouse(url)
        slowdown = slowdown_for(probe["benchmark"]) if probe else None
    results = []
    for _ in range(runs):
        found = lighthouse(url, slowdown)
        if found:
            found["slowdown"] = slowdown
            results.append(found)
            if calibrate:
                slowdown = _SLOWDOWN = slowdown_for(found["benchmark"])
    if not results:
        return {}
    scores: dict[str, Any] = {
        "benchmark": statistics.median(result["benchmark"] for result in results),
        "slowdowns": [result["slowdown"] for result in results],
    }
    for key in CATEGORIES:
        values = [result[key] for result in results]
        scores[key] = statistics.median_low(values)
        scores[f"{key}-range"] = f"{min(values)}-{max(values)}"
        scores[f"{key}-misses"] = sorted({m for r in results for m in r[f"{key}-misses"]})
    return scores


def kind_of(url: str) -> str:
    """What a request is, for the breakdown: the page, the theme's files or the site's."""
    name = url.rsplit("/", 1)[-1]
    if "assets/stylesheets/" in url or "assets/javascripts/" in url:
        return "theme"
    if url.endswith((".css", ".js")):
        return "site css/js"
    if name.endswith(".html"):
        return "page"
    return "other"


def main(argv: list[str] | None = None) -> int:
    """Serve the site, measure, print the figures and the distance to each target."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs a page (median)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="slow the CPU down by what this machine's speed calls for, not by 4",
    )
    parser.add_argument("--requests", action="store_true", help="list every request")
    parser.add_argument("--kinds", help="only these page kinds, e.g. factsheet,home")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"No built site in {site}: run python build.py build first.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as served:
        folder = sub_path(site)
        published = published_address(site)
        (Path(served) / folder).symlink_to(site)
        handler = partial(GzipHandler, directory=served)
        server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/{folder}/"
        use_lighthouse = not args.no_lighthouse and ensure_lighthouse()
        missed: list[str] = []
        print(f"Served at {base}; first load in kB (gzip body + headers), 360 px wide.")
        heads = "  page  theme  site  other  requests"
        scores_head = "  perf  a11y  best   seo" if use_lighthouse else ""
        print(f"{'page':40} {'first load':>10}{heads}{scores_head}")
        try:
            wanted = set(args.kinds.split(",")) if args.kinds else None
            for kind, pages in page_kinds(site).items():
                if wanted is not None and kind not in wanted:
                    continue
                for page in pages:
                    requests, foreign = first_load(base, page, site, published)
                    size = sum(bytes_ for _url, bytes_ in requests)
                    parts = {
                        part: sum(b for url, b in requests if kind_of(url) == part) / 1000
                        for part in ("page", "theme", "site css/js", "other")
                    }
                    row = "".join(f"{value:>6.1f}" for value in parts.values())
                    scores: dict[str, Any] = {}
                    if use_lighthouse and kind in LIGHTHOUSE_KINDS:
                        scores = median_scores(base + page, args.runs, args.calibrate)
                    shown = "".join(f"{scores.get(key, '-'):>6}" for key in CATEGORIES)
                    print(
                        f"{kind + ': ' + page:40} {size / 1000:>7.1f} kB{row} {len(requests):>9}"
                        + (shown if use_lighthouse else "")
                    )
                    if scores:
                        slowdowns = [
                            f"{x:.1f}" if x else "4 (default)" for x in scores["slowdowns"]
                        ]
                        print(
                            f"    benchmark index {scores['benchmark']:.0f}, CPU slowdown "
                            f"{', '.join(slowdowns)}; performance "
                            f"{scores['performance-range']}"
                        )
                    if args.requests:
                        for url, bytes_ in requests:
                            print(f"    {bytes_ / 1000:>6.2f} kB  {url}")
                    if kind == "factsheet" and size > WEIGHT_TARGET:
                        missed.append(f"{page}: {(size - WEIGHT_TARGET) / 1000:.1f} kB over 70 kB")
                    if foreign:
                        missed.append(f"{page}: third-party requests {foreign}")
                    for key, target in TARGETS.items():
                        if key in scores and scores[key] < target:
                            misses = ", ".join(scores[f"{key}-misses"])
                            missed.append(
                                f"{page}: {key} {scores[key]} (runs {scores[key + '-range']}), "
                                f"target {target} ({misses})"
                            )
        finally:
            server.shutdown()
    print()
    print(
        "Targets: factsheet first load <= 70 kB gzip, no third-party request; Lighthouse "
        f"mobile (median of {args.runs}) performance >= 98, the other three 100."
    )
    print("\n".join(["All targets met."] if not missed else ["Not met:", *missed]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
