"""Two languages on the built site: every page in both, right <html lang>, stable ids, switcher and hreflang."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, SITE_URL, built_path, page_pairs

PAGES = page_pairs()


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content_ids(html: BeautifulSoup) -> list[str]:
    return [h["id"] for h in html.select("article h2[id], article h3[id], article h4[id]")]


def test_there_are_course_pages() -> None:
    assert len(PAGES) >= 30


@pytest.mark.parametrize("page", PAGES)
def test_page_exists_in_both_languages_with_its_own_lang(site: Path, page: str) -> None:
    zh, en = soup(built_path(site, page, "zh")), soup(built_path(site, page, "en"))
    assert zh.html["lang"] == "zh" and en.html["lang"] == "en"
    # Not silently filled in from the other language: the English title is not the Chinese one.
    assert zh.title.string != en.title.string
    assert not re.search(r"[\u4e00-\u9fff]", en.select_one("article h1").get_text())


@pytest.mark.parametrize("page", PAGES)
def test_section_ids_identical_across_languages(site: Path, page: str) -> None:
    zh_ids = content_ids(soup(built_path(site, page, "zh")))
    assert zh_ids == content_ids(soup(built_path(site, page, "en")))
    assert all(not re.fullmatch(r"_\d+", i) for i in zh_ids), zh_ids


def test_no_underscore_number_ids_anywhere(site: Path) -> None:
    offenders = [f for f in site.rglob("*.html") if re.search(r'\bid="_\d+"', f.read_text(encoding="utf-8"))]
    assert offenders == []


@pytest.mark.parametrize("page", PAGES)
def test_language_switcher_leads_to_counterpart(site: Path, page: str) -> None:
    for lang, other in (("zh", "en"), ("en", "zh")):
        path = built_path(site, page, lang)
        link = soup(path).select_one(f'a.md-select__link[hreflang="{other}"]')
        assert (path.parent / link["href"] / "index.html").resolve() == built_path(site, page, other).resolve()


@pytest.mark.parametrize("page", ["index", "mechanisms/monoamine"])
def test_hreflang_and_canonical_are_absolute(site: Path, page: str) -> None:
    html = soup(built_path(site, page, "en"))
    alternates = {a["hreflang"]: a["href"] for a in html.select('link[rel="alternate"][hreflang]')}
    suffix = "" if page == "index" else f"{page}/"
    assert alternates == {"zh": f"{SITE_URL}{suffix}", "en": f"{SITE_URL}en/{suffix}", "x-default": f"{SITE_URL}{suffix}"}
    assert html.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}en/{suffix}"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_its_own_meta_description(site: Path, page: str) -> None:
    descriptions = {soup(built_path(site, page, lang)).select_one('meta[name="description"]')["content"] for lang in ("zh", "en")}
    site_defaults = {soup(built_path(site, "index", lang)).select_one('meta[name="description"]')["content"] for lang in ("zh", "en")}
    assert len(descriptions) == 2 and (page == "index" or not descriptions & site_defaults)


def test_language_data_agrees_with_the_i18n_configuration() -> None:
    """data/languages.yml (read by the hooks) and mkdocs.yml (read by mkdocs-static-i18n) name the same languages
    and the same default, so the roots the hooks compute are the ones i18n builds."""
    from shared.languages import default_language, language_root

    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    locales = re.findall(r"^\s+- locale: (\w+)", config, re.M)
    default = re.search(r"^\s+- locale: (\w+)\n(?:\s+\w+: .*\n)*?\s+default: true", config, re.M).group(1)
    assert default == default_language()
    assert [language_root(locale) for locale in locales] == ["", "en/"]
