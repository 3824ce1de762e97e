/* Nærvær — the site's search worker (issue #23): mkdocs-material's own lunr worker, with a
   Norwegian query analysis in front of it (search-query.js) and a ranking behind it.

   The build (naervaer/site/search.py) writes search-query.js, this file, the theme's worker
   and lunr-languages' Norwegian files, each unchanged, one after the other into one worker
   script, assets/javascripts/workers/search-nv.js, so that a phone fetches the search code
   in one request; lazy-search.js starts that worker instead of the theme's, only when the
   reader starts to search. The theme's worker builds the lunr index as always, with the
   Norwegian stemmer and stopwords (lunr-languages `no`) and the separator the build sets.

   For each query this file
   * has search-query.js turn it into concepts: stopwords out (lunr-languages' list, bokmål
     and nynorsk, plus the few in data/synonyms.yaml), also where the theme would add a
     wildcard; every other word as typed and stemmed (ranked first), as a prefix, with one
     typo, with the other målform's word parts and with its synonyms; a quoted phrase kept;
   * adds the index terms that fold to the same (æ/ø/å typed without: fraver → fravær) and
     splits a compound the guide does not use into two words it has;
   * ranks each document by lunr's score × the weight of its kind (guide sections and
     measures above forms) × the square of the share of the query's words it holds, and
     tells the page which words a result lacks;
   * when nothing is found, suggests the nearest words of the site («Mente du …?»).

   The page may set the worker up twice (lazy-search.js): first with the titles index
   (`nvFirst`), whose results are marked `partial`, then with the full index; the query
   that was open is then answered again, before any query that came in meanwhile.

   A classic worker: the theme's worker loads lunr-languages with importScripts, which a
   module worker cannot. It stores nothing and talks only to the page that started it. */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var MAX_RESULTS = 60;      // documents handed on to the theme (it highlights each one)
  var MIN_SHARE = 0.08;      // results below this share of the best score are noise

  var Q = self.nvQuery;
  var analyse = Q.analyse, addAlt = Q.addAlt, words = Q.words, fold = Q.fold, stem = Q.stem,
    isStop = Q.isStop, distance = Q.distance, plainText = Q.plainText;
  var kinds = {};            // kind of page → weight (naervaer/site/search.py)
  var docs = new Map();      // location → { kind, title, text; later plain, words }
  var folded = null;         // folded index term → [index terms]
  var surface = null;        // folded word of the site's text → { word, count }
  var current = null;        // the query being answered
  var ranked = null;         // location → { score, terms }
  var partial = false;       // set up with the titles index only (the first stage)
  var again = null;          // the query to answer again once the full index is ready

  var loaded = new Set();
  var realImport = self.importScripts.bind(self);
  var realPost = self.postMessage.bind(self);

  // The theme's worker loads lunr-languages with importScripts when the index arrives: the
  // files this script already holds are not fetched again (see ready()).
  self.importScripts = function () {
    var urls = Array.prototype.map.call(arguments, function (u) {
      return new URL(u, self.location.href).href;
    }).filter(function (u) { return !loaded.has(u); });
    urls.forEach(function (u) { loaded.add(u); });
    if (urls.length) realImport.apply(self, urls);
  };

  self.postMessage = function (message) {
    if (message && message.type === RESULT) message = finish(message);
    realPost(message);
    if (message && message.type === READY && again !== null) {
      // the full index is ready: the open query again, at once (a query that came in
      // meanwhile is still queued and is answered after it)
      var query = again;
      again = null;
      self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query } }));
    }
  };

  // registered before the theme's worker registers its own: sees each message first
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP) setup(message.data);
    else if (message.type === QUERY) current = analyse(String(message.data || ""));
  });

  // called at the end of the bundle, once the theme's worker and lunr-languages have run:
  // `bundled` are the addresses (relative to this worker) of the language files it holds
  self.nvSearchReady = function (bundled) {
    bundled.forEach(function (u) { loaded.add(new URL(u, self.location.href).href); });
    var L = self.lunr;
    L.Index.prototype.search = function () { return search(this); };
    // the stemmer is the index build's slowest step and most words recur: remember results
    var stemmer = L.no.stemmer, memo = new Map();
    L.no.stemmer = function (token) {
      return token.update(function (word) {
        var hit = memo.get(word);
        if (hit === undefined) {
          hit = stemmer(new L.Token(word)).toString();
          memo.set(word, hit);
        }
        return hit;
      });
    };
    L.no.stemmer.label = "stemmer-no";
    L.Pipeline.registeredFunctions["stemmer-no"] = L.no.stemmer;
  };

  function setup(data) {
    var first = !!(data && data.nvFirst);
    again = partial && !first && current && current.raw.trim() ? current.raw : null;
    partial = first;
    var config = (data && data.config) || {};
    Q.configure(config);
    kinds = (config.nv && config.nv.kinds) || {};
    docs = new Map();
    (data.docs || []).forEach(function (doc) {
      docs.set(doc.location, { kind: doc.kind || "about", title: doc.title, text: doc.text });
    });
    folded = surface = null;
  }

  // a document's words, folded, between spaces: for phrases and «Mente du …?» (made when
  // first needed, so the index is ready sooner)
  function plainOf(doc) {
    if (doc.plain === undefined) {
      doc.words = words(plainText(doc.title) + " " + plainText(doc.text));
      doc.plain = " " + doc.words.map(fold).join(" ") + " ";
      doc.title = doc.text = null;
    }
    return doc.plain;
  }

  function foldedTerms(index) {
    if (folded) return folded;
    folded = new Map();
    Object.keys(index.invertedIndex).forEach(function (term) {
      var key = fold(term);
      if (!folded.has(key)) folded.set(key, []);
      folded.get(key).push(term);
    });
    return folded;
  }

  function surfaceWords() {
    if (surface) return surface;
    surface = new Map();
    docs.forEach(function (doc) {
      plainOf(doc);
      doc.words.forEach(function (w) {
        if (w.length < 3 || /\d/.test(w)) return;
        var key = fold(w), seen = surface.get(key);
        if (seen) seen.count += 1; else surface.set(key, { word: w, count: 1 });
      });
    });
    return surface;
  }
  // --- search: replaces lunr.Index#search for the theme's worker ----------------------------

  function search(index) {
    var q = current;
    if (!q || !q.concepts.length) return [];
    var terms = foldedTerms(index);
    q.concepts.forEach(function (concept) {
      var exact = new Set(concept.alts.filter(function (a) { return !a.prefix && !a.edit; })
        .map(function (a) { return a.term; }));
      new Set(concept.fold).forEach(function (key) {
        (terms.get(key) || []).forEach(function (term) {
          if (!exact.has(term)) { exact.add(term); addAlt(concept, term, 8, "exact"); }
        });
      });
      // a compound the guide does not use («fraværsgrense»): its two parts, in one paragraph;
      // not a word whose other forms the guide uses («skolevegrer»: skolevegring)
      var known = Array.from(exact).some(function (t) { return has(index, t); }) ||
        concept.alts.some(function (a) {
          return a.prefix && a.term.length >= 5 && starts(terms, a.term);
        });
      var parts = !known && concept.word && concept.word.length >= 7 ?
        compound(index, terms, concept.word) : null;
      if (parts) {
        parts.forEach(function (term) { addAlt(concept, term, 3, "part"); });
        concept.both = parts;  // counts where the page has both, anywhere
      }
    });
    var L = self.lunr;
    var results = index.query(function (builder) {
      q.concepts.forEach(function (concept) {
        concept.alts.forEach(function (alt) {
          if (alt.edit && alt.term.length < 5) return;
          // lunr reads a clause with any `editDistance` key as fuzzy, and a fuzzy clause
          // takes «*» as a letter: a prefix clause must not have the key at all
          var clause = { usePipeline: false, boost: alt.boost };
          if (alt.edit) clause.editDistance = alt.edit;
          if (alt.prefix) clause.wildcard = L.Query.wildcard.TRAILING;
          builder.term(alt.term, clause);
        });
      });
    });
    ranked = new Map();
    var out = [];
    results.forEach(function (result) {
      var doc = docs.get(result.ref);
      if (!doc) return;
      if (q.phrases.some(function (p) { return plainOf(doc).indexOf(" " + p + " ") < 0; })) {
        return;
      }
      var metadata = result.matchData.metadata;
      var matched = Object.keys(metadata);
      var hits = {}, count = 0;
      q.concepts.forEach(function (concept) {
        var hit = matched.some(function (term) { return matches(concept, term); }) ||
          concept.all.some(function (terms) { return together(metadata, terms); });
        var credit = hit ? 1 : 0;
        if (!hit && concept.both) {  // a split compound: both parts, or half for one
          var found = concept.both.filter(function (t) { return matched.indexOf(t) >= 0; });
          credit = found.length / concept.both.length;
          hit = credit === 1;
        }
        hits[concept.label] = hit;
        count += credit;
      });
      var share = count / q.concepts.length;
      var weight = kinds[doc.kind] || 1;
      var score = result.score * weight * share * share;
      ranked.set(result.ref, { score: score, terms: hits });
      out.push({ ref: result.ref, score: score, matchData: result.matchData });
    });
    out.sort(function (a, b) { return b.score - a.score; });
    var top = out.length ? out[0].score : 0;
    return out.filter(function (r) { return r.score >= top * MIN_SHARE; }).slice(0, MAX_RESULTS);
  }

  // whether all `terms` occur in one paragraph or list item of one field (the theme's
  // tokenizer numbers each word's block in the top bits of its position)
  function together(metadata, terms) {
    return ["title", "text"].some(function (field) {
      var shared = null;
      for (var i = 0; i < terms.length; i++) {
        var entry = metadata[terms[i]] && metadata[terms[i]][field];
        if (!entry || !entry.position) return false;
        var blocks = new Set(entry.position.map(function (p) { return p >>> 20; }));
        shared = shared === null ? blocks : new Set(Array.from(shared).filter(function (b) {
          return blocks.has(b);
        }));
        if (!shared.size) return false;
      }
      return shared !== null && shared.size > 0;
    });
  }

  // whether a term of the index starts with `prefix` (`terms`: see foldedTerms)
  function starts(terms, prefix) {
    var key = fold(prefix);
    for (var term of terms.keys()) if (term.indexOf(key) === 0) return true;
    return false;
  }

  function has(index, term) {
    return Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
  }

  // the index term for a word: its stem, or a term that folds to the same
  function known(index, terms, word) {
    var s = stem(word);
    if (has(index, s)) return s;
    return (terms.get(fold(s)) || terms.get(fold(word)) || [])[0] || null;
  }

  // split a word the index lacks into two words it has: «fraværsgrense» → fravær + grense
  // (a joining s or e may end the first part); the split with the longest first part wins
  function compound(index, terms, word) {
    for (var i = word.length - 3; i >= 3; i--) {
      var right = known(index, terms, word.slice(i));
      if (!right) continue;
      var head = word.slice(0, i);
      var left = known(index, terms, head) ||
        (/[se]$/.test(head) && head.length > 3 ? known(index, terms, head.slice(0, -1)) : null);
      if (left && !isStop(left) && !isStop(right)) return [left, right];
    }
    return null;
  }

  function matches(concept, term) {
    return concept.alts.some(function (alt) {
      if (alt.part) return false;
      if (alt.prefix) return term.indexOf(alt.term) === 0;
      if (alt.edit) return alt.term.length >= 5 && distance(alt.term, term, 1) <= 1;
      return term === alt.term;
    });
  }

  // --- the result: our order and words, «Mente du …?» when nothing was found ---------------

  function finish(message) {
    var q = current || { raw: "", concepts: [], tried: [], phrases: [] };
    var items = (message.data && message.data.items) || [];
    items.forEach(function (group) {
      group.forEach(function (item) {
        var mine = ranked && ranked.get(item.location);
        item.score = mine ? mine.score : 0;
        item.terms = mine ? mine.terms : {};
      });
      group.sort(function (a, b) { return b.score - a.score; });
    });
    items = items.filter(function (group) { return group.length && group[0].score > 0; });
    items.sort(function (a, b) { return b[0].score - a[0].score; });
    message.data.items = items;
    message.data.nv = {
      query: q.raw,
      tried: q.tried.slice(0, 5),
      // the titles alone are no ground for «Mente du …?»
      suggest: items.length || partial ? [] : suggest(q),
      partial: partial
    };
    return message;
  }

  function suggest(q) {
    if (!q.concepts.length) return [];
    var vocabulary = surfaceWords();
    var changed = false;
    var better = q.concepts.map(function (concept) {
      var word = concept.label;
      if (word.indexOf(" ") >= 0 || word.length < 3) return word;
      var target = fold(word), best = null, bestDistance = 3;
      vocabulary.forEach(function (entry, key) {
        var d = distance(target, key, 2);
        if (d < bestDistance || (d === bestDistance && best && entry.count > best.count)) {
          best = entry; bestDistance = d;
        }
      });
      if (!best || bestDistance === 0 || bestDistance > 2) return word;
      changed = true;
      return best.word;
    });
    var out = [];
    if (changed) out.push(better.join(" "));
    if (q.phrases.length) out.push(words(q.raw).join(" "));
    return out.slice(0, 2);
  }
})();
