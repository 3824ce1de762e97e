/* Nærvær — the site's search worker (issue #23): mkdocs-material's own lunr worker, with a
   Norwegian query analysis in front of it and a ranking behind it.

   The build (naervaer/site/search.py) writes this file, the theme's worker and
   lunr-languages' Norwegian files, each unchanged, one after the other into one worker
   script, assets/javascripts/workers/search-nv.js, so that a phone fetches the search code
   in one request; lazy-search.js starts that worker instead of the theme's, only when the
   reader starts to search. The theme's worker builds the lunr index as always, with the
   Norwegian stemmer and stopwords (lunr-languages `no`) and the separator the build sets.

   For each query it
   * drops Norwegian stopwords (lunr-languages' list, bokmål and nynorsk, plus the few in
     data/synonyms.yaml), also where the theme would add a wildcard;
   * looks every other word up as typed and stemmed (exact, ranked first), as a prefix, with
     æ/ø/å folded (fraver → fravær), with one typo in words of 5 letters or more, with the
     other målform's word parts (skulevegring → skolevegring) and with its synonyms;
   * keeps a quoted phrase («"blanke ark"») as a phrase;
   * ranks pages by how many of the query's words they hold, then by lunr's score and the
     kind of page (guide sections and measures above forms), and tells the page which
     words a result lacks;
   * when nothing is found, suggests the nearest words of the site («Mente du …?»).

   A classic worker: the theme's worker loads lunr-languages with importScripts, which a
   module worker cannot. It stores nothing and talks only to the page that started it. */
