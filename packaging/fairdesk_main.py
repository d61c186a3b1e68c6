"""Entry point of the frozen program (PyInstaller): the `fairdesk` command."""

import sys

from fairdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
