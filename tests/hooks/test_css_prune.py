"""The notebook stylesheet keeps what the pages use, scoped so it cannot restyle Material."""

from lstm_site.css_prune import prune

CSS = """
@charset "UTF-8";
.jupyter-wrapper{--used:#111;--unused:#222;--chained:var(--used)}
.jupyter-wrapper .jp-Cell{color:var(--chained)}
.jupyter-wrapper .jp-Unused{color:red}
pre{line-height:125%}
[data-md-color-scheme=slate] .highlight pre{background:#000}
@media (max-width:600px){.jupyter-wrapper .jp-Cell{padding:0}.jp-Unused{margin:0}}
"""


def test_rules_for_unused_classes_are_dropped():
    pruned = prune(CSS, {"jp-Cell", "highlight"})
    assert "jp-Unused" not in pruned
    assert ".jupyter-wrapper .jp-Cell{color:var(--chained)}" in pruned
    assert "@media (max-width:600px){.jupyter-wrapper .jp-Cell{padding:0}}" in pruned


def test_only_variables_something_reads_are_kept():
    pruned = prune(CSS, {"jp-Cell"})
    assert "--chained:var(--used)" in pruned and "--used:#111" in pruned
    assert "--unused" not in pruned


def test_every_selector_is_scoped_to_the_notebook():
    pruned = prune(CSS, {"jp-Cell", "highlight"})
    assert ".jupyter-wrapper pre{line-height:125%}" in pruned
    assert "[data-md-color-scheme=slate] .jupyter-wrapper .highlight pre{background:#000}" in pruned
    assert "@charset" not in pruned
