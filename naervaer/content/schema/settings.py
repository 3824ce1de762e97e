"""The local-edition settings: the contract a municipality's web editor fills in.

Every field carries its explanation for editors in bokmål (``description``) and nynorsk
(``description_nn``); the starter file, the JSON Schema and the «Lag en lokal versjon» page
are generated from them. How the file is read and overlaid on the defaults:
:mod:`naervaer.content.settings_file`.
"""

from __future__ import annotations

import copy
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ...text import Text
from .bank import Actor, Cause, Tier
from .base import Strict, doc
from .concern import DAYS_PER_WEEK, MAX_WEEKS, RANGE, Concern, ordered_range, parse_range

__all__ = ["DAYS_PER_WEEK", "MAX_WEEKS", "Concern", "Settings", "doc", "parse_range"]

LText = str | Text

# --- Markdown from settings sits under a heading the page already has (issue 12): a heading
# of its own would break the page's heading order, so it is refused with a clear message.
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.M)


def _no_headings(value: LText) -> LText:
    for text in ([value] if isinstance(value, str) else [value.nb, value.nn or ""]):
        match = _HEADING.search(text)
        if match:
            line = text[match.start():].splitlines()[0].strip()
            raise PydanticCustomError("heading_in_text", "markdown heading in text",
                                      {"line": line[:60]})
    return value


TIME = r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$"


# -- values in pages and PDFs (issue 9): free text is escaped where it is substituted, the
# fields marked MARKDOWN keep their formatting but no HTML (naervaer/markup.py), and a value
# whose form a pattern fixes is only HTML-escaped, so no pattern may admit < > " ' ` or spaces.
class _Markdown:
    """Marks a settings field whose value is the editor's markdown."""

    def __repr__(self) -> str:
        return "MARKDOWN"


MARKDOWN = _Markdown()
MdText = Annotated[LText, MARKDOWN, AfterValidator(_no_headings)]  # no headings: issue 12
HTTPS = r"^https://[A-Za-z0-9._~:/?#@!$%&+,;=-]+$"







class PpService(Strict):
    short: str = doc("Kortnavnet i løpende tekst, f.eks. «PPT» eller «PPS».",
                     "Kortnamnet i løpande tekst, t.d. «PPT» eller «PPS».", min_length=2)
    name: str = doc("Fullt navn på PP-tjenesten.", "Fullt namn på PP-tenesta.", min_length=2)


class Deadlines(Strict):
    report_by: str = doc("Foresatte melder fravær innen dette klokkeslettet, f.eks. «08:20».",
                         "Føresette melder fråvær innan dette klokkeslettet, t.d. «08:20».",
                         pattern=TIME)
    call_home_by: str = doc("Skolen ringer hjem før dette klokkeslettet når eleven ikke har "
                            "kommet og fraværet ikke er meldt.",
                            "Skulen ringjer heim før dette klokkeslettet når eleven ikkje har "
                            "kome og fråværet ikkje er meldt.", pattern=TIME)
    contact_after_days: int = doc("Kontaktlæreren kontakter hjemmet etter så mange dagers fravær.",
                                  "Kontaktlæraren kontaktar heimen etter så mange dagars fråvær.",
                                  ge=1, le=30)
    doctors_note_after_days: int = doc("Legeerklæring kreves etter så mange dagers sykefravær.",
                                       "Legeerklæring blir kravd etter så mange dagars "
                                       "sjukefråvær.", ge=1, le=60)
    send_to_pp_within_weeks: str = doc("Kartleggingen sendes PP-tjenesten innen så mange uker.",
                                       "Kartlegginga blir send til PP-tenesta innan så mange "
                                       "veker.", pattern=RANGE)
    measure_period_weeks: str = doc("Tiltaksperioden mellom samarbeidsmøte 1 og 2, i uker.",
                                    "Tiltaksperioden mellom samarbeidsmøte 1 og 2, i veker.",
                                    pattern=RANGE)
    deregister_after_months: int = doc("Vurder utskriving etter så mange måneder udokumentert "
                                       "fravær.", "Vurder utskriving etter så mange månader "
                                       "udokumentert fråvær.", ge=1, le=24)

    _ordered = field_validator("send_to_pp_within_weeks", "measure_period_weeks")(ordered_range)


