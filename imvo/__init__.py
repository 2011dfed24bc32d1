"""Build the bilingual IMVO covenants site from the YAML content."""
