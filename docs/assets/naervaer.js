/* Nærvær — on every page: wide tables that scroll are regions the keyboard reaches; the
   measure overview is filtered in place; the search form's submit moves to the results.
   (Category pages' «Legg til i planen»: category-plan.js.) Stores nothing, sends nothing.
   Words come from the page's data blocks (nv-common.js). */
import { fmt, pageData } from "./nv-common.js";

document.documentElement.classList.add("js");

/* Tables that scroll sideways on a phone (the theme wraps each one as it starts): the wrapper
   can be reached with Tab and scrolled with the arrow keys, and is a region named by the
   table's heading (WCAG 2.1.1; axe scrollable-region-focusable). */
function heading(el) {
  for (let node = el; node && node !== document.body; node = node.parentElement) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (/^H[1-4]$/.test(prev.tagName)) return prev;
    }
  }
  return document.querySelector("h1");
}

function markScrollers() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.hasAttribute("tabindex")) continue;
    const table = wrap.querySelector("table");
    const title = table && table.caption ? table.caption : heading(wrap);
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    if (title && title.id) wrap.setAttribute("aria-labelledby", title.id);
    else if (title) wrap.setAttribute("aria-label", title.textContent.trim());
  }
}
if (window.document$ && window.document$.subscribe) window.document$.subscribe(markScrollers);
else markScrollers();

/* The measure overview: filter by text, category, who carries it out, cause, tier and
   decision. */
const filter = document.getElementById("nv-filter");
const overview = document.getElementById("nv-overview");
const filterData = pageData("nv-filter-data");
if (filter && overview && filterData) {
  const { words } = filterData;
  const status = document.getElementById("nv-filter-status");
  const items = Array.from(overview.querySelectorAll(".nv-measure"));
  const sections = Array.from(overview.querySelectorAll(".nv-overview__category"));
  const norm = (s) => (s || "").toLocaleLowerCase("nb");
  // what the filter searches: the measure itself, not its «Legg til i planen» control
  const text = (li) => Array.from(li.querySelectorAll(
    ":scope > .nv-measure__heading, :scope > .nv-measure__text, " +
    ":scope > .nv-measure__meta, :scope > .nv-measure__links"), (el) => el.textContent).join(" ");
  for (const li of items) li.dataset.text = norm(text(li));
  filter.hidden = false;

  const apply = () => {
    const q = norm(filter.elements.q.value).trim();
    const cat = filter.elements.category.value;
    const actors = Array.from(filter.querySelectorAll("input[name=actor]:checked"), (c) => c.value);
    const decision = (filter.querySelector("input[name=decision]:checked") || {}).value || "";
    const tiers = Array.from(filter.querySelectorAll("input[name=tier]:checked"), (c) => c.value);
    const causes = Array.from(filter.querySelectorAll("input[name=cause]:checked"), (c) => c.value);
    let shown = 0;
    for (const li of items) {
      const mine = li.dataset.actors.split(" ");
      const theirs = (li.dataset.causes || "").split(" "); // none: whatever the cause
      const ok = (!cat || li.closest(".nv-overview__category").dataset.category === cat)
        && (!decision || (li.dataset.decision || "0") === decision)
        && (!actors.length || actors.some((a) => mine.includes(a)))
        && (!tiers.length || tiers.includes(li.dataset.tier))
        && (!causes.length || causes.some((c) => theirs.includes(c)))
        && (!q || li.dataset.text.includes(q));
      li.hidden = !ok;
      if (ok) shown++;
    }
    for (const section of sections) {
      section.hidden = !section.querySelector(".nv-measure:not([hidden])");
    }
    status.textContent = shown === 0 ? words.none
      : fmt(words.status, { shown, total: items.length });
    return shown;
  };
  /* The category list and headings filter the list in place (a plan on this page stays);
     with Ctrl, Cmd or Shift the link opens the category page as usual. */
  for (const link of document.querySelectorAll("a[data-category]")) {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      const id = link.dataset.category;
      filter.elements.category.value = id;
      const shown = apply();
      const option = filter.elements.category.selectedOptions[0];
      status.textContent = fmt(words.category_shown, { category: option.textContent, shown });
      document.getElementById(`kat-${id}`).focus();
    });
  }
  filter.addEventListener("input", apply);
  filter.addEventListener("change", apply);
  filter.addEventListener("submit", (e) => e.preventDefault());
  filter.addEventListener("reset", () => setTimeout(apply, 0));
}

/* The search form's submit button (added for HTML validity and assistive technology, see
   naervaer/site/theme_fixes.py): the theme searches as the reader types, so submitting only
   moves focus to the first result. Nothing is sent or put in a URL. */
const search = document.querySelector("form.md-search__form");
if (search) {
  search.addEventListener("submit", (e) => {
    e.preventDefault();
    const first = document.querySelector(".md-search-result__list a[href]");
    if (first) first.focus();
  });
}
