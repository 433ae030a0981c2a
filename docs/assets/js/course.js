/* Course behaviour on top of Material. Loaded after Material's bundle, before DOMContentLoaded. */

/* Material fetches sitemap.xml next to every <link rel="alternate"> to map pages between languages. Our hreflang
   links are absolute (for search engines), so those fetches would 404 or leave the site. Hide the links from that
   one query, which runs on DOMContentLoaded, and restore them right after. */
(function hideAlternatesFromSitemapLookup() {
  const alternates = Array.from(document.querySelectorAll('link[rel="alternate"][hreflang]'));
  alternates.forEach((link) => { link.rel = "x-alternate"; });
  document.addEventListener("DOMContentLoaded", () => {
    setTimeout(() => alternates.forEach((link) => { link.rel = "alternate"; }));
  });
})();

/* Mermaid is 3.6 MB: fetch it only when a diagram is about to be seen, not on every page view. Material renders
   diagrams through a global `mermaid` (initialize once, then render each diagram) and fetches a copy only if none
   exists, so this stand-in defers each render until its diagram nears the viewport and then loads the site's own
   copy (hooks/vendored_assets.py). The printable handout renders every diagram at once. */
(function lazyMermaid() {
  const diagrams = Array.from(document.querySelectorAll(".mermaid"));
  if (!diagrams.length) return;
  const bundle = document.querySelector('script[src*="javascripts/bundle."]');
  const source = new URL("../vendor/mermaid.min.js", bundle.src).href;
  const eager = document.querySelector(".handout-page") !== null;
  // A diagram below the first screen waits until the reader scrolls: a viewport merely resized to the whole page
  // (as page-audit tools do for screenshots) is not reading.
  const firstScreen = window.innerHeight;
  const reached = (diagram) => window.scrollY > 0 || diagram.getBoundingClientRect().top < firstScreen;
  const nearViewport = new Map();  // diagram text -> promise resolved when that diagram is about to be seen
  const intersecting = new Set();
  const show = (diagram) => {
    observer.unobserve(diagram);
    intersecting.delete(diagram);
    diagram.dispatchEvent(new Event("course:near"));
  };
  const observer = new IntersectionObserver((entries) => entries.forEach((entry) => {
    if (!entry.isIntersecting) return intersecting.delete(entry.target);
    intersecting.add(entry.target);
    if (reached(entry.target)) show(entry.target);
  }), { rootMargin: "200px 0px" });
  addEventListener("scroll", () => intersecting.forEach(show), { passive: true });
  diagrams.forEach((diagram) => {
    nearViewport.set(diagram.textContent, new Promise((resolve) => {
      diagram.addEventListener("course:near", resolve, { once: true });
    }));
    observer.observe(diagram);
  });
  let options;
  let loading;
  const load = () => loading || (loading = new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: source, onerror: reject });
    script.onload = () => { window.mermaid.initialize(options); resolve(window.mermaid); };
    document.head.appendChild(script);
  }));
  window.mermaid = {
    initialize(value) { options = value; },
    async render(id, text) {
      if (!eager) await nearViewport.get(text);
      return (await load()).render(id, text);
    },
  };
})();

/* The language selector leads to the counterpart page; keep the section the reader is on. */
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link || !location.hash) return;
  const target = new URL(link.href, location.href);
  target.hash = location.hash;
  link.href = target.href;
});

/* Cite this section: every section heading has a button (added at build time by hooks/cite_this.py, which also
   wrote the citation texts into #section-citations); the button opens them in a dialog with copy buttons.
   The texts carry placeholders for the reader's access date (course/citation_text.py, ACCESS_PLACEHOLDERS):
   fill them with today, in the reader's time zone, here and in the static "cite this page" block. */
(function sectionCitations() {
  const data = document.getElementById("section-citations");
  if (!data) return;
  const { labels, formats, sections, access } = JSON.parse(data.textContent);
  const now = new Date();
  const two = (n) => String(n).padStart(2, "0");
  const iso = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  const today = { bracket: `[${iso}]`, iso, ris: iso.replaceAll("-", "/") };
  // In the order given: the bracket placeholder contains the ISO one.
  const withAccessDate = (text) => Object.keys(access)
    .reduce((filled, slot) => filled.split(access[slot]).join(today[slot]), text);
  document.querySelectorAll("section.cite-this pre.cite-text code").forEach((code) => {
    code.textContent = withAccessDate(code.textContent);
  });
  const dialog = document.createElement("dialog");
  dialog.className = "cite-dialog";
  dialog.setAttribute("aria-label", labels.section);
  document.body.appendChild(dialog);

  function element(tag, properties, children = []) {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  }

  function copyButton(text) {
    const button = element("button", { type: "button", className: "md-button cite-copy", textContent: labels.copy });
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(text);
      button.textContent = labels.copied;
    });
    return button;
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".cite-section");
    if (!button) return;
    const texts = Object.fromEntries(Object.entries(sections[button.dataset.section])
      .map(([name, text]) => [name, withAccessDate(text)]));
    const close = element("button", { type: "button", className: "md-button cite-close", textContent: labels.close });
    close.addEventListener("click", () => dialog.close());
    dialog.replaceChildren(
      element("h2", { textContent: `${labels.section}: ${button.parentElement.firstChild.textContent.trim()}` }),
      ...Object.entries(formats).flatMap(([name, label]) => [
        element("p", { className: "cite-format", textContent: label }),
        element("pre", { className: "cite-text" }, [element("code", { textContent: texts[name] })]),
        copyButton(texts[name]),
      ]),
      close,
    );
    dialog.showModal();
    close.focus();
  });
})();

/* The search index is unstemmed, so that English words are found in full on Chinese pages too (Material stems index
   terms but not queries there). Widen each English query word to its stem instead: Material matches query words as
   prefixes, so "relapses" -> "relapse" finds relapse/relapses/relapsed, "hippocampal" -> "hippocamp" finds
   hippocampus. Called by Material's bundle (hooks/material_bundle.py) on every query. */
const ENGLISH_ENDINGS = /(?:ies|es|s|ing|ed|al)$/;
window.courseSearchQuery = (query) => query.replace(/[A-Za-z]{5,}/g, (word) => {
  if (/(?:ss|us|is)$/i.test(word)) return word;  // not plurals: class, hippocampus, analysis
  const stem = word.replace(ENGLISH_ENDINGS, "");
  return stem.length >= 4 ? stem : word;
});
