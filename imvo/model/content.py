"""The content model: what a covenant file and the party registry may hold.

The model is the one source of truth for the shape of the content: the loader checks
files against it, the JSON Schema for editors' tools is exported from it, and the
templates read it. Unknown keys are errors everywhere (``extra="forbid"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.functional_validators import AfterValidator, BeforeValidator

from imvo.messages import CodedError
from imvo.model import limits
from imvo.model.dates import DateValue
from imvo.model.positions import Positions
from imvo.participants.names import before, describe, invisible

LANGUAGES: tuple[str, ...] = ("nl", "en")
"""The site's languages, default first."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_PATTERN = SLUG_PATTERN


def invisible_error(text: str) -> CodedError | None:
    """The editor's message for a text with a character that cannot be seen, or None."""
    found = invisible(text)
    if found is None:
        return None
    place, char = found
    shown = before(text, place)
    if not shown:
        return CodedError("invisible-char-start", char=describe(char))
    return CodedError("invisible-char", char=describe(char), before=shown)


def visible(value: Any) -> Any:
    """Refuse a name or id (or a list of them, or a text in both languages) with a
    character that cannot be seen: a zero-width space, a direction override, a control
    character (see imvo/participants/names.py). The value itself is never changed."""
    if isinstance(value, str):
        texts: list[Any] = [value]
    elif isinstance(value, list):
        texts = value
    elif isinstance(value, BaseModel):
        texts = [getattr(value, "nl", None), getattr(value, "en", None)]
    else:
        texts = []
    for text in texts:
        if isinstance(text, str) and (error := invisible_error(text)) is not None:
            raise error
    return value


Id = Annotated[str, Field(pattern=ID_PATTERN), BeforeValidator(visible)]
"""An id (of a party, a source, a participant): a slug, and nothing that cannot be seen."""


