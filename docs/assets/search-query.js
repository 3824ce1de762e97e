/* Nærvær — the search's query analysis (issue #23): the first part of the search worker
   (naervaer/site/search.py writes it, docs/assets/search-worker.js and the theme's worker
   into assets/javascripts/workers/search-nv.js). Plain functions on `self.nvQuery`; it
   needs lunr and lunr-languages' Norwegian files, which the bundle loads after it and which
   it calls only once a query comes.

   A query becomes a list of concepts, one per word the reader typed that is not a stopword
   (or per run of words that is a synonym), each with the index terms that count for it and
   their weights: the word as typed and stemmed (ranked first), as a prefix, with one typo in
   words of 5 letters or more, with the other målform's word parts, and with its synonyms
   (data/synonyms.yaml, plus the edition's own). Quoted words are kept as a phrase. */
"use strict";
(function () {
  var nv = { groups: [], parts: [], stopwords: [] };
  var separator = /[\s\-]+/g;
  var extraStop = new Set();
  var synonyms = null;       // folded key of a synonym → group index

  function configure(config) {
    nv = config.nv || nv;
    separator = new RegExp(config.separator || "[\\s\\-]+", "g");
    extraStop = new Set((nv.stopwords || []).map(lower));
    synonyms = null;
  }

  // --- words ------------------------------------------------------------------------------

  function lower(s) { return String(s).normalize("NFC").toLocaleLowerCase("nb"); }

  function plainText(html) {
    return String(html || "").replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"");
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

  // --- synonyms (their index is made on the first query) -----------------------------------

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
    // the last word, still being typed: also its stem as a prefix, for the word's other
    // forms («skolevegrer» → skolevegring, «bekymret» → bekymring)
    if (typing && s !== word && s.length >= 5) addAlt(concept, s, 2, "prefix");
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

  self.nvQuery = {
    configure: configure, analyse: analyse, addAlt: addAlt, lower: lower,
    plainText: plainText, words: words, fold: fold, stem: stem, isStop: isStop,
    distance: distance, groups: function () { return nv.groups; }
  };
})();