class Contact(Strict):
    name: LText = doc("Navnet på tjenesten.", "Namnet på tenesta.")
    phone: str = doc("Telefonnummer, f.eks. «64 96 20 00».", "Telefonnummer, t.d. «64 96 20 00».",
                     pattern=r"^\+?[0-9 ]{3,20}$")
    hours: LText = doc("Når tjenesten er åpen, f.eks. «hverdager 08.00–15.30».",
                       "Når tenesta er open, t.d. «kvardagar 08.00–15.30».")


class ChildWelfare(Contact):
    out_of_hours: Contact = doc("Barnevernvakten: kontakt utenom åpningstid.",
                                "Barnevernvakta: kontakt utanom opningstida.")


class PartnerService(Strict):
    name: str = doc("Navnet på tjenesten.", "Namnet på tenesta.", min_length=2)
    mandate: MdText = doc("Hva tjenesten gjør (mandat). Kan ha avsnitt og lister (markdown).",
                         "Kva tenesta gjer (mandat). Kan ha avsnitt og lister (markdown).")
    contact: Annotated[LText | None, MARKDOWN] = doc("Hvordan man kommer i kontakt med "
                                                     "tjenesten.",
                                                     "Korleis ein kjem i kontakt med "
                                                     "tenesta.", default=None)


class LocalMeasure(Strict):
    category: int = doc("Kategorien (1–12) tiltaket hører til.",
                        "Kategorien (1–12) tiltaket høyrer til.", ge=1, le=12)
    text: MdText = doc("Teksten til tiltaket.", "Teksten til tiltaket.")
    actors: list[Actor] = doc("Hvem gjør tiltaket: skole, hjem, elev, ppt, helse, barnevern, "
                              "kommune.", "Kven gjer tiltaket: skole, hjem, elev, ppt, helse, "
                              "barnevern, kommune.", min_length=1)
    decision: bool = doc("true hvis tiltaket krever sakkyndig vurdering og enkeltvedtak.",
                         "true viss tiltaket krev sakkunnig vurdering og enkeltvedtak.",
                         default=False)
    tier: Tier | None = doc(
        "Nivået tiltaket hører til: 1 (for alle elever), 2 (begynnende fravær) eller 3 "
        "(alvorlig eller langvarig fravær). Tom = 2, merket som skjønn.",
        "Nivået tiltaket høyrer til: 1 (for alle elevar), 2 (byrjande fråvær) eller 3 "
        "(alvorleg eller langvarig fråvær). Tom = 2, merkt som skjønn.", default=None)
    causes: list[Cause] | None = doc(
        "Årsakene fra årsakskartleggingen tiltaket svarer på, f.eks. `[engstelig, venner]`. "
        "Tom = ingen bestemt årsak, merket som skjønn.",
        "Årsakene frå årsakskartlegginga tiltaket svarar på, t.d. `[engstelig, venner]`. "
        "Tom = inga bestemd årsak, merkt som skjønn.", default=None)
    why: LText | None = doc("Kort om hvorfor tiltaket har dette nivået og disse årsakene.",
                            "Kort om kvifor tiltaket har dette nivået og desse årsakene.",
                            default=None)


class LocalText(Strict):
    section: str = doc("ID-en til avsnittet i veilederen (det som står etter # i adressen).",
                       "ID-en til avsnittet i rettleiaren (det som står etter # i adressa).")
    text: MdText = doc("Teksten som legges til på slutten av avsnittet.",
                      "Teksten som blir lagd til på slutten av avsnittet.")


# --- the municipality's plan for a good psychosocial school environment (issue 9) ---------


class WellbeingPlan(Strict):
    name: LText | None = doc(
        "Navnet på kommunens handlingsplan for et godt psykososialt skolemiljø, f.eks. "
        "«Handlingsplan for et godt psykososialt miljø i skole og SFO». Tom = veilederen "
        "viser ikke til en slik plan.",
        "Namnet på handlingsplanen til kommunen for eit godt psykososialt skulemiljø, t.d. "
        "«Handlingsplan for eit godt psykososialt miljø i skule og SFO». Tom = rettleiaren "
        "viser ikkje til ein slik plan.", default=None)
    url: str | None = doc("Lenke til planen (må fylles ut sammen med navnet).",
                          "Lenkje til planen (må fyllast ut saman med namnet).",
                          default=None, pattern=HTTPS)
    appendix: LText | None = doc(
        "Navnet på vedlegget i planen om tegn på mistrivsel, f.eks. «Vedlegg 2: Tegn på "
        "mistrivsel». Tom = veilederen viser til planen som helhet.",
        "Namnet på vedlegget i planen om teikn på mistrivsel, t.d. «Vedlegg 2: Teikn på "
        "mistrivsel». Tom = rettleiaren viser til planen som heilskap.", default=None)

    @model_validator(mode="after")
    def name_and_link_together(self) -> WellbeingPlan:
        if bool(self.name) != bool(self.url) or self.appendix and not self.name:
            raise PydanticCustomError(
                "plan_incomplete", "name and url go together; appendix needs them", {})
        return self


