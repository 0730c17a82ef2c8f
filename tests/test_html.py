"""The built HTML: valid for the Nu validator, and every internal link and anchor resolves."""

import functools
import json
import shutil
import subprocess
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from site_build import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material marks its checkbox toggles autocomplete="off", which the validator rejects on a
# checkbox; browsers use it to keep the toggles' state across reloads. Known false positive.
VNU_FALSE_POSITIVES = ("autocomplete",)


def test_every_page_is_valid_html(built_site):
    assert VNU.is_file(), "vnu.jar is missing: `make test` installs it with npm ci"
    assert shutil.which("java"), "java is missing: `make test` installs it on Debian"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json"]
        + [str(page) for page in built_site.pages()],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{urlparse(m.get('url', '')).path.split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not any(word in m["message"] for word in VNU_FALSE_POSITIVES)
    ]
    assert not errors, "\n".join(errors)


@functools.cache
def ids_of(page) -> set[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return {element["id"] for element in soup.select("[id]")}


def test_every_internal_link_and_anchor_resolves(built_site):
    site_dir, site_url = built_site.site_dir, built_site.site_url
    broken = []
    for page in built_site.pages():
        page_url = urljoin(site_url, str(page.relative_to(site_dir)))
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("a[href], link[href], img[src], script[src]"):
            target = urljoin(page_url, element.get("href") or element.get("src"))
            if not target.startswith(site_url):
                continue  # another host: a link a reader may follow, never loaded by the page
            parsed = urlparse(target)
            path = site_dir / unquote(parsed.path.removeprefix(urlparse(site_url).path))
            if path.is_dir():
                path = path / "index.html"
            where = f"{page.relative_to(site_dir)} -> {element.get('href') or element.get('src')}"
            if not path.is_file():
                broken.append(f"{where}: no such file")
            elif parsed.fragment and unquote(parsed.fragment) not in ids_of(path):
                broken.append(f"{where}: no such anchor")
    assert not broken, "\n".join(broken)
