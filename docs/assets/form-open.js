/* Nærvær — «Åpne en lagret PDF» on a form page: the PDF the reader downloaded from this page
   is read in the browser (pdf-fill.js readPdf; never uploaded, never stored) and every value
   goes back into the HTML form, so the form can be continued and downloaded again.
   «Start fra …» (a form's `carry_forward`) reads the PDF of an earlier form instead and fills
   the fields the form's definition maps (the mapping comes in the page's data block).
   Loaded by form-fill.js when the reader chooses a file. Nothing here holds words. */

const MB = 1024 * 1024;

/** Read `file` and fill `form` from it. `mode` is "open" (a saved copy of this form) or
    "carry" (the earlier form of data.carry). `say(text)` reports; `confirm(text)` asks.
    Returns true when the form was changed. */
export async function openInto(form, file, { data, mode, msg, say, confirm }) {
  const carry = mode === "carry" ? data.carry : null;
  const wanted = carry ? carry.source : data.form;
  const elements = Array.from(form.elements).filter((el) => el.name);
  const names = [...new Set(elements.map((el) => el.name))];
  let read;
  try {
    const { readPdf } = await import("./pdf-fill.js");
    read = await readPdf(file, { form: wanted, fields: carry ? null : names,
      maxBytes: data.open_max_mb * MB });
  } catch (err) {
    say(problem(err, { msg, data, carry, file }));
    return false;
  }
  const values = carry ? carried(read.values, carry.fields) : read.values;
  const targets = carry ? Object.keys(values) : names;
  if (carry && !Object.values(values).some(Boolean)) {
    say(msg("carry-empty"));
    return false;
  }
  const filled = elements.some((el) => targets.includes(el.name) && hasValue(el));
  if (filled && !confirm(msg(carry ? "carry-replace" : "open-replace"))) return false;
  const skipped = restore(elements, values, targets);
  const done = msg(carry ? "carry-done" : "open-done", { file: file.name });
  say(skipped.length ? `${done} ${msg("open-skipped", { fields: skipped.join(", ") })}` : done);
  return true;
}

/** The values the carry-forward mapping gives: { our field: their fields' values joined }. */
function carried(theirs, mapping) {
  const out = {};
  for (const [ours, sources] of Object.entries(mapping)) {
    out[ours] = sources.map((name) => (typeof theirs[name] === "string" ? theirs[name].trim() : ""))
      .filter(Boolean).join(", ");
  }
  return out;
}

function hasValue(el) {
  if (el.type === "checkbox") return el.checked;
  if (el.type === "radio") return el.checked && el.value !== "";
  return el.value.trim() !== "";
}

/** Every element named in `targets` gets its value from `values` (missing: emptied). Returns
    the names whose value the form cannot take (a choice it does not have). */
function restore(elements, values, targets) {
  const skipped = [];
  const radios = new Map();
  for (const el of elements) {
    if (!targets.includes(el.name)) continue;
    const value = values[el.name];
    if (el.type === "checkbox") {
      el.checked = value === true;
    } else if (el.type === "radio") {
      if (!radios.has(el.name)) radios.set(el.name, []);
      radios.get(el.name).push(el);
    } else {
      el.value = typeof value === "string" ? value : "";
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
  for (const [name, group] of radios) {
    const value = typeof values[name] === "string" ? values[name] : "";
    const match = group.find((el) => el.value === value);
    const empty = group.find((el) => el.value === "");
    if (match) match.checked = true;
    else {
      group.forEach((el) => { el.checked = false; });
      if (empty) empty.checked = true;
      if (value !== "") skipped.push(name);
    }
  }
  // what the PDF holds that this form has no field for (a PDF of an older version)
  for (const [name, value] of Object.entries(values)) {
    if (value === "" || value === false || elements.some((el) => el.name === name)) continue;
    skipped.push(name);
  }
  return skipped;
}

function problem(err, { msg, data, carry, file }) {
  const code = err && err.code;
  if (code === "too-big") {
    return msg("open-too-big", { size: (file.size / MB).toFixed(1).replace(".", ","),
      max: data.open_max_mb });
  }
  if (code === "other-form") {
    return carry ? msg("carry-other-form", { title: err.title || err.form, wanted: carry.title })
      : msg("open-other-form", { title: err.title || err.form });
  }
  if (code === "not-ours") return msg("open-not-ours");
  if (code === "locked") return msg("open-locked");
  if (code === "load") return msg("load-error");
  return msg("open-damaged");
}
