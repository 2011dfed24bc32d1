"""The editors' tools: check, new files, schemas, translations and GitHub's forms."""
