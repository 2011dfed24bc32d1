"""Benchmark: generate N valid covenants and measure `check` and a full build of both languages.

    python benchmarks/benchmark.py [--sizes 12 100 1000] [--pdf]
    python benchmarks/benchmark.py --participants 1000x100 1x1000

--participants C x P generates C covenants with P participants each (unique names, one source
per file), to measure what the participants cost.

For each N it prints wall time and peak memory of `check` and of `build`, the seconds spent
in the project's own stages (load+validate, render, write) apart from mkdocs and the search
index (Pagefind), pages per second, the size of the site and the first-load weight of a
factsheet (gzip bytes of its HTML, CSS and JavaScript). Builds run without PDFs unless --pdf
is given (PDFs are cached by content hash, so they cost nothing on a rebuild that changes no
factsheet).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "content"
ENV_EPOCH = "1763683200"


@dataclass
class Measure:
    """One run of a command: wall seconds, peak RSS in MB (largest process) and its stderr."""

    seconds: float
    peak_mb: float
    stderr: str = ""


@dataclass
class Result:
    """The figures of one N."""

    n: int
    check_s: float
    check_mb: float
    build_s: float
    build_mb: float
    stages: dict[str, float] = field(default_factory=dict)
    own_share: float = 0.0
    pages: int = 0
    pages_per_s: float = 0.0
    site_mb: float = 0.0
    factsheet_kb_gz: float = 0.0
    largest_page_mb: float = 0.0
    """The largest HTML page (the build refuses one over imvo/model/limits.py's MAX_PAGE_BYTES)."""
    pdf: bool = False
    participants: int = 0
    """Participants per covenant (0: no participants files)."""


def write_participants(content: Path, slugs: list[str], per_covenant: int) -> None:
    """Give each covenant a participants file with `per_covenant` unique, sourced names."""
    folder = content / "participants"
    folder.mkdir(exist_ok=True)
    kinds = ("company", "bank", "insurer", "pension_fund")
    for number, slug in enumerate(slugs):
        lines = [
            "sources:",
            "  - id: lijst",
            "    title: Lijst van deelnemers",
            "    url: https://example.org/deelnemers",
            "default_sources: [lijst]",
            "counts:",
            "  - of: participants",
            f"    number: {per_covenant + 3}",
            "    sources: [lijst]",
            "participants:",
        ]
        for index in range(per_covenant):
            # Names start with every letter, as real ones do: the A-Z list is split by letter.
            name = f"{chr(65 + (number + index) % 26)}bedrijf {number:04d}-{index:04d}"
            lines += [
                f"  - name: {name}",
                f"    legal_name: {name} B.V.",
                f"    kind: {kinds[index % len(kinds)]}",
                f'    joined: "{2016 + index % 5}-0{1 + index % 9}"',
            ]
            if index % 10 == 0:
                lines.append(f"    brands: [Merk {number:04d}-{index:04d}]")
        (folder / f"{slug}.yaml").write_text("\n".join(lines) + "\n", "utf-8")


def generate(n: int, content: Path, participants: int = 0) -> None:
    """Write a content folder with N synthetic but valid covenants (registries from the fixture)."""
    shutil.copytree(FIXTURE, content)
    template = (FIXTURE / "covenants" / "voorbeeld.yaml").read_text("utf-8")
    (content / "covenants" / "voorbeeld.yaml").unlink()
    (content / "participants" / "voorbeeld.yaml").unlink(missing_ok=True)
    for index in range(1, n + 1):
        text = template.replace("Convenant Voorbeeldsector", f"Convenant Sector {index}")
        text = text.replace("Example Sector Agreement", f"Sector {index} Agreement")
        text = text.replace("  nl: Voorbeeld\n", f"  nl: Sector {index}\n", 1)
        text = text.replace("  en: Example\n", f"  en: Sector {index}\n", 1)
        text = text.replace('"2016-07-04"', f'"{2000 + index % 20}-07-04"')
        text = text.replace('"2016-07-05"', f'"{2000 + index % 20}-07-05"')
        text = text.replace('"2016-08"', f'"{2000 + index % 20}-08"')
        text = text.replace('"2019-05-01"', f'"{2021 + index % 3}-05-01"')
        text = text.replace('"2020-06"', f'"{2024 + index % 2}-06"')
        (content / "covenants" / f"convenant-{index:04d}.yaml").write_text(text, "utf-8")
    if participants:
        slugs = [f"convenant-{index:04d}" for index in range(1, n + 1)]
        write_participants(content, slugs, participants)


def measure(command: list[str], cwd: Path) -> Measure:
    """Run one command in a fresh helper process; return its wall time and peak RSS."""
    helper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "s = time.perf_counter() - t\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.write(r.stderr)\n"
        "print(s, kb, r.returncode)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", helper, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "SOURCE_DATE_EPOCH": ENV_EPOCH,
            # The engine and the browser the caller chose (IMVO_ENGINE=properdocs, say).
            **{
                name: os.environ[name]
                for name in ("IMVO_ENGINE", "IMVO_CHROMIUM")
                if name in os.environ
            },
        },
        check=True,
    )
    seconds, kb, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return Measure(float(seconds), int(kb) / 1024, done.stderr)


