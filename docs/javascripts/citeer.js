/* Kennisbank Kinderwerk: a copy button after each chart's citation.
   Without scripts the citation is plain, selectable text and no button shows.
   The button's result is announced through a polite live region. */
(function () {
  "use strict";

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("kopiëren lukt niet"));
  }

  /* Plain text, and HTML too where the browser allows it: Word and
     PowerPoint then keep the title in italics. */
  function copy(text, html) {
    if (!navigator.clipboard || !window.isSecureContext) return fallbackCopy(text);
    var plain = function () { return navigator.clipboard.writeText(text); };
    var both = plain;
    if (window.ClipboardItem && navigator.clipboard.write) {
      both = function () {
        return navigator.clipboard.write([new ClipboardItem({
          "text/plain": new Blob([text], {type: "text/plain"}),
          "text/html": new Blob([html], {type: "text/html"})
        })]);
      };
    }
    return both().catch(plain).catch(function () { return fallbackCopy(text); });
  }

  function setUp(cite) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kw-cite-copy md-button";
    button.textContent = "Kopieer";
    button.setAttribute("aria-label", "Kopieer de bronvermelding");
    var status = document.createElement("span");
    status.className = "kw-cite-status";
    status.setAttribute("role", "status");
    cite.parentNode.appendChild(button);
    cite.parentNode.appendChild(status);
    var timer = null;
    button.addEventListener("click", function () {
      var text = cite.textContent.replace(/\s+/g, " ").trim();
      copy(text, cite.innerHTML).then(function () {
        status.textContent = "Gekopieerd";
      }, function () {
        status.textContent = "Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf.";
      });
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = ""; }, 4000);
    });
  }

  document.querySelectorAll(".kw-cite").forEach(setUp);
})();