"use strict";
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var MAX_RESULTS = 60;      // documents handed on to the theme (it highlights each one)
  var MIN_SHARE = 0.08;      // results below this share of the best score are noise

  var nv = { groups: [], parts: [], stopwords: [], kinds: {} };
  var separator = /[\s\-]+/g;
  var docs = new Map();      // location → { kind, plain }
  var extraStop = new Set();
  var synonyms = null;       // stemmed key → group index
  var folded = null;         // folded index term → [index terms]
  var surface = null;        // folded word of the site's text → { word, count }
  var current = null;        // the query being answered
  var ranked = null;         // location → { score, terms }

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
    var config = (data && data.config) || {};
    nv = config.nv || nv;
    separator = new RegExp(config.separator || "[\\s\\-]+", "g");
    extraStop = new Set((nv.stopwords || []).map(lower));
    docs = new Map();
    (data.docs || []).forEach(function (doc) {
      docs.set(doc.location, { kind: doc.kind || "about", title: doc.title, text: doc.text });
    });
    synonyms = folded = surface = null;
  }

  // --- words ------------------------------------------------------------------------------

  function lower(s) { return String(s).normalize("NFC").toLocaleLowerCase("nb"); }

  function plainText(html) {
    return String(html || "").replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"");
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

  function words(text) {
    return lower(text).split(separator).filter(function (w) { return w.length > 0; });
  }

  // æ/ø/å as people type them without a Norwegian keyboard: «fraver», «fravaer», «foresatte»
  function fold(word) {
    return word.replace(/ae|æ|ä|é|è|ê/g, "e").replace(/oe|ø|ö|ó/g, "o").replace(/aa|å|á|à/g, "a");
  }

  function stem(word) {
    return self.lunr.no.stemmer(new self.lunr.Token(word)).toString();
  }

  function isStop(word) {
    return extraStop.has(word) || !self.lunr.no.stopWordFilter(new self.lunr.Token(word));
  }

  // edits between two words (a letter added, left out, changed, or two letters swapped);
  // stops counting past `most`
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var back = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      var row = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (back && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d = Math.min(d, back[j - 2] + 1);
        row.push(d);
        if (d < best) best = d;
      }
      if (best > most) return most + 1;
      back = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // --- synonyms and vocabulary (built on the first query) -----------------------------------

  function synonymIndex() {
    if (synonyms) return synonyms;
    synonyms = new Map();
    (nv.groups || []).forEach(function (group, g) {
      group.forEach(function (member) {
        var parts = words(member).filter(function (w) { return !isStop(w); });
        var keys = parts.length === 1 ? wordKeys(parts[0])
          : [parts.map(function (w) { return fold(stem(w)); }).join(" ")];
        keys.forEach(function (key) { if (key && !synonyms.has(key)) synonyms.set(key, g); });
      });
    });
    return synonyms;
  }

  // the keys a single word is known by among the synonyms: as typed, stemmed, and stemmed
  // twice («helsesøstera» → helsesøster → helsesøst), all folded
  function wordKeys(word) {
    var once = stem(word);
    return [fold(word), fold(once), fold(stem(once))];
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

  // --- the query ----------------------------------------------------------------------------

  function analyse(raw) {
    var q = { raw: raw, phrases: [], concepts: [], tried: [] };
    var text = raw.replace(/"([^"]+)"?|«([^»]+)»?|“([^”]+)”?/g, function (_, a, b, c) {
      var phrase = words(a || b || c || "");
      if (phrase.length > 1) q.phrases.push(phrase.map(fold).join(" "));
      return " " + phrase.join(" ") + " ";
    });
    var list = words(text);
    var typing = raw.length > 0 && !/[\s"»”]$/.test(raw);
    var content = list.filter(function (w) { return !isStop(w); });
    if (!content.length) content = list.filter(function (w) { return w.length > 1; });
    var index = synonymIndex();
    for (var i = 0; i < content.length; i++) {
      // the longest run of words that is a synonym («pedagogisk-psykologisk tjeneste»)
      var taken = 1, group = -1;
      for (var n = Math.min(4, content.length - i); n >= 2; n--) {
        var key = content.slice(i, i + n).map(function (w) { return fold(stem(w)); }).join(" ");
        if (index.has(key)) { taken = n; group = index.get(key); break; }
      }
      if (group < 0) {
        var one = wordKeys(content[i]).filter(function (k) { return index.has(k); })[0];
        if (one !== undefined) group = index.get(one);
      }
      var label = content.slice(i, i + taken).join(" ");
      var concept = { label: label, alts: [], all: [] };
      if (taken === 1) {
        addWord(concept, content[i], typing && i === content.length - 1);
      } else {
        // several typed words that make one synonym: they count only together
        var typed = content.slice(i, i + taken).map(stem);
        typed.forEach(function (term) { addAlt(concept, term, 4, "part"); });
        concept.all.push(typed);
        concept.fold = [];
      }
      if (group >= 0) addSynonyms(q, concept, group, label);
      q.concepts.push(concept);
      i += taken - 1;
    }
    return q;
  }

  function addAlt(concept, term, boost, how) {
    if (!term) return;
    concept.alts.push({ term: term, boost: boost, prefix: how === "prefix",
                        edit: how === "edit" ? 1 : 0, part: how === "part" });
  }

  function addWord(concept, word, typing) {
    var s = stem(word);
    concept.word = word;
    addAlt(concept, s, 10, "exact");
    if (word !== s && word.length >= 3) addAlt(concept, word, 6, "exact");
    if (word.length >= 4 || typing) addAlt(concept, typing ? word : s, 2, "prefix");
    if (word.length >= 5) addAlt(concept, s, 3, "edit");
    concept.fold = [fold(word), fold(s)];
    // the other målform's word parts: skulevegring → skolevegring, fråvær → fravær
    (nv.parts || []).forEach(function (swap) {
      var from = lower(swap[0]), to = lower(swap[1]);
      if (word.indexOf(from) >= 0) {
        var other = word.split(from).join(to);
        addAlt(concept, stem(other), 8, "exact");
        if (typing) addAlt(concept, other, 2, "prefix");
        concept.fold.push(fold(other), fold(stem(other)));
      }
    });
  }

  function addSynonyms(q, concept, group, label) {
    var typed = words(label).filter(function (w) { return !isStop(w); });
    var own = typed.length === 1 ? wordKeys(typed[0])
      : [typed.map(function (w) { return fold(stem(w)); }).join(" ")];
    (nv.groups[group] || []).forEach(function (member) {
      var parts = words(member).filter(function (w) { return !isStop(w); });
      if (!parts.length) return;
      var keys = parts.length === 1 ? wordKeys(parts[0])
        : [parts.map(function (w) { return fold(stem(w)); }).join(" ")];
      if (keys.some(function (k) { return own.indexOf(k) >= 0; })) return;  // what was typed
      // the help names the one-word synonyms it also searched for (a phrase describes one)
      if (parts.length === 1 && q.tried.indexOf(member) < 0) q.tried.push(member);
      // a one-word synonym weighs almost as much as the word itself; the words of a
      // longer one less, since each of them alone is broader
      if (parts.length === 1) {
        addAlt(concept, stem(parts[0]), 7, "exact");
        concept.fold.push(fold(stem(parts[0])), fold(parts[0]));
        return;
      }
      // a phrase: its words are searched, but it counts only where all of them are
      var terms = parts.map(stem);
      terms.forEach(function (term) { addAlt(concept, term, 2, "part"); });
      concept.all.push(terms);
    });
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
      // a compound the guide does not use («fraværsgrense»): its two parts, in one paragraph
      var known = Array.from(exact).some(function (t) { return has(index, t); });
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
          builder.term(alt.term, {
            usePipeline: false, boost: alt.boost, editDistance: alt.edit,
            wildcard: alt.prefix ? L.Query.wildcard.TRAILING : L.Query.wildcard.NONE
          });
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
      var weight = (nv.kinds || {})[doc.kind] || 1;
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
      suggest: items.length ? [] : suggest(q)
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