def first_load_bytes(site: Path, page: Path) -> int:
    """Gzip bytes of a page's HTML plus the local CSS and JavaScript it loads."""
    html = page.read_text("utf-8")
    total = len(gzip.compress(html.encode(), mtime=0))
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        if "://" in ref:
            continue
        asset = (page.parent / ref).resolve()
        if asset.is_file() and site in asset.parents:
            total += len(gzip.compress(asset.read_bytes(), mtime=0))
    return total


OWN_STAGES = ("load+validate", "history", "render", "write", "data")
"""The project's own stages, in the order the report prints them (mkdocs and PDFs apart)."""


def stages_of(stderr: str) -> dict[str, float]:
    """The stage timings build --timings printed."""
    match = re.search(r"^Timings \(s\): (.*)$", stderr, re.M)
    if match is None:
        return {}
    pairs = (item.rsplit(" ", 1) for item in match.group(1).split(", "))
    return {name: float(value) for name, value in pairs}


def run(n: int, pdf: bool = False, participants: int = 0) -> Result:
    """Generate N covenants (with `participants` each), check and build them, gather figures."""
    with tempfile.TemporaryDirectory(prefix=f"imvo-bench-{n}-") as temp:
        folder = Path(temp)
        generate(n, folder / "content", participants)
        build_py = str(ROOT / "build.py")
        check = measure([sys.executable, build_py, "check", "--content", "content"], folder)
        command = [sys.executable, build_py, "build", "--content", "content", "--site", "site"]
        command += ["--timings"] + ([] if pdf else ["--no-pdf"])
        build = measure(command, folder)
        site = folder / "site"
        html = list(site.rglob("*.html"))
        stages = stages_of(build.stderr)
        own = sum(v for k, v in stages.items() if k in OWN_STAGES)
        return Result(
            n=n,
            check_s=check.seconds,
            check_mb=check.peak_mb,
            build_s=build.seconds,
            build_mb=build.peak_mb,
            stages=stages,
            own_share=own / build.seconds if build.seconds else 0.0,
            pages=len(html),
            pages_per_s=len(html) / build.seconds,
            site_mb=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
            factsheet_kb_gz=first_load_bytes(site.resolve(), site / "convenant-0001.html") / 1e3,
            largest_page_mb=max((p.stat().st_size for p in html), default=0) / 1e6,
            pdf=pdf,
            participants=participants,
        )


def report(result: Result) -> str:
    """The figures of one N, as lines."""
    order = [*OWN_STAGES, "mkdocs", "search", "pdf", "total"]
    ranked = sorted(result.stages.items(), key=lambda kv: [*order, kv[0]].index(kv[0]))
    stages = ", ".join(f"{name} {value:.2f} s" for name, value in ranked)
    return "\n".join(
        [
            f"N = {result.n} covenants"
            + (f" with {result.participants} participants each" if result.participants else "")
            + f" ({'with' if result.pdf else 'without'} PDFs)",
            f"  check: {result.check_s:.2f} s, peak {result.check_mb:.0f} MB",
            f"  build: {result.build_s:.2f} s, peak {result.build_mb:.0f} MB (largest process)",
            f"  stages: {stages}",
            f"  own stages ({', '.join(OWN_STAGES)}): {result.own_share:.0%} of the build",
            f"  pages: {result.pages} ({result.pages_per_s:.0f} pages/s)",
            f"  site: {result.site_mb:.1f} MB, largest page {result.largest_page_mb:.2f} MB",
            f"  factsheet first load: {result.factsheet_kb_gz:.1f} kB gzip (HTML+CSS+JS)",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for each size and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[12, 100, 1000])
    parser.add_argument("--pdf", action="store_true", help="build the PDFs too")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument(
        "--participants",
        nargs="+",
        metavar="CxP",
        default=[],
        help="instead of --sizes: C covenants with P participants each (1000x100 1x1000)",
    )
    args = parser.parse_args(argv)
    cases = [(n, 0) for n in args.sizes]
    if args.participants:
        pairs = [case.split("x", 1) for case in args.participants]
        cases = [(int(covenants), int(each)) for covenants, each in pairs]
    results = []
    for n, per_covenant in cases:
        started = time.perf_counter()
        result = run(n, pdf=args.pdf, participants=per_covenant)
        results.append(result)
        print(report(result), flush=True)
        print(f"  (benchmark run: {time.perf_counter() - started:.1f} s)", flush=True)
    if len(results) > 1:
        first, last = results[-2], results[-1]
        ratio = last.build_s / first.build_s
        print(f"growth: build of {last.n} took {ratio:.1f}x the build of {first.n}")
    if args.json:
        print(json.dumps([asdict(r) for r in results]))
    _ = resource  # the helper process measures with resource.getrusage(RUSAGE_CHILDREN)
    return 0


if __name__ == "__main__":
    sys.exit(main())
