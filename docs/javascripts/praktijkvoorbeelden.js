/* Filters on the practice-example overview (docs/praktijkvoorbeelden/).
 *
 * Progressive enhancement: the page lists every example (the first ones as
 * cards, the others as short entries: markup.py FIRST_BATCH) and the filter
 * form has the `hidden` attribute, so without JavaScript the full list shows.
 * With JavaScript the list shows a batch at a time ("Toon er nog 24"), on the
 * overview and on the tag pages, and the filters cover every example.
 * This script shows the form, filters the cards instantly, and keeps the
 * filter in the URL query (?thema=signaleren&provincie=zuid-holland) so a
 * filtered list can be shared. It works with Material's instant navigation
 * (document$ emits after every page change) and without it.
 *
 * Markup (made by scripts/kinderwerk/examples/markup.py):
 *   form#kw-filter  select[data-kw-facet]  p#kw-filter-status  p#kw-filter-aantal
 *   ul#kw-voorbeelden > li.kw-card[data-provincie|data-gemeente|data-thema|data-partner|data-werkvorm]
 *   ul#kw-voorbeelden-meer > li.kw-card.kw-card--kort (same data), p#kw-voorbeelden-meer-kop
 *   p#kw-filter-leeg (shown when nothing matches)
 */
(function () {
  "use strict";

  var BATCH = 24;  // as FIRST_BATCH in markup.py: the full cards in the HTML

  function plural(n) {
    return n === 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden";
  }

  function init() {
    var list = document.getElementById("kw-voorbeelden");
    if (!list || list.dataset.kwReady) return;
    list.dataset.kwReady = "1";
    var form = document.getElementById("kw-filter");
    var rest = document.getElementById("kw-voorbeelden-meer");
    var restHeading = document.getElementById("kw-voorbeelden-meer-kop");

    var selects = form ? Array.prototype.slice.call(form.querySelectorAll("select[data-kw-facet]")) : [];
    var cards = Array.prototype.slice.call(list.querySelectorAll(".kw-card"))
      .concat(rest ? Array.prototype.slice.call(rest.querySelectorAll(".kw-card")) : []);
    var status = document.getElementById("kw-filter-status");
    var empty = document.getElementById("kw-filter-leeg");
    var count = document.getElementById("kw-filter-aantal");
    var limit = BATCH;

    // "Meer tonen": the next batch of the (filtered) list.
    var more = document.createElement("button");
    more.type = "button";
    more.className = "kw-linkbutton kw-meer";
    more.hidden = true;
    (rest || list).parentNode.parentNode.insertBefore(more, (rest || list).parentNode.nextSibling);
    if (restHeading) restHeading.hidden = true;
    if (rest) rest.setAttribute("data-kw-ready", "1");   // CSS kept it out of view until now

    function chosen() {
      var result = {};
      selects.forEach(function (select) {
        if (select.value) result[select.dataset.kwFacet] = select.value;
      });
      return result;
    }

    function apply() {
      var filter = chosen();
      var facets = Object.keys(filter);
      var matches = 0;
      var firstNew = null;
      cards.forEach(function (card) {
        var match = facets.every(function (facet) {
          var values = (card.getAttribute("data-" + facet) || "").split(" ");
          return values.indexOf(filter[facet]) !== -1;
        });
        if (match) matches += 1;
        var show = match && matches <= limit;
        if (show && card.hidden && firstNew === null) firstNew = card;
        card.hidden = !show;
      });
      var total = cards.length;
      var shown = Math.min(matches, limit);
      if (status) {
        status.textContent = (facets.length
          ? matches + " van " + total + " " + plural(total) + " gevonden"
          : "Alle " + total + " " + plural(total)) +
          (shown < matches ? "; de eerste " + shown + " staan hieronder" : "");
      }
      if (rest) rest.hidden = !cards.some(function (c) { return !c.hidden && rest.contains(c); });
      var left = matches - shown;
      more.hidden = left <= 0;
      more.textContent = "Toon er nog " + Math.min(BATCH, left) + " (nog " + left + " " +
        (left === 1 ? "voorbeeld" : "voorbeelden") + ")";
      if (empty) empty.hidden = matches !== 0;
      return {filter: filter, firstNew: firstNew};
    }

    function writeUrl(filter) {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var facet = select.dataset.kwFacet;
        if (filter[facet]) params.set(facet, filter[facet]);
        else params.delete(facet);
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", url);
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.dataset.kwFacet) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        select.value = known ? value : "";
      });
    }

    more.addEventListener("click", function () {
      limit += BATCH;
      var result = apply();
      if (result.firstNew) {          // keyboard and screen reader users continue there
        var link = result.firstNew.querySelector("a");
        if (link) link.focus();
      }
    });

    if (form) {
      form.addEventListener("change", function () {
        limit = BATCH;
        writeUrl(apply().filter);
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
      });
      form.addEventListener("reset", function (event) {
        event.preventDefault();
        selects.forEach(function (select) { select.value = ""; });
        limit = BATCH;
        writeUrl(apply().filter);
        if (selects.length) selects[0].focus();
      });
      readUrl();
    }
    apply();
    if (form) {
      if (count) count.hidden = true;  // the live status line says the same
      form.hidden = false;
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
