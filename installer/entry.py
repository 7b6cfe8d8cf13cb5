"""The bundle's entry point: the same `desktop.__main__.run` as the `claims-desktop` command."""

import sys

from desktop.__main__ import run

if __name__ == "__main__":
    sys.exit(run())