class Strict(BaseModel):
    """Base for every content object: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_URL_RE = re.compile(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$", re.IGNORECASE)


def check_url(value: str) -> str:
    """Accept only web (http, https) and mailto addresses: no javascript:, data: or files."""
    if not _URL_RE.match(value):
        raise CodedError("url", got=repr(value))
    return value


Url = Annotated[
    str,
    AfterValidator(check_url),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^(https?://|mailto:)",
            "description": "A web address starting with https:// (or mailto: for e-mail).",
        }
    ),
]


# --- texts ------------------------------------------------------------------------------

MAX_TEXT = limits.MAX_TEXT
"""The most characters one text may have (imvo/model/limits.py): a page that long is already hard
to read, and a longer one could be made to cost the build minutes or fill the disk (an
abbreviation's meaning is repeated wherever it appears)."""

NonEmpty = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
Name = Annotated[NonEmpty, AfterValidator(visible)]
"""The name of an organisation or a person: a text with nothing that cannot be seen."""


class Text(Strict):
    """A text in both languages: Dutch (nl) and English (en). Both are required."""

    nl: NonEmpty = Field(description="The Dutch text.")
    en: NonEmpty = Field(description="The English text.")

    def get(self, lang: str) -> str:
        """The text in one language."""
        return self.nl if lang == "nl" else self.en


class SourcedText(Text):
    """A text in both languages with the sources it rests on (optional for older files)."""

    sources: list[Id] = Field(
        default_factory=list, description="The ids of the sources this text rests on."
    )


def _name_in(value: str | Text, lang: str) -> str:
    return value if isinstance(value, str) else value.get(lang)


# --- sources and facts ------------------------------------------------------------------

SourceId = Id

OLD_SOURCE_DATE = "date"
"""The old key of a source's publication date: still read as `published`, but `check` warns,
since files used it for viewed-on dates too."""


class Source(Strict):
    """A public source that facts on the factsheet come from."""

    id: SourceId = Field(
        description="A short name for the source, used to refer to it from facts "
        "(lowercase letters, digits and hyphens)."
    )
    title: Name = Field(description="The title of the source, as the source writes it.")
    publisher: Name | None = Field(
        default=None, description="Who published it, for example 'SER' or 'CNV Internationaal'."
    )
    url: Url | None = Field(default=None, description="Where it can be read: an https:// address.")
    published: DateValue | None = Field(
        default=None,
        description="When the source was published: the date the source itself gives (on the "
        "page, in the report, in the letter). Leave it out when the source gives none: the "
        "site then says that the publication date is unknown. Never the day you viewed it.",
    )
    checked: DateValue | None = Field(
        default=None,
        description="When an editor last viewed the source and checked the facts it supports "
        "(its 'viewed on' date). Shown as that, never as the publication date.",
    )

    @model_validator(mode="before")
    @classmethod
    def _old_date(cls, data: Any) -> Any:
        """`date:` is the old name of `published:` (check asks the editor which it is)."""
        if isinstance(data, dict) and OLD_SOURCE_DATE in data and "published" not in data:
            data = {("published" if k == OLD_SOURCE_DATE else k): v for k, v in data.items()}
        return data


class DisputedDate(Strict):
    """Another value for a date that a source gives, which disagrees with the main one."""

    date: DateValue = Field(description="The date this source gives instead.")
    sources: list[SourceId] = Field(
        min_length=1, description="The source or sources that give this other date."
    )


class DatedFact(Strict):
    """A date with the sources it comes from, and any value other sources give."""

    date: DateValue = Field(description="The date.")
    sources: list[SourceId] = Field(
        default_factory=list, description="The ids of the sources that give this date."
    )
    disputed: list[DisputedDate] = Field(
        default_factory=list,
        description="Other dates that other sources give for the same fact.",
    )
    note: Text | None = Field(default=None, description="A short remark on this date.")


class Term(Strict):
    """The planned term of a covenant."""

    months: int = Field(gt=0, le=600, description="The planned term in months (5 years = 60).")
    sources: list[SourceId] = Field(default_factory=list, description="Where the term comes from.")


class Status(StrEnum):
    """Where a covenant stands."""

    in_preparation = "in_preparation"
    active = "active"
    ended = "ended"
    ended_early = "ended_early"
    succeeded = "succeeded"
    unknown = "unknown"

    @property
    def has_ended(self) -> bool:
        """Whether a covenant with this status has come to an end (see ENDED_STATUSES)."""
        return self in ENDED_STATUSES


ENDED_STATUSES = frozenset({Status.ended, Status.ended_early, Status.succeeded})
"""The statuses of a covenant that has come to an end: each needs the 'ended' date. The one
home of this rule: validation, check's warnings, the pages and the open data ask here."""


class StatusFact(Strict):
    """The status of a covenant, with its sources."""

    value: Status = Field(
        description="in_preparation, active, ended, ended_early (ended before its term), "
        "succeeded (followed by a new agreement) or unknown (no source says whether it still "
        "runs; 'as_of' gives the date of the latest source that saw it running)."
    )
    sources: list[SourceId] = Field(
        default_factory=list, description="Where the status comes from."
    )
    as_of: DateValue | None = Field(
        default=None,
        description="When the status was last checked against the sources; for status "
        "unknown, the date of the latest source that saw the covenant running.",
    )
    note: Text | None = Field(default=None, description="A short remark on the status.")


# --- parties ------------------------------------------------------------------------------


class PartyKind(StrEnum):
    """What kind of organisation a party is."""

    trade_union = "trade_union"
    ngo = "ngo"
    government = "government"
    sector_association = "sector_association"
    company = "company"
    facilitator = "facilitator"
    knowledge_institute = "knowledge_institute"


class Role(StrEnum):
    """The part an organisation played in a covenant."""

    signatory = "signatory"
    supporter = "supporter"
    facilitator = "facilitator"
    withdrawn = "withdrawn"
    declined = "declined"


class Party(Strict):
    """An organisation in the registry (content/parties.yaml)."""

    id: Id = Field(
        description="A short, stable name that covenant files use to refer to this party."
    )
    name: NonEmpty | Text = Field(
        description="The name; give nl and en only where the names differ."
    )
    full_name: NonEmpty | Text | None = Field(
        default=None, description="The full name, where 'name' is an abbreviation."
    )
    kind: PartyKind = Field(description="What kind of organisation it is.")
    website: Url | None = Field(default=None, description="Its website: an https:// address.")

    @field_validator("name", "full_name")
    @classmethod
    def _names_visible(cls, value: Any) -> Any:
        """No character that cannot be seen in a name (see imvo/participants/names.py)."""
        return visible(value)

    def name_in(self, lang: str) -> str:
        """The party's name in one language."""
        return _name_in(self.name, lang)

    def full_name_in(self, lang: str) -> str | None:
        """The party's full name in one language, if it has one."""
        return None if self.full_name is None else _name_in(self.full_name, lang)


class PartyRegistry(Strict):
    """The file content/parties.yaml: every organisation that takes part in a covenant."""

    parties: list[Party] = Field(description="The organisations.")


class Participation(Strict):
    """One party's part in a covenant."""

    party: Id = Field(description="The id of the party in content/parties.yaml.")
    role: Role = Field(
        description="signatory, supporter, facilitator, withdrawn (left) or declined "
        "(refused to sign)."
    )
    date: DateValue | None = Field(
        default=None, description="When the party joined, left or declined, where known."
    )
    sources: list[SourceId] = Field(default_factory=list, description="Where this comes from.")
    note: Text | None = Field(default=None, description="A short remark on this party's part.")


# --- themes -------------------------------------------------------------------------------


class OecdTheme(StrEnum):
    """Chapters of the OECD Guidelines for Multinational Enterprises."""

    disclosure = "disclosure"
    human_rights = "human_rights"
    employment = "employment"
    environment = "environment"
    bribery = "bribery"
    consumer_interests = "consumer_interests"
    science_technology = "science_technology"
    competition = "competition"
    taxation = "taxation"


class Risk(StrEnum):
    """Risks a covenant addresses."""

    child_labour = "child_labour"
    forced_labour = "forced_labour"
    living_wage = "living_wage"
    freedom_of_association = "freedom_of_association"
    discrimination = "discrimination"
    health_and_safety = "health_and_safety"
    working_hours = "working_hours"
    land_rights = "land_rights"
    environmental_pollution = "environmental_pollution"
    climate = "climate"
    biodiversity = "biodiversity"
    deforestation = "deforestation"
    water = "water"
    animal_welfare = "animal_welfare"
    conflict_financing = "conflict_financing"
    corruption = "corruption"
    indigenous_rights = "indigenous_rights"


# --- the covenant -------------------------------------------------------------------------


class Link(Strict):
    """A link to more information."""

    title: Text = Field(description="What the link leads to, in both languages.")
    url: Url = Field(description="The address: https://...")


class Chair(Strict):
    """An independent chair of the covenant's steering committee, as a source names them."""

    name: Name = Field(description="The chair's name, as the source writes it.")
    since: DateValue | None = Field(default=None, description="From when, where known.")
    until: DateValue | None = Field(default=None, description="Until when, where known.")
    sources: list[SourceId] = Field(min_length=1, description="Where the name comes from.")
    note: Text | None = Field(default=None, description="A short remark, in both languages.")


class CountOf(StrEnum):
    """What a number given by a source counts."""

    parties = "parties"
    """Every organisation that signed (sector associations, unions, NGOs, government, ...)."""
    participants = "participants"
    """The companies, banks, insurers or pension funds that took part."""


class Count(Strict):
    """A number a source gives, such as '73 pension funds' or '11 parties signed'.

    Where sources give different numbers, each gets its own entry: the site shows them all.
    """

    of: CountOf = Field(description="What is counted: parties or participants.")
    number: int = Field(ge=0, le=100_000, description="The number the source gives.")
    as_of: DateValue | None = Field(default=None, description="When the number was true.")
    sources: list[SourceId] = Field(min_length=1, description="The source that gives it.")
    note: Text | None = Field(default=None, description="A short remark, in both languages.")


MAX_ACTIONS = 5


# --- results: what a covenant achieved ---------------------------------------------------


TOP_RESULTS = 3
"""How many results a factsheet shows first (and the PDF prints): the first in the file."""


class ResultKind(StrEnum):
    """What kind of claim a result is."""

    monitoring = "monitoring"
    """A figure from the agreement's monitoring (how many companies did a risk analysis)."""
    evaluation = "evaluation"
    """A finding of an evaluation (midterm, final, or of the policy as a whole)."""
    complaint = "complaint"
    """A complaint handled: filed, decided, settled."""
    outcome = "outcome"
    """An outcome for workers (wages, safety, a union recognised, remedy paid)."""
    criticism = "criticism"
    """What a critic says did not work."""


class ResultBy(StrEnum):
    """Who says it: the agreement itself, or someone outside it."""

    agreement = "agreement"
    """The agreement's own report (annual, monitoring or final report of its parties)."""
    evaluator = "evaluator"
    """An independent evaluator or researcher (commissioned or not)."""
    ngo = "ngo"
    """An NGO (also one that took part: say so in by_name)."""
    union = "union"
    """A trade union."""
    parliament = "parliament"
    """Parliament, or a minister's letter to it."""
    government = "government"
    """The government or a government body."""

    @property
    def independent(self) -> bool:
        """Whether this is someone other than the agreement speaking of itself."""
        return self is not ResultBy.agreement


class Figure(Strict):
    """A number a result gives, with what it counts and when it was true."""

    value: float = Field(ge=0, le=1_000_000_000, description="The number, as the source gives it.")
    unit: Text = Field(
        description="What the number counts, in both languages ('companies with a risk "
        "analysis', 'per cent of the companies')."
    )
    as_of: DateValue = Field(description="The date (or year) the number was true.")


class Result(Strict):
    """One claim of what a covenant did or did not achieve, with who says it and its source."""

    kind: ResultKind = Field(description="What kind of claim it is.")
    text: Text = Field(
        description="The claim in one or two sentences (Markdown), summarised, never overstated."
    )
    figure: Figure | None = Field(
        default=None, description="Its number, where the source gives one."
    )
    by: ResultBy = Field(description="Who says it.")
    by_name: Text | None = Field(
        default=None, description="Who exactly, where it helps ('KIT Royal Tropical Institute')."
    )
    date: DateValue | None = Field(
        default=None, description="When the source said it (its publication date)."
    )
    sources: list[SourceId] = Field(min_length=1, description="The source that says it.")
    note: Text | None = Field(
        default=None,
        description="A short remark: which part of the source supports the claim, or where "
        "another source disagrees.",
    )


class Evaluation(StrEnum):
    """Whether an evaluation of the agreement at its end exists."""

    exists = "exists"
    none = "none"
    """Sources say there was none, or searches found none (say so in results_searched)."""
    unknown = "unknown"


class Review(Strict):
    """The facts the comparison of all covenants shows, each a field of its own."""

    final_evaluation: Evaluation = Field(
        default=Evaluation.unknown,
        description="Whether an evaluation of the agreement at its end exists: exists, none "
        "or unknown.",
    )
    verdict: Text | None = Field(
        default=None, description="The final evaluation's verdict, in a few words."
    )
    complaints_received: int | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="Complaints received, where a source counts them.",
    )
    complaints_decided: int | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="Complaints decided or settled, where a source counts them.",
    )
    as_of: DateValue | None = Field(default=None, description="When these figures were true.")
    sources: list[SourceId] = Field(min_length=1, description="Where these facts come from.")


