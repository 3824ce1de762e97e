"""Publishing from nothing: an empty settings-only repository made from examples/publish/,
and the GitHub workflow's build steps run in it as written — the clone of Nærvær at the
pinned tag, the installation by the project's own setup.sh in a fresh virtualenv, the check,
and the build twice, the second time from the PDF cache the workflow keeps."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from naervaer.cli.maintainers import SCHEMA_FILE

from .conftest import ROOT, TEST_CACHE

EXAMPLE = ROOT / "examples" / "publish"
WORKFLOW = EXAMPLE / ".github" / "workflows" / "publiser.yml"
GITLAB = EXAMPLE / ".gitlab-ci.yml"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]

pytestmark = pytest.mark.build


def steps() -> list[dict[str, Any]]:
    return list(yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["bygg"]["steps"])


def test_both_ci_files_pin_the_version_and_call_the_projects_installer() -> None:
    github = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert github["env"]["NAERVAER_VERSION"] == gitlab["variables"]["NAERVAER_VERSION"] \
        == f"v{VERSION}"
    runs = "\n".join(step.get("run", "") for step in steps())
    script = "\n".join(gitlab["pages"]["script"])
    for text in (runs, script):
        assert re.search(r'/setup\.sh"? --site-only', text)  # what the project installs
        assert "naervaer sjekk naervaer.yml" in text
        assert "naervaer bygg naervaer.yml --ut public" in text
        assert "apt-get install" not in text.replace("apt-get install -y -qq git", "")
    # the PDF cache is kept between runs, where the build looks for it
    cache = next(s for s in steps() if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == github["env"]["NAERVAER_CACHE"] \
        == gitlab["variables"]["NAERVAER_CACHE"] == gitlab["pages"]["cache"]["paths"][0]
    # the schema line works on any machine: the schema beside the settings file, current
    first = (EXAMPLE / "naervaer.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=naervaer.schema.json"
    assert (EXAMPLE / "naervaer.schema.json").read_text(encoding="utf-8") \
        == SCHEMA_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The workflow's `run:` steps, in order, in a new settings-only repository; Nærvær is
    cloned from a local repository with this commit tagged v<version> (what NAERVAER_REPO
    names in real use); GITHUB_PATH is honoured as the runner does."""
    tmp = tmp_path_factory.mktemp("publish")
    origin = tmp / "naervaer.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(origin)], check=True)
    subprocess.run(["git", "-C", str(origin), "tag", "-f", f"v{VERSION}", "HEAD"], check=True,
                   capture_output=True)
    repo = tmp / "naervaer-bjorkvik"
    repo.mkdir()
    for path in EXAMPLE.iterdir():
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, repo / path.name)
    subprocess.run(["git", "init", "--quiet", str(repo)], check=True)
    runner = tmp / "runner"
    runner.mkdir()
    path_file = tmp / "github-path"
    path_file.write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NAERVAER_", "VIRTUAL_ENV"))}
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    env |= {k: str(v) for k, v in workflow["env"].items()}
    env |= {"NAERVAER_REPO": origin.as_uri(), "RUNNER_TEMP": str(runner),
            "GITHUB_PATH": str(path_file), "NO_MKDOCS_2_WARNING": "1"}
    # a restored cache: what the last run left (this machine's test cache has the same PDFs)
    if (TEST_CACHE / "pdf").is_dir():
        shutil.copytree(TEST_CACHE, repo / env["NAERVAER_CACHE"], dirs_exist_ok=True)
    runs: list[tuple[str, subprocess.CompletedProcess[str]]] = []
    again = {"name": "again, from the kept cache", "run": "naervaer bygg naervaer.yml --ut public"}
    for step in [s for s in workflow["jobs"]["bygg"]["steps"] if "run" in s] + [again]:
        extra = [p for p in path_file.read_text(encoding="utf-8").splitlines() if p]
        step_env = env | {"PATH": os.pathsep.join([*extra, env["PATH"]])}
        result = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=repo,
                                env=step_env, capture_output=True, text=True, timeout=1200)
        runs.append((step["name"], result))
        if result.returncode != 0:
            break
    return {"repo": repo, "runs": runs, "runner": runner}


def test_a_settings_only_repository_publishes_its_edition(published: dict[str, Any]) -> None:
    runs = published["runs"]
    for name, result in runs:
        assert result.returncode == 0, f"{name}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    assert len(runs) == len([s for s in steps() if "run" in s]) + 1
    installed = published["runner"] / "naervaer" / ".venv" / "bin" / "naervaer"
    assert installed.is_file()  # a fresh virtualenv, made by the project's setup.sh
    checked = next(r for n, r in runs if "Sjekk" in n)
    assert "Kommune: Bjørkvik kommune" in " ".join(checked.stdout.split())
    out = published["repo"] / "public"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Bjørkvik kommune" in index and 'src="assets/logo.svg"' in index
    assert len(list((out / "skjema").glob("*.pdf"))) == 49
    # the second build renders nothing: every PDF comes from the kept cache
    again = runs[-1][1].stdout
    done = re.search(r"\((\d+) nye\) i public$", again, re.M)
    assert done and done.group(1) == "0", again


def test_the_editors_page_is_left_out_of_a_municipality_edition(
    published: dict[str, Any], site_dir: Path, nn_site_dir: Path
) -> None:
    # the demo edition has it, with a navigation link and the publishing example
    page = (site_dir / "lokal-versjon.html").read_text(encoding="utf-8")
    assert 'href="lokal-versjon.html"' in (site_dir / "index.html").read_text(encoding="utf-8")
    assert "naervaer bygg naervaer.yml --ut public" in page
    assert 'id="eget-repository"' in page
    # a municipality's edition (nb example repository, nn Fjordvik) has neither page nor link
    for out in (published["repo"] / "public", nn_site_dir):
        assert not (out / "lokal-versjon.html").exists()
        linking = [p.name for p in out.rglob("*.html")
                   if "lokal-versjon" in p.read_text(encoding="utf-8")]
        assert linking == [], out
        assert "lokal-versjon" not in (out / "sitemap.xml").read_text(encoding="utf-8")
