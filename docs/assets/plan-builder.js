/* Nærvær — «Lag en plan»: pick measures from the bank, agree on sub-goal, responsibility and
   deadline for each, and download the cooperation agreement filled in, or copy the plan as
   text. Runs only on the measure-bank overview, which shows and filters the whole bank.

   The plan lives in this page only: nothing is written to cookies or storage, put in the URL
   or sent. Category pages link here with «#legg-til-<id>» (a public measure ID from the bank,
   never anything typed); the measure is added and the fragment removed from the address bar.
   While this page is open, the category pages and the cause mapping's suggestions in other
   tabs hand their measures to this plan instead (plan-channel.js), so nothing it holds is
   lost; on this page, the category links filter the list in place (naervaer.js) and every
   other link in the bank opens in a new tab.

   Words, the agreement's PDF field names and the measures table's rows come from the page
   (#nv-plan-data, rendered from data/ui.yaml and the form definition); pdf-fill.js and the
   PDF library load only when the reader asks for the PDF. */

import { fmt, pageData, parseDate } from "./nv-common.js";
import { planHost } from "./plan-channel.js";

const D = pageData("nv-plan-data");
const panel = document.getElementById("nv-plan-panel");

if (D && panel) {
  const W = D.words;
  const list = document.getElementById("nv-plan-list");
  const template = document.getElementById("nv-plan-item");
  const empty = document.getElementById("nv-plan-empty");
  const limit = document.getElementById("nv-plan-limit");
  const status = document.getElementById("nv-plan-status");
  const chosenHeading = document.getElementById("nv-plan-chosen");
  const downloadButton = document.getElementById("nv-plan-download");
  const copyButton = document.getElementById("nv-plan-copy");
  const fallback = document.getElementById("nv-plan-fallback");
  const fallbackText = document.getElementById("nv-plan-fallback-text");
  const jump = document.getElementById("nv-plan-jump");
  const R = D.roles; // the table's column ids: measure, subgoal, responsible, deadline
  const AGREED = [R.subgoal, R.responsible, R.deadline];
  const control = (node, col) => node.querySelector(`[data-col="${col}"]`);
  const buttons = new Map();
  let serial = 0;
  let planInView = false;

  const say = (text) => { status.textContent = text; };
  const items = () => Array.from(list.children);
  const find = (id) => items().find((node) => node.dataset.measure === id);
  const valueOf = (node, col) => control(node, col).value.trim();
  const hiddenText = (text) => {
    const span = document.createElement("span");
    span.className = "nv-visually-hidden";
    span.textContent = text;
    return span;
  };
  const hiddenSuffix = (id) => hiddenText(`: ${D.measure.toLocaleLowerCase()} ${id}`);
  /* What the agreement's measure column holds for a measure of the plan. */
  const textOf = (node) => node.dataset.measure
    ? `${node.dataset.measure} ${measure(node.dataset.measure).text}` : node.dataset.custom;
  const nameOf = (node) => node.dataset.measure || W.from_pdf;

  /* The measure as the bank shows it on this page: full text and who carries it out. */
  function measure(id) {
    const li = buttons.get(id).closest(".nv-measure");
    const text = li.querySelector(":scope > .nv-measure__text").textContent;
    return { li, text: text.replace(/\s+/g, " ").trim(), actors: li.dataset.actors.split(" ") };
  }

  /* Check one deadline field; show or clear its inline message. True when fine or empty. */
  function checkDate(input) {
    const error = input.parentElement.querySelector(".nv-plan__error");
    const raw = input.value.trim();
    const date = raw === "" ? { value: "" } : parseDate(raw, D.rules.date);
    const ok = date.error ? null : date.value;
    if (ok === null) {
      error.textContent = W.err_date;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", error.id);
      return false;
    }
    input.value = ok;
    error.hidden = true;
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    return true;
  }

  /* Add a measure of the bank, or (`custom`: its text) a measure a saved agreement holds
     that is not in this bank: it keeps its words, but has no place in the bank's list. */
  function add(id, { custom = null, quiet = false } = {}) {
    const existing = custom === null ? find(id) : null;
    if (existing) return existing;
    const info = custom === null ? measure(id) : { text: custom, actors: [] };
    const node = template.content.firstElementChild.cloneNode(true);
    const n = ++serial;
    node.dataset.measure = custom === null ? id : "";
    if (custom !== null) node.dataset.custom = custom;
    node.querySelector(".nv-plan__heading").textContent = custom === null
      ? `${D.measure} ${id}` : W.from_pdf;
    node.querySelector(".nv-plan__text").textContent = info.text;
    for (const label of node.querySelectorAll("label[data-for]")) {
      const field = control(node, label.dataset.for);
      field.id = `nv-plan-${n}-${label.dataset.for}`;
      label.htmlFor = field.id;
    }
    const datalist = node.querySelector("datalist");
    datalist.id = `nv-plan-${n}-${R.responsible}-list`;
    for (const actor of info.actors) {
      if (!D.actors[actor]) continue;
      const option = document.createElement("option");
      option.value = D.actors[actor];
      datalist.append(option);
    }
    control(node, R.responsible).setAttribute("list", datalist.id);
    node.querySelector(".nv-plan__error").id = `nv-plan-${n}-${R.deadline}-error`;
    const deadline = control(node, R.deadline);
    deadline.addEventListener("change", () => checkDate(deadline));
    for (const button of node.querySelectorAll("button[data-action]")) {
      button.append(custom === null ? hiddenSuffix(id) : hiddenText(`: ${W.from_pdf} ${n}`));
      button.addEventListener("click", () => act(node, button.dataset.action, button));
    }
    list.append(node);
    update();
    if (quiet) return node;
    const count = items().length;
    let text = fmt(W.added, { id, n: count });
    if (count > D.rows.length) text += " " + limitText(count);
    say(text);
    return node;
  }

  function remove(node) {
    const id = nameOf(node);
    const after = node.nextElementSibling || node.previousElementSibling;
    node.remove();
    update();
    say(fmt(W.removed, { id, n: items().length }));
    return after;
  }

  function act(node, action, button) {
    if (action === "remove") {
      const after = remove(node);
      (after ? after.querySelector(".nv-plan__heading") : chosenHeading).focus();
      return;
    }
    const sibling = action === "up" ? node.previousElementSibling : node.nextElementSibling;
    if (!sibling) return;
    if (action === "up") sibling.before(node); else sibling.after(node);
    update();
    // keep focus on the control that moved; if it cannot move further, on the other one
    const target = button.disabled
      ? node.querySelector(`button[data-action="${action === "up" ? "down" : "up"}"]`) : button;
    target.focus();
    say(fmt(W.moved, { id: nameOf(node), pos: items().indexOf(node) + 1, n: items().length }));
  }

  function toggle(id) {
    const node = find(id);
    if (node) remove(node); else add(id);
  }

  function limitText(n) {
    return fmt(W.limit, { max: D.rows.length, n, extra: n - D.rows.length });
  }

  function update() {
    const all = items();
    empty.hidden = all.length > 0;
    all.forEach((node, i) => {
      node.querySelector('[data-action="up"]').disabled = i === 0;
      node.querySelector('[data-action="down"]').disabled = i === all.length - 1;
    });
    limit.hidden = all.length <= D.rows.length;
    limit.textContent = limit.hidden ? "" : limitText(all.length);
    for (const [id, button] of buttons) {
      const chosen = Boolean(find(id));
      button.querySelector(".nv-plan-add__label").textContent = chosen ? W.remove_from : W.add;
      button.closest(".nv-measure").classList.toggle("nv-measure--chosen", chosen);
    }
    if (jump) {
      // a way back to the plan while the reader is down in the bank (not over the plan)
      jump.hidden = all.length === 0 || planInView;
      jump.querySelector("a").textContent = fmt(W.jump, { n: all.length });
      document.documentElement.classList.toggle("nv-plan-has-jump", all.length > 0);
    }
  }

  /* Every value the agreement PDF gets: { PDF field name: text }. */
  function values() {
    const out = {};
    for (const el of panel.querySelectorAll("[data-field]")) out[el.dataset.field] = el.value.trim();
    items().forEach((node, i) => {
      const row = D.rows[i];
      out[row[R.measure]] = textOf(node);
      for (const col of AGREED) out[row[col]] = valueOf(node, col);
    });
    return out;
  }

  function datesOk() {
    const dates = [...items().map((node) => control(node, R.deadline)),
      ...panel.querySelectorAll("[data-field][data-rule=date]")];
    const bad = dates.filter((input) => !checkDate(input));
    if (bad.length) {
      say(W.err_dates);
      bad[0].focus();
      return false;
    }
    return true;
  }

  async function download() {
    const n = items().length;
    if (n === 0) { say(W.nothing); return; }
    if (n > D.rows.length) {
      say(limitText(n));
      limit.focus();
      return;
    }
    if (!datesOk()) return;
    downloadButton.disabled = true;
    say(W.working);
    try {
      const { fillPdf, saveFile } = await import("./pdf-fill.js");
      const bytes = await fillPdf(new URL(D.pdf, document.baseURI).href, values());
      saveFile(bytes, D.filename);
      say(fmt(W.done, { file: D.filename }));
    } catch (err) {
      if (err && err.code === "missing-glyphs") say(fmt(W.err_glyphs, { chars: err.chars.join(" ") }));
      else if (err && err.code === "load") say(W.err_load);
      else say(W.err_other);
    } finally {
      downloadButton.disabled = false;
    }
  }

  /* The plan as text for the minutes: every field of the agreement, in the form's order,
     with the measures where its table is. Lines of a longer text keep their breaks. */
  function planText() {
    const entry = (label, value) => `${label}: ${value.replace(/\s*\n\s*/g, "\n   ")}`;
    const fields = (names) => names.map((name) => {
      const el = panel.querySelector(`[data-field="${CSS.escape(name)}"]`);
      const label = panel.querySelector(`label[for="${el.id}"]`);
      // the label's own words, without the hint on how to write a date
      const words = Array.from(label.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : ""));
      return entry(words.join("").trim(), el.value.trim());
    });
    const lines = [D.title, "", ...fields(D.before), "", `${W.chosen}:`];
    items().forEach((node, i) => {
      lines.push(`${i + 1}. ${textOf(node)}`);
      for (const col of AGREED) lines.push(`   ${entry(D.columns[col], valueOf(node, col))}`);
    });
    if (D.after.length) lines.push("", ...fields(D.after));
    return lines.join("\n") + "\n";
  }

  async function copy() {
    if (!dirty()) { say(W.nothing); return; }
    const text = planText();
    try {
      await navigator.clipboard.writeText(text);
      fallback.hidden = true;
      say(W.copied);
    } catch (err) {
      // no clipboard access (e.g. a page not served over https): let the reader copy it
      fallbackText.value = text;
      fallback.hidden = false;
      fallbackText.focus();
      fallbackText.select();
      say(W.copy_fallback);
    }
  }

  /* Arriving from a category page's «Legg til i planen»: add that measure. */
  function addFromFragment() {
    const prefix = `#${D.add_anchor}`;
    if (!location.hash.startsWith(prefix)) return;
    const ids = decodeURIComponent(location.hash.slice(prefix.length)).split(",");
    history.replaceState(null, "", location.pathname + location.search);
    const nodes = ids.filter((id) => buttons.has(id)).map((id) => add(id));
    if (nodes.length) nodes[0].querySelector(".nv-plan__heading").focus();
  }

  /* «Åpne en lagret PDF»: a saved agreement becomes the plan again (plan-open.js, loaded
     when a file is chosen; the file is read in the browser, never sent or stored). */
  const fileInput = document.getElementById("nv-plan-file");
  if (fileInput) {
    document.getElementById("nv-plan-open-pdf").addEventListener("click", () => {
      fileInput.value = "";
      fileInput.click();
    });
    fileInput.addEventListener("change", async () => {
      const file = fileInput.files && fileInput.files[0];
      const status = document.getElementById("nv-plan-open-status");
      if (file) {
        try {
          const { openPlan } = await import("./plan-open.js");
          await openPlan(file, { D, status, dirty, replace, bankText: (id) =>
            (buttons.has(id) ? measure(id).text : null) });
        } catch (err) {
          status.textContent = W.open_load;
        }
      }
      fileInput.value = ""; // the file is not kept, and the same one can be chosen again
    });
  }

  /* The plan replaced by `plan` ({fields, rows}, from plan-open.js). */
  function replace(plan) {
    items().forEach((node) => node.remove());
    for (const el of panel.querySelectorAll("[data-field]")) el.value = plan.fields[el.dataset.field] || "";
    for (const row of plan.rows) {
      const node = add(row.id, { custom: row.id ? null : row.text, quiet: true });
      for (const col of AGREED) control(node, col).value = row[col];
    }
    update();
    say("");
    chosenHeading.focus();
  }

  function dirty() {
    return items().length > 0 ||
      Array.from(panel.querySelectorAll("[data-field]")).some((el) => el.value.trim() !== "");
  }

  /* «Legg til i planen» under every measure of the bank on this page (made here, so the
     page carries one copy of the words instead of one per measure). */
  for (const li of document.querySelectorAll("#nv-overview li.nv-measure[data-id]")) {
    const id = li.dataset.id;
    const p = document.createElement("p");
    const button = document.createElement("button");
    const label = document.createElement("span");
    p.className = "nv-measure__plan";
    button.type = "button";
    button.className = "md-button nv-plan-add";
    button.id = D.add_anchor + id;
    label.className = "nv-plan-add__label";
    label.textContent = W.add;
    button.append(label, hiddenSuffix(id));
    button.addEventListener("click", () => toggle(id));
    p.append(button);
    li.querySelector(":scope > .nv-measure__meta").after(p);
    buttons.set(id, button);
  }
  /* Links in the bank that lead off this page open in a new tab, and say so, so the plan
     stays (the category links filter in place instead: naervaer.js). */
  for (const a of document.querySelectorAll("#nv-overview a[href]:not([data-category])")) {
    if (a.getAttribute("href").startsWith("#")) continue;
    a.target = "_blank";
    a.rel = `${a.rel} noopener`.trim();
    const note = document.createElement("span");
    note.className = "nv-visually-hidden";
    note.textContent = ` ${W.new_tab}`;
    a.append(note);
  }
  /* Measures handed over from other tabs (plan-channel.js): added to this plan. */
  planHost(D.channel, (ids) => {
    const added = ids.filter((id) => buttons.has(id) && !find(id));
    added.forEach((id) => add(id));
    return { added, n: items().length };
  });
  for (const input of panel.querySelectorAll("[data-field][data-rule=date]")) {
    input.addEventListener("change", () => checkDate(input));
  }
  if (downloadButton) downloadButton.addEventListener("click", download);
  copyButton.addEventListener("click", copy);
  window.addEventListener("hashchange", addFromFragment);
  window.addEventListener("beforeunload", (event) => {
    if (dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  panel.hidden = false;
  if (jump && "IntersectionObserver" in window) {
    new IntersectionObserver((entries) => {
      planInView = entries[0].isIntersecting;
      update();
    }).observe(panel);
  }
  update();
  addFromFragment();
}