class ResultSearch(Strict):
    """The record of a search for results that found none, so that 'none found' is dated."""

    date: DateValue = Field(description="When the search was made.")
    searches: list[Text] = Field(
        min_length=1,
        description="What was searched, in both languages: the terms, the languages, where, "
        "and what was found.",
    )


class Covenant(Strict):
    """One covenant: the file content/covenants/<slug>.yaml."""

    name: Text = Field(description="The full name of the covenant.")
    short_name: Text = Field(description="A short name, used in lists and the timeline.")
    sector: Text = Field(description="The sector the covenant covers.")
    status: StatusFact = Field(description="Where the covenant stands.")
    signed: DatedFact | None = Field(default=None, description="When it was signed.")
    in_force: DatedFact | None = Field(default=None, description="When it came into force.")
    ended: DatedFact | None = Field(default=None, description="When it ended.")
    term: Term | None = Field(default=None, description="The planned term.")
    successor: Id | None = Field(
        default=None, description="The slug (file name) of the covenant that followed this one."
    )
    tagline: Text | None = Field(
        default=None,
        description="One line on what the agreement is or was, shown under the title "
        "(without it, the summary's first sentence).",
    )
    checked: DateValue | None = Field(
        default=None,
        description="When the editors last checked this whole file against its sources "
        "(not the date of a source: that is status.as_of).",
    )
    summary: Text = Field(description="A short summary, written for a union official.")
    goals: list[Text] = Field(default_factory=list, description="The covenant's goals.")
    oecd_themes: list[OecdTheme] = Field(
        default_factory=list, description="The OECD Guidelines chapters it addresses."
    )
    risks: list[Risk] = Field(default_factory=list, description="The risks it addresses.")
    parties: list[Participation] = Field(
        default_factory=list, description="The organisations and their part in it."
    )
    chairs: list[Chair] = Field(
        default_factory=list, description="The independent chair or chairs, where named."
    )
    counts: list[Count] = Field(
        default_factory=list,
        description="Numbers of parties or participants that sources give; one entry per "
        "source where they disagree.",
    )
    complaints: SourcedText | None = Field(
        default=None, description="How a worker or local union can complain, and to whom."
    )
    complaints_now: SourcedText | None = Field(
        default=None,
        description="Where a complaint goes today, in a few words ('The brand or the NCP'), "
        "from a source that names the route; shown in one line at the top of the factsheet. "
        "Without it the factsheet says that no source names a current route.",
    )
    union_role: SourcedText | None = Field(
        default=None,
        description="What a union official or works-council member can do in this covenant.",
    )
    actions: list[Text] = Field(
        default_factory=list,
        max_length=MAX_ACTIONS,
        description="Two or three concrete steps for a union member or works-council member, "
        "each one short sentence (Markdown).",
    )
    after_end: SourcedText | None = Field(
        default=None,
        description="For a covenant that has ended: one line on what came after it (a "
        "successor, failed talks on a successor, where complaints go now).",
    )
    results: list[Result] = Field(
        default_factory=list,
        description="What the covenant achieved or did not, one claim each, the most important "
        "for workers first (the first three are shown at the top and in the PDF).",
    )
    review: Review | None = Field(
        default=None,
        description="The comparison's facts: final evaluation and its verdict, complaints "
        "received and decided.",
    )
    results_searched: ResultSearch | None = Field(
        default=None,
        description="Where no result was found: the searches made and their date.",
    )
    links: list[Link] = Field(default_factory=list, description="Links to more information.")
    sources: list[Source] = Field(
        default_factory=list, description="The sources of the facts on this factsheet."
    )

    @field_validator("name", "short_name")
    @classmethod
    def _names_visible(cls, value: Any) -> Any:
        """No character that cannot be seen in a name (see imvo/participants/names.py)."""
        return visible(value)

    def top_results(self) -> list[Result]:
        """The results the editors put first: shown at the top of the section and printed."""
        return self.results[:TOP_RESULTS]

    def more_results(self) -> list[Result]:
        """The other results, behind one control on the page, left out of the PDF."""
        return self.results[TOP_RESULTS:]

    def dated_facts(self) -> list[tuple[str, DatedFact]]:
        """The covenant's dated facts, by field name, in order of the life of a covenant."""
        facts = [("signed", self.signed), ("in_force", self.in_force), ("ended", self.ended)]
        return [(name, fact) for name, fact in facts if fact is not None]


