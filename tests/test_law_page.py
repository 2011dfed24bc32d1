"""The rules file is the one home of the figures: the decision aid, its table, its JSON and
the "what applies now" page all follow a change in content/law.yaml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from build_options import options

from imvo.build.orchestrate import build_site
from imvo.model.content import Corpus
from imvo.outputs.open_data import write_data
from imvo.outputs.steps import PostStep, data_step
from imvo.validate import load_content

ROOT = Path(__file__).resolve().parent.parent


def test_a_changed_threshold_reaches_every_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    rules = content / "law.yaml"
    text = rules.read_text(encoding="utf-8")
    assert text.count("employees_over: 1000") == 1
    rules.write_text(text.replace("employees_over: 1000", "employees_over: 1234"), "utf-8")
    site = tmp_path / "site"
    build_site(
        load_content(content, tmp_path),
        options(site=site, content=content),
        post_steps=[PostStep(data_step, needs_pages=False)],
    )
    aid = (site / "geldt-de-csrd-of-csddd.html").read_text(encoding="utf-8")
    assert "meer dan 1.234 werknemers en meer dan 450 miljoen euro netto-omzet." in aid
    assert '"employees_over":1234' in aid
    assert "1.000 werknemers" not in aid
    english = (site / "en" / "does-the-csrd-or-csddd-apply.html").read_text(encoding="utf-8")
    assert "more than 1,234 employees and more than 450 million euros in net turnover." in english
    now = (site / "wat-geldt-nu.html").read_text(encoding="utf-8")
    # The CSRD's scope and the works council's question quote the file; "at first, more
    # than 1,000" (the CSDDD of 2024) is history and stays as it was.
    assert " ".join(now.split()).count("meer dan 1.234 werknemers") == 2
    assert "more than 1,234 employees" in (site / "en" / "what-applies-now.html").read_text(
        encoding="utf-8"
    )
    rows = (site / "data" / "law-rules.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].startswith("csrd,eu,employees_over,1234,employees,")
    dataset = json.loads((site / "data" / "covenants.json").read_text(encoding="utf-8"))
    assert dataset["law"]["csrd"]["eu"]["employees_over"] == 1234


def test_the_rules_are_in_the_open_data_and_its_valid_data_package(
    corpus: Corpus, tmp_path: Path
) -> None:
    from frictionless import validate

    write_data(corpus, tmp_path)
    folder = tmp_path / "data"
    report = validate(str(folder / "datapackage.json"))
    assert [e.type for t in report.tasks for e in t.errors] == []
    rows = (folder / "law-rules.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == (
        "law,scope,measure,value,unit,article_nl,article_en,as_of,sources,source_urls"
    )
    keys = [row.split(",")[:4] for row in rows[1:]]
    assert keys == [
        ["csrd", "eu", "employees_over", "1000"],
        ["csrd", "eu", "turnover_over", "450"],
        ["csrd", "non_eu", "eu_turnover_over", "450"],
        ["csrd", "non_eu", "branch_turnover_over", "200"],
        ["csrd", "start_eu", "date", "2027-01-01"],
        ["csrd", "start_non_eu", "date", "2028-01-01"],
        ["csddd", "eu", "employees_over", "5000"],
        ["csddd", "eu", "turnover_over", "1500"],
        ["csddd", "non_eu", "eu_turnover_over", "1500"],
        ["csddd", "franchise", "royalties_over", "75"],
        ["csddd", "franchise", "turnover_over", "275"],
        ["csddd", "start_eu", "date", "2029-07-26"],
        ["csddd", "start_non_eu", "date", "2029-07-26"],
    ]
