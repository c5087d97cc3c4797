"""``python -m textsift``: the same as the ``textsift`` command."""

from __future__ import annotations

import sys

from textsift.cli import main

if __name__ == "__main__":
    sys.exit(main())
