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

/* The language selector leads to the counterpart page; keep the section the reader is on. */
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link || !location.hash) return;
  const target = new URL(link.href, location.href);
  target.hash = location.hash;
  link.href = target.href;
});
