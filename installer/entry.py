"""The bundle's entry point: the same `desktop.app.main` as the `claims-desktop` command."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