# --- participants ---------------------------------------------------------------------
# content/participants/<covenant-slug>.yaml: the enterprises that committed themselves to
# one covenant. A separate file per covenant keeps covenant files readable and lets an
# editor add a name in one line (the file's default sources and kind fill in the rest).


class ParticipantKind(StrEnum):
    """What kind of enterprise a participant is."""

    company = "company"
    bank = "bank"
    insurer = "insurer"
    health_insurer = "health_insurer"
    pension_fund = "pension_fund"
    asset_manager = "asset_manager"
    sector_association = "sector_association"
    other = "other"


class Participant(Strict):
    """One enterprise that took part in the covenant, as a source names it."""

    name: Name = Field(description="The name as readers know it, e.g. 'ABN AMRO'.")
    legal_name: Name | None = Field(
        default=None, description="The full legal name, e.g. 'ABN AMRO Bank N.V.'."
    )
    id: Id | None = Field(
        default=None,
        description="Only for an organisation that takes part in more than one covenant: "
        "the same short id on its entry in each file (lowercase letters, digits, hyphens). "
        "Two entries with different ids are different organisations.",
    )
    party: Id | None = Field(
        default=None,
        description="Its id in content/parties.yaml, where it is also a party (a bank that "
        "signed as itself, a sector association).",
    )
    kind: ParticipantKind | None = Field(
        default=None,
        description="company, bank, insurer, health_insurer, pension_fund, asset_manager, "
        "sector_association or other; without it, the file's default_kind.",
    )
    brands: list[Name] = Field(
        default_factory=list, description="Brands or trade names it is known by."
    )
    group: Name | None = Field(
        default=None, description="The parent group it belongs to, e.g. 'Achmea'."
    )
    website: Url | None = Field(default=None, description="Its website: an https:// address.")
    joined: DateValue | None = Field(
        default=None, description="When it joined, where a source says (else: from the start)."
    )
    left: DateValue | None = Field(default=None, description="When it left, where a source says.")
    left_by: DateValue | None = Field(
        default=None,
        description="Where a source says that it left but not when: the date of that source "
        "(it had left by then at the latest).",
    )
    sources: list[SourceId] = Field(
        default_factory=list,
        description="Where it is named as a participant; without it, the file's default_sources.",
    )
    note: Text | None = Field(default=None, description="A short remark, in both languages.")

    @property
    def key(self) -> str | None:
        """The id that ties its entries in several covenants together: the party id or id."""
        return self.party or self.id


