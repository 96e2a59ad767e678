/* Kennisbank Kinderwerk: the search worker behind Material's search box.
 *
 * Material for MkDocs starts the worker named in the page's config
 * ("search" in <script id="__config">, set in overrides/main.html) and talks
 * to it with four messages (Material 9.8,
 * src/templates/assets/javascripts/integrations/search/worker/message):
 *   0 SETUP  {config, docs, options}   -> we answer 1 READY at once
 *   2 QUERY  "what the reader typed"   -> we answer 3 RESULT {items, suggest}
 * RESULT.items is a list of groups, one per page: the page itself and its
 * best sections, each {location, title, text, score, terms}; title and text
 * are HTML (matches in <mark>), terms say which query words were found
 * (Material highlights them on the page it opens, and lists the missing
 * ones). tests/browser/test_search.py fails when Material changes this.
 *
 * The index (scripts/kinderwerk/search_index.py, written by
 * scripts/adapters/hooks_search.py into search/nl/) is fetched only when the reader
 * goes to the search box (zoeken-voorladen.js asks over a BroadcastChannel),
 * and kept: first its head, then per query the vocabulary shards of the
 * words typed (all of them only for a word that is not on the site), the
 * postings shards of the words found and the texts of the ten best pages.
 *
 * Matching, best first: the word as typed (accents folded), the same stem
 * (Snowball Dutch, stemmer-nl.js, the same as the build), a part of a
 * compound (zorg -> jeugdzorg), the start of a word (while typing), words
 * from the curated synonym list (data/zoeken/synoniemen.csv, lower), the
 * parts of a compound that the site never writes as one word, and only when
 * none of those finds anything: words with one or two typos, and words that
 * end with the typed word.
 *
 * Ranking (issue 18): BM25F scores from the index (title, headings, facts,
 * body; saturated, length-normalised) times IDF; per page the best section
 * of each query word, plus the best section with every word; pages ranked
 * by how much of the query they cover, weighted by rarity, so one unknown
 * word never empties the list; reference pages (Begrippen, Bronnen,
 * Cijfers ...) lower unless a query word is in their title or a heading; a
 * question for a number ("hoeveel", "percentage") lifts the pages with a
 * chart. Stop words are left out.
 */
"use strict";

