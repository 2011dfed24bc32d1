"""The benchmark keeps working: run it at N=12 and check the shape of what it prints."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import benchmark
import history_benchmark


def test_benchmark_prints_every_figure_for_n_12(capsys: pytest.CaptureFixture[str]) -> None:
    assert benchmark.main(["--sizes", "12"]) == 0
    lines = capsys.readouterr().out.splitlines()
    patterns = [
        r"N = 12 covenants \(without PDFs\)",
        r"  check: \d+\.\d\d s, peak \d+ MB",
        r"  build: \d+\.\d\d s, peak \d+ MB \(largest process\)",
        r"  stages: load\+validate \d+\.\d\d s, history \d+\.\d\d s, render \d+\.\d\d s, "
        r"write \d+\.\d\d s, data \d+\.\d\d s, mkdocs \d+\.\d\d s, search \d+\.\d\d s, "
        r"total \d+\.\d\d s",
        r"  own stages \(load\+validate, history, render, write, data\): \d+% of the build",
        r"  pages: 62 \(\d+ pages/s\)",
        r"  site: \d+\.\d MB, largest page \d+\.\d\d MB",
        r"  factsheet first load: \d+\.\d kB gzip \(HTML\+CSS\+JS\)",
        r"  \(benchmark run: \d+\.\d s\)",
    ]
    assert len(lines) == len(patterns)
    for line, pattern in zip(lines, patterns, strict=True):
        assert re.fullmatch(pattern, line), line


def test_history_benchmark_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert history_benchmark.main(["--files", "5", "--commits", "31"]) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(
        r"history: 5 files, 31 commits \(made in \d+\.\d s\): cold \d+\.\d\d s, "
        r"warm \d+\.\d\d s, \d+ changes, cache \d+\.\d MB\n",
        out,
    ), out
