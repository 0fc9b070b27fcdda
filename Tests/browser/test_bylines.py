"""Bylines, author pages and the draft / scheduled banners are valid HTML (W3C Nu): a temp copy
of the sample site with an authors file, the sample explainer signed, and a draft and a
scheduled explainer, built with `explainer build --drafts --future`.
"""
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, explainer_binary
from test_site import run_validator

AUTHORS = """\
ana-diaz:
  name: Ana Díaz
  role: Chief correspondent
  url: https://example.org/ana
  bio: Covers Central Asia.
  links:
    - { text: Mastodon, url: "https://example.social/@ana" }
ben-lee:
  name: Ben Lee
"""

ARTICLE = """\
---
title: "{title}"
summary: "A short summary."
date: {date}
authors: [ana-diaz, ben-lee]
{extra}
---
The lede.

## More

More text.
"""


def test_bylines_author_pages_and_banners_are_valid_html(tmp_path: Path):
    content, templates, output = tmp_path / "Content", tmp_path / "Templates", tmp_path / "Public"
    shutil.copytree(ROOT / "Content", content)
    shutil.copytree(ROOT / "Templates", templates)
    (content / "authors.yml").write_text(AUTHORS, encoding="utf-8")
    sample = content / "russia-taliban" / "index.md"
    text = sample.read_text(encoding="utf-8")
    sample.write_text(text.replace("\n---\n", "\nauthors: ana-diaz\n---\n", 1) if text.startswith("---\n") else text,
                      encoding="utf-8")
    (content / "draft-one.md").write_text(ARTICLE.format(title="Draft one", date="2001-01-01", extra="draft: true"),
                                          encoding="utf-8")
    (content / "later-one.md").write_text(ARTICLE.format(title="Later one", date="2999-12-31", extra=""), encoding="utf-8")
    result = subprocess.run([str(explainer_binary()), "build", "--drafts", "--future", "--content", str(content),
                             "--templates", str(templates), "--output", str(output), "--no-cache"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for page in ["authors/index.html", "authors/ana-diaz/index.html", "later-one/index.html", "draft-one/index.html"]:
        assert (output / page).exists(), page
    assert "Scheduled for 31 December 2999" in (output / "later-one" / "index.html").read_text(encoding="utf-8")
    assert 'class="byline"' in (output / "russia-taliban" / "index.html").read_text(encoding="utf-8")
    code, report = run_validator("--root", str(output))
    assert code == 0, f"W3C Nu validator reported errors:\n{report}"