class Settings(Strict):
    municipality: str = doc("Kommunens navn, slik det skal stå på alle sider og skjema.",
                            "Namnet på kommunen, slik det skal stå på alle sider og skjema.",
                            min_length=2)
    language: Literal["nb", "nn"] = doc("Målform for hele utgaven: nb (bokmål) eller "
                                        "nn (nynorsk).", "Målform for heile utgåva: nb "
                                        "(bokmål) eller nn (nynorsk).")
    logo: str | None = doc("Kommunevåpen eller logo (PNG, JPG eller SVG), sti relativt til "
                           "innstillingsfila. Tom = ingen logo.",
                           "Kommunevåpen eller logo (PNG, JPG eller SVG), sti relativt til "
                           "innstillingsfila. Tom = ingen logo.", default=None)
    colour: str = doc("Hovedfarge, f.eks. «#1f4e79». Må være mørk nok til hvit tekst "
                      "(kontrast minst 4,5:1).", "Hovudfarge, t.d. «#1f4e79». Må vere mørk nok "
                      "til kvit tekst (kontrast minst 4,5:1).", pattern=r"^#[0-9a-fA-F]{6}$")
    site_url: str | None = doc("Adressen nettstedet publiseres på, f.eks. "
                               "«https://naervaer.eksempel.kommune.no/».",
                               "Adressa nettstaden blir publisert på, t.d. "
                               "«https://naervaer.eksempel.kommune.no/».",
                               default=None, pattern=HTTPS)
    pp_service: PpService = doc("PP-tjenesten.", "PP-tenesta.")
    school_phone: str | None = doc(
        "Telefonnummeret til skolen, f.eks. «64 96 20 00», for en utgave som gjelder én skole. "
        "Står på arket til foresatte. Tom = arket har en linje skolen skriver nummeret på.",
        "Telefonnummeret til skulen, t.d. «64 96 20 00», for ei utgåve som gjeld éin skule. "
        "Står på arket til føresette. Tom = arket har ei linje skulen skriv nummeret på.",
        default=None, pattern=r"^\+?[0-9 ]{3,20}$")
    absence_system: str = doc("Systemet skolene fører fravær i, f.eks. «IST» eller «Visma».",
                              "Systemet skulane fører fråvær i, t.d. «IST» eller «Visma».",
                              min_length=2)
    reporting_channel: str = doc("Kanalen foresatte melder fravær i, f.eks. «Mobilskole».",
                                 "Kanalen føresette melder fråvær i, t.d. «Mobilskole».",
                                 min_length=2)
    concern: Concern = doc("Grensene for bekymringsfullt fravær.",
                           "Grensene for bekymringsfullt fråvær.")
    deadlines: Deadlines = doc("Frister og klokkeslett i rutinene for fravær.",
                               "Fristar og klokkeslett i rutinane for fråvær.")
    child_welfare: ChildWelfare = doc("Barnevernstjenesten og barnevernvakten.",
                                      "Barnevernstenesta og barnevernvakta.")
    consent_services: list[LText] = doc("Tjenestene som kan krysses av på samtykkeskjemaet, "
                                        "i rekkefølge.", "Tenestene som kan kryssast av på "
                                        "samtykkeskjemaet, i rekkjefølgje.", min_length=1)
    partner_services: list[PartnerService] = doc(
        "Lokale samarbeidspartnere med mandat. Uten noen står ikke avsnittet «Andre tjenester "
        "i kommunen» i veilederen.",
        "Lokale samarbeidspartnarar med mandat. Utan nokon står ikkje avsnittet «Andre "
        "tenester i kommunen» i rettleiaren.",
        default=[])
    local_measures: list[LocalMeasure] = doc("Egne tiltak som legges til i tiltaksbanken. "
                                             "De får ID-er som 3.L1.", "Eigne tiltak som blir "
                                             "lagde til i tiltaksbanken. Dei får ID-ar som 3.L1.",
                                             default=[])
    hidden_measures: list[str] = doc("Tiltak som ikke skal vises, med ID, f.eks. «6.19».",
                                     "Tiltak som ikkje skal visast, med ID, t.d. «6.19».",
                                     default=[])
    local_text: list[LocalText] = doc("Lokal tekst lagt til et avsnitt i veilederen.",
                                      "Lokal tekst lagd til eit avsnitt i rettleiaren.",
                                      default=[])
    privacy_statement_url: str | None = doc("Lenke til kommunens personvernerklæring.",
                                            "Lenkje til personvernerklæringa til kommunen.",
                                            default=None, pattern=HTTPS)
    accessibility_statement_url: str | None = doc(
        "Lenke til tilgjengelighetserklæringen (f.eks. på uustatus.no).",
        "Lenkje til tilgjengeerklæringa (t.d. på uustatus.no).",
        default=None, pattern=HTTPS)
    # -- the editors' page (issue 14) ---------------------------------------------------------
    editor_page: bool = doc(
        "true tar med siden «Lag en lokal versjon» (for redaktører: slik lager og publiserer "
        "man en egen utgave). Standard er false: en kommunes utgave er for ansatte og "
        "foresatte, som ellers kunne lest standardverdiene i tabellen der som lokale regler.",
        "true tek med sida «Lag ein lokal versjon» (for redaktørar: slik lagar og publiserer "
        "ein ei eiga utgåve). Standard er false: utgåva til ein kommune er for tilsette og "
        "føresette, som elles kunne lese standardverdiane i tabellen der som lokale reglar.",
        default=False)
    # --- issue 9: the municipality's plan for the psychosocial school environment ---
    wellbeing_plan: WellbeingPlan = doc(
        "Kommunens handlingsplan for et godt psykososialt skolemiljø, som veilederen viser "
        "til når eleven viser tegn på mistrivsel. Tom = utelatt.",
        "Handlingsplanen til kommunen for eit godt psykososialt skulemiljø, som rettleiaren "
        "viser til når eleven viser teikn på mistrivsel. Tom = utelaten.",
        default_factory=WellbeingPlan)
    # Parent material in other languages (issue 13)
    parent_languages: list[Annotated[str, Field(pattern=r"^[a-z]{2}$")]] | None = doc(
        "Språkene informasjonen til foresatte publiseres på i tillegg til norsk, med "
        "språkkode, f.eks. `[en, ar]`. Tom (null) = alle språkene i data/languages.yaml.",
        "Språka informasjonen til føresette blir publisert på i tillegg til norsk, med "
        "språkkode, t.d. `[en, ar]`. Tom (null) = alle språka i data/languages.yaml.",
        default=None)
    parent_reviewed_only: bool = doc(
        "true = publiser bare oversettelser som en kvalifisert oversetter har kvalitetssikret. "
        "false = publiser også oversettelser laget med hjelp av maskinoversettelse, med en "
        "merknad om det.",
        "true = publiser berre omsetjingar som ein kvalifisert omsetjar har kvalitetssikra. "
        "false = publiser også omsetjingar laga med hjelp av maskinomsetjing, med ein "
        "merknad om det.",
        default=False)

    @field_validator("colour")
    @classmethod
    def dark_enough_for_white_text(cls, value: str) -> str:
        ratio = contrast_with_white(value)
        if ratio < 4.5:
            raise PydanticCustomError(
                "colour_too_light", "colour {value} too light for white text",
                {"value": value, "ratio": f"{ratio:.1f}".replace(".", ",")},
            )
        return value


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of ``hex_colour`` against white."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def editor_schema() -> dict[str, Any]:
    """JSON Schema for an edition's settings file (every key optional: defaults fill in)."""
    schema = copy.deepcopy(Settings.model_json_schema())

    def relax(node: Any) -> None:
        if isinstance(node, dict):
            node.pop("required", None)
            for value in node.values():
                relax(value)
        elif isinstance(node, list):
            for value in node:
                relax(value)

    relax(schema)
    # list items must stay complete: a local measure needs its text, category and actors
    items: dict[str, type[Strict]] = {"LocalMeasure": LocalMeasure, "LocalText": LocalText,
                                      "PartnerService": PartnerService}
    for name, model in items.items():
        schema["$defs"][name]["required"] = [
            key for key, f in model.model_fields.items() if f.is_required()
        ]
    # issue 9: editors read the schema, so the text type is explained in Norwegian too
    schema["$defs"]["Text"]["description"] = "Tekst på bokmål (nb) og nynorsk (nn)."
    schema["$defs"]["Text"]["description_nn"] = "Tekst på bokmål (nb) og nynorsk (nn)."
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Nærvær – innstillinger for en lokal utgave"
    return schema
