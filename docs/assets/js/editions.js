/* Editions (hooks/editions.py, overrides/main.html): the edition selector on pages outside the default language,
   and the "newer edition" notice's link.

   Material's mike selector asks for versions.json one level above the page's language root. On the default language
   that is the site root, where mike writes it; English pages live one level deeper (/course/1.1/en/), where Material
   would ask /course/1.1/versions.json and find nothing. For those pages hooks/editions.py tells Material that the
   provider is ours, and this script renders Material's own selector markup from the site root's versions.json. */
(function editions() {
  const data = document.getElementById("course-edition");
  if (!data) return;
  const edition = JSON.parse(data.textContent);  // {name: "1.1", depth: levels from the edition root to this language}
  const config = JSON.parse(document.getElementById("__config").textContent);
  const notice = document.querySelector('[data-md-component="outdated"]');

  // The notice's link leads to the same page of the latest edition: keep the section being read.
  const latest = notice && notice.querySelector("a.edition-latest");
  if (latest) {
    latest.addEventListener("click", () => {
      const target = new URL(latest.href);
      target.hash = location.hash;
      latest.href = target.href;
    });
  }

  if (!config.version || config.version.provider !== "course-editions") return;
  const languageRoot = new URL(config.base, location.href);
  const editionRoot = new URL("../".repeat(edition.depth) || "./", languageRoot);
  const sitesRoot = new URL("../", editionRoot);
  const language = languageRoot.pathname.slice(editionRoot.pathname.length);  // "en/"
  const here = location.pathname.slice(editionRoot.pathname.length);  // "en/targets/x/"

  function element(tag, properties, children = []) {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
  }

  // A page the other edition does not have (added later, or renamed without a redirect): go to its start page.
  async function open(version) {
    const page = new URL(`${version.version}/${here}`, sitesRoot);
    const found = await fetch(page, { method: "HEAD" }).then((response) => response.ok, () => false);
    const target = found ? page : new URL(`${version.version}/${language}`, sitesRoot);
    if (found) target.hash = location.hash;
    location.assign(target.href);
  }

  fetch(new URL("versions.json", sitesRoot))
    .then((response) => (response.ok ? response.json() : []))
    .then((versions) => {
      const current = versions.find((v) => v.version === edition.name || v.aliases.includes(edition.name));
      if (!current) return;
      const links = versions.filter((v) => !(v.properties && v.properties.hidden)).map((version) => {
        const href = new URL(`${version.version}/${here}`, sitesRoot).href;
        const link = element("a", { className: "md-version__link", href, textContent: version.title });
        link.addEventListener("click", (event) => {
          if (event.metaKey || event.ctrlKey) return;
          event.preventDefault();
          open(version);
        });
        return element("li", { className: "md-version__item" }, [link]);
      });
      const label = config.translations["select.version"];
      document.querySelector(".md-header__topic").appendChild(element("div", { className: "md-version" }, [
        element("button", { className: "md-version__current", textContent: current.title, ariaLabel: label }),
        element("ul", { className: "md-version__list" }, links),
      ]));
      // As Material decides for the default language: an edition without a default alias (latest) is outdated.
      const defaults = [].concat(config.version.default || "latest");
      const names = current.aliases.concat(current.version);
      if (notice && !defaults.some((d) => names.some((name) => new RegExp(d, "i").test(name)))) notice.hidden = false;
    })
    .catch(() => {});  // not deployed by mike (no versions.json): no selector
})();
