"""Build the bilingual IMVO covenants site from the YAML content."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository: mkdocs.yml, overrides/ and templates/ live here."""
