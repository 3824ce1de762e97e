"""The local-edition settings: the contract a municipality's web editor fills in.

Every field carries its explanation for editors in bokmål (``description``) and nynorsk
(``description_nn``); the starter file, the JSON Schema and the «Lag en lokal versjon» page
are generated from them. How the file is read and overlaid on the defaults:
:mod:`naervaer.content.settings_file`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .bank import Actor, Cause, Tier
from .base import Strict
from .concern import DAYS_PER_WEEK, MAX_WEEKS, Concern, ordered_range, parse_range
from .kinds import (
    COLOUR,
    LANGUAGE_CODE,
    LOCAL_FACT,
    MARKDOWN,
    RANGE,
    SEARCH_WORD,
    TIME,
    Phone,
    Url,
)
from .services import ConsentService
from .settings_doc import LText, MdText, doc

__all__ = ["DAYS_PER_WEEK", "MARKDOWN", "MAX_WEEKS", "Concern", "Settings", "parse_range"]

Fact = LOCAL_FACT  # a fact a reader may act on: must be set before an edition is published


class PpService(Strict):
    short: LText = doc("Det kommunen kaller PP-tjenesten i løpende tekst, f.eks. «PPT» eller "
                       "«PPS».", "Det kommunen kallar PP-tenesta i løpande tekst, t.d. «PPT» "
                       "eller «PPS».")
    name: LText = doc("Fullt navn på PP-tjenesten, f.eks. «Pedagogisk-psykologisk tjeneste for "
                      "Eksempel kommune».", "Fullt namn på PP-tenesta, t.d. «Pedagogisk-"
                      "psykologisk teneste for Eksempel kommune».")
    phone: Annotated[Phone | None, Fact] = doc(
        "Telefonnummeret til PP-tjenesten (8 sifre).",
        "Telefonnummeret til PP-tenesta (8 siffer).", default=None)
    hours: LText | None = doc("Når PP-tjenesten kan nås, f.eks. «hverdager 08.00–15.30». "
                              "Tom = står ikke.",
                              "Når ein når PP-tenesta, t.d. «kvardagar 08.00–15.30». "
                              "Tom = står ikkje.", default=None)


# a group of words the search treats as one: 2–20 words or phrases, each plain text
SearchWord = Annotated[str, Field(min_length=2, max_length=80, pattern=SEARCH_WORD)]
SynonymGroup = Annotated[list[SearchWord], Field(min_length=2, max_length=20)]


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
    phone: Annotated[Phone | None, Fact] = doc(
        "Telefonnummeret (8 sifre, gjerne i par).",
        "Telefonnummeret (8 siffer, gjerne i par).", default=None)
    hours: LText = doc("Når tjenesten er åpen, f.eks. «hverdager 08.00–15.30».",
                       "Når tenesta er open, t.d. «kvardagar 08.00–15.30».")


class OutOfHours(Contact):
    hours: Annotated[LText | None, Fact] = doc(  # type: ignore[assignment]
        "Når barnevernvakten er åpen, f.eks. «hverdager 15.30–08.00, og hele døgnet i helger».",
        "Når barnevernvakta er open, t.d. «kvardagar 15.30–08.00, og heile døgnet i helgar».",
        default=None)


class ChildWelfare(Contact):
    out_of_hours: OutOfHours = doc("Barnevernvakten: kontakt utenom åpningstid.",
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
    url: Url | None = doc("Lenke til planen (må fylles ut sammen med navnet).",
                          "Lenkje til planen (må fyllast ut saman med namnet).",
                          default=None)
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
    example: bool = doc(
        "true = en eksempelutgave (som demo-utgaven): hver side og hver PDF sier at kommunen "
        "og verdiene er tenkte, og telefonnumrene kan være tenkte nummer som «00 00 00 01», "
        "som ingen har. En kommunes egen utgave har false.",
        "true = ei utgåve som berre er eit døme (som demo-utgåva): kvar side og kvar PDF seier at "
        "kommunen og verdiane er tenkte, og telefonnummera kan vere tenkte nummer som «00 00 00 "
        "01», som ingen har. Den eigne utgåva til ein kommune har false.", default=False)
    language: Literal["nb", "nn"] = doc("Målform for hele utgaven: nb (bokmål) eller "
                                        "nn (nynorsk).", "Målform for heile utgåva: nb "
                                        "(bokmål) eller nn (nynorsk).")
    logo: str | None = doc("Kommunevåpen eller logo (PNG, JPG eller SVG), sti relativt til "
                           "innstillingsfila. Tom = ingen logo.",
                           "Kommunevåpen eller logo (PNG, JPG eller SVG), sti relativt til "
                           "innstillingsfila. Tom = ingen logo.", default=None)
    colour: str = doc("Hovedfarge, f.eks. «#1f4e79». Må være mørk nok til hvit tekst "
                      "(kontrast minst 4,5:1).", "Hovudfarge, t.d. «#1f4e79». Må vere mørk nok "
                      "til kvit tekst (kontrast minst 4,5:1).", pattern=COLOUR)
    site_url: Url | None = doc("Adressen nettstedet publiseres på, f.eks. "
                               "«https://naervaer.eksempel.kommune.no/».",
                               "Adressa nettstaden blir publisert på, t.d. "
                               "«https://naervaer.eksempel.kommune.no/».",
                               default=None)
    pp_service: PpService = doc("PP-tjenesten.", "PP-tenesta.")
    school_phone: Phone | None = doc(
        "Telefonnummeret til skolen (8 sifre), for en utgave som gjelder én skole. Står på "
        "arket til foresatte. Tom = arket har en linje skolen skriver nummeret på.",
        "Telefonnummeret til skulen (8 siffer), for ei utgåve som gjeld éin skule. Står på "
        "arket til føresette. Tom = arket har ei linje skulen skriv nummeret på.",
        default=None)
    absence_system: Annotated[str | None, Fact] = doc(
        "Systemet skolene fører fravær i, f.eks. «IST» eller «Visma».",
        "Systemet skulane fører fråvær i, t.d. «IST» eller «Visma».",
        default=None, min_length=2)
    reporting_channel: Annotated[str | None, Fact] = doc(
        "Kanalen foresatte melder fravær i, f.eks. «Mobilskole» eller «Visma Flyt».",
        "Kanalen føresette melder fråvær i, t.d. «Mobilskole» eller «Visma Flyt».",
        default=None, min_length=2)
    concern: Concern = doc("Grensene for bekymringsfullt fravær.",
                           "Grensene for bekymringsfullt fråvær.")
    deadlines: Deadlines = doc("Frister og klokkeslett i rutinene for fravær.",
                               "Fristar og klokkeslett i rutinane for fråvær.")
    child_welfare: ChildWelfare = doc("Barnevernstjenesten og barnevernvakten.",
                                      "Barnevernstenesta og barnevernvakta.")
    consent_services: list[ConsentService] = doc(
        "Tjenestene på samtykkeskjemaet, i rekkefølge: en ID fra data/services.yaml (lista står "
        "på siden «Lag en lokal versjon»), f.eks. `fastlege`, et navn, eller en egen tjeneste "
        "med `name`, `explain` og `translations`.",
        "Tenestene på samtykkeskjemaet, i rekkjefølgje: ein ID frå data/services.yaml (lista står "
        "på sida «Lag ein lokal versjon»), t.d. `fastlege`, eit namn, eller ei eiga teneste med "
        "`name`, `explain` og `translations`.",
        min_length=1)
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
    # -- the site's search --
    search_synonyms: list[SynonymGroup] = doc(
        "Egne synonymer for søket: grupper av ord som skal finne det samme, f.eks. "
        "`[[Familiens hus, familietjenesten]]` eller det lokale navnet på PP-tjenesten. "
        "Kommer i tillegg til listen i data/synonyms.yaml; navnene i `pp_service` er med "
        "av seg selv.",
        "Eigne synonym for søket: grupper av ord som skal finne det same, t.d. "
        "`[[Familiens hus, familietenesta]]` eller det lokale namnet på PP-tenesta. "
        "Kjem i tillegg til lista i data/synonyms.yaml; namna i `pp_service` er med "
        "av seg sjølv.",
        default=[])
    privacy_statement_url: Url | None = doc("Lenke til kommunens personvernerklæring.",
                                            "Lenkje til personvernerklæringa til kommunen.",
                                            default=None)
    accessibility_statement_url: Url | None = doc(
        "Lenke til tilgjengelighetserklæringen (f.eks. på uustatus.no).",
        "Lenkje til tilgjengeerklæringa (t.d. på uustatus.no).",
        default=None)
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
    parent_languages: list[Annotated[str, Field(pattern=LANGUAGE_CODE)]] | None = doc(
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

    words: list[Annotated[str, Field(min_length=2)]] = doc(
        "Egne ord språksjekken skal godta i denne fila, f.eks. navn og forkortelser som "
        "`[ICDP, Fjordvik]`.",
        "Eigne ord språksjekken skal godta i denne fila, t.d. namn og forkortingar som "
        "`[ICDP, Fjordvik]`.", default=[])

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
