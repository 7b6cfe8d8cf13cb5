"""`python -m desktop` runs the application."""

import sys

from desktop.app import main

# Guarded: the 835 checker's spawned child process imports this module as `__mp_main__`
# and must not start a second application.
if __name__ == "__main__":
    sys.exit(main())