class ParticipantList(Strict):
    """The file content/participants/<slug>.yaml: the participants of one covenant."""

    sources: list[Source] = Field(
        default_factory=list, description="The sources that name the participants."
    )
    default_sources: list[SourceId] = Field(
        default_factory=list,
        description="The ids of the sources for every entry that gives no sources of its own.",
    )
    default_kind: ParticipantKind | None = Field(
        default=None, description="The kind of every entry that gives no kind of its own."
    )
    counts: list[Count] = Field(
        default_factory=list,
        description="Totals that sources give ('73 pension funds'), with 'of: participants'; "
        "one entry per source where they disagree.",
    )
    official_list: SourceId | None = Field(
        default=None,
        description="The id (in 'sources') of the official list of all participants, where "
        "a reader finds every name: the covenant's list of signatories or its annex.",
    )
    complete: bool = Field(
        default=False,
        strict=True,
        description="true only when this file names every participant of the official list "
        "(an editor's statement, after checking it against that list; needs official_list). "
        "Without it the site tells readers that the list is not complete.",
    )
    participants: list[Participant] = Field(
        default_factory=list, description="The participants, one entry each."
    )

    def sources_of(self, participant: Participant) -> list[str]:
        """The source ids of one entry: its own, else the file's default sources."""
        return participant.sources or self.default_sources

    def kind_of(self, participant: Participant) -> ParticipantKind | None:
        """The kind of one entry: its own, else the file's default kind."""
        return participant.kind or self.default_kind


