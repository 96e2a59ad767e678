/* Kennisbank Kinderwerk: Dutch word forms for Material's site search.
 *
 * Material adds a wildcard to every search term ("partner" finds "partners"),
 * but the other way round fails: "kookactiviteiten" does not find a page that
 * says "kookactiviteit", "scholen" does not find "school". Turning on lunr's
 * stemmer does not help: Material then drops every result whose words do not
 * start with the term as typed. So this worker shortens each typed word to a
 * simple stem before Material's own worker sees the query:
 *   -en  (6+ letters): kookactiviteiten > kookactiviteit, huttendorpen > huttendorp,
 *        wijken > wijk, lessen > les, and for a vowel that was doubled in the
 *        singular: basisscholen > basisscho (finds basisschool and basisscholen)
 *   -s   (6+ letters): samenwerkingspartners > samenwerkingspartner
 * Material's wildcard then finds singular and plural alike.
 *
 * overrides/main.html points Material at this file instead of its own worker;
 * the last line loads Material's worker (the name carries Material's version:
 * after an upgrade, copy the new name from the theme's base.html).
 * tests/browser/test_search.py checks that it works.
 */
"use strict";

var CONSONANT = "[bcdfghjklmnpqrstvwxz]";

function stam(word) {
  if (!/^[a-zà-öø-ÿ]+$/i.test(word)) return word;  // operators, numbers: as typed
  var w = word.toLowerCase();
  if (w.length >= 6 && /en$/.test(w)) {
    w = w.slice(0, -2);
    if (/(bb|dd|ff|gg|kk|ll|mm|nn|pp|rr|ss|tt)$/.test(w)) {
      w = w.slice(0, -1);                        // lessen > les
    } else if (w.length >= 5 && new RegExp(CONSONANT + "[aeou]" + CONSONANT + "$").test(w) &&
               !new RegExp("[aeiou][aeou]" + CONSONANT + "$").test(w)) {
      w = w.slice(0, -1);                        // scholen > scho(ol), straten > stra(at)
    }
  } else if (w.length >= 6 && /[^s']s$/.test(w)) {
    w = w.slice(0, -1);
  }
  return w;
}

function woordvormen(query) {
  // Keep quoted phrases and lunr syntax (+term, -term, field:term) intact.
  return query.split(/("[^"]*")/).map(function (part, i) {
    if (i % 2) return part;
    return part.split(/(\s+)/).map(function (token) {
      var m = token.match(/^([+\-]?)(.*?)([*~^\d]*)$/);
      return m ? m[1] + stam(m[2]) + m[3] : token;
    }).join("");
  }).join("");
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === 2 && typeof message.data === "string") {
    message.data = woordvormen(message.data);   // 2 = a query
  }
});

importScripts("search.a7633da7.min.js");
