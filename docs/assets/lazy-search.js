/* Nærvær — the search (#23) loads when the reader starts to search. Stores and sends
   nothing. Two stages (a slow phone has results within 1 s): our worker (search-nv.js) gets
   the titles index first; the theme's request for the full index waits for the titles'
   answer to begin. search-help.js shows the help. Loaded before the theme's bundle. */
(function () {
  "use strict";
  var wanted = false, waiting = [];
  var here = document.currentScript && document.currentScript.src;
  var THEME_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var help = { module: null, config: null, result: null, failed: false };
  var indexUrl = null;   // the theme's address of the full index
  var prime = null;      // hands the titles index to our worker (set by LazyWorker)
  var titlesDone = false, afterTitles = [];

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
      // the help shows once styled (its links' size is a WCAG matter)
      Promise.all([import(new URL("search-help.js", here).href), styled]).then(function (got) {
        var module = help.module = got[0];
        if (help.config) module.configure(help.config);
        if (help.failed) module.failed();
        if (help.result) module.show(help.result);
      });
    }
    loadTitles();
  }

  // the titles index, as a setup of its own: the full index is asked for once this answer
  // has begun or failed (the code and the titles first on a slow line)
  function loadTitles() {
    function done() {
      if (titlesDone) return;
      titlesDone = true;
      afterTitles.splice(0).forEach(function (go) { go(); });
    }
    if (!indexUrl || !prime) return done();
    var xhr = new XMLHttpRequest();
    xhr.open("GET", indexUrl.replace(/search_index\.json/, "search_titles.json"));
    xhr.responseType = "json";
    xhr.onreadystatechange = function () { if (xhr.readyState >= 2) done(); };
    xhr.onload = function () {
      var index = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && index && index.config && index.docs) {
        var message = { type: 0, data: { config: index.config, docs: index.docs,
          options: { suggest: false }, nvFirst: true } };
        helpConfig(message);
        prime(message);
      }
      done();
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = done;
    xhr.send();
  }

  function fullFailed() {  // the help then says only the titles were searched
    help.failed = true;
    if (help.module) help.module.failed();
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

  // 1. The theme's request for the full index: held back (see loadTitles)
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var xhr = this;
    xhr.__nvIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    var result = open.apply(xhr, arguments);
    if (xhr.__nvIndex) {
      indexUrl = new URL(String(url), location.href).href;
      // before the theme's listeners: they reset the request when done
      xhr.addEventListener("load", function () {
        if (!(xhr.status >= 200 && xhr.status < 300)) fullFailed();
      });
      xhr.addEventListener("error", fullFailed);
      xhr.addEventListener("timeout", fullFailed);
    }
    return result;
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.__nvIndex) return send.apply(xhr, args);
    later(function () {
      var go = function () { send.apply(xhr, args); };
      if (titlesDone) go(); else afterTitles.push(go);
    });
  };

  // 2. The worker starts when the reader starts to search: ours for the theme's
  var RealWorker = window.Worker;
  if (RealWorker && typeof EventTarget === "function") {
    window.Worker = function (url, options) {
      var target = new EventTarget();
      var real = null, queue = [], full = false;
      var theme = new URL(String(url), location.href);
      var ours = here && THEME_WORKER.test(theme.pathname);
      function boot() {
        real = new RealWorker(ours ? new URL("search-nv.js", theme).href : url, options);
        ["message", "messageerror", "error"].forEach(function (type) {
          real.addEventListener(type, function (event) {
            target.dispatchEvent(type === "error" ? new Event("error")
              : new MessageEvent(type, { data: event.data }));
            if (ours && type === "message") helpResult(event.data);  // after the theme's
          });
        });
        queue.splice(0).forEach(function (m) { real.postMessage(m); });
      }
      target.postMessage = function (message) {
        if (ours) helpConfig(message);
        if (message && message.type === 0) full = true;  // the theme's setup: full index
        if (real) real.postMessage(message); else queue.push(message);
      };
      target.terminate = function () { if (real) real.terminate(); };
      if (ours) prime = function (message) {  // never after the full index
        if (full) return;
        if (!real) boot();
        real.postMessage(message);
      };
      later(function () { if (!real) boot(); });
      return target;
    };
  }

  // 3. Starting to search: the field focused (also by the theme's keys), the dialog opened
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (el && el.classList && el.classList.contains("md-search__input")) start();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  });
  document.addEventListener("pointerdown", function (event) {
    var el = event.target;
    if (el && el.closest && el.closest("label[for='__search'], .md-search")) start();
  });
})();
