"""The rules file is the one home of the figures: the decision aid, its table, its JSON and
the "what applies now" page all follow a change in content/law.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

from imvo.validate import load_content
from imvo.write import build_site

ROOT = Path(__file__).resolve().parent.parent


def test_a_changed_threshold_reaches_every_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    rules = content / "law.yaml"
    text = rules.read_text(encoding="utf-8")
    assert text.count("employees_over: 1000") == 1
    rules.write_text(text.replace("employees_over: 1000", "employees_over: 1234"), "utf-8")
    site = tmp_path / "site"
    build_site(load_content(content, tmp_path), site)
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
