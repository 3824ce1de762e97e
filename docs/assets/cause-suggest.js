/* Nærvær — suggestions from the cause mapping (skjema/arsakskartlegging): as the reader ticks
   what feels difficult, the measures of the bank that address it, by category and with their
   tier, each with «Legg til i planen». Runs only on that form's page; stores nothing, sends
   nothing.

   Measures, causes, the checkboxes' names and all words come from the page's data block
   (#nv-suggest-data, naervaer/site/causes.py). «Legg til i planen» hands the measure's public
   ID to a plan builder open in another tab (plan-channel.js), or opens the builder in a new
   tab with the measure, so what is typed in this form stays. */

import { fmt, pageData } from "./nv-common.js";
import { planFinder } from "./plan-channel.js";

const D = pageData("nv-suggest-data");
const section = document.getElementById("nv-suggest");
const form = document.getElementById("nv-fill");

if (D && section && form) {
  const W = D.words;
  const panel = document.getElementById("nv-suggest-panel");
  const list = document.getElementById("nv-suggest-list");
  const status = document.getElementById("nv-suggest-status");
  const said = document.getElementById("nv-suggest-said");
  const boxes = Object.keys(D.causes)
    .map((name) => form.querySelector(`input[type=checkbox][name="${CSS.escape(name)}"]`))
    .filter(Boolean);
  const waiting = []; // picked while a builder opened in a new tab is still loading
  let opened = 0;
  const finder = planFinder(D.channel, () => {
    if (waiting.length) hand(waiting.splice(0));
  });

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  async function hand(ids) {
    const answer = await finder.add(ids);
    if (!answer) { open(ids); return; }
    const id = ids[ids.length - 1];
    said.textContent = fmt(answer.added.includes(id) ? W.added : W.already, { id, n: answer.n });
  }

  function open(ids) {
    opened = Date.now();
    window.open(D.builder + ids.join(","), "_blank", "noopener");
    said.textContent = fmt(W.opened, { id: ids.join(", ") });
  }

  function pick(id) {
    if (finder && finder.found) hand([id]);
    else if (finder && Date.now() - opened < 10000) waiting.push(id); // the new tab answers soon
    else open([id]);
  }

  function render() {
    const ticked = boxes.filter((b) => b.checked).map((b) => D.causes[b.name]);
    const chosen = D.measures.filter((m) => m.causes.some((c) => ticked.includes(c)));
    list.replaceChildren();
    if (!ticked.length) {
      status.textContent = W.none;
      return;
    }
    status.textContent = fmt(W.count, { n: chosen.length });
    let group = null;
    for (const m of chosen) {
      if (!group || group.dataset.category !== String(m.category)) {
        const box = el("div", "nv-suggest__group");
        box.dataset.category = String(m.category);
        box.append(el("h4", null, D.categories[m.category]));
        group = el("ul", "nv-suggest__measures");
        group.dataset.category = String(m.category);
        box.append(group);
        list.append(box);
      }
      const li = el("li", "nv-suggest__measure");
      li.dataset.id = m.id;
      li.dataset.tier = String(m.tier);
      const head = el("p", "nv-suggest__head");
      const tier = el("span", "nv-badge nv-badge--tier", fmt(W.tier, { n: m.tier }));
      tier.title = D.tiers[m.tier];
      head.append(el("strong", null, `${W.measure} ${m.id}`), " ", tier);
      const reasons = m.causes.filter((c) => ticked.includes(c)).map((c) => D.labels[c]);
      const button = el("button", "md-button nv-suggest__add", W.add);
      button.type = "button";
      button.append(el("span", "nv-visually-hidden", `: ${W.measure.toLowerCase()} ${m.id} ${W.new_tab}`));
      button.addEventListener("click", () => pick(m.id));
      li.append(head, el("p", "nv-suggest__text", m.text),
        el("p", "nv-suggest__for", `${W.for}: ${reasons.join(", ")}`), button);
      group.append(li);
    }
  }

  // the suggestions sit right under the question, where the boxes are ticked
  const fieldset = boxes.length ? boxes[0].closest("fieldset") : null;
  if (fieldset) fieldset.after(section);
  for (const box of boxes) box.addEventListener("change", render);
  // «Åpne en lagret PDF» (form-fill.js) sets the boxes without a change event; it reports in
  // its status line, so the suggestions are read again whenever that line changes
  const fillStatus = document.getElementById("nv-fill-open-status");
  if (fillStatus) {
    new MutationObserver(render).observe(fillStatus,
      { childList: true, characterData: true, subtree: true });
  }
  panel.hidden = false;
  render();
}
