"""Keyboard only, on every page: the first Tab lands on a visible skip link
that moves to the content; every control a mouse user can use is a tab stop,
and no tab stop is invisible; every kind of control shows its focus.

Per page (the `keyboard` fixture): Tab, Enter and Tab for the skip link; then
every control is checked to be "tabbable" the way the browser decides it (it
takes focus, tabindex >= 0, shown). On one page of each kind (home, chapter,
overview, example, tag page, figures, 404) a real walk with Tab all the way
round the page confirms it: the walk and the check must agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from kwbrowser import AXE_OPTIONS, AXE_SCRIPT, describe_violations, settle_simple
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1280, 900

# Tag every visible control with data-kw-id, and record each focus move with
# whether the focused element could be seen. Runs in the page.
SETUP_JS = r"""
() => {
  const shown = (el) => {
    if (!el.checkVisibility({checkVisibilityCSS: true})) return false;
    // Opacity counts, except while a transition (e.g. a fade-in on focus) runs.
    const fading = el.getAnimations({subtree: false}).length > 0;
    if (!fading && !el.checkVisibility({checkOpacity: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0;
  };
  window.__kwShown = shown;
  const controls = [];
  let n = 0;
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], label[for]';
  for (const el of document.querySelectorAll(selector)) {
    el.dataset.kwId = String(n++);
    // A visually hidden radio or checkbox is used through its label, which
    // counts as a control of its own.
    if (el.closest('[inert]') || el.disabled || !shown(el)) continue;
    const text = (el.getAttribute('aria-label') || el.textContent || el.title || el.id || '').trim();
    controls.push({id: el.dataset.kwId, tag: el.tagName.toLowerCase(),
                   cls: (typeof el.className === 'string' ? el.className : '').replace('focus-visible', '').trim(),
                   text: text.replace(/\s+/g, ' ').slice(0, 40),
                   for: el.getAttribute('for') || '', type: el.getAttribute('type') || ''});
  }
  window.__kwFocus = [];
  document.addEventListener('focusin', (e) => {
    const el = e.target;
    // A hidden radio shows its focus on its label.
    const next = el.nextElementSibling;
    const seen = shown(el) || [...(el.labels || [])].some(shown) ||
      !!(el.type === 'radio' && next && next.tagName === 'LABEL' && shown(next));
    window.__kwFocus.push({id: el.dataset.kwId || el.tagName, seen,
                           what: `<${el.tagName.toLowerCase()} class='${typeof el.className === 'string' ? el.className.replace('focus-visible', '').trim() : ''}'> ${(el.getAttribute('aria-label') || el.textContent || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 40)}`});
  }, true);
  return controls;
}
"""

# Which controls are tab stops, the way the browser decides it: shown, focus
# lands on them, and tabindex >= 0 (a radio group is one stop: its checked
# radio, or the first). Also: every tab stop, shown or not. Runs in the page.
TABBABLE_JS = r"""
() => {
  const shown = window.__kwShown;
  const stops = [];
  const before = document.activeElement;
  for (const el of document.querySelectorAll('[data-kw-id]')) {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert]')) continue;
    if (el.type === 'radio' && el.name) {
      const group = [...document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)];
      const lead = group.find((r) => r.checked) || group[0];
      if (lead !== el) continue;
    }
    el.focus({preventScroll: true});
    if (document.activeElement !== el) continue;
    const next = el.nextElementSibling;
    const seen = shown(el) || [...(el.labels || [])].some(shown) ||
      !!(el.type === 'radio' && next && next.tagName === 'LABEL' && shown(next));
    stops.push({id: el.dataset.kwId, seen,
                what: `<${el.tagName.toLowerCase()} class='${typeof el.className === 'string' ? el.className.replace('focus-visible', '').trim() : ''}'> ${(el.getAttribute('aria-label') || el.textContent || el.id || '').trim().replace(/\s+/g, ' ').slice(0, 40)}`});
  }
  if (before && before.focus) before.focus({preventScroll: true});
  return stops;
}
"""

# Not a tab stop on purpose; each with the reason. Matched with Element.matches().
NOT_A_TAB_STOP = {
    ".tabbed-labels > label > a":
        "anchor inside a tab label (content.tabs.link): the tab is reached through its radio button",
    ".tabbed-control > .tabbed-button":
        "scrolls an overflowing row of tab labels; keyboard users move between tabs with the arrow keys",
    "label.md-header__button[for='__search']":
        "the magnifier in the header of a small screen: the search field after it is a tab stop and opens search",
    "label.md-search__icon":
        "the magnifier inside the search field: the field itself is a tab stop",
    "label.md-search__overlay, label.md-overlay":
        "the dimmed backdrop behind search or the menu, which closes it on a click; Escape does the same",
    ".md-nav--primary > .md-nav__title":
        "the site name above the sidebar; on a phone it closes the menu",
    ".md-nav__item--section > label.md-nav__link, .md-nav__item--section > .md-nav > label.md-nav__title":
        "a section heading in the sidebar (navigation.sections): on a wide screen there is nothing to open",
    ".md-nav--secondary > label.md-nav__title":
        "the heading 'Inhoudsopgave' of the table of contents: on a wide screen there is nothing to open",
    ".md-nav__item--nested > label.md-nav__link[for^='__nav_']:not(:first-child)":
        "the arrow next to a section's own link (navigation.indexes); the link is the tab stop",
}

SKIP_JS = r"""
() => {
  const a = document.activeElement;
  const r = a.getBoundingClientRect();
  return {cls: String(a.className), href: a.getAttribute('href'), text: a.textContent.trim(),
          inView: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 0,
          visible: a.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})};
}
"""

# A kind of control: same tag, classes, parent and region look the same when
# focused. For every id at once (one round trip to the browser, not one per
# control: on a busy machine each costs a tenth of a second).
KINDS_JS = r"""
(ids) => ids.map((id) => {
  const el = document.querySelector(`[data-kw-id="${id}"]`);
  const cls = (e) => (typeof e.className === 'string' ? e.className : '')
    .replace(/focus-visible|md-nav__link--active|md-nav__link--passed/g, '').replace(/\s+/g, ' ').trim();
  const region = el.closest('.md-header, .md-sidebar--primary, .md-sidebar--secondary, .md-content, .md-footer, .md-search');
  return [el.tagName, cls(el), el.getAttribute('type') || '',
          el.parentElement ? el.parentElement.tagName + '.' + cls(el.parentElement) : '',
          region ? cls(region) : ''].join(' | ');
})
"""

# The area where a focused control shows its focus: itself and its labels.
CLIP_JS = r"""
(id) => {
  const el = document.querySelector(`[data-kw-id="${id}"]`);
  const boxes = [el, ...(el.labels || [])].map((e) => e.getBoundingClientRect())
    .filter((b) => b.width > 0 && b.height > 0);
  if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL')
    boxes.push(el.nextElementSibling.getBoundingClientRect());
  if (!boxes.length) return null;
  const pad = 8;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.left)) - pad);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.top)) - pad);
  const right = Math.min(innerWidth, Math.max(...boxes.map((b) => b.right)) + pad);
  const bottom = Math.min(innerHeight, Math.max(...boxes.map((b) => b.bottom)) + pad);
  return right > x && bottom > y ? {x, y, width: right - x, height: bottom - y} : null;
}
"""


@dataclass
class KeyboardPage:
    path: str
    skip_problems: list[str] = field(default_factory=list)
    unreached: list[str] = field(default_factory=list)
    invisible_stops: list[str] = field(default_factory=list)
    focus_problems: list[str] = field(default_factory=list)
    walk_mismatch: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    stops: int = 0
    walked: bool = False


def _skip_link(page) -> list[str]:
    page.keyboard.press("Tab")
    # Material fades the skip link in: jump its transitions to their end.
    page.evaluate("document.activeElement.getAnimations().forEach((a) => a.finish())")
    skip = page.evaluate(SKIP_JS)
    if "md-skip" not in skip["cls"] or not (skip["href"] or "").startswith("#"):
        return [f"de eerste Tab-stop is geen skiplink maar {skip}"]
    if not (skip["inView"] and skip["visible"]):
        return ["de skiplink is niet te zien als hij focus heeft"]
    page.keyboard.press("Enter")
    target = skip["href"][1:]
    state = page.evaluate("""(id) => { const t = document.getElementById(id);
        return {hash: location.hash, inContent: !!(t && t.closest('.md-content'))}; }""", target)
    if state["hash"] != "#" + target or not state["inContent"]:
        return [f"Enter op de skiplink gaat niet naar de inhoud: {state}"]
    page.keyboard.press("Tab")
    onward = page.evaluate("""(id) => { const t = document.getElementById(id), f = document.activeElement;
        return !!(t && f && f.closest('.md-content') &&
                  (t.contains(f) || t.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING)); }""",
                           target)
    return [] if onward else ["na de skiplink gaat Tab niet verder in de inhoud"]


def _walk_round(page, controls: list[dict]) -> list[dict]:
    """Tab until the focus comes back where this walk began; the stops in between."""
    start = len(page.evaluate("window.__kwFocus"))
    limit = 3 * len(controls) + 30
    for _pressed in range(0, limit, 10):
        for _ in range(10):
            page.keyboard.press("Tab")
        stops = page.evaluate("window.__kwFocus")[start:]
        ids = [s["id"] for s in stops]
        if ids and ids[0] in ids[1:]:
            return stops[:ids.index(ids[0], 1)]
    return page.evaluate("window.__kwFocus")[start:]


# The controls no tab stop reaches: not reached themselves, not a label whose
# own input is reached (a radio group is one tab stop: reaching one radio
# reaches the group), and not exempt (NOT_A_TAB_STOP). Runs in the page, for
# all controls in one round trip.
UNREACHED_JS = r"""
([ids, reached, exempt]) => {
  const byId = (id) => document.querySelector(`[data-kw-id="${id}"]`);
  const hit = new Set(reached);
  const groups = new Set(reached.map(byId).filter((e) => e && e.type === 'radio').map((e) => e.name));
  return ids.filter((id) => {
    if (hit.has(id)) return false;
    const el = byId(id);
    const target = el.tagName === 'LABEL' && el.getAttribute('for') ? document.getElementById(el.getAttribute('for')) : null;
    if (target && (hit.has(target.dataset.kwId) || (target.type === 'radio' && groups.has(target.name))))
      return false;  // the label's own input is a tab stop
    return !el.matches(exempt);
  });
}
"""


def _unreached(page, controls: list[dict], stops: list[dict]) -> list[str]:
    missing = set(page.evaluate(UNREACHED_JS, [[c["id"] for c in controls], sorted({s["id"] for s in stops}),
                                               ", ".join(NOT_A_TAB_STOP)]))
    return [f"<{c['tag']} class='{c['cls']}'> {c['text']!r}" for c in controls if c["id"] in missing]


def _focus_shows(page, control_id: str) -> str | None:
    """Why the control's keyboard focus cannot be seen: the screen around it
    does not change, it has no area on screen, or it never settles. None when
    it shows. Each picture is taken once the page has settled in that state
    (see ``_settle_focus``), never after a pause."""
    # Keyboard modality, so :focus-visible applies. Only Shift: Shift+Tab here
    # could land on the search field, which on a phone opens search over the
    # whole page (both pictures then show search: the old flaky failure).
    if not _close_search_and_menu(page):
        return "zoeken of menu staat open en gaat niet dicht met Escape"
    page.keyboard.press("Shift")
    page.evaluate("(id) => document.querySelector(`[data-kw-id=\"${id}\"]`).focus()", control_id)
    if not _settle_focus(page, control_id, focused=True):
        return "de focus komt niet tot rust (geen :focus-visible, of blijft bewegen)"
    clip = page.evaluate(CLIP_JS, control_id)
    if clip is None:
        return "geen vlak op het scherm"
    # animations="disabled" fast-forwards transitions (the fade of a focus
    # ring or of the permalink sign), so both pictures show the end state.
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate("document.activeElement.blur()")
    if not _settle_focus(page, control_id, focused=False):
        return "komt na blur() niet tot rust"
    unfocused = page.screenshot(clip=clip, animations="disabled")
    if not _close_search_and_menu(page):
        return "zoeken of menu gaat niet dicht met Escape"
    return None if focused != unfocused else "focus niet te zien"


# Search and menu closed, and Material's scroll lock gone: it fixes the body in
# place 400 ms after search opens and frees it 100 ms after it closes; a control
# focused in between cannot scroll into view.
CLOSED_JS = """() => [...document.querySelectorAll('input[data-md-toggle]')].every((t) => !t.checked) &&
  !document.body.hasAttribute('data-md-scrolllock')"""


def _close_search_and_menu(page) -> bool:
    """Escape, as a reader would, when focus opened search (the search field
    on a phone does) or the menu: the next control is then seen on the page,
    not behind search. Waits until both are closed and the page scrolls again;
    False if that does not happen."""
    if page.evaluate(CLOSED_JS):
        return True
    page.keyboard.press("Escape")
    try:
        page.wait_for_function(CLOSED_JS, timeout=5_000)
    except PlaywrightTimeout:
        return False
    return True


def _settle_focus(page, control_id: str, focused: bool) -> bool:
    """Wait until the control is (or no longer is) the focus-visible element,
    no transition runs on it or its labels, and its focus style (outline,
    shadow, colours, opacity, also of ::before/::after) and its place on the
    screen (scrolling into view, toc.follow) stayed the same for
    STABLE_FRAMES animation frames. False if that does not happen in 15 s."""
    page.evaluate(FOCUS_STATE_JS)
    try:
        page.wait_for_function(FOCUS_SETTLED_JS, arg=[control_id, focused, STABLE_FRAMES], polling="raf",
                               timeout=15_000)
    except PlaywrightTimeout:
        return False
    return True


STABLE_FRAMES = 3
# Installs window.__kwFocusState(id): the computed focus style and the position
# of a control and its labels, and whether a transition still runs on them.
FOCUS_STATE_JS = r"""
() => {
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow',
                 'background-color', 'color', 'text-decoration-line', 'text-decoration-color',
                 'border-top-color', 'border-bottom-color', 'opacity', 'visibility', 'transform'];
  window.__kwFocusLast = null;
  window.__kwFocusState = (id) => {
    const el = document.querySelector(`[data-kw-id="${id}"]`);
    const parts = [el, ...(el.labels || [])];
    if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') parts.push(el.nextElementSibling);
    const style = parts.flatMap((part) => [null, '::before', '::after'].map((pseudo) => {
      const s = getComputedStyle(part, pseudo);
      return PROPS.map((p) => s.getPropertyValue(p)).join(';');
    })).join('|');
    const box = el.getBoundingClientRect();
    return {
      focused: document.activeElement === el && el.matches(':focus-visible'),
      running: parts.some((p) => p.getAnimations({subtree: true}).some((a) => a.playState === 'running')),
      signature: style + '@' + [scrollX, scrollY, box.left, box.top, box.width, box.height].join(','),
    };
  };
}
"""
FOCUS_SETTLED_JS = r"""
([id, focused, frames]) => {
  const now = window.__kwFocusState(id);
  const last = window.__kwFocusLast || {};
  const same = now.signature === last.signature && now.focused === last.focused;
  window.__kwFocusLast = {...now, count: same ? (last.count || 0) + 1 : 0};
  return now.focused === focused && !now.running && window.__kwFocusLast.count >= frames;
}
"""


def _kind_of_page(path: str) -> str:
    """Pages of one kind share their template: one real Tab walk per kind."""
    parts = path.strip("/").split("/")
    if path == "":
        return "home"
    if path.startswith("praktijkvoorbeelden/"):
        return {1: "overview", 2: "example"}.get(len(parts), "tag page")
    if path.startswith("hoofdstukken/"):
        return "chapter"
    return path


def _shown_when_tabbed_to(page, hidden: list[dict]) -> set[str]:
    """Stops hidden until they have focus, that then show themselves (the
    search field on a small screen opens search). In a fresh tab, so that
    earlier checks leave no trace, Tab to each as a reader would."""
    fresh = page.context.new_page()
    try:
        fresh.goto(page.url.split("#", 1)[0])
        settle_simple(fresh)
        fresh.evaluate(SETUP_JS)  # the same ids again: the page is the same
        return _tab_to_each(fresh, hidden)
    finally:
        fresh.close()


def _tab_to_each(page, hidden: list[dict]) -> set[str]:
    shown = set()
    for stop in hidden:
        page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
        for _ in range(300):
            page.keyboard.press("Tab")
            if page.evaluate("(id) => document.activeElement && document.activeElement.dataset.kwId === id",
                             stop["id"]):
                break
        else:
            continue
        for _attempt in range(2):  # a busy machine can be slow to open search
            try:
                page.wait_for_function("""(id) => { const el = document.activeElement;
                    return el && el.dataset.kwId === id && window.__kwShown(el); }""",
                                       arg=stop["id"], timeout=3000)
                shown.add(stop["id"])
                break
            except PlaywrightTimeout:
                page.keyboard.press("Shift+Tab")
                page.keyboard.press("Tab")
        page.keyboard.press("Escape")
    return shown


def _check_page(page, path: str, walk: bool, kinds: set, axe: bool = False) -> KeyboardPage:
    result = KeyboardPage(path or "/")
    if axe:  # on a small screen other parts show (menu button, drawer): axe them too
        page.evaluate(AXE_SCRIPT)
        result.violations = describe_violations(
            page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"])
    controls = page.evaluate(SETUP_JS)
    result.skip_problems = _skip_link(page)
    stops = page.evaluate(TABBABLE_JS)
    result.stops = len(stops)
    if walk:
        result.walked = True
        walked = _walk_round(page, controls)
        # The browser's own Tab order must visit exactly the stops found above.
        found, went = {s["id"] for s in stops}, {s["id"] for s in walked}
        by_id = {s["id"]: s["what"] for s in stops + walked}
        result.walk_mismatch = ([f"Tab komt hier niet: {by_id[i]}" for i in sorted(found - went)] +
                                [f"Tab komt hier onverwacht: {by_id[i]}" for i in sorted(went - found)])
    result.unreached = _unreached(page, controls, stops)
    for stop, kind in zip(stops, page.evaluate(KINDS_JS, [s["id"] for s in stops]), strict=True):
        if kind in kinds:
            continue
        kinds.add(kind)
        problem = _focus_shows(page, stop["id"])
        if problem:
            result.focus_problems.append(f"{stop['what']}: {problem} [{kind}]")
    hidden = [s for s in stops if not s["seen"]]
    if hidden:
        revealed = _shown_when_tabbed_to(page, hidden)
        result.invisible_stops = sorted({s["what"] for s in hidden if s["id"] not in revealed})
    return result


WALKED_KINDS = ("home", "chapter", "overview", "example", "tag page", "cijfers/", "404")


def _keyboard_pass(chromium, base_url, paths, width, height, axe=False) -> list[KeyboardPage]:
    results, kinds, walked = [], set(), set()
    context = chromium.new_context(viewport={"width": width, "height": height})
    try:
        for path in paths:
            kind = "404" if path == "bestaat-niet/" else _kind_of_page(path)
            walk = kind in WALKED_KINDS and kind not in walked
            walked.add(kind)
            page = context.new_page()
            page.goto(base_url + path)
            settle_simple(page)
            results.append(_check_page(page, path, walk, kinds, axe))
            page.close()
    finally:
        context.close()
    return results


@pytest.fixture(scope="session")
def keyboard(chromium, base_url, page_paths) -> list[KeyboardPage]:
    """Every page on a wide screen."""
    return _keyboard_pass(chromium, base_url, page_paths + ["bestaat-niet/"], WIDTH, HEIGHT)


@pytest.fixture(scope="session")
def keyboard_phone(chromium, base_url, page_paths) -> list[KeyboardPage]:
    """One page of each kind on a phone (the same layout as a desktop zoomed
    to 300%): menu in a drawer, search behind a button."""
    seen, paths = set(), []
    for path in page_paths + ["bestaat-niet/"]:
        kind = "404" if path == "bestaat-niet/" else _kind_of_page(path)
        if kind in WALKED_KINDS and kind not in seen:
            seen.add(kind)
            paths.append(path)
    return _keyboard_pass(chromium, base_url, paths, 390, 844, axe=True)


def _report(results, attribute) -> str:
    return "\n".join(f"{r.path}:\n  " + "\n  ".join(getattr(r, attribute))
                     for r in results if getattr(r, attribute))


@pytest.fixture(params=["breed scherm", "telefoon"])
def keyboard_results(request) -> list[KeyboardPage]:
    return request.getfixturevalue("keyboard" if request.param == "breed scherm" else "keyboard_phone")


def test_first_tab_is_a_visible_skip_link_to_the_content(keyboard_results):
    assert not any(r.skip_problems for r in keyboard_results), _report(keyboard_results, "skip_problems")


def test_tab_order_matches_a_real_walk(keyboard_results):
    walked = [r.path for r in keyboard_results if r.walked]
    assert len(walked) >= 5, walked
    assert not any(r.walk_mismatch for r in keyboard_results), _report(keyboard_results, "walk_mismatch")


def test_every_control_is_reachable_with_tab(keyboard_results):
    assert all(r.stops for r in keyboard_results)
    assert not any(r.unreached for r in keyboard_results), "niet met Tab te bereiken:\n" + _report(
        keyboard_results, "unreached")


def test_tab_never_lands_on_something_invisible(keyboard_results):
    assert not any(r.invisible_stops for r in keyboard_results), "onzichtbare Tab-stops:\n" + _report(
        keyboard_results, "invisible_stops")


def test_focus_is_visible_on_every_kind_of_control(keyboard_results):
    assert not any(r.focus_problems for r in keyboard_results), _report(keyboard_results, "focus_problems")


def test_axe_finds_nothing_on_a_phone(keyboard_phone):
    """axe-core (WCAG A/AA and best practices) on one page of each kind at
    phone width, where the menu button and the drawer take part."""
    assert not any(r.violations for r in keyboard_phone), _report(keyboard_phone, "violations")
