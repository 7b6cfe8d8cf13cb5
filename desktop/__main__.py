"""`python -m desktop` (and the `claims-desktop` command) runs the application."""

import sys


def run() -> int:
    """Start with the collector paused (`desktop.collector`), then the application."""
    from desktop import collector

    collector.pause()
    from desktop.app import main

    return main()


# Guarded: the 835 checker's spawned child process imports this module as `__mp_main__`
# and must not start a second application.
if __name__ == "__main__":
    sys.exit(run())
