/* Nærvær — a saved cooperation agreement read back into the plan builder («Åpne en lagret
   PDF»). Loaded by plan-builder.js when the reader chooses a file; the file is read in memory
   by pdf-fill.js (readPdf) and never sent or stored.

   Every value comes back: the agreement's own fields, and each filled row of its table of
   measures, in order. A row whose measure is «<id> <the bank's text>» (as the builder wrote
   it) becomes that measure of the bank; any other filled row (the measure edited in a PDF
   reader, or one this edition's bank does not have) keeps its text as it is.
   The words are the builder's (its data block); none are written here. */

import { fmt } from "./nv-common.js";

const MB = 1024 * 1024;
const ID = /^(\d{1,2}\.L?\d+)\s+([\s\S]*)$/;
const same = (a, b) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

class Refused extends Error {
  constructor(key, values = {}) {
    super(key);
    this.message_key = key;
    this.values = values;
  }
}

/** Read `file` and, if it is the agreement, make it the plan: `api` is the builder's
    {D (its data), status (where to say what happened), dirty() (the plan holds something),
    replace(plan), bankText(id)}. A refusal, or «no» to replacing, changes nothing. */
export async function openPlan(file, api) {
  const W = api.D.words;
  const say = (key, values = {}) => {
    api.status.textContent = fmt(W[key], values);
  };
  say("open_working");
  let plan;
  try {
    plan = await readPlan(file, api.D, api.bankText);
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    say(err.message_key, err.values);
    return;
  }
  if (api.dirty() && !window.confirm(W.open_replace)) {
    say("open_kept");
    return;
  }
  api.replace(plan);
  say("open_done", { file: file.name, n: plan.rows.length });
}

/** {fields: {name: text}, rows: [{id|null, text, <column>: text}]} from the agreement PDF
    `file`. `D` is the builder's data; `bankText(id)` the bank's text of a measure, or null. */
export async function readPlan(file, D, bankText) {
  // every field of the agreement: the fields around the table and the table's cells
  const names = [...D.before, ...D.after, ...D.rows.flatMap((row) => Object.values(row))];
  let read;
  try {
    const { readPdf } = await import("./pdf-fill.js");
    read = await readPdf(file, { form: D.form, fields: names, maxBytes: D.open_max_mb * MB });
  } catch (err) {
    throw refusal(err, file, D);
  }
  const text = (name) => (typeof read.values[name] === "string" ? read.values[name] : "");
  const fields = {};
  for (const name of [...D.before, ...D.after]) fields[name] = text(name);
  const rows = [];
  for (const row of D.rows) {
    const cells = Object.fromEntries(Object.entries(D.roles)
      .map(([role, column]) => [role === "measure" ? "text" : column, text(row[column])]));
    if (!Object.values(cells).some((v) => v.trim() !== "")) continue;
    const m = ID.exec(cells.text.trim());
    const known = m ? bankText(m[1]) : null;
    rows.push({ ...cells, id: known !== null && same(m[2], known) ? m[1] : null });
  }
  return { fields, rows };
}

function refusal(err, file, D) {
  const code = err && err.code;
  if (code === "too-big") {
    return new Refused("open_too_big", { size: (file.size / MB).toFixed(1).replace(".", ","),
      max: D.open_max_mb });
  }
  if (code === "other-form") return new Refused("open_other_form", { title: err.title || err.form });
  if (code === "not-ours") return new Refused("open_not_ours");
  if (code === "locked") return new Refused("open_locked");
  if (code === "damaged") return new Refused("open_damaged");
  return new Refused("open_load");
}
