/* Filters on the practice-example overview (docs/praktijkvoorbeelden/).
 *
 * Progressive enhancement: the page lists every example and the filter form
 * has the `hidden` attribute, so without JavaScript the full list shows.
 * This script shows the form, filters the cards instantly, and keeps the
 * filter in the URL query (?thema=signaleren&provincie=zuid-holland) so a
 * filtered list can be shared. It works with Material's instant navigation
 * (document$ emits after every page change) and without it.
 *
 * Markup (made by scripts/kinderwerk/examples/markup.py):
 *   form#kw-filter  select[data-kw-facet]  p#kw-filter-status  p#kw-filter-aantal
 *   ul#kw-voorbeelden > li.kw-card[data-provincie|data-gemeente|data-thema|data-partner|data-werkvorm]
 *   p#kw-filter-leeg (shown when nothing matches)
 */
(function () {
  "use strict";

  function plural(n) {
    return n === 1 ? "praktijkvoorbeeld" : "praktijkvoorbeelden";
  }

  function init() {
    var form = document.getElementById("kw-filter");
    var list = document.getElementById("kw-voorbeelden");
    if (!form || !list || form.dataset.kwReady) return;
    form.dataset.kwReady = "1";

    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-kw-facet]"));
    var cards = Array.prototype.slice.call(list.querySelectorAll(".kw-card"));
    var status = document.getElementById("kw-filter-status");
    var empty = document.getElementById("kw-filter-leeg");
    var count = document.getElementById("kw-filter-aantal");

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
      var shown = 0;
      cards.forEach(function (card) {
        var match = facets.every(function (facet) {
          var values = (card.getAttribute("data-" + facet) || "").split(" ");
          return values.indexOf(filter[facet]) !== -1;
        });
        card.hidden = !match;
        if (match) shown += 1;
      });
      var total = cards.length;
      if (status) {
        status.textContent = facets.length
          ? shown + " van " + total + " " + plural(total) + " gevonden"
          : "Alle " + total + " " + plural(total);
      }
      if (empty) empty.hidden = shown !== 0;
      return filter;
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

    form.addEventListener("change", function () {
      writeUrl(apply());
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      selects.forEach(function (select) { select.value = ""; });
      writeUrl(apply());
      if (selects.length) selects[0].focus();
    });

    readUrl();
    apply();
    if (count) count.hidden = true;  // the live status line says the same
    form.hidden = false;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
