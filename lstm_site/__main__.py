"""One command line for the site's tasks: `python -m lstm_site COMMAND [ARGS]` (`make` calls it).

    bench            build times, page weights, Lighthouse, the test suite (make bench)
    screenshots      pages at 1280 px light and 390 px dark (make screenshots)
    cheat-sheet-pdf  print the cheat sheet to docs/assets/cheat-sheet.pdf (make cheat-sheet-pdf)
    lighthouse       Lighthouse on pages of a built site
    new-page         scaffold a page (make new-page)

`python -m lstm_site COMMAND --help` lists a command's own options.
"""

import importlib
import sys

COMMANDS = {
    "bench": "bench",
    "screenshots": "screenshots",
    "cheat-sheet-pdf": "cheat_sheet_pdf",
    "lighthouse": "lighthouse",
    "new-page": "new_page",
}


def main(argv: list[str]) -> int | None:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        if argv and argv[0] not in ("-h", "--help"):
            print(f"\nerror: no command {argv[0]!r}", file=sys.stderr)
            return 2
        return 0
    module = importlib.import_module(f"lstm_site.{COMMANDS[argv[0]]}")
    sys.argv = [f"python -m lstm_site {argv[0]}", *argv[1:]]
    return module.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
