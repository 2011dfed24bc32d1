"""Benchmark: `build.py import-participants` with a list of 1,000 names.

    python benchmarks/import_participants.py [--names 1000] [--covenant pensioenfondsen]

Copies the real content to a temporary folder, writes a pasted list of that many new names
(made-up, each different, some with Word's quotes and non-breaking spaces), runs the import
as an editor would (`python build.py import-participants <covenant> names.txt ...`) and
prints the wall time, the CPU time of the command (which a busy machine does not inflate)
and how many names it added; then runs `check` on the result to show it passes.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Groen",
    "Blauw",
    "Rood",
    "Goud",
    "Zilver",
    "Steen",
    "Haven",
    "Polder",
    "Dijk",
    "Molen",
    "Brug",
    "Linde",
    "Eik",
    "Beuk",
    "Wilg",
    "Berk",
    "Vogel",
    "Zwaan",
    "Reiger",
    "Valk",
    "Uil",
    "Vos",
    "Das",
    "Otter",
    "Bever",
    "Hert",
]
KINDS = ("Pensioenfonds", "Stichting", "Beleggingen", "Holding", "Groep", "Textiel", "Bank")


def names(count: int, seed: int = 7) -> list[str]:
    """Made-up, distinct organisation names, as pasted from a word processor."""
    rng = random.Random(seed)
    out: list[str] = []
    for number in range(count):
        words = " ".join(rng.sample(WORDS, 2))
        name = f"{rng.choice(KINDS)} {words} {number:04d}"
        if number % 10 == 0:
            name = f"\u201c{name}\u201d"  # Word's quotes
        if number % 7 == 0:
            name = name.replace(" ", "\u00a0", 1)  # a non-breaking space
        out.append(name)
    return out


def run(args: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run build.py; the wall time and the CPU time of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1000)
    parser.add_argument("--covenant", default="pensioenfondsen")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="imvo-import-bench-") as folder:
        work = Path(folder)
        shutil.copytree(ROOT / "content", work / "content")
        (work / "names.txt").write_text("\n".join(names(options.names)) + "\n", "utf-8")
        wall, cpu, done = run(
            [
                "import-participants",
                options.covenant,
                "names.txt",
                "--source-url",
                "https://example.org/lijst",
                "--source-title",
                "Lijst van deelnemers",
                "--source-date",
                "2024-05-01",
                "--lang",
                "en",
            ],
            work,
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        summary = done.stdout.strip().splitlines()[-1]
        print(f"import of {options.names} names: {wall:.2f} s wall, {cpu:.2f} s CPU")
        print(summary)
        check_wall, _cpu, checked = run(["check", "--lang", "en"], work)
        print(f"check afterwards: {checked.stderr.strip().splitlines()[-1]} ({check_wall:.2f} s)")
        return checked.returncode


if __name__ == "__main__":
    raise SystemExit(main())
