/* Nærvær — help under the search box (issue #23), loaded by lazy-search.js when the reader
   starts to search.

   When a search finds nothing: «Mente du …?» with the nearest words of the site (a button
   that searches for them), the synonyms that were tried, and links on to the measure bank's
   filter and the forms page. When a search found pages through a synonym, one line names
   the synonyms. While the results come from the titles index only (the search's first
   stage, see lazy-search.js), the line above the results says so instead of a count, and
   says it if the full index could not be loaded. Every word comes from data/ui.yaml (the
   index's `config.nv.ui`, written by naervaer/site/search.py). What the reader typed is
   shown on the page only: never stored, sent or put in a URL. */

let nv = null;
let broken = false;    // the full index could not be loaded: the titles are all there is
let last = null;       // the result shown last

export function configure(config) {
  nv = config;
}

function box() {
  const result = document.querySelector(".md-search-result");
  if (!result) return null;
  let el = result.querySelector(":scope > .nv-search-help");
  if (!el) {
    el = document.createElement("div");
    el.className = "nv-search-help";
    el.setAttribute("role", "status");  // read out when it changes (WCAG 4.1.3)
    el.hidden = true;
    const meta = result.querySelector(":scope > .md-search-result__meta");
    result.insertBefore(el, meta ? meta.nextSibling : result.firstChild);
  }
  return el;
}

function siteUrl(path) {
  let base = ".";
  const config = document.getElementById("__config");
  if (config) {
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { base = "."; }
  }
  return new URL(path, new URL(base.replace(/\/?$/, "/"), location.href)).href;
}

function paragraph(text) {
  const p = document.createElement("p");
  if (text) p.textContent = text;
  return p;
}

function searchFor(query) {
  const input = document.querySelector("input.md-search__input");
  if (!input) return;
  input.value = query;
  input.focus();
  // the theme reads the box on keyup
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
}

function suggestions(list) {
  const p = paragraph(nv.ui.did_you_mean + " ");
  list.forEach((query, i) => {
    if (i > 0) p.append(" / ");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "nv-search-help__suggest";
    button.textContent = query;
    button.setAttribute("aria-label", `${nv.ui.suggestion} ${query}`);
    button.addEventListener("click", () => searchFor(query));
    p.append(button);
  });
  p.append("?");
  return p;
}

function links() {
  const nav = document.createElement("ul");
  nav.className = "nv-search-help__links";
  for (const [key, label] of [["measures", "measures_link"], ["forms", "forms_link"]]) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = siteUrl(nv.links[key]);
    a.textContent = nv.ui[label];
    li.append(a);
    nav.append(li);
  }
  return nav;
}

export function failed() {
  broken = true;
  if (last) show(last);
}

// the line above the results (the theme's count) while only the titles have been searched
function partialLine(items) {
  const meta = document.querySelector(".md-search-result__meta");
  if (!meta) return;
  meta.textContent = broken ? nv.ui.load_failed : items ? nv.ui.title_hits : nv.ui.searching;
}

export function show(result) {
  const el = box();
  if (!el || !nv || !result) return;
  last = result;
  const info = result.nv || { query: "", tried: [], suggest: [] };
  const items = (result.items || []).length;
  const typed = info.query.trim().length > 0;
  if (info.partial && typed) {
    partialLine(items);
    if (!broken) {  // the full results follow
      el.replaceChildren();
      el.hidden = true;
      return;
    }
  }
  const none = items === 0 && typed;
  el.replaceChildren();
  if (none && info.suggest.length) el.append(suggestions(info.suggest));
  if (info.tried.length && (none || items)) {
    el.append(paragraph(`${nv.ui.also_tried}: ${info.tried.join(", ")}`));
  }
  if (none) {
    el.append(paragraph(nv.ui.none_help), links());
  }
  el.hidden = el.childNodes.length === 0;
  // tests and the benchmark wait for this: the results of `query` are on the page
  document.dispatchEvent(new CustomEvent("nv-search-shown", { detail: { query: info.query } }));
}
