/* Nærvær — «Er fraværet bekymringsfullt?»: compares one pupil's absence with the edition's
   thresholds. Runs only on the page that holds the check; stores nothing, sends nothing.

   Everything it says and every number it compares with comes from the page: the JSON block
   #nv-absence-data holds the thresholds, already interpreted at build time (naervaer/absence.py
   explains how a range such as «3–4 uker» or «2–3 ganger» is read), and all words. */

import { count, fmt, pageData } from "./nv-common.js";

const data = pageData("nv-absence-data");
const form = document.getElementById("nv-absence-form");

if (data && form) {
  const { rule, words, fields: FIELDS } = data;
  const result = document.getElementById("nv-absence-result");
  const output = document.getElementById("nv-absence-output");
  const next = document.getElementById("nv-absence-next");

  const unit = (name, n) => count(words, name, n);
  const input = (key) => form.elements[key];

  /* A whole number ≥ 0 typed as digits, or why not. Empty gives null. */
  function read(key) {
    const raw = input(key).value.trim();
    if (raw === "") return { value: null };
    if (/^[-−‐–]\s*\d+([.,]\d+)?$/.test(raw)) return { error: words.err_negative };
    if (!/^\d+$/.test(raw)) return { error: words.err_number };
    return { value: parseInt(raw, 10) };
  }

  function showError(key, message) {
    const el = input(key);
    const box = document.getElementById(`nv-absence-${key}-error`);
    const hint = `nv-absence-${key}-hint`;
    if (message) {
      box.textContent = `${words.err_prefix} ${message}`;
      box.hidden = false;
      el.setAttribute("aria-invalid", "true");
      el.setAttribute("aria-describedby", `${box.id} ${hint}`);
    } else {
      box.textContent = "";
      box.hidden = true;
      el.removeAttribute("aria-invalid");
      el.setAttribute("aria-describedby", hint);
    }
  }

  /* All values, or null after marking every field that is wrong. */
  function validate() {
    const v = {};
    const errors = {};
    for (const key of FIELDS) {
      const got = read(key);
      if (got.error) errors[key] = got.error;
      else v[key] = got.value;
    }
    if (!errors.weeks) {
      if (v.weeks === null) errors.weeks = words.err_required;
      else if (v.weeks < 1) errors.weeks = words.err_weeks_min;
      else if (v.weeks > rule.max_weeks) errors.weeks = fmt(words.err_weeks_max, { max: rule.max_weeks });
    }
    if (!errors.days && v.days === null) errors.days = words.err_required;
    if (!errors.school_days && v.school_days !== null) {
      if (v.school_days < 1) errors.school_days = words.err_school_days_min;
      else if (!errors.weeks && v.school_days > v.weeks * rule.days_per_week) {
        errors.school_days = fmt(words.err_school_days_max,
          { weeks: unit("week", v.weeks), max: v.weeks * rule.days_per_week });
      }
    }
    // the most school days the period can have: the days given, else five a week
    let capacity = null;
    if (!errors.school_days && v.school_days !== null) capacity = v.school_days;
    else if (!errors.weeks && !errors.school_days) capacity = v.weeks * rule.days_per_week;
    if (!errors.days && capacity !== null && v.days > capacity) {
      errors.days = fmt(words.err_days_max, { max: capacity });
    }
    if (!errors.leaves_early && !errors.days && capacity !== null &&
        (v.leaves_early || 0) > capacity - v.days) {
      errors.leaves_early = fmt(words.err_leaves_early_max, { max: capacity - v.days });
    }
    FIELDS.forEach((key) => showError(key, errors[key]));
    const wrong = FIELDS.filter((key) => errors[key]);
    if (wrong.length) {
      input(wrong[0]).focus();
      return null;
    }
    v.leaves_early = v.leaves_early || 0;
    v.skipped_lessons = v.skipped_lessons || 0;
    return v;
  }

  /* reached | not | unclear for one threshold, by the rule the page states. */
  function status(count, threshold, weeks) {
    if (count < threshold.at_least) return "not";
    return weeks <= rule.window_weeks ? "reached" : "unclear";
  }

  function paragraph(text, className) {
    const p = document.createElement("p");
    if (className) p.className = className;
    p.textContent = text;
    return p;
  }

  function render(v) {
    const items = rule.thresholds.map((th) => {
      const count = v[th.key];
      const noun = th.key === "days" ? "day" : "time";
      return {
        key: th.key,
        status: status(count, th, v.weeks),
        text: fmt(words[`crit_${th.key}`], {
          count: unit(noun, count), period: unit("week", v.weeks),
          at_least: unit(noun, th.at_least), window: unit("week", rule.window_weeks),
        }),
      };
    });
    const has = (s) => items.some((i) => i.status === s);
    const verdict = has("reached") ? "reached" : has("unclear") ? "unclear" : "not";

    const nodes = [];
    const head = paragraph("", `nv-absence__verdict nv-absence__verdict--${verdict}`);
    const strong = document.createElement("strong");
    strong.textContent = words[`verdict_${verdict}`];
    head.append(strong);
    nodes.push(head);
    const list = document.createElement("ul");
    list.className = "nv-absence__criteria";
    for (const item of items) {
      const li = document.createElement("li");
      li.dataset.key = item.key;
      li.dataset.status = item.status;
      const label = document.createElement("strong");
      label.textContent = `${words[`status_${item.status}`]}:`;
      li.append(label, ` ${item.text}`);
      list.append(li);
    }
    nodes.push(list);
    if (has("unclear")) {
      nodes.push(paragraph(fmt(words.unclear_hint, { window: unit("week", rule.window_weeks) })));
    }
    if (v.school_days !== null) {
      // one decimal, Norwegian decimal comma (Intl may lack nn-NO, so not left to it)
      const percent = String(Math.round((v.days / v.school_days) * 1000) / 10).replace(".", ",");
      nodes.push(paragraph(fmt(words.percent,
        { percent, days: v.days, school_days: v.school_days }), "nv-absence__percent"));
    }
    nodes.push(paragraph(words.caution), paragraph(words.next_see));
    result.replaceChildren(...nodes);
    result.dataset.verdict = verdict;
    output.hidden = false;

    // which next steps: by the verdict, and «contact» from the contact-home rule's day
    const shown = (key) => {
      const when = data.next[key];
      return when.verdicts.includes(verdict) || (when.min_days !== null && v.days >= when.min_days);
    };
    next.querySelectorAll("[data-next]").forEach((li) => { li.hidden = !shown(li.dataset.next); });
    next.hidden = false;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = validate();
    if (values === null) {
      result.replaceChildren(paragraph(words.err_summary, "nv-absence__verdict"));
      result.dataset.verdict = "invalid";
      output.hidden = false;
      next.hidden = true;
      return;
    }
    render(values);
  });
  form.hidden = false;
}
