/* Nærvær — client-side filter of the measure overview. Stores nothing, sends nothing.
   All user-facing words come from data attributes rendered from data/ui.yaml. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // Tables that scroll sideways on a phone (the theme wraps each one as it starts): the
  // wrapper can be reached with Tab and scrolled with the arrow keys, and is a region named
  // by the table's heading (WCAG 2.1.1; axe scrollable-region-focusable).
  function heading(el) {
    for (var node = el; node && node !== document.body; node = node.parentElement) {
      for (var prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-4]$/.test(prev.tagName)) return prev;
      }
    }
    return document.querySelector("h1");
  }
  function markScrollers() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"),
      function (wrap) {
        if (wrap.hasAttribute("tabindex")) return;
        var table = wrap.querySelector("table");
        var title = table && table.caption ? table.caption : heading(wrap);
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        if (title && title.id) wrap.setAttribute("aria-labelledby", title.id);
        else if (title) wrap.setAttribute("aria-label", title.textContent.trim());
      });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(markScrollers);
  else document.addEventListener("DOMContentLoaded", markScrollers);
  // category pages: each measure links to the plan builder on the overview, which adds it
  // («Legg til i planen»; the fragment holds the measure's public ID, nothing typed)
  var plan = document.querySelector("ol.nv-measures[data-plan-href]");
  if (plan) {
    Array.prototype.forEach.call(plan.querySelectorAll("li.nv-measure[data-id]"), function (li) {
      var p = document.createElement("p");
      var a = document.createElement("a");
      var more = document.createElement("span");
      p.className = "nv-measure__plan";
      a.href = plan.dataset.planHref + li.dataset.id;
      a.textContent = plan.dataset.planLabel;
      more.className = "nv-visually-hidden";
      more.textContent = ": " + plan.dataset.planMeasure + " " + li.dataset.id;
      a.appendChild(more);
      p.appendChild(a);
      var meta = li.querySelector(":scope > .nv-measure__meta");
      meta.parentNode.insertBefore(p, meta.nextSibling);
    });
  }
  var form = document.getElementById("nv-filter");
  var list = document.getElementById("nv-overview");
  if (!form || !list) return;
  var status = document.getElementById("nv-filter-status");
  var items = Array.prototype.slice.call(list.querySelectorAll(".nv-measure"));
  var sections = Array.prototype.slice.call(list.querySelectorAll(".nv-overview__category"));
  form.hidden = false;

  function norm(s) { return (s || "").toLocaleLowerCase("nb"); }
  // what the filter searches: the measure itself, not its «Legg til i planen» control
  function text(li) {
    return Array.prototype.map.call(
      li.querySelectorAll(":scope > .nv-measure__heading, :scope > .nv-measure__text, :scope > .nv-measure__meta, :scope > .nv-measure__links"),
      function (el) { return el.textContent; }).join(" ");
  }
  items.forEach(function (li) { li.dataset.text = norm(text(li)); });

  function apply() {
    var q = norm(form.elements.q.value).trim();
    var cat = form.elements.category.value;
    var actors = Array.prototype.filter.call(form.querySelectorAll("input[name=actor]"),
      function (c) { return c.checked; }).map(function (c) { return c.value; });
    var decision = (form.querySelector("input[name=decision]:checked") || {}).value || "";
    var shown = 0;
    items.forEach(function (li) {
      var mine = li.dataset.actors.split(" ");
      var ok = (!cat || li.dataset.category === cat) &&
        (!decision || li.dataset.decision === decision) &&
        (!actors.length || actors.some(function (a) { return mine.indexOf(a) >= 0; })) &&
        (!q || li.dataset.text.indexOf(q) >= 0);
      li.hidden = !ok;
      if (ok) shown++;
    });
    sections.forEach(function (sec) {
      sec.hidden = !sec.querySelector(".nv-measure:not([hidden])");
    });
    status.textContent = shown === 0 ? form.dataset.none :
      form.dataset.status.replace("{shown}", shown).replace("{total}", items.length);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
})();

/* The search form's submit button (added for HTML validity and assistive technology, see
   naervaer/site/theme_fixes.py): the theme searches as the reader types, so submitting only
   moves focus to the first result. Nothing is sent or put in a URL. */
(function () {
  "use strict";
  var form = document.querySelector("form.md-search__form");
  if (!form) return;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = document.querySelector(".md-search-result__list a[href]");
    if (first) first.focus();
  });
})();