# --- site-wide content ---------------------------------------------------------------------


class GlossaryEntry(Strict):
    """One term of the glossary."""

    term: Text = Field(description="The term, as each language writes it.")
    abbreviation: Text | None = Field(
        default=None,
        description="The abbreviation in each language (OESO / OECD); the site explains it "
        "wherever it appears.",
    )
    definition: Text = Field(description="What the term means, in plain words.")
    url: Url | None = Field(default=None, description="Where to read more: https://...")


class Glossary(Strict):
    """The file content/glossary.yaml."""

    entries: list[GlossaryEntry] = Field(min_length=1, description="The terms.")


class DueDiligenceStep(Strict):
    """One step of the due-diligence cycle."""

    id: Id = Field(description="A short name for the step.")
    title: Text = Field(description="The step's name (one or two words).")
    explanation: Text = Field(description="What the step means for a company.")
    union_action: Text = Field(
        description="What a union official or works-council member can do at this step."
    )


# --- due diligence: the OECD steps and the CNV factsheet's steps --------------------------
# The page follows the six steps of the OECD Due Diligence Guidance (2018); the CNV
# Internationaal factsheet (2018) names six steps of its own, which fall differently
# (two of them inside the OECD's step 2, none for remediation). Each OECD step says which
# CNV steps it holds, so that readers who know the CNV version find their way.


class OecdStep(DueDiligenceStep):
    """One OECD step, with the CNV factsheet's steps that fall under it."""

    cnv_steps: list[Text] = Field(
        default_factory=list,
        description="The names of the CNV factsheet's steps that fall under this step "
        "(none where the factsheet has no step of its own for it).",
    )


