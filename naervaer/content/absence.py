"""The local rule for concerning absence, read as plain numbers the absence check can compare.

The settings write the rule the way the guide does: «7 dager i løpet av 3–4 uker», «forlater
skolen 2–3 ganger», «uteblir fra enkelttimer 2–3 ganger». A check needs one number for each,
so every range is interpreted here, once, at build time; the browser only gets the numbers
and compares. The interpretation is shown to the reader next to every result.

How the ranges are read, and why:

* **Days within a range of weeks** («7 dager i løpet av 3–4 uker»): the *upper* end is the
  window. «At least 7 days within at most 4 weeks» contains every case the rule names
  (7 days in 3 weeks is also 7 days within 4 weeks), so no pupil the rule is meant to catch
  is missed. Reading the lower end would let 7 days spread over 3½ weeks slip through,
  although the rule itself says «3–4 uker».
* **Counts given as a range** («2–3 ganger»): the *lower* end is the threshold. The rule
  says the school should react somewhere between 2 and 3 times; the check says «reached»
  from the first number in that span, because the threshold only starts a conversation with
  the home (the guide: «Skolen kan i samtale med hjemmet vurdere …»), it decides nothing, and
  reacting one episode early costs less than reacting one episode late.
* **Period for the counts**: the rule gives no period for leaving early or skipped lessons.
  The check counts them in the same window as the days, so that episodes from months ago do
  not add up for ever.
* **A period longer than the window**: if the counts are below the threshold for the whole
  period, they are below it in every part of it (not reached); if they are at or above it,
  the check cannot tell whether they fall within one window, and says so (count the last
  weeks again) rather than guess.
* A single number («2») is both ends of its range.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from .schema.settings import Settings, parse_range

DAYS_PER_WEEK = 5  # school days in a school week: the most a period of N weeks can hold


@dataclass(frozen=True)
class Threshold:
    key: str  # days | leaves_early | skipped_lessons
    at_least: int  # reached when the count in the window is at least this …
    setting: str  # … as the settings write it («2–3»), shown next to the result
    is_range: bool


@dataclass(frozen=True)
class AbsenceRule:
    window_weeks: int  # all counts are compared within at most this many weeks
    weeks_setting: str  # «3–4»
    weeks_is_range: bool
    thresholds: tuple[Threshold, ...]
    contact_after_days: int  # the contact teacher calls home after this many days
    days_per_week: int = DAYS_PER_WEEK

    def data(self) -> dict[str, Any]:
        """The numbers for the browser (JSON)."""
        return asdict(self)


def absence_rule(settings: Settings) -> AbsenceRule:
    concern = settings.concern
    weeks = parse_range(concern.weeks)

    def count(key: str, setting: str) -> Threshold:
        low, high = parse_range(setting)
        return Threshold(key, at_least=low, setting=setting, is_range=low != high)

    return AbsenceRule(
        window_weeks=weeks[1],
        weeks_setting=concern.weeks,
        weeks_is_range=weeks[0] != weeks[1],
        thresholds=(
            Threshold("days", at_least=concern.days, setting=str(concern.days), is_range=False),
            count("leaves_early", concern.leaves_early),
            count("skipped_lessons", concern.skipped_lessons),
        ),
        contact_after_days=settings.deadlines.contact_after_days,
    )


def rule_lines(rule: AbsenceRule, t: Callable[[str], str]) -> list[str]:
    """The rule as the check reads it, one sentence per threshold, with the range the
    settings give where it is one (``t`` gives the edition's words from data/ui.yaml)."""
    lines = []
    for th in rule.thresholds:
        if th.key == "days":
            text = t("check.rule_days").format(days=th.at_least, weeks=rule.window_weeks)
            if rule.weeks_is_range:
                text += " " + t("check.from_range_weeks").format(range=rule.weeks_setting)
        else:
            text = t(f"check.rule_{th.key}").format(n=th.at_least, weeks=rule.window_weeks)
            if th.is_range:
                text += " " + t("check.from_range_times").format(range=th.setting)
        lines.append(text + ".")
    return lines
