"""What the build says to the person who edits a file, in bokmål and nynorsk.

Settings files are edited by municipal web editors in their own målform: problems in a
settings file with ``language: nn`` are reported in nynorsk. Data files are reported in
bokmål.
"""

from __future__ import annotations

from typing import Any

from .text import Lang

MESSAGES: dict[str, dict[Lang, str]] = {
    "stopped_one": {"nb": "Byggingen stoppet: 1 feil i dataene",
                    "nn": "Bygginga stoppa: 1 feil i dataa"},
    "stopped_many": {"nb": "Byggingen stoppet: {n} feil i dataene",
                     "nn": "Bygginga stoppa: {n} feil i dataa"},
    "nothing_written": {"nb": "Ingenting er skrevet; forrige versjon er urørt.",
                        "nn": "Ingenting er skrive; førre versjon er urørt."},
    "line": {"nb": "linje", "nn": "linje"},
    "whole_file": {"nb": "(hele filen)", "nn": "(heile fila)"},
    "missing": {"nb": "mangler: denne nøkkelen må være med",
                "nn": "manglar: denne nøkkelen må vere med"},
    "unknown_key": {"nb": "ukjent nøkkel «{key}»", "nn": "ukjend nøkkel «{key}»"},
    "did_you_mean": {"nb": " – mente du «{hint}»?", "nn": " – meinte du «{hint}»?"},
    "allowed_keys": {"nb": " – tillatte nøkler her: {keys}",
                     "nn": " – tillatne nøklar her: {keys}"},
    "expected_text": {"nb": "forventet tekst, fikk {given}", "nn": "venta tekst, fekk {given}"},
    "expected_int": {"nb": "forventet et helt tall, fikk {given}",
                     "nn": "venta eit heiltal, fekk {given}"},
    "expected_bool": {"nb": "forventet true eller false, fikk {given}",
                      "nn": "venta true eller false, fekk {given}"},
    "expected_list": {"nb": "forventet en liste (linjer som begynner med «- »), fikk {given}",
                      "nn": "venta ei liste (linjer som byrjar med «- »), fekk {given}"},
    "expected_group": {"nb": "forventet en gruppe med nøkler (nøkkel: verdi), fikk {given}",
                       "nn": "venta ei gruppe med nøklar (nøkkel: verdi), fekk {given}"},
    "expected_one_of": {"nb": "forventet en av {expected}, fikk {given}",
                        "nn": "venta ein av {expected}, fekk {given}"},
    "wrong_form": {"nb": "{given} har feil form (forventet mønsteret {pattern})",
                   "nn": "{given} har feil form (venta mønsteret {pattern})"},
    "expected_number": {"nb": "forventet et tall {limit} {bound}, fikk {given}",
                        "nn": "venta eit tal {limit} {bound}, fekk {given}"},
    "greater_than_equal": {"nb": "minst", "nn": "minst"},
    "less_than_equal": {"nb": "høyst", "nn": "høgst"},
    "greater_than": {"nb": "større enn", "nn": "større enn"},
    "less_than": {"nb": "mindre enn", "nn": "mindre enn"},
    "too_short": {"nb": "for kort: forventet minst {n} element(er)",
                  "nn": "for kort: venta minst {n} element"},
    "text_too_short": {"nb": "for kort: forventet minst {n} tegn, fikk {given}",
                       "nn": "for kort: venta minst {n} teikn, fekk {given}"},
    "unknown_type": {"nb": "ukjent type «{tag}»", "nn": "ukjend type «{tag}»"},
    "allowed_types": {"nb": " – tillatte typer: {types}", "nn": " – tillatne typar: {types}"},
    "missing_type": {"nb": "mangler «type»: hvilken type felt er dette?",
                     "nn": "manglar «type»: kva type felt er dette?"},
    "or": {"nb": "eller", "nn": "eller"},
    "hidden_unknown": {"nb": "forventet ID-en til et tiltak i tiltaksbanken, fikk «{id}»",
                       "nn": "venta ID-en til eit tiltak i tiltaksbanken, fekk «{id}»"},
    # parent material in other languages (issue 13): what an edition leaves out, and why
    "parents_no_file": {
        "nb": "{code}: {path} finnes ikke; språket publiseres ikke",
        "nn": "{code}: {path} finst ikkje; språket blir ikkje publisert"},
    "parents_missing_ui": {
        "nb": "{file}: mangler ordene {keys} under «{section}»; språket publiseres ikke",
        "nn": "{file}: manglar orda {keys} under «{section}»; språket blir ikkje publisert"},
    "parents_doc_missing": {
        "nb": "{file}: «{doc}» publiseres ikke på {code}: {n} tekst(er) mangler ({keys})",
        "nn": "{file}: «{doc}» blir ikkje publisert på {code}: {n} tekst(ar) manglar ({keys})"},
    "parents_stale": {
        "nb": "{file}: {key}: den norske teksten er endret etter oversettelsen (utdatert; "
              "vises som ikke kvalitetssikret)",
        "nn": "{file}: {key}: den norske teksten er endra etter omsetjinga (forelda; "
              "blir vist som ikkje kvalitetssikra)"},
    "parents_unreviewed": {
        "nb": "{file}: «{doc}» publiseres ikke på {code}: ikke kvalitetssikret ({setting})",
        "nn": "{file}: «{doc}» blir ikkje publisert på {code}: ikkje kvalitetssikra ({setting})"},
    "parents_service_untranslated": {
        "nb": "`consent_services`: «{name}» har ingen oversettelse til {codes} (`translations`); "
              "samtykkearket på disse språkene viser det norske navnet og sier at tjenesten "
              "ikke er oversatt",
        "nn": "`consent_services`: «{name}» har inga omsetjing til {codes} (`translations`); "
              "samtykkearket på desse språka viser det norske namnet og seier at tenesta "
              "ikkje er omsett"},
    "consent_duplicate": {
        "nb": "«{name}» står allerede i lista (nummer {n}); hver tjeneste kan stå én gang",
        "nn": "«{name}» står alt i lista (nummer {n}); kvar teneste kan stå éin gong"},
    "parents_unused": {
        "nb": "{file}: {key}: ingen slik tekst i dokumentene (brukes ikke)",
        "nn": "{file}: {key}: ingen slik tekst i dokumenta (blir ikkje brukt)"},
    "untranslated": {
        "nb": "{n} tekster mangler nynorsk og vises på bokmål",
        "nn": "{n} tekstar manglar nynorsk og blir viste på bokmål"},
    "section_left_out": {
        "nb": "avsnittet «{id}» står ikke med i denne utgaven fordi «{key}» er tom: "
              "legg til en samarbeidspartner, eller velg et annet avsnitt",
        "nn": "avsnittet «{id}» står ikkje med i denne utgåva fordi «{key}» er tom: "
              "legg til ein samarbeidspartnar, eller vel eit anna avsnitt"},
    "section_unknown": {"nb": "fant ikke avsnittet «{id}» i veilederen",
                        "nn": "fann ikkje avsnittet «{id}» i rettleiaren"},
    "logo_missing": {"nb": "fant ikke logofila {path}", "nn": "fann ikkje logofila {path}"},
    "logo_type": {"nb": "forventet en PNG-, JPG- eller SVG-fil, fikk «{name}»",
                  "nn": "venta ei PNG-, JPG- eller SVG-fil, fekk «{name}»"},
    "colour_too_light": {
        "nb": "fargen {value} er for lys: kontrasten mot hvit tekst er {ratio}:1, må være minst "
              "4,5:1 (velg en mørkere farge)",
        "nn": "fargen {value} er for lys: kontrasten mot kvit tekst er {ratio}:1, må vere minst "
              "4,5:1 (vel ein mørkare farge)"},
    "range_order": {"nb": "«{value}» må skrives med det minste tallet først, f.eks. «3–4»",
                    "nn": "«{value}» må skrivast med det minste talet først, t.d. «3–4»"},
    # issue 12: no headings inside markdown from settings
    "heading_in_text": {
        "nb": "overskrifter er ikke tillatt i denne teksten («{line}»): den står allerede under "
              "en overskrift på siden; skriv et vanlig avsnitt, gjerne med **uthevet** start",
        "nn": "overskrifter er ikkje tillatne i denne teksten («{line}»): han står alt under "
              "ei overskrift på sida; skriv eit vanleg avsnitt, gjerne med **utheva** start"},
    # issue 9: language gate for the editors' own texts (a warning, never an error)
    "language_warning": {"nb": "språksjekk (bare en advarsel): {finding}",
                         "nn": "språksjekk (berre ei åtvaring): {finding}"},
    "unknown_word": {"nb": "ukjent ord «{word}»", "nn": "ukjent ord «{word}»"},
    "style_word": {"nb": "«{word}» – husstil: skriv «{prefer}»",
                   "nn": "«{word}» – husstil: skriv «{prefer}»"},
    # issue 9: wellbeing_plan
    "plan_incomplete": {
        "nb": "skriv både navnet på planen og lenken til den, eller ingen av dem; "
              "vedlegget krever navn og lenke",
        "nn": "skriv både namnet på planen og lenkja til han, eller ingen av dei; "
              "vedlegget krev namn og lenkje"},
    # -- reading files (naervaer/yamlsource.py) --
    "file_missing": {"nb": "filen finnes ikke", "nn": "fila finst ikkje"},
    "not_utf8": {"nb": "filen er ikke lagret som UTF-8", "nn": "fila er ikkje lagra som UTF-8"},
    "yaml_error": {"nb": "YAML-feil: {what} (sjekk innrykk, kolon og anførselstegn)",
                   "nn": "YAML-feil: {what} (sjekk innrykk, kolon og hermeteikn)"},
    "expected_settings": {
        "nb": "forventet nøkler og verdier (f.eks. «municipality: Ås kommune»)",
        "nn": "venta nøklar og verdiar (t.d. «municipality: Ås kommune»)"},
    "yaml_alias": {
        "nb": "forventet verdien skrevet ut, fikk en YAML-alias (*navn) som gjentar verdien fra "
              "linje {line}; aliaser er ikke tillatt – skriv verdien der den skal stå",
        "nn": "venta verdien skriven ut, fekk ein YAML-alias (*namn) som gjentek verdien frå "
              "linje {line}; aliasar er ikkje tillatne – skriv verdien der han skal stå"},
    "yaml_too_deep": {"nb": "forventet høyst {n} nivåer med innrykk, fikk flere",
                      "nn": "venta høgst {n} nivå med innrykk, fekk fleire"},
    "settings_too_big": {
        "nb": "filen er {size}; en innstillingsfil kan være høyst {limit} (vanligvis er den "
              "noen få kB) – er dette riktig fil?",
        "nn": "fila er {size}; ei innstillingsfil kan vere høgst {limit} (vanlegvis er ho "
              "nokre få kB) – er dette rett fil?"},
    # Parent material in other languages (issue 13)
    "language_unknown": {"nb": "ukjent språkkode «{code}» – kjente språk: {codes}",
                         "nn": "ukjend språkkode «{code}» – kjende språk: {codes}"},
    # -- translation status for translators (python -m naervaer.parents) --
    "tr_no_file": {"nb": "{path} finnes ikke ennå – lag den etter data/README.md",
                   "nn": "{path} finst ikkje enno – lag ho etter data/README.md"},
    "tr_counts": {"nb": "{docs} dokumenter, {items} tekster",
                  "nn": "{docs} dokument, {items} tekstar"},
    "tr_missing_ui": {"nb": "Mangler ord under `ui` ({n}), språket publiseres ikke: {keys}",
                      "nn": "Manglar ord under `ui` ({n}), språket blir ikkje publisert: {keys}"},
    "tr_missing": {
        "nb": "Mangler ({n}) – oversett bokmålsteksten og lim inn under `items`:",
        "nn": "Manglar ({n}) – omset bokmålsteksten og lim inn under `items`:"},
    "tr_stale": {
        "nb": "Utdatert ({n}) – bokmålsteksten er endret: oversett den på nytt og bytt `source`:",
        "nn": "Forelda ({n}) – bokmålsteksten er endra: omset han på nytt og byt `source`:"},
    "tr_was": {"nb": "var", "nn": "var"},
    "tr_unreviewed": {"nb": "Ikke kvalitetssikret ennå ({n} av {total}):",
                      "nn": "Ikkje kvalitetssikra enno ({n} av {total}):"},
    "tr_all": {"nb": "alle {n}", "nn": "alle {n}"},
    "tr_unused": {"nb": "Brukes ikke ({n}) – ingen slik tekst i dokumentene; slett dem:",
                  "nn": "Blir ikkje brukte ({n}) – ingen slik tekst i dokumenta; slett dei:"},
    "tr_done": {"nb": "alt er oversatt, oppdatert og kvalitetssikret",
                "nn": "alt er omsett, oppdatert og kvalitetssikra"},
    "tr_summary_ok": {"nb": "Ingen tekster mangler eller er utdaterte.",
                      "nn": "Ingen tekstar manglar eller er forelda."},
    "tr_summary_todo": {"nb": "{n} tekst(er) mangler, er utdatert eller brukes ikke.",
                        "nn": "{n} tekst(ar) manglar, er forelda eller blir ikkje brukte."},
    # -- the translator's review (python -m naervaer.parents --gjennomgang / --godkjenn) --
    "rv_title": {"nb": "Gjennomgang av oversettelsen: {name}",
                 "nn": "Gjennomgang av omsetjinga: {name}"},
    "rv_intro": {
        "nb": "Den norske teksten (bokmål, som oversettelsen er laget fra) og oversettelsen "
              "side om side, med verdiene fra {settings} fylt inn. Fila er {file}. Status: "
              "{reviewed} kvalitetssikret, {unreviewed} ikke kvalitetssikret, {stale} "
              "utdatert, {missing} mangler.",
        "nn": "Den norske teksten (bokmål, som omsetjinga er laga frå) og omsetjinga side om "
              "side, med verdiane frå {settings} fylte inn. Fila er {file}. Status: "
              "{reviewed} kvalitetssikra, {unreviewed} ikkje kvalitetssikra, {stale} "
              "forelda, {missing} manglar."},
    "rv_how": {
        "nb": "Slik merker du tekster som kvalitetssikret (med ditt navn og dagens dato):",
        "nn": "Slik merkjer du tekstar som kvalitetssikra (med namnet ditt og dagens dato):"},
    "rv_id": {"nb": "Tekst-ID", "nn": "Tekst-ID"},
    "rv_norwegian": {"nb": "Norsk (bokmål)", "nn": "Norsk (bokmål)"},
    "rv_status": {"nb": "Status", "nn": "Status"},
    "rv_missing": {"nb": "Mangler", "nn": "Manglar"},
    "rv_stale": {"nb": "Utdatert: den norske teksten er endret",
                 "nn": "Forelda: den norske teksten er endra"},
    "rv_unreviewed": {"nb": "Ikke kvalitetssikret", "nn": "Ikkje kvalitetssikra"},
    "rv_reviewed": {"nb": "Kvalitetssikret av {who}", "nn": "Kvalitetssikra av {who}"},
    "rv_ui": {"nb": "Ord på sidene og i PDF-ene", "nn": "Ord på sidene og i PDF-ane"},
    "rv_local": {"nb": "Kommunens egne tjenester på samtykkeskjemaet",
                 "nn": "Dei eigne tenestene til kommunen på samtykkeskjemaet"},
    "rv_local_intro": {
        "nb": "Disse står i innstillingsfila (`consent_services`, `translations`), ikke i fila "
              "med oversettelsen. Rett dem der.",
        "nn": "Desse står i innstillingsfila (`consent_services`, `translations`), ikkje i fila "
              "med omsetjinga. Rett dei der."},
    "rv_local_missing": {"nb": "Ingen oversettelse", "nn": "Inga omsetjing"},
    "rv_ui_page_title": {"nb": "Tittel på siden for språket",
                         "nn": "Tittel på sida for språket"},
    "rv_ui_page_intro": {"nb": "Innledning øverst på siden for språket",
                         "nn": "Innleiing øvst på sida for språket"},
    "rv_ui_companion_note": {
        "nb": "Dette arket forklarer det norske skjemaet «…», slik at du vet hva du skriver "
              "under på. Du skriver under på det norske skjemaet; oversettelsen er bare til "
              "å lese.",
        "nn": "Dette arket forklarer det norske skjemaet «…», slik at du veit kva du skriv "
              "under på. Du skriv under på det norske skjemaet; omsetjinga er berre til å "
              "lese."},
    "rv_ui_norwegian_version": {"nb": "Norsk versjon", "nn": "Norsk versjon"},
    "rv_ui_not_translated": {
        "nb": "Ikke oversatt eller forklart her – spør skolen hva tjenesten gjør før du "
              "krysser av.",
        "nn": "Ikkje omsett eller forklart her – spør skulen kva tenesta gjer før du kryssar "
              "av."},
    "rv_written": {
        "nb": "{code}: skrev {files} ({reviewed} kvalitetssikret, {unreviewed} ikke "
              "kvalitetssikret, {stale} utdatert, {missing} mangler)",
        "nn": "{code}: skreiv {files} ({reviewed} kvalitetssikra, {unreviewed} ikkje "
              "kvalitetssikra, {stale} forelda, {missing} manglar)"},
    "rv_approved": {
        "nb": "{path}: {n} tekst(er) merket som kvalitetssikret av {reviewer}, {date}.",
        "nn": "{path}: {n} tekst(ar) merkte som kvalitetssikra av {reviewer}, {date}."},
    "rv_approve_usage": {
        "nb": "skriv språkkoden, tekst-ID-ene (eller et dokument) og hvem som har "
              "kvalitetssikret, f.eks. `--godkjenn pl samtykke.title --av \"Kari Nordmann\"`",
        "nn": "skriv språkkoden, tekst-ID-ane (eller eit dokument) og kven som har "
              "kvalitetssikra, t.d. `--godkjenn pl samtykke.title --av \"Kari Nordmann\"`"},
    "rv_bad_date": {"nb": "--dato: forventet en dato som 2026-12-06, fikk «{value}»",
                    "nn": "--dato: venta ein dato som 2026-12-06, fekk «{value}»"},
    "rv_no_such_item": {"nb": "{key}: ingen slik tekst eller slikt dokument",
                        "nn": "{key}: ingen slik tekst eller slikt dokument"},
    "rv_not_translated": {"nb": "{key}: ikke oversatt ennå", "nn": "{key}: ikkje omsett enno"},
    "rv_is_stale": {
        "nb": "{key}: utdatert – oversett den nye norske teksten og bytt `source` først",
        "nn": "{key}: forelda – omset den nye norske teksten og byt `source` først"},
    "rv_needs_value": {"nb": "{option} må ha en verdi", "nn": "{option} må ha ein verdi"},
    "rv_unknown_option": {"nb": "ukjent valg {option}", "nn": "ukjend val {option}"},
}


def msg(message: str, lang: Lang = "nb", /, **values: Any) -> str:
    return MESSAGES[message][lang].format(**values)
