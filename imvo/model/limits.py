"""The limits on the work content can cause, in one place: `check` and the build apply the
same numbers, and docs/security.md ("Limits") gives them with their reasons.

Each number leaves the real content and the benchmarks far inside it (the 1,000-covenant
benchmark, and a covenant with 5,000 participants) and keeps what an editor, or a pull
request from anyone, can make the build do bounded: no text, page or build runs on for
minutes or grows past what GitHub accepts.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000
"""A content file larger than this is refused before it is parsed (the largest real one is
about 60 kB; a version in git larger than this is never read either)."""

MAX_TEXT = 20_000
"""The most characters one text field of a YAML file may hold (a text page is a file of its
own, up to MAX_FILE_BYTES)."""

MAX_TEXT_LINES = 1_000
"""The most lines one Markdown text may have, a field or a text page (the longest real one,
content/texts/now.nl.md, has 256). Some Markdown takes time that grows with the square of
its lines (10,000 lines of '-' took 16 s; 1,000 take 0.1 s)."""

MAX_TEXT_MARKUP = 250
"""The most '[' and '<' together one Markdown text may hold: each opens a link, an image, a
footnote or a tag, and Python-Markdown's time grows with the square of their number (8,000
'[' in a row took 51 s; 250 take less than 0.1 s). The real maximum is 44, in
content/texts/now.nl.md: 250 leave room for a page of 100 links."""

PAGE_SECONDS = 60.0
"""The longest one page may take (its template, its Markdown, the hooks and the theme): a
page that takes longer stops the build with a line naming its file."""

BUILD_SECONDS = 900.0
"""The longest the pages of both languages may take together (rendering them and the
theme's build; `check` renders them too and stops at the same mark), by the wall clock: a
build that takes longer stops with a line naming the pages in progress. On 7 December 2026,
on the shared 2-core machine under heavy load, the 1,000-covenant benchmark spent 87 s on
its pages (139 s in all) and a covenant with 5,000 participants 13 s (26 s in all): 15
minutes leave a margin of ten for a slower runner. GitHub's own job limit is 6 hours."""

MAX_SITE_BYTES = 1_000_000_000
"""The largest the whole built site may be, its PDFs, search index and data included: GitHub
Pages publishes no site larger than 1 GB. The 1,000-covenant benchmark's site is 84 MB, that
of 1,000 covenants with 100 participants each 244 MB; the real site about 10 MB."""

MAX_PAGE_BYTES = 10_000_000
"""The largest HTML a page may have (before the theme adds its frame of about 40 kB). GitHub
refuses a file over 100 MB and warns from 50 MB, and a phone cannot use a page of more than a
few MB. The largest page of the 1,000-covenant benchmark (the overview) is 1.3 MB, of a
covenant with 5,000 participants 0.2 MB (from 2,000 organisations on the A-Z list is split
by letter); the real site's largest is far under 1 MB."""
