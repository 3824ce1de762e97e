"""«Åpne en lagret PDF» in the plan builder (issue 20): the cooperation agreement downloaded
from the builder is opened on a fresh page, in Chromium, and every value comes back — the
measures in their order with what was agreed for each, the agreement's own fields, the
signature block's place, date and names, and a measure written into the PDF outside the
bank. Files that are not this agreement get their message and change nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader, PdfWriter

from naervaer.content.edition import Edition
from naervaer.markup import plain_text
from naervaer.pdf.build import file_names

from .conftest import DEFAULT_SETTINGS, example_edition, serve

pytestmark = pytest.mark.browser

BUILDER = "tiltak/index.html"
FORM = "avtale-foresatte-skole"
STATUS = "#nv-plan-open-status"


def edition(lang: str) -> Edition:
    return example_edition(DEFAULT_SETTINGS.name if lang == "nb" else "fjordvik.yml")


def say(ed: Edition, key: str, **values: object) -> str:
    return plain_text(ed.t(key)).format(**values)


def plan_state(page) -> dict[str, object]:
    """What the builder holds: the measures in order (custom ones by their text) and every
    typed value."""
    return page.evaluate("""() => ({
      order: Array.from(document.querySelectorAll('#nv-plan-list > li'),
                        e => e.dataset.measure || 'custom:' + e.dataset.custom),
      values: Object.fromEntries([
        ...Array.from(document.querySelectorAll('[data-field]'), e => [e.dataset.field, e.value]),
        ...Array.from(document.querySelectorAll('#nv-plan-list > li [data-col]'),
                      e => [Array.prototype.indexOf.call(e.closest('ol').children,
                            e.closest('li')) + ':' + e.dataset.col, e.value])])})""")


def settle(condition, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def open_file(page, path: Path) -> str:
    page.locator(STATUS).evaluate("el => { el.textContent = ''; }")
    with page.expect_file_chooser() as chooser:
        page.click("#nv-plan-open-pdf")
    chooser.value.set_files(str(path))
    settle(lambda: page.inner_text(STATUS) not in ("", page.evaluate(
        "JSON.parse(document.getElementById('nv-plan-data').textContent).words.open_working")))
    return page.inner_text(STATUS)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_saved_agreement_becomes_the_plan_again(browser, site_dir: Path, nn_site_dir: Path,
                                                  tmp_path: Path, lang: str) -> None:
    ed = edition(lang)
    site = site_dir if lang == "nb" else nn_site_dir
    url, httpd = serve(site)
    context = browser.new_context(accept_downloads=True)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        page.goto(url + BUILDER)
        picks = [m.id for m in (ed.bank.category(2).measures[0], ed.bank.category(6).measures[2],
                                ed.bank.category(11).measures[0])]
        for mid in picks:
            page.click(f"[id='legg-til-{mid}']")
        for n, mid in enumerate(picks, start=1):
            row = page.locator(f"#nv-plan-list > li[data-measure='{mid}']")
            row.locator("textarea[data-col=delmal]").fill(f"Delmål {n}: «æøå»\nandre linje")
            row.locator("input[data-col=ansvar]").fill(f"Ansvar {n}")
            row.locator("input[data-col=frist]").fill(f"1{n}.02.2027")
        fields = page.eval_on_selector_all("[data-field]", "els => els.map(e => e.dataset.field)")
        # the signature block's place, date and names are fields of the builder too
        assert {"underskrift:signaturer:sted", "underskrift:signaturer:dato"} <= set(fields)
        for field in fields:
            value = "03.03.2027" if field.endswith(":dato") else f"{field} – Ærlig"
            page.fill(f"[data-field='{field}']", value)
        # a date the calendar does not have is refused before the download
        page.fill("[data-field='underskrift:signaturer:dato']", "30.02.2027")
        page.click("#nv-plan-download")
        assert page.inner_text("#nv-plan-status") == say(ed, "plan.err_dates")
        assert page.evaluate("document.activeElement.dataset.field") == \
            "underskrift:signaturer:dato"
        page.fill("[data-field='underskrift:signaturer:dato']", "3.3.2027")
        with page.expect_download() as info:
            page.click("#nv-plan-download")
        saved = tmp_path / "avtale.pdf"
        info.value.save_as(saved)
        before = plan_state(page)
        assert before["values"]["underskrift:signaturer:dato"] == "03.03.2027"

        # a fresh page: the saved agreement becomes the same plan
        page.once("dialog", lambda d: d.accept())
        page.goto(url + BUILDER)
        said = open_file(page, saved)
        assert said == say(ed, "plan.open_done", file="avtale.pdf", n=3)
        assert plan_state(page) == before
        assert page.evaluate("document.activeElement.id") == "nv-plan-chosen"
        # the bank knows them again: «Fjern fra planen» on their buttons
        for mid in picks:
            assert page.inner_text(f"[id='legg-til-{mid}']").startswith(
                say(ed, "plan.remove_from"))

        # a row written in a PDF reader, outside the bank, comes back with its words
        edited = tmp_path / "redigert.pdf"
        writer = PdfWriter(clone_from=PdfReader(saved))
        own = "Eget tiltak: eleven går til skolen sammen med naboen"
        writer.update_page_form_field_values(
            None, {"tiltak:delmal:r2:tiltak": own, "tiltak:delmal:r4:ansvar": "Helsesykepleier"},
            auto_regenerate=False)
        writer.write(edited)
        asked: list[str] = []
        page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        said = open_file(page, edited)
        # the plan held something: asked first; declined, nothing changed
        assert asked == [say(ed, "plan.open_replace")]
        assert said == say(ed, "plan.open_kept")
        assert plan_state(page) == before
        page.once("dialog", lambda d: d.accept())
        said = open_file(page, edited)
        assert said == say(ed, "plan.open_done", file="redigert.pdf", n=4)
        state = plan_state(page)
        assert state["order"] == [picks[0], f"custom:{own}", picks[2], "custom:"]
        assert state["values"]["3:ansvar"] == "Helsesykepleier"
        custom = page.locator("#nv-plan-list > li").nth(1)
        assert custom.locator(".nv-plan__heading").inner_text() == say(ed, "plan.from_pdf")
        # … and goes into the next download as it was
        with page.expect_download() as info:
            page.click("#nv-plan-download")
        again = tmp_path / "igjen.pdf"
        info.value.save_as(again)
        values = {k: f.get("/V") for k, f in PdfReader(again).get_fields().items()}
        assert str(values["tiltak:delmal:r2:tiltak"]) == own
        assert str(values["tiltak:delmal:r4:ansvar"]) == "Helsesykepleier"

        # files that are not this agreement: a message, and the plan stays as it is
        kept = plan_state(page)
        other = site / "skjema" / file_names("samtale-foresatte")["fillable"]
        locked = tmp_path / "laast.pdf"
        with pikepdf.open(saved) as pdf:
            pdf.save(locked, encryption=pikepdf.Encryption(user="hemmelig", owner="x"))
        huge = tmp_path / "stor.pdf"
        with huge.open("wb") as f:
            f.write(b"%PDF-1.7\n")
            f.truncate(11 * 1024 * 1024)
        damaged = tmp_path / "skadet.pdf"
        damaged.write_bytes(saved.read_bytes()[:9] + bytes(range(256)) * 40)
        text = tmp_path / "notat.pdf"
        text.write_text("Dette er ikke en PDF.\n", encoding="utf-8")
        title = f"{ed.forms['samtale-foresatte'].title} – {ed.s['municipality']}"
        refused = {
            other: say(ed, "plan.open_other_form", title=title),
            site / "skjema" / "naervaer-veileder.pdf" if lang == "nb"
            else site / "skjema" / "naervaer-rettleiar.pdf": say(ed, "plan.open_not_ours"),
            locked: say(ed, "plan.open_locked"),
            huge: say(ed, "plan.open_too_big", size="11,0", max=10),
            damaged: say(ed, "plan.open_damaged"), text: say(ed, "plan.open_damaged"),
        }
        for path, message in refused.items():
            assert open_file(page, path) == message, path.name
            assert plan_state(page) == kept, path.name
        page.once("dialog", lambda d: d.accept())
    finally:
        context.close()
        httpd.shutdown()
    assert [r for r in requests if not r.startswith((url, "data:", "blob:"))] == []
