"""The site's own code: the build's hooks, the example runner, and the tools.

The files under hooks/ are MkDocs' entry points into this package; tests and `make` targets
import it as an ordinary package (`make` installs it, editable, into .venv). It imports
nothing from tests/.
"""
