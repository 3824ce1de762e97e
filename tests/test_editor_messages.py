"""Messages an editor understands (issue 18): each mistake in a settings file gets its own
Norwegian message, in the file's målform, with file, line and key — never the parser's or
the validator's English, never a regular expression, and from `sjekk` never «the build
stopped». Phone numbers are checked as Norwegian numbers, web addresses may use an
international domain name, and the spell check knows codes from words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naervaer.content.edition import load_edition
from naervaer.content.schema.kinds import (
    PATTERN_MESSAGES,
    href,
    norwegian_phone,
    tel,
    web_address,
)
from naervaer.content.schema.settings import Settings
from naervaer.content.settings_file import load_settings
from naervaer.content.spelling import check_settings_file, hunspell_available
from naervaer.content.validate import _message
from naervaer.errors import DataError
from naervaer.messages import catalogue, msg

from .conftest import ROOT
from .test_cli import naervaer

# what the parser (libyaml) and the validator (pydantic) say, in English
ENGLISH = re.compile(
    r"found character|cannot start any token|appears twice|duplicate|mapping|scalar|"
    r"while parsing|while scanning|could not find|not allowed here|block end|"
    r"\bexpected\b|should (?:be|have)|Field required|[Ii]nput should|\bcolumn\b|"
    r"\bvalue is not\b|\bstring\b|\bline \d")
# a regular expression, or a piece of one
REGEX = re.compile(r"\^|\$(?!\{)|\[0-9|\[a-z|\\[dswDSW]|\{\d*,\d*\}|\(\?|\.\*|\[\^|\)\?")


def clean(text: str) -> None:
    """Assert ``text`` is neither English parser text nor a regular expression."""
    assert not ENGLISH.search(text), text
    assert not REGEX.search(text), text


def problems(folder: Path, content: str, name: str = "kommune.yml") -> tuple[Path, DataError]:
    file = folder / name
    file.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_settings(file)
    return file, err.value


# -- a file that is not valid YAML -----------------------------------------------------------
# case → (file with {lang} on line 2, line of the mistake, message key, its values). Every
# mistake is on the line the message names, not where the parser noticed it.
HEAD = "municipality: Ås kommune\nlanguage: {lang}\n"
SYNTAX: dict[str, tuple[str, int, str, dict[str, Any]]] = {
    "tab": (HEAD + "concern:\n\tdays: 7\n", 4, "yaml_tab", {}),
    "tab-after-good-lines": (HEAD + "concern:\n  days: 7\n\tweeks: 4\n", 5, "yaml_tab", {}),
    "duplicate-key": (HEAD + "absence_system: IST\nreporting_channel: Mobilskole\n"
                      "absence_system: Visma\n", 5, "yaml_duplicate",
                      {"key": "absence_system", "first": 3}),
    "duplicate-nested-key": (HEAD + "concern:\n  days: 7\n  weeks: 4\n  days: 8\n", 6,
                             "yaml_duplicate", {"key": "days", "first": 4}),
    "open-quote-at-the-end": (HEAD + 'absence_system: "IST\n', 3, "yaml_open_quote",
                              {"quote": '"'}),
    "open-quote-before-a-plain-line": (HEAD + 'absence_system: "IST\n'
                                       "reporting_channel: Mobilskole\n", 3,
                                       "yaml_open_quote", {"quote": '"'}),
    # the quote is closed by the next value's first quote: the parser stumbles a line later
    "open-quote-swallows-the-next-value": (HEAD + 'absence_system: "IST\n'
                                           'reporting_channel: "Mobilskole"\n', 3,
                                           "yaml_open_quote", {"quote": '"'}),
    "open-quote-in-a-group": (HEAD + 'child_welfare:\n  hours: "hverdager\n'
                              '  phone: "23 45 67 89"\n', 4, "yaml_open_quote",
                              {"quote": '"'}),
    "open-quote-in-a-list": (HEAD + 'hidden_measures:\n  - "6.19\n  - "6.18"\n', 4,
                             "yaml_open_quote", {"quote": '"'}),
    "open-quote-over-two-lines": (HEAD + 'child_welfare:\n  hours: "hverdager\n'
                                  '    08.00–15.30"\n', 4, "yaml_open_quote",
                                  {"quote": '"'}),
    "open-single-quote": (HEAD + "reporting_channel: 'Mobilskole\nabsence_system: IST\n", 3,
                          "yaml_open_quote", {"quote": "'"}),
    "over-indented-key": (HEAD + "absence_system: IST\n  reporting_channel: Mobilskole\n", 4,
                          "yaml_indent_more", {"key": "reporting_channel"}),
    # as in a starter file: times unquoted, the over-indented line among others
    "over-indented-in-a-group": (HEAD + "deadlines:\n  report_by: 08:20\n"
                                 "  call_home_by: 09:00\n   contact_after_days: 3\n"
                                 "  doctors_note_after_days: 10\n", 6, "yaml_indent_more",
                                 {"key": "contact_after_days"}),
    "under-indented-key": (HEAD + "concern:\n  days: 7\n weeks: 4\n", 5, "yaml_indent_less",
                           {"key": "weeks"}),
    "missing-colon": (HEAD + "absence_system IST\nreporting_channel: Mobilskole\n", 3,
                      "yaml_missing_colon", {"key": "absence_system IST"}),
    "missing-colon-in-a-group": (HEAD + "concern:\n  days 7\n  weeks: 4\n", 4,
                                 "yaml_missing_colon", {"key": "days 7"}),
    "colon-in-value": (HEAD + "reporting_channel: Mobilskole: appen\n", 3,
                       "yaml_colon_in_value",
                       {"key": "reporting_channel", "value": "Mobilskole: appen"}),
    "list-item-without-dash": (HEAD + 'hidden_measures:\n  - "6.19"\n  "6.18"\n', 5,
                               "yaml_list_item", {}),
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("case", sorted(SYNTAX))
def test_each_yaml_mistake_has_its_own_norwegian_message_at_its_line(
    case: str, lang: str, tmp_path: Path
) -> None:
    content, line, key, values = SYNTAX[case]
    file, error = problems(tmp_path, content.format(lang=lang))
    assert error.lang == lang
    [problem] = error.problems
    assert (problem.file, problem.line) == (file, line)
    assert problem.message == msg(key, lang, **values)
    report = error.report(checking=True)
    assert f"{file}, linje {line}: " in report
    clean(report.replace(str(file), "FIL"))


def test_the_yaml_messages_are_all_different() -> None:
    """«Its own message»: no two kinds of mistake share a text."""
    keys = {key for _, _, key, _ in SYNTAX.values()}
    texts = {catalogue()[key]["nb"] for key in keys}
    assert len(texts) == len(keys) == 8


def test_no_message_in_the_catalogue_is_english_or_a_regular_expression() -> None:
    for texts in catalogue().values():
        for text in texts.values():
            clean(re.sub(r"\{[a-z_]+\}", "X", text))  # the placeholders aside


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("kind", ["url_parsing", "date_from_datetime_parsing", "uuid_type",
                                  "complex_type", "a_kind_no_one_has_seen"])
def test_a_mistake_without_its_own_message_is_told_in_norwegian(kind: str, lang: str) -> None:
    """Pydantic knows about a hundred kinds of error; the ones our settings can meet have their
    own messages, and any other one still reaches the editor in Norwegian, with the value."""
    error: dict[str, Any] = {"type": kind, "loc": ("site_url",), "input": "htp:/x",
             "msg": "Input should be a valid URL, relative URL without a base"}
    text = _message(error, Settings, "nn" if lang == "nn" else "nb")
    assert "Input" not in text and "valid" not in text
    assert "'htp:/x'" in text and "naervaer ny" in text
    clean(text)


# -- what a value may look like ----------------------------------------------------------
def patterns(schema: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        if isinstance(schema.get("pattern"), str):
            found.add(schema["pattern"])
        for value in schema.values():
            found |= patterns(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= patterns(value)
    return found


def test_every_pattern_of_the_settings_says_what_is_allowed_with_an_example() -> None:
    used = patterns(Settings.model_json_schema())
    assert len(used) >= 5  # time, range, colour, language code, search word
    keys = {PATTERN_MESSAGES.get(p) for p in used}
    assert None not in keys, sorted(p for p in used if p not in PATTERN_MESSAGES)
    keys |= {"phone_invalid", "url_invalid", "hidden_unknown"}
    for key in sorted(k for k in keys if k):
        for lang, example in (("nb", "f.eks."), ("nn", "t.d.")):
            text = msg(key, lang, value="X", id="X")
            # an example: «f.eks. «#1f4e79»», or a short number «som «116 111»»
            assert re.search(rf"(?:{re.escape(example)}|som) [«`]", text), (key, text)
            clean(text)


# (settings lines, line, key path, message key, its values): what the editor sees
VALUES: dict[str, tuple[str, int, tuple[Any, ...], str, dict[str, Any]]] = {
    "colour": ('colour: "#fff"\n', 3, ("colour",), "wrong_form",
               {"given": "'#fff'", "allowed": "form_colour"}),
    "range-with-hyphen": ("concern:\n  weeks: 3-4\n", 4, ("concern", "weeks"), "wrong_form",
                          {"given": "'3-4'", "allowed": "form_range"}),
    "time": ("deadlines:\n  report_by: kl 8\n", 4, ("deadlines", "report_by"), "wrong_form",
             {"given": "'kl 8'", "allowed": "form_time"}),
    "language-code": ("parent_languages: [EN]\n", 3, ("parent_languages", 0), "wrong_form",
                      {"given": "'EN'", "allowed": "form_language_code"}),
    "search-word": ('search_synonyms:\n  - ["Familiens <hus>", familietjenesten]\n', 4,
                    ("search_synonyms", 0, 0), "wrong_form",
                    {"given": "'Familiens <hus>'", "allowed": "form_search_word"}),
    "six-digit-phone": ("child_welfare:\n  phone: 57 71 23\n", 4, ("child_welfare", "phone"),
                        "phone_invalid", {"value": "57 71 23"}),
    "phone-with-words": ("pp_service:\n  phone: ring 23 45 67 89\n", 4,
                         ("pp_service", "phone"), "phone_invalid",
                         {"value": "ring 23 45 67 89"}),
    "web-address-without-https": ("site_url: http://naervaer.kommune.example/\n", 3,
                                  ("site_url",), "url_invalid",
                                  {"value": "http://naervaer.kommune.example/"}),
    "web-address-without-scheme": ("privacy_statement_url: skulenærvær.kommune.example\n", 3,
                                   ("privacy_statement_url",), "url_invalid",
                                   {"value": "skulenærvær.kommune.example"}),
    # what the validator has no Norwegian for by itself
    "word-too-long": ("search_synonyms:\n  - [" + "a" * 81 + ", abc]\n", 4,
                      ("search_synonyms", 0, 0), "text_too_long",
                      {"n": 80, "given": repr("a" * 81)[:60] + "…"}),
    "too-many-words": ("search_synonyms:\n  - [" + ", ".join(f"ord{i}" for i in range(21))
                       + "]\n", 4, ("search_synonyms", 0), "too_long", {"n": 20}),
    "infinite-days": ("concern:\n  days: .inf\n", 4, ("concern", "days"), "expected_int",
                      {"given": "inf"}),
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("case", sorted(VALUES))
def test_a_value_of_the_wrong_form_is_told_what_is_allowed(
    case: str, lang: str, tmp_path: Path
) -> None:
    body, line, path, key, values = VALUES[case]
    file, error = problems(tmp_path, HEAD.format(lang=lang) + body)
    [problem] = error.problems
    assert (problem.line, problem.path) == (line, path)
    if "allowed" in values:
        values = dict(values, allowed=msg(values["allowed"], lang))
    assert problem.message == msg(key, lang, **values)
    clean(problem.message)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_unknown_measure_id_is_told_with_an_example(lang: str, tmp_path: Path) -> None:
    file = tmp_path / "kommune.yml"
    file.write_text(HEAD.format(lang=lang) + "hidden_measures: [6.19, 8.x]\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_edition(file)
    [problem] = err.value.problems
    assert (problem.line, problem.path) == (3, ("hidden_measures", 1))
    assert problem.message == msg("hidden_unknown", lang, id="8.x")
    assert "«6.19»" in problem.message
    clean(problem.message)


# -- phone numbers -----------------------------------------------------------------------
ACCEPTED = ["23 45 67 89", "23456789", "412 34 567", "+47 23 45 67 89", "+4723456789",
            "110", "112", "113", "116 111", "116 123", "02800", "00 00 00 01"]
REFUSED = ["57 71 23", "577 123", "2345 678", "234 567 890", "12 34 56 78", "01 23 45 67",
           "111", "114", "116", "12345", "+46 23 45 67 89", "23 45 67 8x", "ring 112", ""]


@pytest.mark.parametrize("number", ACCEPTED)
def test_a_norwegian_number_is_accepted(number: str) -> None:
    assert norwegian_phone(number) == number


@pytest.mark.parametrize("number", REFUSED)
def test_anything_else_is_refused_as_a_phone_number(number: str) -> None:
    with pytest.raises(Exception, match="not a Norwegian phone number"):
        norwegian_phone(number)


@settings(max_examples=60, deadline=None)
@given(first=st.integers(2, 9), rest=st.lists(st.integers(0, 9), min_size=7, max_size=7),
       cuts=st.sets(st.integers(1, 7), max_size=4), prefix=st.booleans())
def test_eight_digits_in_any_grouping_are_a_number_and_a_tel_link(
    first: int, rest: list[int], cuts: set[int], prefix: bool
) -> None:
    digits = str(first) + "".join(map(str, rest))
    grouped = "".join(d + (" " if i + 1 in cuts else "") for i, d in enumerate(digits))
    written = ("+47 " if prefix else "") + grouped
    assert norwegian_phone(written) == written
    assert tel(written) == f"tel:+47{digits}"


@settings(max_examples=60, deadline=None)
@given(number=st.from_regex(r"\A[2-9][0-9]{3,6}\Z|\A[2-9][0-9]{8,11}\Z"))
def test_a_wrong_number_of_digits_is_never_a_number(number: str) -> None:
    with pytest.raises(Exception, match="not a Norwegian phone number"):
        norwegian_phone(number)


def test_short_numbers_are_dialled_as_they_are() -> None:
    assert tel("116 111") == "tel:116111"
    assert tel("112") == "tel:112"
    assert tel("+47 23 45 67 89") == "tel:+4723456789"


# -- international domain names ---------------------------------------------------------
IDN = "https://skulenærvær.kommune.example/"
PUNYCODE = "https://xn--skulenrvr-l3ac.kommune.example/"


def test_an_international_web_address_is_accepted_and_linked_in_punycode(
    tmp_path: Path
) -> None:
    assert web_address(IDN) == IDN
    assert href(IDN) == PUNYCODE
    assert href(IDN + "personvern?side=2#topp") == PUNYCODE + "personvern?side=2#topp"
    assert href("https://skulenærvær.kommune.example:8443/a") \
        == "https://xn--skulenrvr-l3ac.kommune.example:8443/a"
    assert href("https://www.kommune.example/") == "https://www.kommune.example/"
    for wrong in ("https://xn--.example/", "https://skule nærvær.example/", "https://localhost/"):
        with pytest.raises(Exception, match="not an https address"):
            web_address(wrong)
    file = tmp_path / "kommune.yml"
    file.write_text(HEAD.format(lang="nn") + f"site_url: {IDN}\n"
                    f"privacy_statement_url: {IDN}personvern\n", encoding="utf-8")
    edition = load_edition(file)
    assert edition.settings.site_url == IDN  # kept as written …
    assert str(edition.s["site_url"]) == PUNYCODE  # … and linked in punycode
    assert str(edition.s["privacy_statement_url"]) == PUNYCODE + "personvern"


# -- sjekk is a check, not a build -------------------------------------------------------
BUILD_WORDS = ["Byggingen stoppet", "Bygginga stoppa", "forrige versjon", "førre versjon",
               "Ingenting er skrevet", "Ingenting er skrive"]


@pytest.mark.parametrize(("lang", "content", "head", "line"), [
    ("nn", HEAD.format(lang="nn") + 'absence_system: "IST\nreporting_channel: "Mobilskole"\n',
     "Fila har 1 feil:", 3),
    ("nb", HEAD.format(lang="nb") + "concern:\n  dayz: 7\ncolour: \"#ffee00\"\n",
     "Fila har 2 feil:", 4),
])
def test_sjekk_reports_problems_without_a_word_of_a_build(
    lang: str, content: str, head: str, line: int, tmp_path: Path
) -> None:
    file = tmp_path / "kommune.yml"
    file.write_text(content, encoding="utf-8")
    result = naervaer("sjekk", file.name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(head), result.stderr
    assert f"{file}, linje {line}: " in result.stderr
    for words in BUILD_WORDS:
        assert words not in result.stdout + result.stderr
    clean(result.stderr.replace(str(file), "FIL"))


def test_a_missing_settings_file_is_reported_in_both_malformer(tmp_path: Path) -> None:
    """A file that is not there cannot tell its målform: the message is in both."""
    with pytest.raises(DataError) as err:
        load_settings(tmp_path / "finst-ikkje.yml")
    [problem] = err.value.problems
    assert msg("file_missing", "nb") in problem.message
    assert msg("file_missing", "nn") in problem.message


# -- the spell check: codes are not words, an edition's own words are known --------------
@pytest.fixture()
def hunspell() -> None:
    if not hunspell_available():
        pytest.fail("the spell check needs Debian's hunspell and hunspell-no: run ./setup.sh")


SPELT = """\
municipality: Ås kommune
language: nb
parent_languages: [en, uk, ar]
pp_service:
  hours: Ring oss om ICDP på hverdager
local_measures:
  - category: 3
    text: Eleven får et ICDP-kurs.
    actors: [skole, ppt]
    causes: [engstelig]
hidden_measures: ["6.19"]
colour: "#1f4e79"
site_url: https://naervaer.kommune.example/
"""


def test_codes_are_never_spell_checked_and_own_words_are_known(
    hunspell: None, tmp_path: Path
) -> None:
    file = tmp_path / "kommune.yml"
    file.write_text(SPELT, encoding="utf-8")
    unknown = [f.word for f in check_settings_file(file, ROOT / "data")]
    assert unknown == ["ICDP", "ICDP-kurs"]  # neither Norwegian nor a code
    # the edition's own word is known, alone and in a compound
    file.write_text(SPELT + "words: [ICDP]\n", encoding="utf-8")
    assert check_settings_file(file, ROOT / "data") == []
