/* Nærvær — fetch the search index and start the search worker only when the reader starts
   to search. Saves about 270 KB on every first visit (phones between lessons). Loaded
   before the theme's bundle; stores nothing and sends nothing. The search itself (issue
   #23): search-worker.js, search-help.js, search.css, naervaer/site/search.py. */
(function () {
  "use strict";
  var wanted = false;
  var waiting = [];
  // issue #23: the theme's search worker runs inside ours (search-nv.js, next to it: Norwegian
  // query analysis and ranking), and search-help.js (next to this file) shows the help when
  // nothing is found. Both load only when the reader starts to search.
  var here = document.currentScript && document.currentScript.src;
  var THEME_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var help = { module: null, config: null, result: null };

  function start() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
    if (here) {
      var sheet = document.createElement("link");
      sheet.rel = "stylesheet";
      sheet.href = new URL("search.css", here).href;
      var styled = new Promise(function (done) { sheet.onload = sheet.onerror = done; });
      document.head.appendChild(sheet);
      // the help shows once its stylesheet is there (its links' size is a WCAG matter)
      Promise.all([import(new URL("search-help.js", here).href), styled]).then(function (got) {
        var module = got[0];
        help.module = module;
        if (help.config) module.configure(help.config);
        if (help.result) module.show(help.result);
      });
    }
  }

  function helpConfig(message) {
    if (!message || message.type !== 0 || !message.data || !message.data.config) return;
    help.config = message.data.config.nv || null;
    if (help.module && help.config) help.module.configure(help.config);
  }

  function helpResult(data) {
    if (!data || data.type !== 3) return;
    help.result = data.data;
    if (help.module) help.module.show(help.result);
  }

  function later(go) {
    if (wanted) go(); else waiting.push(go);
  }

  // 1. The theme asks for search/search_index.json with XMLHttpRequest at start-up:
  //    hold the request back until the reader reaches for the search field.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__nvIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.__nvIndex) return send.apply(xhr, args);
    later(function () { send.apply(xhr, args); });
  };

  // 2. The search worker (and the lunr scripts it loads) starts with its first message.
  var RealWorker = window.Worker;
  if (RealWorker && typeof EventTarget === "function") {
    var LazyWorker = function (url, options) {
      var target = new EventTarget();
      var real = null;
      var queue = [];
      var theme = new URL(String(url), location.href);
      var ours = here && THEME_WORKER.test(theme.pathname);
      function boot() {
        // ours: the theme's worker with the Norwegian search around it, one file next to
        // it (written by naervaer/site/search.py from search-worker.js)
        real = new RealWorker(ours ? new URL("search-nv.js", theme).href : url, options);
        ["message", "messageerror", "error"].forEach(function (type) {
          real.addEventListener(type, function (event) {
            var copy = type === "error" ? new Event("error")
              : new MessageEvent(type, { data: event.data });
            target.dispatchEvent(copy);
            if (ours && type === "message") helpResult(event.data);  // after the theme drew it
          });
        });
        queue.splice(0).forEach(function (m) { real.postMessage(m); });
      }
      target.postMessage = function (message) {
        if (ours) helpConfig(message);
        if (real) { real.postMessage(message); return; }
        queue.push(message);
      };
      target.terminate = function () { if (real) real.terminate(); };
      // start the worker as soon as the reader starts to search, so that it loads its
      // scripts while the page fetches the index
      later(function () { if (!real) boot(); });
      return target;
    };
    window.Worker = LazyWorker;
  }

  // 3. What counts as starting to search: focusing the field, opening the search dialog,
  //    or the theme's keyboard shortcuts (they focus the field).
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.classList && event.target.classList.contains("md-search__input")) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target && event.target.closest && event.target.closest("label[for='__search'], .md-search")) start();
  });
})();
