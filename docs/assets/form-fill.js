/* Nærvær — an HTML form page: checks birth numbers and dates, asks before leaving with unsaved
   input, prints, and «Last ned utfylt PDF» (the form's submit button) fills the form's own
   fillable PDF in the browser (pdf-fill.js and pdf-lib, loaded when that button is pressed,
   never before). «Åpne en lagret PDF» reads such a PDF back into the form (form-open.js,
   loaded when a file is chosen). Stores nothing, sends nothing. Field names are the inputs'
   `name`s (= the PDF's); the rules each input is checked by and every word shown come from
   the page's data block #nv-fill-data.

   Enter in a one-line field does not submit the form (a download the reader did not ask
   for): it checks that field, as leaving it does. The submit button, and Enter or Space on
   it, downloads. */

import { checkValue, fmt, pageData } from "./nv-common.js";

const form = document.getElementById("nv-fill");
const data = pageData("nv-fill-data");
if (form && data) start(form, data);

function start(form, data) {
  const { words, rules } = data;
  const $ = (id) => document.getElementById(id);
  const summary = $("nv-fill-summary");
  const status = $("nv-fill-status");
  const button = $("nv-fill-download");
  let dirty = false;
  let busy = false;
  const msg = (key, values = {}) => fmt(words[key.replace(/-/g, "_")] || "", values);

  $("nv-fill-actions").hidden = false;
  button.disabled = false;

  /* The message for what is wrong with `value` by the input's rule, or "". */
  function problem(input, value) {
    const rule = rules[input.dataset.check];
    const wrong = rule ? checkValue(rule, value, input) : "";
    if (!wrong) return "";
    if (wrong === "impossible") return msg(`${rule.check}_impossible`, { value: value.trim() });
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
  form.addEventListener("keydown", (e) => {
    const el = e.target;
    if (e.key !== "Enter" || el.tagName !== "INPUT" || /^(submit|button|reset|file)$/.test(el.type)) {
      return;
    }
    e.preventDefault();  // no implicit submission
    if (el.dataset.check) check(el);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (e.submitter === button) download();
  });
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

  async function download() {
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
      const report = {};
      saveFile(await fillPdf(pdfUrl(), values(), { report }), filename);
      dirty = false;
      status.textContent = report.pages && report.pages.length
        ? msg("done-continued", { filename, pages: report.pages.join(", ") })
        : msg("done", { filename });
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
  }

  // print: text areas grow to show all they hold; a one-line field whose text is wider than
  // the field is printed as wrapped text in its place (an input cannot wrap)
  window.addEventListener("beforeprint", () => {
    for (const area of form.querySelectorAll("textarea")) {
      area.style.height = "auto";
      area.style.height = area.scrollHeight + 4 + "px";
    }
    for (const input of form.querySelectorAll("input:not([type])")) {
      if (input.scrollWidth <= input.clientWidth) continue;
      const copy = document.createElement("span");
      copy.className = "nvf-pv";
      copy.setAttribute("aria-hidden", "true");
      copy.textContent = input.value;
      input.classList.add("nvf-long");
      input.after(copy);
    }
  });
  window.addEventListener("afterprint", () => {
    form.querySelectorAll(".nvf-pv").forEach((copy) => copy.remove());
    form.querySelectorAll(".nvf-long").forEach((input) => input.classList.remove("nvf-long"));
  });
  $("nv-fill-print").addEventListener("click", () => window.print());

  // «Åpne en lagret PDF» / «Start fra …»: the chosen file is read here, never sent
  const box = $("nv-fill-open");
  const file = $("nv-fill-file");
  if (!box || !file) return;
  const said = $("nv-fill-open-status");
  let mode = "open";
  const choose = (how) => () => { mode = how; file.value = ""; file.click(); };
  $("nv-fill-open-pdf").addEventListener("click", choose("open"));
  if ($("nv-fill-carry")) $("nv-fill-carry").addEventListener("click", choose("carry"));
  file.addEventListener("change", async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    said.textContent = msg("open-working");
    try {
      const { openInto } = await import("./form-open.js");
      const changed = await openInto(form, chosen, { data, mode, msg,
        say: (text) => { said.textContent = text; },
        confirm: (text) => window.confirm(text) });
      if (changed) {
        for (const input of form.querySelectorAll("[data-check]")) check(input);
        dirty = mode === "carry";
      }
    } catch (err) {
      said.textContent = msg("load-error");
    } finally {
      file.value = "";  // the file is not kept, and the same file can be chosen again
    }
  });
  box.hidden = false;
}
