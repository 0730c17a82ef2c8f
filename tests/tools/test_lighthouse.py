"""lstm_site/lighthouse.py: the gzip server it measures through and the choice of the worst page."""

import gzip
import urllib.request

from lstm_site.lighthouse import worst
from lstm_site.server import serving
from lstm_site.site_build import site_pages


def test_worst_is_the_lowest_performance_with_mobile_first_on_a_tie():
    results = {
        "": {"mobile": {"performance": 97}, "desktop": {"performance": 100}},
        "error-decoder/": {"mobile": {"performance": 90}, "desktop": {"performance": 90}},
        "faq/": {"mobile": {"performance": 99}, "desktop": {"performance": 92}},
    }
    assert worst(results) == ("error-decoder/", "mobile", 90)


def test_worst_of_a_mobile_only_run():
    results = {"": {"mobile": {"performance": 97}}, "faq/": {"mobile": {"performance": 95}}}
    assert worst(results) == ("faq/", "mobile", 95)


def test_site_pages_lists_every_page_once_home_first(tmp_path):
    for folder in ["", "faq", "notebooks/seq2seq"]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("<p>page</p>")
    (tmp_path / "404.html").write_text("<p>missing</p>")
    assert site_pages(tmp_path) == ["", "faq/", "notebooks/seq2seq/"]


def test_pages_are_served_gzip_compressed(tmp_path):
    (tmp_path / "index.html").write_text("<p>" + "lstm " * 1000 + "</p>")
    with serving(tmp_path, compress=True) as url:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
    assert len(body) < 1000
    assert gzip.decompress(body).decode().count("lstm") == 1000
