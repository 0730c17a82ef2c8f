"""lstm_site/claim_pages.py: which claims page lists each claim, and the nav that shows them."""

from lstm_site.claim_pages import GROUP_SIZE, claim_pages, nav_pages, with_claim_pages
from lstm_site.site_build import site_config

NAV = [
    {"Start here": [{"Home": "index.md"}, {"FAQ": "faq.md"}]},
    {"Reference": [{"Claims": "claims.md"}, {"Source": "https://example.org/"}]},
    {"How-to": [{"Losses": "losses.md"}, "packing.md"]},
]


def test_nav_pages_in_order_without_links_out():
    assert nav_pages(NAV) == [
        ("Home", "index.md"),
        ("FAQ", "faq.md"),
        ("Claims", "claims.md"),
        ("Losses", "losses.md"),
        ("packing.md", "packing.md"),
    ]


def test_a_claim_goes_with_the_last_page_that_states_it_and_no_page_is_split():
    many = {f"faq_{n:02}": ["faq.md"] for n in range(GROUP_SIZE - 1)}
    stated_on = {
        **many,
        "both": ["faq.md", "losses.md"],  # with losses, the later page
        "home": ["index.md"],
        "packed_a": ["packing.md"],
        "packed_b": ["packing.md"],
        "nowhere": [],
    }
    pages = claim_pages(stated_on, nav_pages(NAV))
    assert [page.src_uri for page in pages] == ["claims/home.md", "claims/losses.md"]
    assert pages[0].claim_ids == ["home", *many]  # 25: one more would split
    assert pages[0].title == "Claims: Home to FAQ"
    assert pages[1].claim_ids == ["both", "packed_a", "packed_b", "nowhere"]
    assert [title for title, _ in pages[1].pages] == ["Losses", "packing.md"]


def test_one_page_stating_more_than_a_page_holds_keeps_them_together():
    stated_on = {f"c{n:02}": ["losses.md"] for n in range(GROUP_SIZE + 3)}
    pages = claim_pages(stated_on, nav_pages(NAV))
    assert [(page.title, len(page.claim_ids)) for page in pages] == [
        ("Claims: Losses", GROUP_SIZE + 3)
    ]


def test_the_claims_entry_becomes_a_section_again_on_a_rebuild():
    pages = claim_pages({"a": ["faq.md"], "b": ["losses.md"]}, nav_pages(NAV))
    nav = with_claim_pages(NAV, "claims.md", pages)
    assert nav[1]["Reference"][0] == {
        "Claims": [
            {"Claims index and grid": "claims.md"},
            {"Claims: FAQ to Losses": "claims/faq.md"},
        ]
    }
    assert with_claim_pages(nav, "claims.md", pages) == nav
    # A nav of bare paths (a test build of a few pages) gets the section too.
    assert with_claim_pages(["faq.md", "claims.md"], "claims.md", pages)[1] == {
        "Claims": [{"Claims index and grid": "claims.md"}]
        + [{page.title: page.src_uri} for page in pages]
    }


def test_the_site_nav_lists_claims_md_once():
    """The nav entry the build turns into the Claims section."""
    sources = [src for _, src in nav_pages(site_config()["nav"])]
    assert sources.count("claims.md") == 1
