"""Every PDF of every example edition passes the offline PDF/UA-1 checks available here."""

from __future__ import annotations

from pathlib import Path

import page as page_validation
import pikepdf
import pytest
from pdfua.validator import Validator

pytestmark = pytest.mark.pdf


def pdfs(site: Path) -> list[Path]:
    return sorted((site / "skjema").glob("*.pdf"))


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_pdf_passes_pdf_ua_1_checks(site_dir: Path, nn_site_dir: Path, lang: str) -> None:
    site = site_dir if lang == "nb" else nn_site_dir
    files = pdfs(site)
    assert len(files) == 49
    failures = {}
    validator = Validator()
    for path in files:
        report = page_validation.validate_pdf(path, profile="ua1")
        problems = [f"{f.rule_id}: {f.message}" for f in report.failures]
        result = validator.validate(str(path))
        problems += [f"{f.rule_id}: {f.message}" for f in result.findings
                     if f.severity.name in ("ERROR", "WARNING")]
        with pikepdf.open(path) as pdf:
            if str(pdf.Root.get("/Lang", "")) != lang:
                problems.append("missing /Lang")
            if not str(pdf.docinfo.get("/Title", "")).strip():
                problems.append("missing title")
            for field in pdf.Root.get("/AcroForm", {}).get("/Fields", []):
                if not str(field.get("/T", "")) or not str(field.get("/TU", "")):
                    problems.append(f"field without name or label: {field.get('/T')}")
        if problems:
            failures[path.name] = problems
    assert failures == {}
