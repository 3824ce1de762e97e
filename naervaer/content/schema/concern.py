"""The rule for concerning absence in the settings (``concern``), and the ranges the
settings write («3–4»). How the absence check reads the rule: :mod:`naervaer.content.absence`.
"""

from __future__ import annotations

from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from .base import Strict
from .kinds import RANGE
from .settings_doc import doc

DAYS_PER_WEEK = 5  # school days in a school week: the most a week of absence can hold
MAX_WEEKS = 52  # the longest period a rule or the absence check counts over


def parse_range(text: str) -> tuple[int, int]:
    """A count or range from settings as numbers: «3–4» → (3, 4), «2» → (2, 2)."""
    low, _, high = text.partition("–")
    return int(low), int(high or low)


def ordered_range(value: str) -> str:
    """A range is written low–high («3–4», not «4–3»)."""
    low, high = parse_range(value)
    if low > high:
        raise PydanticCustomError("range_order", "range {value} is high–low", {"value": value})
    return value


# The rule for concerning absence: days within weeks («7 dager i løpet av 3–4 uker») or a share
# of school time over weeks («10 % over 4 uker»), plus leaving early and skipped lessons. How
# the absence check reads it: naervaer.content.absence. (No docstring: it would become the
# JSON Schema's description, which editors read.)
class Concern(Strict):
    days: int | None = doc("Antall dager fravær som regnes som bekymringsfullt … (la stå tom "
                           "når grensen er en andel, se `percent`).",
                           "Talet på dagar fråvær som blir rekna som bekymringsfullt … (la stå "
                           "tom når grensa er ein del, sjå `percent`).", ge=1, le=60)
    percent: float | None = doc(
        "… eller: fravær på så mange prosent av skoletiden, f.eks. 10 eller 12.5 (uten "
        "%-tegn). Da er grensen en andel av skoledagene i løpet av `weeks`, og `days` brukes "
        "ikke.",
        "… eller: fråvær på så mange prosent av skuletida, t.d. 10 eller 12.5 (utan "
        "%-teikn). Då er grensa ein del av skuledagane i løpet av `weeks`, og `days` blir "
        "ikkje brukt.", default=None, gt=0, le=100)
    weeks: str = doc("… i løpet av så mange uker, f.eks. «3–4» (tankestrek, ikke bindestrek).",
                     "… i løpet av så mange veker, t.d. «3–4» (tankestrek, ikkje bindestrek).",
                     pattern=RANGE)
    leaves_early: str = doc("Eleven kommer, men forlater skolen så mange ganger, f.eks. «2–3».",
                            "Eleven kjem, men forlèt skulen så mange gonger, t.d. «2–3».",
                            pattern=RANGE)
    skipped_lessons: str = doc("Eleven uteblir fra enkelttimer så mange ganger, f.eks. «2–3».",
                               "Eleven blir borte frå enkelttimar så mange gonger, t.d. «2–3».",
                               pattern=RANGE)

    _ordered = field_validator("weeks", "leaves_early", "skipped_lessons")(ordered_range)

    @field_validator("percent")
    @classmethod
    def one_decimal(cls, value: float | None) -> float | None:
        if value is not None and round(value, 1) != value:
            raise PydanticCustomError("percent_decimals", "at most one decimal",
                                      {"value": str(value).replace(".", ",")})
        return value

    @field_validator("weeks")
    @classmethod
    def weeks_in_a_year(cls, value: str) -> str:
        low, high = parse_range(value)
        if low < 1 or high > MAX_WEEKS:
            raise PydanticCustomError("weeks_span", "weeks out of range",
                                      {"value": value, "max": MAX_WEEKS})
        return value

    @field_validator("leaves_early", "skipped_lessons")
    @classmethod
    def at_least_once(cls, value: str) -> str:
        if parse_range(value)[0] < 1:
            raise PydanticCustomError("times_zero", "a count from 0", {"value": value})
        return value

    @model_validator(mode="after")
    def one_rule_that_can_be_reached(self) -> Concern:
        if (self.days is None) == (self.percent is None):
            raise PydanticCustomError("concern_days_or_percent", "days or percent", {})
        window = parse_range(self.weeks)[1]
        if self.days is not None and self.days > DAYS_PER_WEEK * window:
            raise PydanticCustomError("concern_unreachable", "days beyond the window", {
                "days": self.days, "weeks": window, "max": DAYS_PER_WEEK * window})
        return self
