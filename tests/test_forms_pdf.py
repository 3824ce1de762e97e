"""Every form, in both variants, as staff get it from the built site."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader, PdfWriter

from naervaer.content.edition import load_edition
from naervaer.errors import DataError
from naervaer.forms.layout import declared_fields, layout, radio_groups
from naervaer.pdf.build import file_names

from .conftest import DEFAULT_SETTINGS, example_edition

pytestmark = pytest.mark.pdf

EDITION = example_edition(DEFAULT_SETTINGS.name)
FORM_IDS = sorted(EDITION.forms)
NORWEGIAN = "Åse Ødegård sa «ja» – æøå ÆØÅ"
RADIO = 1 << 15


def pdf_path(site_dir: Path, form_id: str, variant: str) -> Path:
    return site_dir / "skjema" / file_names(form_id)[variant]


def field_kind(field: dict) -> str:
    ft = field.get("/FT")
    flags = int(field.get("/Ff", 0))
    if ft == "/Tx":
        return "multiline" if flags & (1 << 12) else "text"
    if ft == "/Btn":
        return "radio" if flags & RADIO else "checkbox"
    if ft == "/Ch":
        return "combo"
    return str(ft)


def test_all_24_forms_are_defined() -> None:
    assert len(FORM_IDS) == 24


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_fillable_has_exactly_the_declared_fields(site_dir: Path, form_id: str) -> None:
    path = pdf_path(site_dir, form_id, "fillable")
    reader = PdfReader(path)
    fields = reader.get_fields() or {}
    declared = declared_fields(EDITION.forms[form_id], EDITION)
    actual = {name: field_kind(f) for name, f in fields.items()}
    assert actual == declared
    radios = radio_groups(layout(EDITION.forms[form_id], EDITION))
    for name, f in fields.items():
        assert f.get("/TU"), f"{form_id}: field {name} has no label for screen readers"
        if name in radios:  # a chosen button exports its option id (ja/delvis/nei, a/b …)
            label, values = radios[name]
            assert str(f["/TU"]) == label
            assert set(f["/_States_"]) - {"/Off"} == {f"/{v}" for v in values}
    assert path.stat().st_size <= 100 * 1024, f"{form_id}: {path.stat().st_size} bytes"


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_filling_every_field_with_norwegian_text_survives_reopening(
    site_dir: Path, tmp_path: Path, form_id: str
) -> None:
    reader = PdfReader(pdf_path(site_dir, form_id, "fillable"))
    fields = reader.get_fields() or {}
    values: dict[str, str] = {}
    for name, f in fields.items():
        kind = field_kind(f)
        if kind in ("text", "multiline"):
            digits = kind == "text" and f.get("/MaxLen")
            values[name] = "01020312345" if digits else NORWEGIAN
        elif kind == "checkbox":
            values[name] = "/on"
        elif kind == "radio":
            values[name] = sorted(s for s in f["/_States_"] if s != "/Off")[0]
        elif kind == "combo":
            values[name] = "7"
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    filled = tmp_path / "utfylt.pdf"
    writer.write(filled)

    again = PdfReader(filled).get_fields() or {}
    for name, value in values.items():
        assert str(again[name].get("/V")) == value, name
    png = tmp_path / "side1"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
                    str(filled), str(png)], check=True, capture_output=True)
    assert png.with_suffix(".png").stat().st_size > 1000


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_printable_has_no_fields_and_page_one_renders(site_dir: Path, tmp_path: Path,
                                                      form_id: str) -> None:
    path = pdf_path(site_dir, form_id, "printable")
    assert not PdfReader(path).get_fields()
    png = tmp_path / "side1"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
                    str(path), str(png)], check=True, capture_output=True)
    assert png.with_suffix(".png").stat().st_size > 1000
    assert (site_dir / "skjema" / file_names(form_id)["preview"]).exists()


@pytest.mark.parametrize("variant", ["fillable", "printable"])
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_both_variants_are_tagged_with_language_and_title(site_dir: Path, form_id: str,
                                                          variant: str) -> None:
    with pikepdf.open(pdf_path(site_dir, form_id, variant)) as pdf:
        assert str(pdf.Root.Lang) == "nb"
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        title = str(pdf.docinfo.get("/Title", ""))
        assert title.startswith(str(EDITION.forms[form_id].title))
        assert "Eksempel kommune" in title
        meta = pdf.open_metadata()
        assert "pdfuaid:part" in str(meta) or meta.get("pdfuaid:part") == "1"
        fonts = [f for page in pdf.pages for f in page.Resources.get("/Font", {}).values()]
        for font in fonts:
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_consent_form_lists_exactly_the_configured_services(site_dir: Path) -> None:
    fields = PdfReader(pdf_path(site_dir, "samtykke", "fillable")).get_fields() or {}
    services = [str(f.get("/TU")) for name, f in fields.items()
                if name.startswith("tjenester:") and field_kind(f) == "checkbox"]
    assert services == EDITION.s["consent_services"]


def test_a_malformed_form_definition_gives_file_line_and_key(data_copy: Path) -> None:
    file = data_copy / "forms" / "dagsplan.yaml"
    text = file.read_text(encoding="utf-8")
    index = text.index("type: table")
    line = text[:index].count("\n") + 1
    file.write_text(text.replace("type: table", "type: tabel", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(data_copy / "editions" / "eksempel-kommune.yml",
                     data_dir=data_copy / "data", forms_dir=data_copy / "forms")
    report = err.value.report()
    assert f"dagsplan.yaml, linje {line}: sections[1].fields[0].type: ukjent type «tabel» " \
        "– mente du «table»?" in report


def test_build_forms_cli_exits_non_zero_on_a_bad_definition(data_copy: Path) -> None:
    import os
    import sys

    root = Path(__file__).resolve().parent.parent
    bad = data_copy / "editions" / "bad.yml"
    bad.write_text("municipality: X\nlanguage: se\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(root / "build_forms.py"), "--settings", str(bad),
         "--out", str(data_copy / "out")],
        capture_output=True, text=True, env=dict(os.environ),
    )
    assert result.returncode == 2
    assert f"{bad}, linje 2: language: forventet en av 'nb' eller 'nn', fikk 'se'" \
        in result.stderr
    assert not (data_copy / "out").exists()


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_tab_order_follows_the_reading_order_of_the_definition(site_dir: Path,
                                                               form_id: str) -> None:
    declared = list(declared_fields(EDITION.forms[form_id], EDITION))
    order: list[str] = []
    with pikepdf.open(pdf_path(site_dir, form_id, "fillable")) as pdf:
        for page in pdf.pages:
            annots = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Widget"]
            if annots:
                assert page.obj.get("/Tabs") == "/S"  # tab order = structure order
            for annot in annots:
                name = str(annot.get("/T") if "/T" in annot else annot.Parent.get("/T"))
                if not order or order[-1] != name:
                    order.append(name)
    assert order == declared


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_flattened_text_lands_upright_inside_its_field(site_dir: Path, tmp_path: Path,
                                                       form_id: str) -> None:
    """Quirk 3 (flip matrix outside q…Q) would draw flattened values upside down elsewhere."""
    reader = PdfReader(pdf_path(site_dir, form_id, "fillable"))
    found = next(((i, a.get_object()) for i, page in enumerate(reader.pages)
                  for a in page.get("/Annots", [])
                  if a.get_object().get("/FT") == "/Tx" and not a.get_object().get("/MaxLen")),
                 None)
    if found is None:
        pytest.skip(f"{form_id} has no free-text field")
    page_index, field = found
    writer = PdfWriter(clone_from=reader)
    writer.update_page_form_field_values(writer.pages[page_index], {field["/T"]: "Ødegårdsen"},
                                         auto_regenerate=False, flatten=True)
    flat = tmp_path / "flat.pdf"
    writer.write(flat)
    n = str(page_index + 1)
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", n, "-l", n, str(flat), "-"],
                          check=True, capture_output=True, text=True).stdout
    word = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">'
                     r"Ødegårdsen<", bbox)
    assert word, "the flattened value is not on the page"
    x_min, y_min, y_max = (float(v) for v in word.groups())
    height = float(reader.pages[page_index].mediabox.height)
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    top, bottom = height - max(y1, y2), height - min(y1, y2)
    assert min(x1, x2) - 1 <= x_min <= max(x1, x2)
    assert top - 2 <= y_min and y_max <= bottom + 2