class DueDiligence(Strict):
    """The file content/due-diligence.yaml: the six-step cycle explained."""

    intro: Text = Field(description="The opening text of the page (Markdown).")
    steps: list[OecdStep] = Field(min_length=1, description="The steps, in order.")
    sources: list[Source] = Field(default_factory=list, description="Where the text comes from.")


# --- the law: the CSRD and CSDDD thresholds, dates and the state of Dutch law --------------
# content/law.yaml holds them once; the decision aid, its table, the open data and the page
# "what applies now" read them from there. Amounts are in millions of euros.


class LegalStep(StrEnum):
    """The step a law or bill is at on a date."""

    proposed = "proposed"
    consultation = "consultation"
    submitted = "submitted"
    adopted = "adopted"
    published = "published"
    in_force = "in_force"
    deadline = "deadline"
    applies = "applies"
    infringement = "infringement"


Millions = Annotated[float, Field(ge=0, le=1_000_000)]
"""An amount in millions of euros (450 is 450 million euros; decimals allowed)."""


class DatedStep(Strict):
    """One dated step of a law: adopted, published, in force, applies to companies from."""

    step: LegalStep = Field(description="Which step this is.")
    date: DateValue = Field(description="When it happened or happens.")
    text: Text = Field(description="What happened, in one sentence.")
    sources: list[SourceId] = Field(min_length=1, description="Where this comes from.")


class EuScope(Strict):
    """Who a law covers among companies established in the EU (and their groups)."""

    employees_over: int = Field(
        ge=0, le=10_000_000, description="Covered above this average number of employees."
    )
    turnover_over: Millions = Field(
        description="Covered above this net turnover, in millions of euros."
    )
    article: Text = Field(description="The article of the directive, as amended.")
    years: Text = Field(description="Which financial years the figures are for.")
    sources: list[SourceId] = Field(min_length=1, description="Where the rule comes from.")
    as_of: DateValue = Field(description="The date the rule was true as of.")
    note: Text | None = Field(default=None, description="A remark, such as a doubt.")


class NonEuScope(Strict):
    """Who a law covers among companies and groups established outside the EU."""

    eu_turnover_over: Millions = Field(
        description="Covered above this net turnover in the EU, in millions of euros."
    )
    branch_turnover_over: Millions | None = Field(
        default=None,
        description="Only with an EU subsidiary or branch above this net turnover of its own "
        "(millions of euros); leave out where the law asks for none.",
    )
    article: Text = Field(description="The article of the directive, as amended.")
    years: Text = Field(description="Which financial years the figures are for.")
    sources: list[SourceId] = Field(min_length=1, description="Where the rule comes from.")
    as_of: DateValue = Field(description="The date the rule was true as of.")
    note: Text | None = Field(default=None, description="A remark, such as a doubt.")


class Franchise(Strict):
    """The franchise and licensing route of the CSDDD, which the decision aid does not ask."""

    royalties_over: Millions = Field(description="Royalties in the EU above this (millions).")
    turnover_over: Millions = Field(description="Net turnover above this (millions of euros).")
    article: Text = Field(description="The article of the directive, as amended.")
    sources: list[SourceId] = Field(min_length=1, description="Where the rule comes from.")
    as_of: DateValue = Field(description="The date the rule was true as of.")
    note: Text | None = Field(default=None, description="A remark, such as a doubt.")


class Start(Strict):
    """From when a law's duties apply to the companies it covers."""

    date: DateValue = Field(description="The first day (or year) the duties apply.")
    text: Text = Field(description="From when, in words (which financial years, first report).")
    article: Text = Field(description="The article of the directive, as amended.")
    sources: list[SourceId] = Field(min_length=1, description="Where this comes from.")
    as_of: DateValue = Field(description="The date this was true as of.")


class Law(Strict):
    """One EU directive: whom it covers, from when, and its dated steps."""

    name: Text = Field(description="Its short name (CSRD).")
    title: Text = Field(description="Its full name.")
    directive: Text = Field(description="The directive and the one that amended it.")
    duty: Text = Field(description="What it asks of a company it covers, in a few words.")
    through_group: Text = Field(description="What it means to be covered through the group.")
    eu: EuScope = Field(description="Companies and groups established in the EU.")
    non_eu: NonEuScope = Field(description="Companies and groups established outside the EU.")
    franchise: Franchise | None = Field(default=None, description="The franchise route, if any.")
    start_eu: Start = Field(description="From when it applies to EU companies and groups.")
    start_non_eu: Start = Field(description="From when it applies to non-EU companies and groups.")
    cannot_decide: list[Text] = Field(
        default_factory=list, description="What the decision aid cannot decide for this law."
    )
    steps: list[DatedStep] = Field(default_factory=list, description="Its dated steps.")


