"""The local rule for concerning absence, read as plain numbers the absence check can compare.

The settings write the rule the way the guide does: «7 dager i løpet av 3–4 uker» (or, as
some municipalities write it, «10 % av skoletiden over 4 uker»), «forlater skolen 2–3
ganger», «uteblir fra enkelttimer 2–3 ganger». A check needs one number for each, so every
range is interpreted here, once, at build time; the browser gets the numbers. The
interpretation is shown to the reader next to every result.

How the ranges are read, and why:

* **Days within a range of weeks** («7 dager i løpet av 3–4 uker»): the *upper* end is the
  window. «At least 7 days within at most 4 weeks» contains every case the rule names
  (7 days in 3 weeks is also 7 days within 4 weeks), so no pupil the rule is meant to catch
  is missed. Reading the lower end would let 7 days spread over 3½ weeks slip through,
  although the rule itself says «3–4 uker».
* **A share of school time** («10 % over 4 uker»): the share of the school days within a
  window of that many weeks. In full school weeks of five days that is a number of days
  (10 % of 20 school days: at least 2 days), and the check says so; when the reader gives
  fewer school days (holidays), the share of those is used.
* **Counts given as a range** («2–3 ganger»): the *lower* end is the threshold. The rule
  says the school should react somewhere between 2 and 3 times; the check says «reached»
  from the first number in that span, because the threshold only starts a conversation with
  the home (the guide: «Skolen kan i samtale med hjemmet vurdere …»), it decides nothing, and
  reacting one episode early costs less than reacting one episode late.
* **Period for the counts**: the rule gives no period for leaving early or skipped lessons.
  The check counts them in the same window as the days, so that episodes from months ago do
  not add up for ever.
* A single number («2») is both ends of its range.

What the check can conclude from counts over a period that is not the window is worked out
in ``docs/assets/absence-rule.js`` (the one copy of that logic, tested in Chromium against an
enumeration of every way the days can fall: ``tests/test_absence_rule.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

from .schema.settings import DAYS_PER_WEEK, MAX_WEEKS, Settings, parse_range

# The most lessons a school day has: only an upper limit for what the check accepts as typed
# (a typing error such as 100000 is caught), never used to decide a verdict.
LESSONS_PER_DAY = 10


@dataclass(frozen=True)
class Threshold:
    key: str  # days | leaves_early | skipped_lessons
    at_least: int  # reached when the count in a window of full school weeks is at least this
    setting: str  # … as the settings write it («2–3», «10 %»), shown next to the result
    is_range: bool
    per_week: int | None  # the most a week can hold (None: no limit the check relies on)


@dataclass(frozen=True)
class Share:
    """A rule written as a share of school time: ``num/den`` of the school days."""

    percent: str  # as the reader sees it: «10», «12,5»
    num: int
    den: int


@dataclass(frozen=True)
class AbsenceRule:
    window_weeks: int  # all counts are compared within at most this many weeks
    weeks_setting: str  # «3–4»
    weeks_is_range: bool
    thresholds: tuple[Threshold, ...]
    contact_after_days: int  # the contact teacher calls home after this many days
    share: Share | None = None  # the days rule as a share of school time, if written so
    days_per_week: int = DAYS_PER_WEEK
    max_weeks: int = MAX_WEEKS
    lessons_per_day: int = LESSONS_PER_DAY

    def data(self) -> dict[str, Any]:
        """The numbers for the browser (JSON)."""
        return asdict(self)

    @property
    def window_days(self) -> int:
        return self.window_weeks * self.days_per_week


def percent_text(value: float) -> str:
    """12.5 → «12,5», 10.0 → «10» (Norwegian decimal comma)."""
    return f"{value:g}".replace(".", ",")


def absence_rule(settings: Settings) -> AbsenceRule:
    concern = settings.concern
    weeks = parse_range(concern.weeks)
    window = weeks[1]

    def count(key: str, setting: str, per_week: int | None) -> Threshold:
        low, high = parse_range(setting)
        return Threshold(key, at_least=low, setting=setting, is_range=low != high,
                         per_week=per_week)

    share = None
    if concern.percent is not None:
        fraction = Fraction(str(concern.percent)) / 100
        share = Share(percent_text(concern.percent), fraction.numerator, fraction.denominator)
        # in full school weeks: the fewest whole days that make the share
        days = math.ceil(fraction * window * DAYS_PER_WEEK)
        setting = f"{share.percent} %"
    else:
        assert concern.days is not None  # the model requires days or percent
        days, setting = concern.days, str(concern.days)
    return AbsenceRule(
        window_weeks=window,
        weeks_setting=concern.weeks,
        weeks_is_range=weeks[0] != weeks[1],
        thresholds=(
            Threshold("days", at_least=days, setting=setting, is_range=False,
                      per_week=DAYS_PER_WEEK),
            # one early departure a day at most, on a day the pupil came
            count("leaves_early", concern.leaves_early, DAYS_PER_WEEK),
            # several lessons a day: no limit the verdict may rely on
            count("skipped_lessons", concern.skipped_lessons, None),
        ),
        contact_after_days=settings.deadlines.contact_after_days,
        share=share,
    )


def rule_kind(settings: Settings) -> str:
    """How the settings write the rule for days: «days» (days within weeks) or «share» (a
    share of school time). Texts state it through ``{{ s.concern.rule }}``, made from the
    catalogue's ``concern.rule_<kind>`` (data/ui.yaml; a translation's ``concern_<kind>``)."""
    return "share" if settings.concern.percent is not None else "days"


def concern_values(settings: Settings) -> dict[str, Any]:
    """What the placeholders under ``s.concern`` get besides the settings themselves: the
    share as the reader sees it («12,5»), or None."""
    percent = settings.concern.percent
    return {"percent": percent_text(percent) if percent is not None else None}


def rule_lines(rule: AbsenceRule, t: Callable[[str], str]) -> list[str]:
    """The rule as the check reads it, one sentence per threshold, with the range the
    settings give where it is one (``t`` gives the edition's words from data/ui.yaml)."""
    lines = []
    for th in rule.thresholds:
        if th.key == "days" and rule.share:
            text = t("check.rule_share").format(
                percent=rule.share.percent, weeks=rule.window_weeks, days=th.at_least,
                school_days=rule.window_days)
            if rule.weeks_is_range:
                text += " " + t("check.from_range_weeks").format(range=rule.weeks_setting)
        elif th.key == "days":
            text = t("check.rule_days").format(days=th.at_least, weeks=rule.window_weeks)
            if rule.weeks_is_range:
                text += " " + t("check.from_range_weeks").format(range=rule.weeks_setting)
        else:
            text = t(f"check.rule_{th.key}").format(n=th.at_least, weeks=rule.window_weeks)
            if th.is_range:
                text += " " + t("check.from_range_times").format(range=th.setting)
        lines.append(text + ".")
    n = rule.contact_after_days
    days = t("check.day_one" if n == 1 else "check.day_other").format(n=n)
    lines.append(t("check.rule_contact").format(days=days) + ".")
    return lines
