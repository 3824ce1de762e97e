/* Nærvær — «Er fraværet bekymringsfullt?»: compares one pupil's absence with the edition's
   thresholds. Runs only on the page that holds the check; stores nothing, sends nothing.

   Everything it says and every number it compares with comes from the page: the JSON block
   #nv-absence-data holds the thresholds, already interpreted at build time (naervaer/content/
   absence.py explains how a range such as «3–4 uker» or «2–3 ganger» is read), and all words.
   What the counts prove is decided in absence-rule.js; this module reads the form, checks
   what was typed and shows the answer. */

import { assess } from "./absence-rule.js";
import { count, fmt, pageData } from "./nv-common.js";

const data = pageData("nv-absence-data");
const form = document.getElementById("nv-absence-form");

if (data && form) {
  const { rule, words, fields: FIELDS } = data;
  const result = document.getElementById("nv-absence-result");
  const output = document.getElementById("nv-absence-output");
  const next = document.getElementById("nv-absence-next");
  const DECIMAL = { weeks: "weeks", days: "days", school_days: "school_days" };

  const unit = (name, n) => count(words, name, n);
  const input = (key) => form.elements[key];
  // one decimal, Norwegian decimal comma (Intl may lack nn-NO, so not left to it)
  const percentText = (part, whole) => String(Math.round((part / whole) * 1000) / 10).replace(".", ",");

  /* A whole number ≥ 0 typed as digits, or why not. Empty gives null. */
  function read(key) {
    const raw = input(key).value.trim();
    if (raw === "") return { value: null };
    if (/^[-−‐–]\s*\d+([.,]\d+)?$/.test(raw)) return { error: words.err_negative };
    if (/^\d*[.,]\d+$/.test(raw)) return { error: words[`err_decimal_${DECIMAL[key] || "times"}`] };
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

  /* All values, or null after marking every field that is wrong. Every count has an upper
     limit: what the period can hold. */
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
    const present = !errors.days && capacity !== null ? capacity - v.days : null;
    if (!errors.leaves_early && present !== null && (v.leaves_early || 0) > present) {
      errors.leaves_early = fmt(words.err_leaves_early_max, { max: present });
    }
    if (!errors.skipped_lessons && present !== null &&
        (v.skipped_lessons || 0) > present * rule.lessons_per_day) {
      errors.skipped_lessons = fmt(words.err_skipped_lessons_max, {
        max: present * rule.lessons_per_day, per_day: rule.lessons_per_day,
        days: unit("day", present),
      });
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

  function paragraph(text, className) {
    const p = document.createElement("p");
    if (className) p.className = className;
    p.textContent = text;
    return p;
  }

  function line(key, status, label, text) {
    const li = document.createElement("li");
    li.dataset.key = key;
    li.dataset.status = status;
    const strong = document.createElement("strong");
    strong.textContent = `${label}:`;
    li.append(strong, ` ${text}`);
    return li;
  }

  /* What one criterion's line says: the count, the rule, and what the count proves. */
  function describe(item, v, school) {
    const th = rule.thresholds.find((t) => t.key === item.key);
    const noun = item.key === "days" ? "day" : "time";
    const values = {
      count: unit(noun, v[item.key]), period: unit("week", v.weeks),
      at_least: unit(noun, th.at_least), window: unit("week", rule.window_weeks),
    };
    let text;
    if (item.key === "days" && rule.share) {
      text = fmt(words.crit_share, { ...values, percent: percentText(v.days, school),
        school_days: school, share: rule.share.percent });
    } else {
      text = fmt(words[`crit_${item.key}`], values);
    }
    if (item.status === "unclear") {
      text += " " + (item.proof ? fmt(words.detail_unclear, { ...values, proof: unit(noun, item.proof) })
        : words.detail_unclear_share);
    } else if (item.status === "high" || item.status === "short") {
      text += " " + fmt(words[`detail_${item.status}`], values);
    }
    return text;
  }

  function render(v) {
    const answer = assess(rule, v);
    const { verdict } = answer;
    const window = unit("week", rule.window_weeks);

    const nodes = [];
    const head = paragraph("", `nv-absence__verdict nv-absence__verdict--${verdict}`);
    const strong = document.createElement("strong");
    strong.textContent = fmt(words[`verdict_${verdict}`], { window, period: unit("week", v.weeks) });
    head.append(strong);
    nodes.push(head);
    const list = document.createElement("ul");
    list.className = "nv-absence__criteria";
    for (const item of answer.items) {
      list.append(line(item.key, item.status, words[`status_${item.status}`],
        describe(item, v, answer.school)));
    }
    // the contact-home rule (deadlines.contact_after_days), whatever the verdict
    const contact = answer.contact ? "applies" : "not";
    list.append(line("contact", contact, words[`status_contact_${contact}`],
      fmt(words[`contact_${contact}`], { count: unit("day", v.days),
        days: unit("day", rule.contact_after_days) })));
    nodes.push(list);
    if (verdict === "unclear") {
      nodes.push(paragraph(fmt(words.unclear_hint, { window, period: unit("week", v.weeks),
        n: v.weeks - rule.window_weeks + 1 })));
    }
    if (v.school_days !== null && !rule.share) {
      nodes.push(paragraph(fmt(words.percent, { percent: percentText(v.days, v.school_days),
        days: v.days, school_days: v.school_days }), "nv-absence__percent"));
    }
    nodes.push(paragraph(words.caution), paragraph(words.next_see));
    result.replaceChildren(...nodes);
    result.dataset.verdict = verdict;
    output.hidden = false;

    // which next steps: by the verdict, and «contact» also by the contact-home rule
    const shown = (key) => {
      const when = data.next[key];
      return when.verdicts.includes(verdict) || (when.contact_rule && answer.contact);
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
