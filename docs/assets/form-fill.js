/* Nærvær — an HTML form page: check birth numbers and dates, ask before leaving with unsaved
   input, print, and «Last ned utfylt PDF» (fills the form's own fillable PDF in the browser).
   Stores nothing and sends nothing. Field names come from the page (the form's `name`
   attributes are the PDF's field names); every word the reader sees comes from the form's
   data-msg-* attributes, rendered from data/ui.yaml. */

import { fillPdf, saveFile } from "./pdf-fill.js";

const form = document.getElementById("nv-fill");
if (form) start(form);

function start(form) {
  const msg = (key, values = {}) =>
    (form.dataset["msg" + key.replace(/(^|-)(.)/g, (_, __, c) => c.toUpperCase())] || "")
      .replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  const summary = document.getElementById("nv-fill-summary");
  const status = document.getElementById("nv-fill-status");
  const button = document.getElementById("nv-fill-download");
  let dirty = false;
  let busy = false;

  document.getElementById("nv-fill-actions").hidden = false;

  // -- checks ----------------------------------------------------------------------------
  const checks = {
    birthnumber: (value) => /^[0-9]{11}$/.test(value) ? "" : msg("birthnumber-error"),
    date: (value) => validDate(value) ? "" : msg("date-error"),
  };

  function validDate(value) {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
    if (!m) return false;
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(year, month - 1, day);
    return date.getFullYear() === year && date.getMonth() === month - 1
      && date.getDate() === day;
  }

  function setError(input, text) {
    const box = document.getElementById(input.id + "-error");
    if (box) box.textContent = text;
    if (text) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  function check(input) {
    const rule = checks[input.dataset.check];
    const value = input.value.trim();
    const problem = rule && value !== "" ? rule(value) : "";
    setError(input, problem);
    return problem;
  }

  function labelOf(input) {
    const label = form.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    return label ? label.textContent.trim() : input.name;
  }

  function showSummary(problems, lead) {
    const list = summary.querySelector("ul");
    list.textContent = "";
    const intro = summary.querySelector(".nv-fill__summary-title");
    intro.textContent = lead || msg("error-summary");
    for (const [input, text] of problems) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "#" + input.id;
      link.textContent = `${labelOf(input)}: ${text}`;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        input.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    }
    summary.hidden = false;
    summary.focus();
  }

  function hideSummary() {
    summary.hidden = true;
  }

  form.addEventListener("change", (event) => {
    if (event.target.dataset && event.target.dataset.check) check(event.target);
  });
  form.addEventListener("input", (event) => {
    dirty = true;
    // clear a shown error as soon as the value is right again
    const input = event.target;
    if (input.getAttribute && input.getAttribute("aria-invalid") === "true") {
      if (!input.dataset.check || !check(input)) setError(input, "");
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  window.addEventListener("beforeunload", (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // -- values -----------------------------------------------------------------------------
  function values() {
    const out = {};
    for (const el of form.elements) {
      if (!el.name || el.disabled) continue;
      if (el.type === "checkbox") out[el.name] = el.checked;
      else if (el.type === "radio") { if (el.checked) out[el.name] = el.value; }
      else if (el.tagName === "SELECT" || el.tagName === "TEXTAREA" || el.type === "text") {
        out[el.name] = el.value;
      }
    }
    return out;
  }

  function byName(name) {
    return form.querySelector(`[name="${CSS.escape(name)}"]`);
  }

  // -- download ---------------------------------------------------------------------------
  button.addEventListener("click", async () => {
    if (busy) return;
    const problems = [];
    for (const input of form.querySelectorAll("[data-check]")) {
      const text = check(input);
      if (text) problems.push([input, text]);
    }
    if (problems.length) {
      status.textContent = "";
      showSummary(problems);
      return;
    }
    hideSummary();
    busy = true;
    button.setAttribute("aria-disabled", "true");
    status.textContent = msg("working");
    const filename = form.dataset.filename;
    try {
      const bytes = await fillPdf(new URL(form.dataset.pdf, document.baseURI), values());
      saveFile(bytes, filename);
      dirty = false;
      status.textContent = msg("done", { filename });
    } catch (err) {
      status.textContent = "";
      if (err && err.code === "missing-glyphs") {
        const chars = err.chars.map((c) => `«${c}»`).join(" ");
        const marked = err.fields.map(byName).filter(Boolean);
        for (const input of marked) setError(input, msg("glyphs-field", { chars }));
        showSummary(marked.map((input) => [input, msg("glyphs-field", { chars })]),
          msg("glyphs-error", { chars }));
      } else if (err && err.code === "load") {
        showSummary([], msg("load-error"));
      } else {
        const marked = ((err && err.fields) || []).map(byName).filter(Boolean);
        showSummary(marked.map((input) => [input, msg("fail-error")]), msg("fail-error"));
      }
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
    }
  });

  // -- print ------------------------------------------------------------------------------
  function fitTextareas() {
    for (const area of form.querySelectorAll("textarea")) {
      area.style.height = "auto";
      area.style.height = area.scrollHeight + 4 + "px";
    }
  }
  window.addEventListener("beforeprint", fitTextareas);
  document.getElementById("nv-fill-print").addEventListener("click", () => window.print());
}