class Instrument(Strict):
    """A Dutch law or bill, and where it stands on a date."""

    id: Annotated[str, Field(pattern=ID_PATTERN)] = Field(description="A short name for it.")
    law: Annotated[str, Field(pattern="^(csrd|csddd)$")] | None = Field(
        default=None, description="The directive it writes into Dutch law (csrd, csddd), if any."
    )
    name: Text = Field(description="Its name.")
    role: Text = Field(description="What it does or would do.")
    step: LegalStep = Field(description="The step it is at on the date as_of.")
    state: Text = Field(description="Where it stands, in dated sentences.")
    as_of: DateValue = Field(description="The date this state was true as of.")
    sources: list[SourceId] = Field(min_length=1, description="Where this comes from.")
    steps: list[DatedStep] = Field(default_factory=list, description="Its earlier dated steps.")


class LawRules(Strict):
    """The file content/law.yaml: the CSRD and CSDDD and the state of Dutch law."""

    checked: DateValue = Field(description="When the editors last checked the whole file.")
    note: Text | None = Field(default=None, description="A remark on the file as a whole.")
    sources: list[Source] = Field(min_length=1, description="The sources the rules cite.")
    csrd: Law = Field(description="The CSRD as amended.")
    csddd: Law = Field(description="The CSDDD as amended.")
    dutch: list[Instrument] = Field(
        default_factory=list, description="Dutch laws and bills, each with its dated state."
    )

    def laws(self) -> dict[str, Law]:
        """The two directives by id, CSRD first."""
        return {"csrd": self.csrd, "csddd": self.csddd}


COMMIT_PATTERN = r"^[0-9a-f]{7,40}$"
"""A commit as GitHub shows it: its first 7 (or more, up to all 40) hexadecimal characters."""


def check_commit(value: str) -> str:
    """Accept a commit as GitHub shows it (7 to 40 of 0-9 and a-f)."""
    if not re.fullmatch(COMMIT_PATTERN, value):
        raise CodedError("commit-id", got=repr(value))
    return value


CommitId = Annotated[
    str,
    AfterValidator(check_commit),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": COMMIT_PATTERN,
            "description": "A commit: its first 7 or more characters as GitHub shows them.",
        }
    ),
]


class HiddenChange(Strict):
    """One commit whose changes the site's history leaves out (a wrong entry)."""

    commit: CommitId = Field(
        description="The commit, by its first 7 or more characters as GitHub shows them."
    )
    covenant: str | None = Field(
        default=None,
        pattern=SLUG_PATTERN,
        description="Only this covenant's changes in that commit (its file name without "
        ".yaml); without it, every covenant's.",
    )


class HistorySettings(Strict):
    """The file content/history.yaml: entries the site's history leaves out."""

    hide: list[HiddenChange] = Field(
        default_factory=list, description="The commits whose changes the history leaves out."
    )


@dataclass(frozen=True)
class Corpus:
    """All content, loaded and validated: what the render stage works from."""

    covenants: dict[str, Covenant]
    parties: dict[str, Party]
    texts: dict[str, dict[str, str]]
    """Explainer texts: key -> language -> Markdown."""
    glossary: Glossary
    due_diligence: DueDiligence
    law: LawRules
    """The CSRD and CSDDD thresholds and dates, and the state of Dutch law (content/law.yaml)."""
    participants: dict[str, ParticipantList] = field(default_factory=dict)
    """The participants of each covenant that has a participants file, by slug."""
    participant_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """The line of each participant's entry in its file, by slug (for check's warnings)."""
    positions: dict[str, Positions] = field(default_factory=dict)
    """Where each value was written (and the file as editors see it), by covenant slug, by
    "glossary" and "due-diligence", and by "texts/<key>.<lang>" for the explainer texts."""
    history: HistorySettings = field(default_factory=HistorySettings)
    """What the site's history leaves out (content/history.yaml; nothing without the file)."""
