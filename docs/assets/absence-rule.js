/* Nærvær — what counts over a period prove about the local rule for concerning absence.
   Pure functions, no page and no words: absence-check.js shows the result, and
   tests/test_absence_rule.py runs these very functions in Chromium against an enumeration of
   every way the days can fall in the weeks (the one copy of this logic).

   The rule (from the page's data, naervaer/content/absence.py): a count is reached when some
   window of `window_weeks` weeks in a row holds at least `at_least` of it (for a share rule:
   at least num/den of that window's school days). The reader gives counts for a period of
   P weeks. Status of one criterion:

   P ≥ window:
     "not"      no window can hold the threshold: the whole period holds less (or the
                threshold is more than a window can hold).
     "reached"  every way the count can fall puts the threshold into some window, because
                the rest of the period cannot hold the remainder (or, for P ≥ 2 windows,
                the windows that cover the period cannot all stay under it).
     "unclear"  in between: it depends on where in the period the days fell.
   P < window (the period is shorter than the window):
     "reached"  the period alone holds the threshold (it lies within one window).
     "high"     not reached, but the pace is: the same rate over a whole window reaches it.
     "short"    neither: nothing reached in the weeks counted.

   Exactness: for days within weeks, for leaving early, for skipped lessons, and for a share
   with full school weeks, "reached" and "not" are exact (each fits the enumeration both
   ways). For a share with fewer school days than five a week (holidays) over a period longer
   than the window, "not" is exact and "reached" is proved by three bounds that are sound but
   not always tight (in the test grid they miss about one case in a hundred, by one day); the
   check then says it cannot tell and asks the reader to count window by window. */

/** The most of a count the weeks of a P-week period can hold while every window of W weeks
    holds less than `t`, when a week holds at most `cap` (null: no limit). P ≥ W.
    Q = ⌊P/W⌋ disjoint windows hold < t each and the R = P mod W weeks left at most cap·R;
    Q + 1 windows cover the period when R > 0. A periodic spread attains the smaller bound. */
export function mostBelow(P, W, t, cap) {
  const q = Math.floor(P / W);
  const r = P % W;
  let most = (q + (r > 0 ? 1 : 0)) * (t - 1);
  if (cap !== null) most = Math.min(most, q * (t - 1) + cap * r);
  return most;
}

/** Status of a count criterion: `count` in P weeks, threshold t, at most `cap` a week. */
export function countStatus(P, W, t, cap, count) {
  if (P < W) {
    if (count >= t) return { status: "reached" };
    return { status: count * W >= t * P ? "high" : "short" };
  }
  // no window can hold t: less in the whole period, or more than W weeks can hold
  if (count < t || (cap !== null && cap * W < t)) return { status: "not" };
  const proof = mostBelow(P, W, t, cap) + 1;
  return count >= proof ? { status: "reached" } : { status: "unclear", proof };
}

/** Status of a share rule (num/den of the school days in a window of W weeks): `absent`
    days of `school` school days in P weeks, at most `perWeek` school days a week. */
export function shareStatus(P, W, share, perWeek, absent, school) {
  const { num, den } = share;
  const atLeast = (days, of) => days * den >= num * of; // days/of ≥ num/den
  if (P < W) {
    // the other weeks of the window add no absence and at most perWeek school days each
    if (atLeast(absent, school + perWeek * (W - P))) return { status: "reached" };
    return { status: atLeast(absent, school) ? "high" : "short" };
  }
  if (P === W) return { status: atLeast(absent, school) ? "reached" : "not" };
  if (school === perWeek * P) {
    // every window has W full weeks: the share is a number of days
    const t = Math.ceil((num * perWeek * W) / den);
    return countStatus(P, W, t, perWeek, absent);
  }
  // holidays: a window can have as few as n0 school days (the rest full); none if that holds
  // less than the share even when all its days are absence
  const n0 = Math.max(1, school - perWeek * (P - W));
  if (!atLeast(Math.min(absent, n0), n0)) return { status: "not" };
  // «reached» by three bounds, each of which no spread can escape (an unreached window with
  // N ≥ 1 school days has den·X ≤ num·N − 1, and k windows of at most perWeek·W school days
  // holding N in all have at least ⌈N / (perWeek·W)⌉ of them with a school day):
  const full = perWeek * W;
  const ceilDiv = (a, b) => Math.ceil(a / b);
  const q = Math.floor(P / W);
  const r = P % W;
  // 1. no window has more than min(full, school) school days: a window holding the share of
  //    that many days is reached, whatever its school days; days within weeks do the rest
  const most = Math.min(full, school);
  const days = countStatus(P, W, ceilDiv(num * most, den), perWeek, absent).status === "reached";
  // 2. q disjoint windows stay under the share, the r weeks left hold at most all their days
  const rest = Math.min(perWeek * r, school);
  const partition = absent * den > num * school + (den - num) * rest - ceilDiv(school - rest, full);
  // 3. the q + 1 windows that cover the period (r > 0) count the overlap twice
  const covered = school + Math.min(perWeek * (W - r), school);
  const cover = r > 0 && absent * den > num * covered - ceilDiv(covered, full);
  return days || partition || cover ? { status: "reached" } : { status: "unclear" };
}

/** Every criterion's status for the counts `v` = {weeks, days, leaves_early,
    skipped_lessons, school_days|null} under `rule` (the page's data), and the verdict. */
export function assess(rule, v) {
  const W = rule.window_weeks;
  const P = v.weeks;
  const school = v.school_days === null ? P * rule.days_per_week : v.school_days;
  const items = rule.thresholds.map((th) => {
    const got = th.key === "days" && rule.share
      ? shareStatus(P, W, rule.share, rule.days_per_week, v.days, school)
      : countStatus(P, W, th.at_least, th.per_week, v[th.key]);
    return { key: th.key, ...got };
  });
  const has = (s) => items.some((i) => i.status === s);
  const verdict = ["reached", "high", "unclear", "short", "not"].find(has);
  return { items, verdict, contact: v.days >= rule.contact_after_days, school };
}
