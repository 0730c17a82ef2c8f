"""Every page loads in a real browser with no console error and no request to another host."""

from tests.support.paths import ROOT


def page_paths(site_dir):
    """Every built page as a URL path, 404 included."""
    return sorted(
        str(page.relative_to(site_dir).parent) + "/" if page.name == "index.html" else page.name
        for page in site_dir.rglob("*.html")
    )


def test_every_page_loads_cleanly(watched_page, site_url, built_site):
    paths = page_paths(built_site.site_dir)
    assert len(paths) >= len(list((ROOT / "docs").rglob("*.md")))
    for path in paths:
        url = site_url + path.removeprefix("./")
        response = watched_page.page.goto(url, wait_until="networkidle")
        if path != "404.html":
            assert response.ok, f"{url}: HTTP {response.status}"
    assert not watched_page.console_errors, watched_page.console_errors
    assert not watched_page.offsite_requests, watched_page.offsite_requests
