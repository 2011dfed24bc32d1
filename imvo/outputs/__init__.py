"""The files beside the pages: open data, the search index, feeds and PDFs."""
