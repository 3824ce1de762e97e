/* Nærvær — an HTML form page: checks birth numbers and dates, asks before leaving with unsaved
   input, prints, and «Last ned utfylt PDF» fills the form's own fillable PDF in the browser
   (pdf-fill.js and pdf-lib, loaded when that button is pressed, never before). Stores nothing,
   sends nothing. Field names are the inputs' `name`s (= the PDF's); the rules each input is
   checked by and every word shown come from the page's data block #nv-fill-data. */

import { checkValue, fmt, pageData } from "./nv-common.js";

const form = document.getElementById("nv-fill");
const data = pageData("nv-fill-data");
if (form && data) start(form, data);

function start(form, { words, rules }) {
  const $ = (id) => document.getElementById(id);
  const summary = $("nv-fill-summary");
  const status = $("nv-fill-status");
  const button = $("nv-fill-download");
  let dirty = false;
  let busy = false;
  const msg = (key, values = {}) => fmt(words[key.replace(/-/g, "_")] || "", values);

  $("nv-fill-actions").hidden = false;

  /* The message for what is wrong with `value` by the input's rule, or "". */
  function problem(input, value) {
    const rule = rules[input.dataset.check];
    const wrong = rule ? checkValue(rule, value, input) : "";
    if (!wrong) return "";
    return msg(`${rule.check}_error`);
  }

  // an inline message, tied to the input with aria-describedby (not only a colour)
  function setError(input, text) {
    let box = $(input.id + "-error");
    if (!box && text) {
      box = document.createElement("p");
      box.className = "nvf-e";
      box.id = input.id + "-error";
      input.parentNode.insertBefore(box, input);
      const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      input.setAttribute("aria-describedby", ids.concat(box.id).join(" "));
    }
    if (box) box.textContent = text;
    if (text) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  function check(input) {
    const text = problem(input, input.value);
    setError(input, text);
    return text;
  }

  function showSummary(problems, lead) {
    const list = summary.querySelector("ul");
    list.textContent = "";
    summary.querySelector("h2").textContent = lead || msg("error-summary");
    for (const [input, text] of problems) {
      const label = form.querySelector(`label[for="${input.id}"]`);
      const link = document.createElement("a");
      link.href = "#" + input.id;
      link.textContent = `${label ? label.textContent.trim() : input.name}: ${text}`;
      link.addEventListener("click", (event) => { event.preventDefault(); input.focus(); });
      list.appendChild(document.createElement("li")).appendChild(link);
    }
    summary.hidden = false;
    summary.focus();
  }

  form.addEventListener("change", (e) => { if (e.target.dataset.check) check(e.target); });
  form.addEventListener("input", (e) => {
    dirty = true;
    const input = e.target;
    if (input.getAttribute("aria-invalid") === "true" && (!input.dataset.check || !check(input))) {
      setError(input, "");  // right again: the message goes at once
    }
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  window.addEventListener("beforeunload", (e) => {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });

  function values() {
    const out = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") out[el.name] = el.checked;
      else if (el.type === "radio") { if (el.checked) out[el.name] = el.value; }
      else out[el.name] = el.value;
    }
    return out;
  }

  const byName = (name) => form.querySelector(`[name="${CSS.escape(name)}"]`);

  const pdfUrl = () => new URL(form.dataset.pdf, document.baseURI);

  button.addEventListener("click", async () => {
    if (busy) return;
    const problems = [];
    for (const input of form.querySelectorAll("[data-check]")) {
      const text = check(input);
      if (text) problems.push([input, text]);
    }
    status.textContent = "";
    if (problems.length) { showSummary(problems); return; }
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
    busy = true;
    button.setAttribute("aria-disabled", "true");
    status.textContent = msg("working");
    const filename = form.dataset.filename;
    try {
      const { fillPdf, saveFile } = await import("./pdf-fill.js");
      saveFile(await fillPdf(pdfUrl(), values()), filename);
      dirty = false;
      status.textContent = msg("done", { filename });
    } catch (err) {
      status.textContent = "";
      const marked = ((err && err.fields) || []).map(byName).filter(Boolean);
      if (err && err.code === "missing-glyphs") {
        const chars = err.chars.map((c) => `«${c}»`).join(" ");
        const text = msg("glyphs-field", { chars });
        marked.forEach((input) => setError(input, text));
        showSummary(marked.map((input) => [input, text]), msg("glyphs-error", { chars }));
      } else {
        const lead = msg(err && err.code === "load" ? "load-error" : "fail-error");
        showSummary(marked.map((input) => [input, msg("fail-error")]), lead);
      }
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
    }
  });

  // print: text areas grow to show all they hold
  window.addEventListener("beforeprint", () => {
    for (const area of form.querySelectorAll("textarea")) {
      area.style.height = "auto";
      area.style.height = area.scrollHeight + 4 + "px";
    }
  });
  $("nv-fill-print").addEventListener("click", () => window.print());
}
