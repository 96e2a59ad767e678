/* Kennisbank Kinderwerk: the page side of the search (issue 18).
 *
 * 1. The moment a reader goes to the search box (focus, or the magnifier
 *    on a phone), it asks the search worker (zoeken-nl.js) over a
 *    BroadcastChannel to load the index: the worker fetches it once and
 *    keeps it, so nothing is downloaded twice (the page fetching it into
 *    the browser's cache while the worker fetched it too did that). Nothing
 *    of the index is fetched while nobody searches.
 * 2. It shows the worker's "ook gezocht op: ..." line (words from the
 *    synonym list, data/zoeken/synoniemen.csv) under Material's count.
 *    Material's protocol has no place for it, so it comes over the channel
 *    too, with the query it belongs to (another tab has its own).
 */
(function () {
  "use strict";
  if (typeof BroadcastChannel === "undefined") return;
  var channel = new BroadcastChannel("kinderwerk-zoeken");
  var started = false;

  function box() { return document.querySelector(".md-search__input"); }

  function preload() {
    if (started) return;
    started = true;
    channel.postMessage({type: "laden"});
  }

  channel.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type !== "ook") return;
    var input = box(), line = document.querySelector(".kw-zoek-ook");
    if (!input || !line || String(message.query).trim() !== input.value.trim()) return;
    line.textContent = message.text || "";
    line.hidden = !message.text;
  });

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) preload();
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest('label[for="__search"]')) preload();
  });
  document.addEventListener("input", function (event) {
    var line = document.querySelector(".kw-zoek-ook");
    if (line && event.target === box() && !event.target.value.trim()) line.hidden = true;
  });
})();
