/* Kennisbank Kinderwerk: start loading the search index the moment a reader
 * goes to the search box (focus, or the magnifier on a phone), not before.
 *
 * The worker (zoeken-nl.js) loads the word list and the page list on the
 * first query; fetching them here first puts them in the browser's cache
 * while the reader is still typing, so the worker finds them there. Nothing
 * of the index is fetched while nobody searches.
 */
(function () {
  "use strict";
  var started = false;

  function base() {
    var config = document.getElementById("__config");
    try {
      return new URL(JSON.parse(config.textContent).base + "/", location.href);
    } catch (error) {
      return null;
    }
  }

  function preload() {
    if (started) return;
    started = true;
    var root = base();
    if (!root) return;
    // Material fetched this stub already (it names the index's version).
    fetch(new URL("search/search_index.json", root).href).then(function (response) {
      return response.json();
    }).then(function (stub) {
      var settings = stub.config && stub.config.kinderwerk;
      if (!settings) return;
      ["woorden.json", "paginas.json"].forEach(function (name) {
        var url = new URL("search/" + settings.index + name, root);
        url.searchParams.set("v", settings.version);
        fetch(url.href);
      });
    }).catch(function () { started = false; });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) preload();
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest('label[for="__search"]')) preload();
  });
})();
