"""The comparison of all covenants on "Werkten de convenanten? / Did the agreements work?".

One row per covenant, from fields of their own (the review, the counts, the results), never
from prose: how long it ran, how many companies took part, complaints received and decided,
whether a final evaluation exists and its verdict, what came after, and how many results the
site lists, of which how many come from outside the agreement.
"""

from __future__ import annotations

from dataclasses import dataclass

from imvo.model.content import Corpus, Covenant, Evaluation
from imvo.model.dates import PartialDate
from imvo.render.facts import by_signing, count_phrase, counts_up_front, years
from imvo.render.i18n import Translator
from imvo.render.markdown_text import first_sentence


@dataclass(frozen=True)
class Row:
    """What the comparison shows of one covenant, in one language."""

    slug: str
    name: str
    years: str
    months: int | None
    """How long it ran, signing (or entry into force) to end, where both months are known."""
    companies: list[str]
    """The newest counts of participants that sources give, each with its source."""
    named: int
    """How many participants this site names."""
    complaints_received: int | None
    complaints_decided: int | None
    evaluation: Evaluation
    verdict: str
    after: str
    """The first sentence of what came after the end, without Markdown ('' where none)."""
    after_sources: tuple[str, ...]
    successor: str | None
    results: int
    independent: int
    sources: tuple[str, ...]
    """The sources of the review's facts."""


def months_between(start: PartialDate, end: PartialDate) -> int | None:
    """Whole months from one date to another, where both are known to the month at least."""
    if start.month is None or end.month is None:
        return None
    return (end.year - start.year) * 12 + (end.month - start.month)


def _months(covenant: Covenant) -> int | None:
    start = covenant.signed or covenant.in_force
    if start is None or covenant.ended is None:
        return None
    return months_between(start.date, covenant.ended.date)


def row(slug: str, covenant: Covenant, corpus: Corpus, t: Translator) -> Row:
    """The comparison's row of one covenant."""
    review = covenant.review
    listing = corpus.participants.get(slug)
    return Row(
        slug=slug,
        name=covenant.short_name.get(t.lang),
        years=years(covenant, t),
        months=_months(covenant),
        companies=[
            count_phrase(covenant, count, t) for count in counts_up_front(covenant, "participants")
        ],
        named=len(listing.participants) if listing else 0,
        complaints_received=review.complaints_received if review else None,
        complaints_decided=review.complaints_decided if review else None,
        evaluation=review.final_evaluation if review else Evaluation.unknown,
        verdict=review.verdict.get(t.lang) if review and review.verdict else "",
        after=first_sentence(covenant.after_end.get(t.lang)) if covenant.after_end else "",
        after_sources=tuple(covenant.after_end.sources) if covenant.after_end else (),
        successor=covenant.successor,
        results=len(covenant.results),
        independent=sum(1 for result in covenant.results if result.by.independent),
        sources=tuple(review.sources) if review else (),
    )


def rows(corpus: Corpus, t: Translator) -> list[Row]:
    """Every covenant's row, in order of signing."""
    return [row(slug, corpus.covenants[slug], corpus, t) for slug in by_signing(corpus)]
