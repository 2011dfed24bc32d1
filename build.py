#!/usr/bin/env python3
"""Build the bilingual IMVO covenants site: python build.py [build|check|serve|new] --help."""

import sys

from imvo.cli import main

if __name__ == "__main__":
    sys.exit(main())
