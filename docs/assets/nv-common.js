/* Nærvær — what every page script shares: the page's data, words with {placeholders},
   dates and the checks of typed values. Stores nothing, sends nothing.

   The one channel from the build to the browser: each tool's page holds a
   <script type="application/json" id="…"> block with the numbers, rules and words its script
   needs (rendered from the edition's data, never written in a script). */

/** The JSON data block `id` of this page, or null. */
export function pageData(id) {
  const block = document.getElementById(id);
  return block ? JSON.parse(block.textContent) : null;
}

/** `text` with {name} replaced by values.name (names not given are left as they are). */
export function fmt(text, values = {}) {
  return String(text).replace(/\{(\w+)\}/g,
    (all, key) => (key in values ? String(values[key]) : all));
}

/** «1 uke» / «3 uker»: the word `${name}_one` or `${name}_other` with {n}. */
export function count(words, name, n) {
  return fmt(words[`${name}_${n === 1 ? "one" : "other"}`], { n });
}

/** A date typed as the rule's pattern says (dd.mm.åååå; one-digit day and month, the other
    separators of a phone's number pad and ddmmåååå accepted: the pattern's day, month and
    year are its groups 1–3, or 4–6). Returns { value: "dd.mm.åååå" } written out in full,
    { error: "format" } when it is not written that way, { error: "impossible" } for a date
    that does not exist (31.02.2027). */
export function parseDate(raw, rule) {
  const m = new RegExp(rule.pattern).exec(String(raw).trim());
  if (!m) return { error: "format" };
  const [d, mo, y] = (m[1] !== undefined ? m.slice(1, 4) : m.slice(4, 7)).map(Number);
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    return { error: "impossible" };
  }
  return { value: `${String(d).padStart(2, "0")}.${String(mo).padStart(2, "0")}.${y}` };
}

/** What is wrong with `raw` by `rule` (from the form's data): "" when it is right or empty,
    else "format" or "impossible" (dates). A date is written out in full when it is right. */
export function checkValue(rule, raw, input) {
  const value = String(raw).trim();
  if (value === "") return "";
  if (rule.check === "date") {
    const date = parseDate(value, rule);
    if (date.error) return date.error;
    if (input) input.value = date.value;
    return "";
  }
  return new RegExp(rule.pattern).test(value) ? "" : "format";
}
