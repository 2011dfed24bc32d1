"""The build's options: one frozen value, made once by the command line, used by every stage.

`build`, `serve`, `check` and the tests hand the same `BuildOptions` to the stages: the
content and site folders, the published address, whether PDFs are made, the language of the
messages and the build's moment. Nothing below the command reads options from the
environment: SOURCE_DATE_EPOCH, SITE_URL and REPORT_URL are read here, once (`from_command`).

The build's moment is where every date a build writes comes from (the sitemap, 'today' on
the timeline, a PDF's creation date, the day `check` compares dates with), so that two builds
of the same content give the same bytes (see reproducible-builds.org).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from imvo import ROOT


@dataclass(frozen=True)
class BuildOptions:
    """What one build (or check, or preview) is asked to do."""

    built: datetime
    """The build's moment, in UTC: SOURCE_DATE_EPOCH, else the last commit's date."""
    content: Path = Path("content")
    """The content folder, as given (editors see its files named from the working folder)."""
    site: Path = Path("site")
    """The folder the finished site replaces."""
    site_url: str | None = None
    """The address the site is published at (absolute alternates, the feeds, PDF links)."""
    report_url: str | None = None
    """The repository's new-issue address for 'report an error' links."""
    pdf: bool = True
    """Whether the build prints a PDF of each factsheet (and factsheets link it)."""
    lang: str = "nl"
    """The language of the messages to editors."""

    @property
    def day(self) -> date:
        """The build's day: 'today' for everything the build writes."""
        return self.built.date()


def moment(epoch: str) -> datetime | None:
    """The moment of a SOURCE_DATE_EPOCH value, in UTC; None for no whole number of seconds
    or one outside the years Python knows (1 to 9999)."""
    if not epoch.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        return None


def last_commit(root: Path = ROOT) -> str:
    """The committer date of the last commit, in seconds ('' without git)."""
    try:
        return subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def build_moment(environ: Mapping[str, str], root: Path = ROOT, *, commit: bool = True) -> datetime:
    """SOURCE_DATE_EPOCH; without it, the last commit's date (`commit`), so that two builds of
    the same commit are identical; without git (a copy, a release archive), the clock's."""
    given = moment(environ.get("SOURCE_DATE_EPOCH", ""))
    if given is None and commit:
        given = moment(last_commit(root))
    return given or datetime.fromtimestamp(int(time.time()), UTC)


def report_url(given: str | None, environ: Mapping[str, str]) -> str | None:
    """Where readers report a mistake: --report-url, $REPORT_URL, or the repository that
    GitHub Actions builds (its new-issue form); None when none is known."""
    if given or environ.get("REPORT_URL"):
        return given or environ["REPORT_URL"]
    server, repository = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    return f"{server}/{repository}/issues/new" if server and repository else None


def from_command(
    *,
    lang: str,
    content: Path = Path("content"),
    site: Path = Path("site"),
    site_url: str | None = None,
    report: str | None = None,
    pdf: bool = True,
    commit: bool = True,
    environ: Mapping[str, str] | None = None,
) -> BuildOptions:
    """The options of one command: its arguments, and what the environment says, read once
    (`commit`: without SOURCE_DATE_EPOCH, date the build by the last commit)."""
    env = os.environ if environ is None else environ
    return BuildOptions(
        built=build_moment(env, commit=commit),
        content=content,
        site=site,
        site_url=site_url or env.get("SITE_URL") or None,
        report_url=report_url(report, env),
        pdf=pdf,
        lang=lang,
    )
