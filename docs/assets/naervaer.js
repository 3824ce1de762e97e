/* Nærvær — client-side filter of the measure overview. Stores nothing, sends nothing.
   All user-facing words come from data attributes rendered from data/ui.yaml. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("nv-filter");
  var list = document.getElementById("nv-overview");
  if (!form || !list) return;
  var status = document.getElementById("nv-filter-status");
  var items = Array.prototype.slice.call(list.querySelectorAll(".nv-measure"));
  var sections = Array.prototype.slice.call(list.querySelectorAll(".nv-overview__category"));
  form.hidden = false;

  function norm(s) { return (s || "").toLocaleLowerCase("nb"); }
  items.forEach(function (li) { li.dataset.text = norm(li.textContent); });

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
