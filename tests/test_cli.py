"""The editors' command `naervaer` (ny, sjekk, vis, bygg), run as an editor runs it: the
installed console script `.venv/bin/naervaer`, from a folder outside the project, with the
settings file there. Publishing from a settings-only repository: the commands in
examples/publish/ are read from its CI files and run exactly as written."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import tomllib
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from naervaer.cli.starter import SCHEMA_FILE
from naervaer.site import csp
from naervaer.site.plugin import PREVIEW_JS

from .conftest import EDITIONS, ROOT, TEST_CACHE, interrupt, previous_site, untouched

NAERVAER = ROOT / ".venv" / "bin" / "naervaer"
EXAMPLE = ROOT / "examples" / "publish"


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NAERVAER_CACHE=str(TEST_CACHE), NO_MKDOCS_2_WARNING="1")
    env.pop("NAERVAER_SETTINGS", None)
    env["PATH"] = f"{NAERVAER.parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def naervaer(*args: str | Path, cwd: Path, timeout: float = 120,
             **env: str) -> subprocess.CompletedProcess[str]:
    if not NAERVAER.exists():
        pytest.fail("the console script .venv/bin/naervaer is missing: run ./setup.sh")
    return subprocess.run([str(NAERVAER), *map(str, args)], cwd=cwd, env=cli_env(**env),
                          capture_output=True, text=True, timeout=timeout)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# -- sjekk ---------------------------------------------------------------------------------------
SUMMARIES = {
    "eksempel-kommune.yml": [
        "Alt i orden", "Kommune: Eksempel kommune", "Målform: bokmål (nb)",
        "Bekymringsfullt fravær: 7 dager fravær i løpet av 3–4 uker, går tidlig 2–3 ganger, "
        "borte fra enkelttimer 2–3 ganger",
        "Lokale tiltak: 1", "Skjulte tiltak: 0", "Siden «Lag en lokal versjon»: med"],
    "fjordvik.yml": [
        "Alt i orden", "Kommune: Fjordvik kommune", "Målform: nynorsk (nn)",
        "Bekymringsfullt fråvær: 5 dagar fråvær i løpet av 2–3 veker, går tidleg 2 gonger, "
        "borte frå enkelttimar 3–4 gonger",
        "Fristar: fråvær blir meldt innan kl. 08:00, skulen ringjer heim før kl. 08:45",
        "Lokale tiltak: 1", "Skjulte tiltak: 1", "Sida «Lag ein lokal versjon»: ikkje med"],
}


@pytest.mark.parametrize("edition_file", sorted(SUMMARIES))
def test_sjekk_passes_on_both_example_editions(edition_file: str, tmp_path: Path) -> None:
    # how fast: bench/editor_bench.py (make bench row j), never a timed test
    result = naervaer("sjekk", EDITIONS / edition_file, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    output = squash(result.stdout)
    for expected in SUMMARIES[edition_file]:
        assert expected in output, output
    assert result.stderr == ""


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    skip = {".venv", ".cache", ".git", ".pytest_cache", ".ruff_cache"}
    files = {}
    for folder in folders:
        for base, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if d not in skip]
            for name in names:
                path = Path(base, name)
                stat = path.stat()
                files[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return files


def test_sjekk_writes_nothing_and_loads_neither_mkdocs_nor_weasyprint(tmp_path: Path) -> None:
    settings = tmp_path / "fjordvik.yml"
    shutil.copy(EDITIONS / "fjordvik.yml", settings)
    before = snapshot(ROOT, tmp_path)
    result = naervaer("sjekk", settings.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert snapshot(ROOT, tmp_path) == before

    code = ("import sys; from naervaer.cli import main; rc = main(['sjekk', sys.argv[1]]); "
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
            "{'mkdocs', 'material', 'weasyprint', 'pikepdf', 'pypdf'}); print(rc, heavy)")
    probe = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-c", code, str(settings)],
                           cwd=tmp_path, env=cli_env(), capture_output=True, text=True)
    assert probe.stdout.strip().splitlines()[-1] == "0 []", probe.stdout + probe.stderr


# (file content, the message the editor must see after «<file>, »)
BROKEN = {
    "misspelt-key": ("municipality: Ås kommune\nconcern:\n  dayz: 7\n",
                     "linje 3: concern.dayz: ukjent nøkkel «dayz» – mente du «days»?"),
    "unknown-measure": ("municipality: Ås kommune\nhidden_measures:\n  - \"99.1\"\n",
                        "linje 3: hidden_measures[0]: forventet ID-en til et tiltak i "
                        "tiltaksbanken, fikk «99.1»"),
    "nynorsk-too-light": ("municipality: Fjord kommune\nlanguage: nn\ncolour: \"#ffee00\"\n",
                          "linje 3: colour: fargen #ffee00 er for lys: kontrasten mot kvit "
                          "tekst er 1,2:1, må vere minst 4,5:1 (vel ein mørkare farge)"),
    "yaml-syntax": ("municipality: Ås kommune\nconcern:\n  days: 7\n weeks: 3\n",
                    "linje 4: YAML-feil"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_sjekk_on_a_broken_file_exits_1_with_the_promised_message(
    case: str, tmp_path: Path
) -> None:
    content, message = BROKEN[case]
    settings = tmp_path / f"{case}.yml"
    settings.write_text(content, encoding="utf-8")
    result = naervaer("sjekk", settings.name, cwd=tmp_path)
    assert result.returncode == 1
    assert f"{settings}, {message}" in result.stderr, result.stderr
    assert "Alt i orden" not in result.stdout


def test_sjekk_on_a_missing_file_says_so(tmp_path: Path) -> None:
    result = naervaer("sjekk", "finnes-ikke.yml", cwd=tmp_path)
    assert result.returncode == 1
    assert "fant ikke fila finnes-ikke.yml" in result.stderr
    # no file to tell its målform: said in nynorsk too
    assert "fann ikkje fila finnes-ikke.yml" in result.stderr


# -- ny ------------------------------------------------------------------------------------------
def settings_keys(model: Any, prefix: str = "") -> list[str]:
    keys = []
    for name, info in model.model_fields.items():
        keys.append(prefix + name)
        inner = getattr(info.annotation, "model_fields", None)
        if inner is not None:
            keys += settings_keys(info.annotation, prefix + "  ")
    return keys


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_ny_writes_a_valid_file_with_every_key_explained(lang: str, tmp_path: Path) -> None:
    from naervaer.content.schema.settings import Settings

    args = ["ny", "kommune/havoy.yml", "--kommune", "Havøy kommune"] + (["--nn"] if lang == "nn"
                                                                        else [])
    result = naervaer(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "kommune" / "havoy.yml"
    text = written.read_text(encoding="utf-8")

    schema = re.match(r"# yaml-language-server: \$schema=(\S+)\n", text)
    assert schema, text[:200]
    # the schema line works on any machine: it names the schema written beside the file
    assert schema.group(1) == "naervaer.schema.json"
    assert (written.parent / schema.group(1)).read_text(encoding="utf-8") \
        == SCHEMA_FILE.read_text(encoding="utf-8")
    assert "municipality: Havøy kommune\n" in text and f"\nlanguage: {lang}\n" in text
    for key in settings_keys(Settings):  # every key, nested ones too, as a (commented) key
        assert re.search(rf"^(# )?{key}:", text, re.M), key
    info = Settings.model_fields["concern"]
    explained = info.json_schema_extra["description_nn"] if lang == "nn" else info.description
    assert f"# {explained}\n# concern:\n" in text
    assert ("Kvart element i lista" if lang == "nn" else "Hvert element i lista") in text

    check = naervaer("sjekk", written, cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "Kommune: Havøy kommune" in squash(check.stdout)
    assert ("Målform: nynorsk (nn)" if lang == "nn" else "Målform: bokmål (nb)") \
        in squash(check.stdout)


def test_ny_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "min-kommune.yml"
    target.write_text("municipality: Min egen kommune\n", encoding="utf-8")
    result = naervaer("ny", target.name, cwd=tmp_path)
    assert result.returncode == 1
    assert "min-kommune.yml finnes allerede og blir ikke overskrevet" in result.stderr
    assert target.read_text(encoding="utf-8") == "municipality: Min egen kommune\n"
    nn = naervaer("ny", target.name, "--nn", cwd=tmp_path)
    assert nn.returncode == 1 and "finst allereie" in nn.stderr


def test_ny_refuses_a_name_the_build_would_refuse(tmp_path: Path) -> None:
    result = naervaer("ny", "x.yml", "--kommune", "Å", cwd=tmp_path)
    assert result.returncode == 1
    assert "x.yml, linje " in result.stderr
    assert "municipality: for kort: forventet minst 2 tegn, fikk 'Å'" in result.stderr
    assert not (tmp_path / "x.yml").exists()


# -- help ----------------------------------------------------------------------------------------
HELP = {  # verb: (usage line, a phrase of its bokmål description)
    "sjekk": ("bruk: naervaer sjekk [-h] FIL", "Skriver ingenting."),
    "ny": ("bruk: naervaer ny [-h] [--nn] [--kommune NAVN] [--bare-skjema] FIL",
           "blir aldri overskrevet"),
    "vis": ("bruk: naervaer vis [-h] [--port PORT] FIL", "Stopp med Ctrl+C."),
    "bygg": ("bruk: naervaer bygg [-h] --ut MAPPE [--utkast] FIL",
             "forrige utgaven i mappa stå urørt"),
}


@pytest.mark.parametrize("verb", sorted(HELP))
def test_help_for_each_verb_is_norwegian(verb: str, tmp_path: Path) -> None:
    result = naervaer(verb, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    usage, phrase = HELP[verb]
    assert result.stdout.startswith(usage)
    assert phrase in squash(result.stdout)
    assert "usage:" not in result.stdout and "options:" not in result.stdout


def test_help_overview_aliases_and_version(tmp_path: Path) -> None:
    overview = naervaer("--help", cwd=tmp_path)
    assert overview.returncode == 0
    for verb, alias in [("sjekk", "check"), ("ny", "new"), ("vis", "serve"), ("bygg", "build")]:
        assert re.search(rf"^\s+{verb} \({alias}\)\s+\S", overview.stdout, re.M), verb
        assert naervaer(alias, "--help", cwd=tmp_path).stdout.startswith(f"bruk: naervaer {verb}")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert naervaer("--versjon", cwd=tmp_path).stdout.strip() == f"naervaer {version}"
    wrong = naervaer("sjekk", cwd=tmp_path)
    assert wrong.returncode == 2 and "naervaer sjekk: feil: mangler FIL" in wrong.stderr


def test_help_follows_the_malform_of_the_settings_file(tmp_path: Path) -> None:
    result = naervaer("bygg", EDITIONS / "fjordvik.yml", "--help", cwd=tmp_path)
    assert result.returncode == 0
    text = squash(result.stdout)
    assert "Byggjer heile utgåva" in text and "val:" in result.stdout
    assert "mappa nettstaden skal liggje i" in text
    new = naervaer("ny", "x.yml", "--nn", "--help", cwd=tmp_path)
    assert "utgåva skal vere på nynorsk" in squash(new.stdout)


# -- bygg ----------------------------------------------------------------------------------------
def test_bygg_refuses_a_folder_it_would_wipe_and_a_broken_file(tmp_path: Path) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text("municipality: Ås kommune\n", encoding="utf-8")
    result = naervaer("bygg", settings.name, "--ut", ".", cwd=tmp_path)
    assert result.returncode == 1 and "inneholder innstillingsfila" in result.stderr
    other = tmp_path / "dokumenter"
    other.mkdir()
    (other / "viktig.txt").write_text("behold meg", encoding="utf-8")
    result = naervaer("bygg", settings.name, "--ut", other.name, cwd=tmp_path)
    assert result.returncode == 1 and "velg en ny eller tom mappe" in squash(result.stderr)
    assert [p.name for p in other.iterdir()] == ["viktig.txt"]

    previous = previous_site(tmp_path / "nettsted")
    settings.write_text("municipality: Ås kommune\nconcern:\n  dayz: 7\n", encoding="utf-8")
    result = naervaer("bygg", settings.name, "--ut", previous.name, cwd=tmp_path)
    assert result.returncode == 1
    assert f"{settings}, linje 3: concern.dayz: ukjent nøkkel «dayz»" in result.stderr
    assert untouched(previous)


# -- publishing from a settings-only repository -------------------------------------------------
# -- vis -----------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(predicate: Any, seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.build
@pytest.mark.browser
def test_vis_previews_on_localhost_and_reloads_when_the_file_is_saved(
    tmp_path: Path, page: Any
) -> None:
    settings = tmp_path / "kommune.yml"
    settings.write_text("municipality: Forhåndsvik kommune\nlanguage: nb\n", encoding="utf-8")
    port = free_port()
    log = (tmp_path / "vis.log").open("w")
    proc = subprocess.Popen([str(NAERVAER), "vis", settings.name, "--port", str(port)],
                            cwd=tmp_path, env=cli_env(NAERVAER_NO_PDF="1"), stdout=log,
                            stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Forhåndsvik kommune" in fetch(url), 180, "the first preview")
        html = fetch(url)
        # the live-reload script the server adds runs under the page's policy, and only it
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy, html[:500]
        script_src = re.search(r"script-src ([^;]*)", policy.group(1)).group(1).split()
        assert script_src[0] == "'self'" and "'unsafe-inline'" not in script_src
        assert sorted(script_src[1:]) == csp.inline_script_hashes(html)
        assert PREVIEW_JS in html  # the preview's own reload script, from 'self'

        page.goto(url)
        assert "Forhåndsvik kommune" in page.title()
        settings.write_text("municipality: Forhåndsvik kommune (utkast)\nlanguage: nb\n",
                            encoding="utf-8")
        expect(page).to_have_title(re.compile(r"\(utkast\)"), timeout=180_000)
        assert page.console_errors == [] and page.external_requests == []
    finally:
        interrupt(proc)
        log.close()
    output = (tmp_path / "vis.log").read_text(encoding="utf-8")
    assert f"Viser Forhåndsvik kommune på http://127.0.0.1:{port}/" in squash(output), output
    assert proc.returncode == 0, output
