"""The kinds of values a settings file holds, each with its check and with what an editor is
told when a value does not fit: what is allowed and a made-up example, never a regular
expression (the messages ``form_*`` in data/messages.yaml).

* patterns (:func:`pattern`): a time, a range, a colour, a language code, and the IDs of the
  data files;
* :data:`Phone`: a Norwegian phone number — 8 digits, or a known short number;
* :data:`Url`: a web address (https), international domain names included;
* markers a field carries (``Annotated`` metadata): :data:`MARKDOWN` (the editor's markdown),
  :data:`PHONE` and :data:`URL` (how the value is linked), :data:`LOCAL_FACT` (a fact of the
  municipality a reader may act on: no edition inherits it from the defaults).
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit, urlunsplit

import idna
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

PATTERN_MESSAGES: dict[str, str] = {}  # pattern → message key: what is allowed


def pattern(regex: str, message: str) -> str:
    """A pattern a value must match, and the message that says what it allows."""
    PATTERN_MESSAGES[regex] = message
    return regex


TIME = pattern(r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$", "form_time")
RANGE = pattern(r"^[0-9]+(–[0-9]+)?$", "form_range")
COLOUR = pattern(r"^#[0-9a-fA-F]{6}$", "form_colour")
LANGUAGE_CODE = pattern(r"^[a-z]{2}$", "form_language_code")
SLUG = pattern(r"^[a-z0-9][a-z0-9-]*$", "form_slug")
ANCHOR = pattern(r"^[a-z0-9æøå][a-z0-9æøå-]*$", "form_anchor")
FIELD_ID = pattern(r"^[a-z0-9][a-z0-9_-]*$", "form_slug")
SEARCH_WORD = pattern(r"^[^<>\n\r`*_\[\]{}]+$", "form_search_word")
MEASURE_ID = pattern(r"^([1-9]|1[0-2])\.(L?[1-9][0-9]*)$", "form_measure_id")


class Marker:
    """Marks a settings field (``Annotated`` metadata) for the renderers and the checks."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


MARKDOWN = Marker("MARKDOWN")
PHONE = Marker("PHONE")
URL = Marker("URL")
LOCAL_FACT = Marker("LOCAL_FACT")

# -- phone numbers ------------------------------------------------------------------------
# Norway's numbering plan (Nkom, E.164): subscriber numbers have 8 digits and start with 2–9;
# 3-digit emergency numbers, the harmonised 116 xxx numbers and the 5-digit 02000–09999.
_NUMBER = re.compile(r"^(?:\+47)?(?:[2-9]\d{7}|11[023]|116\d{3}|0[2-9]\d{3})$")
# Numbers for example editions only: «00 00 00 0x» can never be dialled (00 is the
# international prefix, and no country code starts with 0), so it belongs to no one.
FICTITIOUS = re.compile(r"^00000\d{3}$")


def digits(phone: str) -> str:
    """The number to dial: digits only (a leading + kept)."""
    return re.sub(r"[^\d+]", "", phone)


def is_fictitious(phone: str) -> bool:
    return bool(FICTITIOUS.match(digits(phone)))


def norwegian_phone(value: str) -> str:
    number = digits(value)
    if re.search(r"[^\d +\u00a0]", value) or not (_NUMBER.match(number) or is_fictitious(value)):
        raise PydanticCustomError("phone_invalid", "not a Norwegian phone number",
                                  {"value": value})
    return value


def tel(phone: str) -> str:
    """A ``tel:`` address: +47 and the 8 digits, or a short number as it is."""
    number = digits(phone).removeprefix("+47")
    return f"tel:+47{number}" if len(number) == 8 else f"tel:{number}"


Phone = Annotated[str, AfterValidator(norwegian_phone), PHONE]

# -- web addresses --------------------------------------------------------------------------
_NOT_IN_URL = re.compile(r"[\s<>\"'`\\{}|^]")


def href(url: str) -> str:
    """The address as a link needs it: an international domain name in punycode."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    ascii_host = idna.encode(host, uts46=True).decode("ascii")
    netloc = parts.netloc.replace(host, ascii_host) if host else parts.netloc
    return urlunsplit(parts._replace(netloc=netloc))


def web_address(value: str) -> str:
    parts = urlsplit(value)
    try:
        host = parts.hostname or ""
        ok = (parts.scheme == "https" and "." in host and not _NOT_IN_URL.search(value)
              and bool(href(value)))
    except (idna.IDNAError, UnicodeError, ValueError):
        ok = False
    if not ok:
        raise PydanticCustomError("url_invalid", "not an https address", {"value": value})
    return value


Url = Annotated[str, AfterValidator(web_address), URL]