importScripts("stemmer-nl.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// The ten best pages, each with its snippets: Material renders ten at once,
// and a longer list would need every page's address and title up front
// (a download that grows with every example).
var SHOWN_WITH_TEXT = 10;
var MAX_SECTIONS = 4;
var MAX_EXPANSIONS = 12;       // words per query word (compounds, prefixes, typos)
var WEIGHT = {exact: 1, stem: 0.85, part: 0.5, ownPart: 0.4, prefix: 0.4, prefixAfterExact: 0.15, suffix: 0.45,
              typo1: 0.45, typo2: 0.3, stemPrefix: 0.85, tail: 0.35};
var TITLE_PHRASE = 5;          // every word typed in the page's title
var PHRASE = 2.5;              // the query as written (stop words too) in the page's text
var LEAD = 1.5;                // every word in the page's opening section
var SNIPPET = 220;
var SYNONYM = 0.55;            // a word from the synonym list, below the word itself (data/zoeken/)
var SYNONYM_SPREAD = 0.5;      // more of the list's words in one section: up to half as much again
var COMPOUND_PART = 0.8;       // a part of a compound typed that the site never writes as one word
var PROXIMITY = 0.5;           // the best section with every query word, on top
var REST = 0.2;                // the page's other matching sections, on top (at most this share)
var COVERAGE_POWER = 3;        // pages with every query word (weighted by rarity) first
var COVERAGE_MIN = 0.34;       // of the best page's coverage: pages with less are left out
// Page kinds (search_index.py): reference pages (Begrippen, Bronnen, Cijfers ...)
// and overview pages (home) mention every topic in passing: ranked lower
// unless a query word is in their title or one of their headings.
var PRIOR = {0: 1, 1: 0.3, 2: 0.55};
var FIGURE = 2.5;              // a question for a number: pages that show the figures, with chart
// A question for advice ("wat moeten gemeenten doen", "tips voor ...",
// "what should ..."): of the best pages, those with a section of
// recommendations (by its heading) come first.
var ADVICE = 2;
var ADVICE_WORDS = new Set(["moeten", "moet", "zou", "zouden", "advies", "adviezen", "advice", "aanraden",
                            "aanbevelen", "aanbevolen", "tip", "tips", "should", "recommend"]);
var ADVICE_HEADING = /\b(aanbevel|advie)/;
// Auxiliary and question words that Snowball's stop list lacks, filler
// words of a question ("wat doet een kinderwerker eigenlijk", "waar vind ik
// informatie over ...") and English function words ("the role of ..."):
// left out of a query that has other words. They say nothing about which
// page is meant, and a filler word that happens to be on one page would
// pull that page up. A particle left over from a separable verb ("deden
// ... mee") is dropped too.
var QUERY_STOP = new Set([
  "moeten", "mogen", "mag", "willen", "wilt", "zullen", "kun", "kunt", "gaat", "gaan", "welke", "waar",
  "wanneer", "waarom", "hoeveel", "hoezo", "waarvoor", "waarmee", "waardoor", "waaraan", "welk",
  "mee", "toe", "terug", "weg", "af", "krijg", "vind", "vindt", "zoek", "zoeken", "weet", "weten",
  "graag", "eigenlijk", "precies", "allemaal", "ongeveer", "gewoon", "gewone", "echt", "soms", "vaak",
  "iets", "informatie", "info", "lezen", "uitleg", "ergens", "mensen", "iemand", "goed", "goede",
  "the", "of", "and", "for", "with", "to", "a", "an", "are", "what", "how", "do", "does", "did", "who",
  "why", "where", "when", "which", "can", "about", "on", "at", "by", "from", "is", "in", "it", "this",
  "that", "their", "they", "there", "be", "or", "as", "into", "during", "much", "many", "you", "your",
  "we", "our", "my", "i"]);
var PARTICLES = new Set(["samen", "mee", "op", "uit", "aan", "af", "terug", "toe", "weg", "bij", "door",
                         "in", "na", "om", "over", "voor"]);
var FIGURE_WORDS = new Set(["hoeveel", "percentage", "procent", "aantal", "hoeveelheid", "welk", "deel",
                            "aandeel", "percent", "number", "many", "much", "proportion", "share"]);
var MIN_PART = 4, MAX_COMPOUND = 40, MAX_PARTS = 4;   // as search_index.py
var MAX_PHRASE = 3;            // words in a synonym-list entry (search_synonyms.MAX_WORDS)

var STOP = new Set((
  "de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem " +
  "dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb " +
  "hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer " +
  "doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen " +
  "kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere").split(" "));

var config = null;
var options = {suggest: false};
var index = null;              // a promise of the head; the shards it loads are kept in it
var shards = {};               // shard number -> promise of its lines
var texts = {};                // page number -> promise of its sections
var pending = null, busy = false;

/* -- Text ----------------------------------------------------------------- */

function foldChar(c) {
  var f = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return f.length === 1 ? f : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
}

function fold(text) {          // one character for one character
  var out = "";
  for (var i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

var WORD = /[\p{L}\p{N}]+/gu;

function words(text) {
  return (fold(text).match(WORD) || []).filter(function (w) {
    return w.length > 1 || /\d/.test(w);
  });
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* Escape ``text`` and put <mark> around every word in ``found``. */
function highlight(text, found) {
  var folded = fold(text), out = "", last = 0, m;
  WORD.lastIndex = 0;
  while ((m = WORD.exec(folded))) {
    if (found.has(m[0])) {
      out += escapeHtml(text.slice(last, m.index)) + "<mark>" +
        escapeHtml(text.slice(m.index, m.index + m[0].length)) + "</mark>";
      last = m.index + m[0].length;
    }
  }
  return out + escapeHtml(text.slice(last));
}

/* A piece of ``text`` around the first match, with the matches marked. */
function snippet(text, found) {
  var folded = fold(text), first = -1, m;
  WORD.lastIndex = 0;
  while ((m = WORD.exec(folded))) {
    if (found.has(m[0])) { first = m.index; break; }
  }
  var start = first > 60 ? text.lastIndexOf(" ", first - 60) + 1 : 0;
  var end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
  var piece = text.slice(start, end);
  return (start > 0 ? "…" : "") + highlight(piece, found) + (end < text.length ? " …" : "");
}

/* -- Loading -------------------------------------------------------------- */

function base() {
  var settings = (config && config.kinderwerk) || {index: "nl/", version: ""};
  return {url: new URL("../../../search/" + settings.index, self.location.href), version: settings.version};
}

function get(path, as) {
  var b = base();
  var url = new URL(path, b.url);
  if (b.version) url.searchParams.set("v", b.version);
  return fetch(url.href).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + url.href);
    return as === "text" ? response.text() : response.json();
  });
}

/* The head (kop.json): page kinds, figure pages, where each page's
   sections start, where the vocabulary and postings shards start, and the
   synonym list. Loaded when the reader goes to the search box. */
function load() {
  if (index) return index;
  index = get("kop.json").then(function (h) {
    var ix = {sections: h.sections, vocabStems: h.vocab, shardStarts: h.postings, synonyms: h.synonyms || {},
              kind: h.kind || {}, figure: new Set(h.figure || []), first: [],
              words: [], df: [], stemOf: [], original: {}, partsOf: {},
              position: new Map(), byStem: new Map(), byPart: new Map(),
              vocab: {}, alphabetical: null};
    var count = 0;
    (h.counts ? h.counts.split(",") : []).forEach(function (c) { ix.first.push(count); count += parseInt(c, 36); });
    return ix;
  });
  index.catch(function () { index = null; });   // try again on the next query
  return index;
}

function vocabShardOf(ix, stem) {
  return lastAtMost(ix.vocabStems, stem);
}

/* Load vocabulary shards (once each) and merge them into ``ix``. */
function loadVocab(ix, numbers) {
  return Promise.all(numbers.map(function (k) {
    if (!ix.vocab[k]) {
      ix.vocab[k] = get("woorden/" + k + ".json").then(function (d) { addVocab(ix, d); });
      ix.vocab[k].catch(function () { delete ix.vocab[k]; });
    }
    return ix.vocab[k];
  }));
}

function addVocab(ix, d) {
  d.words.forEach(function (w, j) {
    var i = d.start + j, stem = d.stems[j] || w;
    ix.words[i] = w;
    ix.df[i] = d.df[j];
    ix.stemOf[i] = stem;
    ix.position.set(w, i);
    if (!ix.byStem.has(stem)) ix.byStem.set(stem, []);
    ix.byStem.get(stem).push(i);
  });
  Object.keys(d.parts).forEach(function (j) { ix.partsOf[d.start + Number(j)] = d.parts[j].split(" "); });
  Object.keys(d.original).forEach(function (j) { ix.original[d.start + Number(j)] = d.original[j]; });
  // The synonym list's entries whose first word has a stem of this shard.
  Object.keys(d.synonyms || {}).forEach(function (key) { ix.synonyms[key] = d.synonyms[key]; });
  if (d.synonyms && Object.keys(d.synonyms).length) ix.synonymByStem = null;
  Object.keys(d.compounds).forEach(function (part) {
    ix.byPart.set(part, d.compounds[part].map(function (c) {
      ix.words[c[1]] = c[0];   // a compound from another shard: its word and rarity suffice
      ix.df[c[1]] = c[2];
      return c[1];
    }));
  });
  ix.alphabetical = null;
}

function loadedWords(ix) {   // word numbers of the loaded shards, alphabetically
  if (!ix.alphabetical) {
    var list = [];
    ix.position.forEach(function (i) { list.push(i); });
    ix.alphabetical = list.sort(function (a, b) { return ix.words[a] < ix.words[b] ? -1 : ix.words[a] > ix.words[b] ? 1 : 0; });
  }
  return ix.alphabetical;
}

/* Every vocabulary shard a query needs: those of its words' stems (they
   hold the synonym-list entries of those words too); then those of the
   synonyms' words and of the parts of a compound typed; and all of them
   when a word is not on the site (typos, unknown compounds and suffixes
   look through the whole vocabulary). */
function prepare(ix, query) {
  var all = words(query), stems = new Set();
  all.forEach(function (w, i) {
    if (STOP.has(w)) return;
    stems.add(stemOf(w));
    if (i + 1 < all.length && !STOP.has(all[i + 1])) stems.add(stemOf(w + all[i + 1]));   // joinedWords
  });
  all.forEach(function (particle, j) {
    if (!PARTICLES.has(particle)) return;
    for (var i = 0; i < j; i++) if (!PARTICLES.has(all[i])) stems.add(stemOf(particle + all[i]));
  });
  var shards = function (set) {
    var out = new Set();
    set.forEach(function (s) { out.add(vocabShardOf(ix, s)); });
    return Array.from(out);
  };
  return loadVocab(ix, shards(stems)).then(function () {
    var more = new Set(), unknown = false;
    all.forEach(function (w) {
      if (!STOP.has(w)) synonymsOf(ix, w).forEach(function (t) { more.add(stemOf(t)); });
    });
    for (var n = 2; n <= MAX_PHRASE; n++) {
      for (var i = 0; i + n <= all.length; i++) {
        (ix.synonyms[all.slice(i, i + n).join(" ")] || []).forEach(function (t) { more.add(stemOf(t)); });
      }
    }
    all.forEach(function (w) {
      if (STOP.has(w) || QUERY_STOP.has(w)) return;
      var i = ix.position.get(w), stem = stemOf(w);
      if (i === undefined && !ix.byStem.has(stem) && !ix.byPart.has(stem) && !synonymsOf(ix, w).length) unknown = true;
      if (i !== undefined && ix.partsOf[i]) ix.partsOf[i].forEach(function (part) { more.add(part); });
    });
    var numbers = shards(more);
    // A word not on the site: first the shards with its first two letters
    // (typos there, and the first part of a compound); search() loads the
    // rest only if that finds nothing.
    if (unknown) all.forEach(function (w) {
      if (!STOP.has(w) && !ix.position.has(w)) numbers = numbers.concat(shardsStarting(ix, w.slice(0, 2)));
    });
    return loadVocab(ix, numbers);
  });
}

function shardsStarting(ix, prefix) {   // vocabulary shards that may hold stems starting with prefix
  var out = [];
  ix.vocabStems.forEach(function (first, k) {
    var next = ix.vocabStems[k + 1];
    if (first <= prefix + "\uffff" && (next === undefined || next > prefix)) out.push(k);
  });
  return out;
}

function allVocab(ix) {
  return loadVocab(ix, ix.vocabStems.map(function (_, k) { return k; }));
}

function shardOf(ix, word) {   // the postings shard of a word number
  return lastAtMost(ix.shardStarts, word);
}

/* The position of the last item of the sorted ``list`` that is <= value (0 if none). */
function lastAtMost(list, value) {
  var lo = 0, hi = list.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (list[mid] <= value) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function loadShard(n) {
  if (!shards[n]) {
    shards[n] = get("postings/" + n + ".txt", "text").then(function (t) { return t.split("\n"); });
    shards[n].catch(function () { delete shards[n]; });
  }
  return shards[n];
}

function loadText(page) {
  if (!texts[page]) {
    texts[page] = get("teksten/" + page + ".json");
    texts[page].catch(function () { delete texts[page]; });
  }
  return texts[page];
}

/* [[section, score], ...] of word ``w`` from its shard's lines. */
function postings(ix, lines, w) {
  var line = lines[w - ix.shardStarts[shardOf(ix, w)]] || "", out = [], sid = 0;
  if (!line) return out;
  line.split(",").forEach(function (token) {
    // "!": the word is in the page's title; ".": in a heading (search_index.py).
    var mark = token.charAt(token.length - 1), about = mark === "!" ? 2 : mark === "." ? 1 : 0;
    if (about) token = token.slice(0, -1);
    sid += parseInt(token.slice(0, -2), 36);
    out.push([sid, parseInt(token.slice(-2), 36) / 10, about]);
  });
  return out;
}

/* -- Matching ------------------------------------------------------------- */

function editDistance(a, b, max) {   // Damerau-Levenshtein (adjacent swaps), capped
  if (Math.abs(a.length - b.length) > max) return max + 1;
  var prev2 = null, prev = [], cur, i, j;
  for (j = 0; j <= b.length; j++) prev.push(j);
  for (i = 1; i <= a.length; i++) {
    cur = [i];
    var best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev; prev = cur;
  }
  return prev[b.length];
}

function startsWith(ix, prefix) {   // word numbers of the (loaded) words starting with prefix
  var list = loadedWords(ix), lo = 0, hi = list.length, out = [];
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (ix.words[list[mid]] < prefix) lo = mid + 1; else hi = mid;
  }
  for (var k = lo; k < list.length && ix.words[list[k]].lastIndexOf(prefix, 0) === 0; k++) out.push(list[k]);
  return out;
}

/* Snowball's Dutch stem, plus the rule the build adds (search_index.stem):
   -eer(t) becomes -er, as Snowball does for the infinitive. */
function stemOf(word) {
  var result = self.stemNl(word);
  return result.length >= 7 && /eert?$/.test(result) ? result.replace(/eert?$/, "er") : result;
}

/* The index's compound splitter (search_index.split_compound), line for
   line: ``word`` as two to MAX_PARTS parts that ``known`` accepts
   (``knownLast`` the last part), the longest first part first, or []. Bounded: long words are not split and
   the split of each tail is worked out once. */
function splitWord(word, known, knownLast) {
  if (word.length < 2 * MIN_PART || word.length > MAX_COMPOUND || !/^\p{L}+$/u.test(word)) return [];
  var memo = new Map();
  function split(rest, wholeAllowed) {
    if (wholeAllowed && knownLast(rest)) return [rest];
    var key = (wholeAllowed ? "" : "!") + rest;
    if (memo.has(key)) return memo.get(key);
    var best = null;
    for (var i = rest.length - MIN_PART; i >= MIN_PART; i--) {
      var head = rest.slice(0, i), tail = rest.slice(i);
      ["s", "en", "e", ""].forEach(function (link) {
        if (link && head.slice(-link.length) !== link) return;
        var core = link ? head.slice(0, head.length - link.length) : head;
        if (core.length < MIN_PART || !known(core)) return;
        var tailParts = split(tail, true);
        if (tailParts && (best === null || tailParts.length + 1 < best.length)) best = [core].concat(tailParts);
      });
      if (best) break;
    }
    memo.set(key, best);
    return best;
  }
  var parts = split(word, false);
  return parts && parts.length <= MAX_PARTS ? parts : [];
}

/* word number -> weight, for one query word. Prefixes: for the word being
   typed (the last), and for any word that matches nothing better. */
function candidates(ix, term, last, noFallback) {
  var found = new Map();
  function add(w, weight) {
    if (!found.has(w) || found.get(w) < weight) found.set(w, weight);
  }
  var known = ix.position.get(term);
  var stem = known !== undefined ? ix.stemOf[known] : stemOf(term);
  if (known !== undefined) add(known, WEIGHT.exact);
  (ix.byStem.get(stem) || []).forEach(function (w) { add(w, WEIGHT.stem); });
  (ix.byPart.get(stem) || []).forEach(function (w) { add(w, WEIGHT.part); });
  // A compound typed: its parts count too (coronatijd -> corona, tijd).
  if (known !== undefined && ix.partsOf[known]) {
    ix.partsOf[known].forEach(function (part) {
      (ix.byStem.get(part) || []).forEach(function (w) { add(w, WEIGHT.ownPart); });
    });
  }
  var strong = found.size > 0;
  // A derived form the site does not use (bezuinigingen: stem bezuin-,
  // the site has bezuinigd): words that start with the stem, a little
  // below a prefix match.
  if (!strong && term.length >= 7 && stem.length >= 5 && stem !== term) {
    startsWith(ix, stem).forEach(function (w) {
      if (ix.words[w].length <= stem.length + 4) add(w, WEIGHT.stemPrefix);
    });
  }
  if (term.length >= 3 && (last || !strong)) {
    var prefixWeight = strong ? WEIGHT.prefixAfterExact : WEIGHT.prefix;
    startsWith(ix, term).forEach(function (w) { add(w, prefixWeight); });
  }
  if (!strong && !noFallback && term.length >= 4) {
    var compounds = 0;
    var loaded = loadedWords(ix);
    loaded.forEach(function (w) {
      var word = ix.words[w];
      if (word.length > term.length && word.endsWith(term)) { add(w, WEIGHT.suffix); compounds++; }
    });
    var max = term.length >= 7 ? 2 : 1;
    loaded.forEach(function (w) {
      var word = ix.words[w];
      var d = editDistance(term, word, max);
      if (d === 1) add(w, WEIGHT.typo1);
      else if (d === 2) add(w, WEIGHT.typo2);
    });
    // A verb or noun form the stemmer leaves alone (signaleert): words that
    // share all but its last three letters. Not when a compound ends in the
    // word typed (droomspeelbus for speelbus): that is the better answer
    // than every word starting with "speel".
    if (term.length >= 8 && !compounds) {
      startsWith(ix, term.slice(0, term.length - 3)).forEach(function (w) { add(w, WEIGHT.typo2); });
    }
  }
  // Still nothing: a compound whose first part the site lacks. Its last
  // part says what kind of thing it is (huisbezoeken: bezoeken), lower.
  if (!found.size && !noFallback && term.length >= 2 * MIN_PART && term.length <= MAX_COMPOUND) {
    for (var cut = 3; cut <= term.length - MIN_PART; cut++) {
      var tail = term.slice(cut), at = ix.position.get(tail), forms = ix.byStem.get(stemOf(tail));
      if (at === undefined && !forms) continue;
      if (at !== undefined) add(at, WEIGHT.tail);
      (forms || []).forEach(function (w) { add(w, WEIGHT.tail); });
      break;
    }
  }
  // Keep the best few: by weight, then the rarer word first.
  return Array.from(found.entries())
    .sort(function (a, b) { return b[1] - a[1] || ix.df[a[0]] - ix.df[b[0]]; })
    .slice(0, MAX_EXPANSIONS);
}

function idf(ix, df) {
  return Math.log(1 + (ix.sections - df + 0.5) / (df + 0.5));
}

function pageOf(ix, section) {
  return lastAtMost(ix.first, section);
}

/* The query as terms: each term has one or more slots (a compound the
   site never writes as one word has one slot per part), each slot a list
   of candidates [word, weight, direct, synonym]. Figure words ("hoeveel",
   "percentage") set the figure intent and are not searched themselves;
   phrases and words of the synonym list add the site's words, lower. */
function parseQuery(ix, query) {
  var all = words(query);
  var figure = all.some(function (w) { return FIGURE_WORDS.has(w); });
  var advice = all.some(function (w) { return ADVICE_WORDS.has(w); });
  var content = all.filter(function (w) { return !STOP.has(w); });
  var rest = content.filter(function (w) { return !QUERY_STOP.has(w) && !(figure && FIGURE_WORDS.has(w)); });
  if (rest.length) content = rest;
  if (!content.length) content = all;
  content = content.filter(function (t, i) { return content.indexOf(t) === i; });
  var terms = [];
  // Phrases of the synonym list ("youth work", "naschoolse opvang"): one
  // term instead of their words when a word of theirs is not on the site;
  // else the words stay, and the phrase's synonyms go with its last word
  // ("gezond eten" finds the KookLab too, below the words themselves).
  var used = new Set(), phraseSynonyms = {};
  var plain = function (w) { return !STOP.has(w) && !QUERY_STOP.has(w); };
  var onSite = function (w) { return ix.position.has(w) || ix.byStem.has(stemOf(w)); };
  for (var n = Math.min(MAX_PHRASE, all.length); n >= 2; n--) {
    for (var i = 0; i + n <= all.length; i++) {
      var phraseWords = all.slice(i, i + n), phrase = phraseWords.join(" ");
      var targets = ix.synonyms[phrase];
      if (!targets || phraseWords.some(function (w) { return used.has(w); })) continue;
      var own = phraseWords.filter(plain);
      if (own.length && own.every(onSite)) {
        var lastWord = own[own.length - 1];
        phraseSynonyms[lastWord] = (phraseSynonyms[lastWord] || []).concat(targets);
        continue;
      }
      terms.push({text: phrase, slots: [synonymCandidates(ix, targets, [])], synonyms: targets});
      phraseWords.forEach(function (w) { used.add(w); });
    }
  }
  // Two words typed apart that the site writes as one ("opvoed adviseur",
  // "wijk agent", "kinder werk"), and a separable verb split in the question
  // ("met wie werken ze samen", "hoe doen kinderen mee"): searched as the
  // one word the site has.
  joinedWords(ix, all).concat(separableVerbs(ix, all)).forEach(function (pair) {
    if (used.has(pair[0]) || used.has(pair[1])) return;
    var own = candidates(ix, pair[2], false, true).map(function (c) {
      return [c[0], c[1], c[1] >= WEIGHT.stem, false];
    });
    terms.push({text: pair[2], synonyms: [], slots: [own]});
    used.add(pair[0]);
    used.add(pair[1]);
  });
  content.filter(function (t) { return !used.has(t); }).forEach(function (t, k, list) {
    var last = k === list.length - 1;
    var syn = synonymsOf(ix, t).concat(phraseSynonyms[t] || []);
    var stem = stemOf(t);
    var known = ix.position.has(t) || ix.byStem.has(stem) || ix.byPart.has(stem);
    var isKnown = function (x) { return ix.position.has(x) || ix.byStem.has(x); };
    // An unknown word with an entry in the synonym list is searched as the
    // list says (doelgroep, werkdag); other unknown words are split.
    var parts = known || syn.length ? [] :
      splitWord(t, isKnown, function (x) { return isKnown(x) || ix.byStem.has(stemOf(x)); });
    if (parts.length) {
      terms.push({text: t, synonyms: syn, slots: parts.map(function (part, j) {
        var own = candidates(ix, part, false, true).map(function (c) {
          return [c[0], c[1] * COMPOUND_PART, false, false];
        });
        return j === 0 ? synonymCandidates(ix, syn, own) : own;
      })});
      return;
    }
    var own = candidates(ix, t, last, syn.length > 0).map(function (c) {
      return [c[0], c[1], c[1] >= WEIGHT.stem, false];
    });
    terms.push({text: t, synonyms: syn, slots: [synonymCandidates(ix, syn, own)]});
  });
  terms.forEach(function (term) {
    // How much the term counts for coverage: the rarity of its best word.
    var sum = 0;
    term.slots.forEach(function (slot) { if (slot.length) sum += idf(ix, ix.df[slot[0][0]]); });
    term.idf = sum / term.slots.length;
  });
  return {all: all, terms: terms, figure: figure, advice: advice};
}

/* [first, second, joined] for two neighbouring words (no stop words) that
   the site has as one word, by its stem, and not each on their own. */
function joinedWords(ix, all) {
  var out = [];
  for (var i = 0; i + 1 < all.length; i++) {
    var a = all[i], b = all[i + 1], joined = a + b;
    if (STOP.has(a) || STOP.has(b) || QUERY_STOP.has(a) || QUERY_STOP.has(b) || joined.length < 7) continue;
    if (ix.position.has(joined) || ix.byStem.has(stemOf(joined))) { out.push([a, b, joined]); i++; }
  }
  return out;
}

/* [verb, particle, joined] for each particle after a verb whose joined form
   (particle + verb: samenwerken) is on the site (by its stem). */
function separableVerbs(ix, all) {
  var out = [];
  all.forEach(function (particle, j) {
    if (!PARTICLES.has(particle)) return;
    for (var i = 0; i < j; i++) {
      var verb = all[i];
      if (PARTICLES.has(verb) || verb.length < 3) continue;
      var joined = particle + verb;
      if (ix.position.has(joined) || ix.byStem.has(stemOf(joined))) { out.push([verb, particle, joined]); break; }
    }
  });
  return out;
}

function synonymsOf(ix, term) {
  if (ix.synonyms[term]) return ix.synonyms[term];
  if (!ix.synonymByStem) {
    ix.synonymByStem = new Map();
    Object.keys(ix.synonyms).forEach(function (key) {
      if (key.indexOf(" ") === -1 && !ix.synonymByStem.has(stemOf(key))) ix.synonymByStem.set(stemOf(key), key);
    });
  }
  var key = ix.synonymByStem.get(stemOf(term));
  return key ? ix.synonyms[key] : [];
}

/* ``own`` candidates plus those of the synonym words, weighted lower. */
function synonymCandidates(ix, targets, own) {
  var list = own.slice(), seen = new Set(own.map(function (c) { return c[0]; }));
  targets.forEach(function (target) {
    candidates(ix, target, false, true).forEach(function (c) {
      if (seen.has(c[0]) || c[1] < WEIGHT.stem) return;
      seen.add(c[0]);
      list.push([c[0], c[1] * SYNONYM, true, true]);
    });
  });
  return list.sort(function (a, b) { return b[1] - a[1] || ix.df[a[0]] - ix.df[b[0]]; }).slice(0, 2 * MAX_EXPANSIONS);
}

function search(query) {
  if (!words(query).length) return Promise.resolve({items: []});
  return load().then(function (ix) {
    return prepare(ix, query).then(function () { return ix; });
  }).then(function (ix) {
    var q = parseQuery(ix, query);
    // Nothing found, or only a word two typos away, in the shards of its
    // first letters: then the whole vocabulary (a compound that ends in
    // the word, speelbus -> droomspeelbus, can start with any letter).
    var lost = q.terms.some(function (term) {
      return term.slots.every(function (slot) { return !slot.length || slot[0][1] < WEIGHT.typo1; });
    });
    if (!lost || Object.keys(ix.vocab).length === ix.vocabStems.length) return [ix, q];
    return allVocab(ix).then(function () { return [ix, parseQuery(ix, query)]; });
  }).then(function (both) {
    var ix = both[0], q = both[1];
    if (!q.terms.length) return {items: []};
    // The postings of every candidate; the weakest (the start of a word
    // that was found as typed) only when their shard comes anyway.
    var needed = new Set();
    q.terms.forEach(function (term) {
      term.slots.forEach(function (slot) {
        slot.forEach(function (c) { if (c[1] > WEIGHT.prefixAfterExact) needed.add(shardOf(ix, c[0])); });
      });
    });
    q.terms.forEach(function (term) {
      term.slots = term.slots.map(function (slot) {
        return slot.filter(function (c) { return needed.has(shardOf(ix, c[0])); });
      });
    });
    var numbers = Array.from(needed);
    return Promise.all(numbers.map(loadShard)).then(function (loaded) {
      var byShard = {};
      numbers.forEach(function (n, k) { byShard[n] = loaded[k]; });
      return rank(ix, q, byShard);
    });
  });
}

function rank(ix, q, byShard) {
  var terms = q.terms, all = q.all;
  var sections = new Map();     // section -> {score, cover: [per term 0..1], about}
  var matchedWords = terms.map(function () { return new Map(); });   // per term: word -> best section score
  var viaSynonym = terms.map(function () { return new Set(); });
  terms.forEach(function (term, t) {
    var slotBest = term.slots.map(function (list) {
      var best = new Map();     // section -> [score, word, about, synonym]
      // A word typed that is on the site keeps its own rarity for all its
      // forms: "kinderen" must not weigh like the rare "kinderspel".
      var own = term.slots.length === 1 ? ix.position.get(term.text) : undefined;
      var cap = own === undefined ? Infinity : idf(ix, ix.df[own]);
      var spread = new Map();   // section -> [sum, best] of its synonym-list matches
      list.forEach(function (c) {
        var w = c[0], factor = c[1] * Math.min(cap, idf(ix, ix.df[w]));
        postings(ix, byShard[shardOf(ix, w)], w).forEach(function (p) {
          var s = p[1] * factor, old = best.get(p[0]);
          if (!old || old[0] < s) best.set(p[0], [s, w, c[2] ? p[2] : 0, c[3]]);
          if (c[3]) {
            var sp = spread.get(p[0]) || [0, 0];
            spread.set(p[0], [sp[0] + s, Math.max(sp[1], s)]);
          }
        });
      });
      // A section found only through the synonym list counts a little more
      // when it has several of the list's words (zelfstandig, ondernemer):
      // it is about the thing asked, not just using one word of it.
      spread.forEach(function (sp, sid) {
        var value = best.get(sid);
        if (value[3]) value[0] += SYNONYM_SPREAD * Math.min(sp[0] - sp[1], value[0]);
      });
      return best;
    });
    var union = new Set();
    slotBest.forEach(function (best) { best.forEach(function (v, sid) { union.add(sid); }); });
    union.forEach(function (sid) {
      var score = 0, present = 0, about = 0;
      slotBest.forEach(function (best) {
        var value = best.get(sid);
        if (!value) return;
        present++;
        score += value[0];
        about = Math.max(about, value[2]);
        var m = matchedWords[t];
        m.set(value[1], Math.max(m.get(value[1]) || 0, value[0]));
        if (value[3]) viaSynonym[t].add(value[1]);
      });
      // The parts of a compound count fully only together in one section.
      var fraction = present / term.slots.length;
      var entry = sections.get(sid);
      if (!entry) sections.set(sid, entry = {score: 0, cover: terms.map(function () { return 0; }),
                                             termScore: terms.map(function () { return 0; }), about: 0});
      entry.termScore[t] = score / term.slots.length * fraction;
      entry.score += entry.termScore[t];
      entry.cover[t] = Math.max(entry.cover[t], fraction);
      entry.about = Math.max(entry.about, about);
    });
  });
  var totalIdf = terms.reduce(function (sum, term) { return sum + term.idf; }, 0) || 1;
  var pages = new Map();
  sections.forEach(function (entry, sid) {
    var p = pageOf(ix, sid);
    var page = pages.get(p);
    if (!page) pages.set(p, page = {page: p, best: 0, rest: 0, cover: terms.map(function () { return 0; }),
                                    termScore: terms.map(function () { return 0; }), about: 0, sections: []});
    entry.cover.forEach(function (c, t) { page.cover[t] = Math.max(page.cover[t], c); });
    entry.termScore.forEach(function (v, t) { page.termScore[t] = Math.max(page.termScore[t], v); });
    page.about = Math.max(page.about, entry.about);
    page.sections.push([sid, entry]);
  });
  var complete = function (cover) { return cover.every(function (c) { return c === 1; }); };
  var list = Array.from(pages.values());
  list.forEach(function (page) {
    page.sections.sort(function (a, b) { return b[1].score - a[1].score; });
    // The page as a whole: each word where the page has it most (its title,
    // a heading or a section about it); plus, for words close together, the
    // best section that has every word.
    page.score = page.termScore.reduce(function (a, b) { return a + b; }, 0);
    if (terms.length > 1) {
      page.sections.forEach(function (s) {
        if (complete(s[1].cover)) page.best = Math.max(page.best, s[1].score);
      });
      page.score += PROXIMITY * page.best;
    }
    // More sections about the words: a little more.
    page.sections.slice(1).forEach(function (s) { page.rest += s[1].score; });
    page.score += REST * Math.min(page.rest, page.score);
    // Every word in the page's opening (title and first lines): the page is about it.
    page.sections.forEach(function (s) {
      if (s[0] === ix.first[page.page] && complete(s[1].cover)) page.score *= LEAD;
    });
    // A reference page: fully only with a query word in its title; half way
    // with one in a heading (Colofon for "licentie", Cijfers for a data set).
    var prior = PRIOR[ix.kind[page.page] || 0];
    if (page.about < 2) page.score *= page.about === 1 ? Math.sqrt(prior) : prior;
    if (q.figure && ix.figure.has(page.page)) page.score *= FIGURE;
    // Coverage: the share of the query's words (weighted by rarity) on the page.
    page.covered = terms.reduce(function (sum, term, t) { return sum + term.idf * page.cover[t]; }, 0) / totalIdf;
    page.score *= Math.pow(page.covered, COVERAGE_POWER);
  });
  var most = list.reduce(function (m, p) { return Math.max(m, p.covered); }, 0);
  list = list.filter(function (p) { return p.covered > 0 && p.covered >= COVERAGE_MIN * most; })
    .sort(function (a, b) { return b.score - a.score; })
    .slice(0, SHOWN_WITH_TEXT);
  // "ook gezocht op": the synonym-list words that found something.
  var also = [];
  viaSynonym.forEach(function (set) {
    set.forEach(function (w) {
      var shown = ix.original[w] || ix.words[w];
      if (also.indexOf(shown) === -1) also.push(shown);
    });
  });
  return present(ix, terms.map(function (term) { return term.text; }), list, matchedWords, all, also, q.advice);
}

function present(ix, terms, list, matchedWords, all, also, advice) {
  // Terms for Material: the word found for each query word (for highlighting
  // on the page that opens), or the query word itself as missing.
  var found = new Set();
  var termMap = {};
  terms.forEach(function (t, k) {
    var best = null, score = -1;
    matchedWords[k].forEach(function (s, w) {
      found.add(ix.words[w]);
      if (s > score) { score = s; best = w; }
    });
    if (best === null) termMap[t] = false;
    else termMap[ix.original[best] || ix.words[best]] = true;
  });
  var top = list;
  return Promise.all(top.map(function (p) { return loadText(p.page); })).then(function (loaded) {
    top.forEach(function (page, k) { page.text = loaded[k]; });
    if (advice) top.forEach(function (page) {
      if (page.text.s.some(function (s) { return ADVICE_HEADING.test(fold(s[1])); })) page.score *= ADVICE;
    });
    if (all.length > 1) {
      var phrase = " " + all.join(" ") + " ";
      top.forEach(function (page) {
        // A title that holds every word typed, stop words too ("wat is kinderwerk").
        var titleWords = words(page.text.s[0][1]);
        if (all.every(function (w) { return titleWords.indexOf(w) !== -1; })) page.score *= TITLE_PHRASE;
        // The query as written (stop words too: "Voor Welzijn", "Eric van der
        // Burg") in the text of one of the first pages puts that page first.
        var text = " " + page.text.s.map(function (s) { return words(s[1] + " " + s[2]).join(" "); }).join(" ") + " ";
        page.phrase = Math.min(3, text.split(phrase).length - 1);   // how often, up to 3
        if (page.phrase) page.score *= PHRASE * (1 + 0.2 * (page.phrase - 1));
      });
    }
    top.sort(function (a, b) { return b.score - a.score; });
    list = top;
    loaded = top.map(function (page) { return page.text; });
    var items = list.map(function (page, k) {
      var url = loaded[k].u, title = loaded[k].s[0][1];
      var scoreOf = new Map(page.sections.map(function (s) { return [s[0] - ix.first[page.page], s[1].score]; }));
      var top0 = page.score;
      var parts = loaded[k].s;
      var group = [{location: url, title: highlight(title, found),
                    text: snippet(parts[0][2] || "", found), score: top0, terms: termMap}];
      page.sections.slice(0, MAX_SECTIONS + 1).forEach(function (s) {
        var local = s[0] - ix.first[page.page];
        if (local === 0 || !parts[local]) return;
        group.push({location: url + "#" + parts[local][0], title: highlight(parts[local][1], found),
                    text: snippet(parts[local][2], found), score: scoreOf.get(local), terms: termMap});
      });
      // Material shows sections scoring as high as the first entry openly,
      // the others behind "more"; the page entry leads.
      return group;
    });
    var result = {items: items};
    if (options.suggest) result.suggest = [];
    if (also.length && items.length) result.note = "ook gezocht op: " + also.join(", ");
    return result;
  });
}

/* -- Messages ------------------------------------------------------------- */

function next() {
  if (busy || pending === null) return;
  var query = pending;
  pending = null;
  busy = true;
  search(query).catch(function (error) {
    console.warn("Zoeken mislukt: " + error);
    return {items: []};
  }).then(function (result) {
    busy = false;
    if (pending === null) {   // skip stale answers
      if (channel) channel.postMessage({type: "ook", query: query, text: result.note || ""});
      postMessage({type: RESULT, data: result});
    }
    next();
  });
}

/* The page (zoeken-voorladen.js) asks for the index when the reader goes
   to the search box; the answer's "ook gezocht op" line goes back the same way. */
var channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("kinderwerk-zoeken");
var wanted = false;
if (channel) {
  channel.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "laden") return;
    if (config) load(); else wanted = true;   // before SETUP: the version is not known yet
  });
}

addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === SETUP) {
    config = message.data.config || {};
    options = message.data.options || options;
    postMessage({type: READY});
    if (wanted) load();
  } else if (message.type === QUERY) {
    pending = String(message.data || "");
    if (!pending.trim()) {
      pending = null;
      if (!busy) postMessage({type: RESULT, data: {items: []}});
      else pending = "";
      return;
    }
    next();
  }
});
