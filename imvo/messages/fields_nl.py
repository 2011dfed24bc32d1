"""Wat elk veld betekent, in het Nederlands: 'Model.veld' -> uitleg.

The English comes from the model's own descriptions (imvo/model/content.py); this is its Dutch
counterpart, used by `build.py new` and the JSON Schemas (`build.py schema`). A test checks
that every field of the model is here.
"""

FIELDS_NL: dict[str, str] = {
    "Covenant.name": "De volledige naam van het convenant.",
    "Text.nl": "De Nederlandse tekst.",
    "Text.en": "De Engelse tekst.",
    "Covenant.short_name": "Een korte naam, voor lijsten en de tijdlijn.",
    "Covenant.sector": "De sector waar het convenant over gaat.",
    "Covenant.status": "Hoe het convenant ervoor staat.",
    "StatusFact.value": "in_preparation (in voorbereiding), active (loopt), ended (afgelopen), "
    "ended_early (eerder gestopt dan gepland), succeeded (opgevolgd door een nieuw convenant) "
    "of unknown (geen bron zegt of het nog loopt; 'as_of' is de datum van de laatste bron "
    "waarin het nog liep).",
    "StatusFact.sources": "Waar de status vandaan komt.",
    "StatusFact.as_of": "Wanneer de status voor het laatst met de bronnen is vergeleken; bij "
    "status unknown de datum van de laatste bron waarin het convenant nog liep.",
    "StatusFact.note": "Een korte toelichting bij de status.",
    "Covenant.signed": "Wanneer het is ondertekend.",
    "DatedFact.date": "De datum.",
    "DatedFact.sources": "De ids van de bronnen die deze datum geven.",
    "DatedFact.disputed": "Andere data die andere bronnen voor hetzelfde feit geven.",
    "DisputedDate.date": "De datum die deze bron in plaats daarvan geeft.",
    "DisputedDate.sources": "De bron of bronnen die deze andere datum geven.",
    "DatedFact.note": "Een korte toelichting bij deze datum.",
    "Covenant.in_force": "Wanneer het in werking trad.",
    "Covenant.ended": "Wanneer het eindigde.",
    "Covenant.term": "De geplande looptijd.",
    "Term.months": "De geplande looptijd in maanden (5 jaar = 60).",
    "Term.sources": "Waar de looptijd vandaan komt.",
    "Covenant.successor": "De bestandsnaam (zonder .yaml) van het convenant dat hierna kwam.",
    "Covenant.tagline": "Eén regel over wat het convenant is of was, onder de titel (zonder "
    "deze regel: de eerste zin van de samenvatting).",
    "Covenant.checked": "Wanneer de redactie dit hele bestand voor het laatst met de bronnen "
    "vergeleek (niet de datum van een bron: dat is status.as_of).",
    "Covenant.summary": "Een korte samenvatting, geschreven voor een vakbondsbestuurder.",
    "Covenant.goals": "De doelen van het convenant.",
    "Covenant.oecd_themes": "De hoofdstukken van de OESO-richtlijnen waar het over gaat.",
    "Covenant.risks": "De risico's waar het over gaat.",
    "Covenant.parties": "De organisaties en hun rol erin.",
    "Participation.party": "De id van de partij in content/parties.yaml.",
    "Participation.role": "signatory (ondertekenaar), supporter (steunt), facilitator, "
    "withdrawn (gestopt) of declined (wilde niet tekenen).",
    "Participation.date": "Wanneer de partij meedeed, stopte of weigerde, als dat bekend is.",
    "Participation.sources": "Waar dit vandaan komt.",
    "Participation.note": "Een korte toelichting bij de rol van deze partij.",
    "Covenant.chairs": "De onafhankelijke voorzitter of voorzitters, als hun naam bekend is.",
    "Chair.name": "De naam van de voorzitter, zoals de bron die schrijft.",
    "Chair.since": "Vanaf wanneer, als dat bekend is.",
    "Chair.until": "Tot wanneer, als dat bekend is.",
    "Chair.sources": "Waar de naam vandaan komt.",
    "Chair.note": "Een korte toelichting, in beide talen.",
    "Covenant.counts": "Aantallen partijen of deelnemers die bronnen noemen; één regel per bron "
    "als ze verschillen.",
    "Count.of": "Wat er geteld is: parties (partijen) of participants (deelnemers).",
    "Count.number": "Het getal dat de bron noemt.",
    "Count.as_of": "Wanneer het getal klopte.",
    "Count.sources": "De bron die het noemt.",
    "Count.note": "Een korte toelichting, in beide talen.",
    "Covenant.complaints": "Hoe een werknemer of een lokale vakbond kan klagen, en bij wie.",
    "SourcedText.nl": "De Nederlandse tekst.",
    "SourcedText.en": "De Engelse tekst.",
    "SourcedText.sources": "De ids van de bronnen waar deze tekst op steunt.",
    "Covenant.complaints_now": "Waar een klacht nu heen gaat, in een paar woorden ('Het merk "
    "of het NCP'), uit een bron die die weg noemt; staat op één regel boven aan de factsheet. "
    "Zonder dit veld zegt de factsheet dat geen bron een weg voor nu noemt.",
    "Covenant.union_role": "Wat een vakbondsbestuurder of OR-lid in dit convenant kan doen.",
    "Covenant.actions": "Twee of drie concrete stappen voor een vakbondslid of OR-lid, elk één "
    "korte zin (Markdown).",
    "Covenant.after_end": "Voor een convenant dat is afgelopen: één regel over wat erna kwam "
    "(een opvolger, mislukte gesprekken over een opvolger, waar klachten nu heen gaan).",
    "Covenant.results": "Wat het convenant wel of niet heeft opgeleverd, één bewering per "
    "punt, het belangrijkste voor werknemers eerst (de eerste drie staan bovenaan en in de PDF).",
    "Result.kind": "Wat voor bewering het is: monitoring (een cijfer uit de monitoring), "
    "evaluation (een bevinding van een evaluatie), complaint (een behandelde klacht), outcome "
    "(wat het werknemers opleverde) of criticism (kritiek).",
    "Result.text": "De bewering in één of twee zinnen (Markdown): samengevat, nooit sterker "
    "dan de bron.",
    "Result.figure": "Het getal, als de bron er een geeft.",
    "Figure.value": "Het getal zoals de bron het geeft.",
    "Figure.unit": "Wat het getal telt, in beide talen ('bedrijven met een risicoanalyse').",
    "Figure.as_of": "De datum (of het jaar) waarop het getal klopte.",
    "Result.by": "Wie het zegt: agreement (het convenant zelf, in zijn eigen rapportage), "
    "evaluator (een onafhankelijke evaluator of onderzoeker), ngo, union (een vakbond), "
    "parliament (de Tweede Kamer, of een brief van de minister aan de Kamer) of government "
    "(de overheid).",
    "Result.by_name": "Wie precies, als dat helpt ('KIT Royal Tropical Institute').",
    "Result.date": "Wanneer de bron het zei (de publicatiedatum).",
    "Result.sources": "De bron die het zegt.",
    "Result.note": "Een korte toelichting: welk deel van de bron de bewering steunt, of waar "
    "een andere bron het oneens is.",
    "Covenant.review": "De feiten voor de vergelijking van alle convenanten: eindevaluatie en "
    "oordeel, ontvangen en beslechte klachten.",
    "Review.final_evaluation": "Of er een evaluatie van het convenant bij het einde is: exists "
    "(die is er), none (die is er niet) of unknown (onbekend).",
    "Review.verdict": "Het oordeel van die eindevaluatie, in een paar woorden.",
    "Review.complaints_received": "Het aantal ontvangen klachten, als een bron het telt.",
    "Review.complaints_decided": "Het aantal beslechte of geschikte klachten, als een bron "
    "het telt.",
    "Review.as_of": "Wanneer deze cijfers klopten.",
    "Review.sources": "Waar deze feiten vandaan komen.",
    "Covenant.results_searched": "Als er geen resultaten zijn gevonden: waar en wanneer is "
    "gezocht.",
    "ResultSearch.date": "Wanneer er is gezocht.",
    "ResultSearch.searches": "Wat er is gezocht, in beide talen: de zoektermen, de talen, waar, en "
    "wat er is gevonden.",
    "Covenant.links": "Links naar meer informatie.",
    "Link.title": "Waar de link naartoe gaat, in beide talen.",
    "Link.url": "Het adres: https://...",
    "Covenant.sources": "De bronnen van de feiten op deze pagina.",
    "Source.id": "Een korte naam voor de bron, om er vanuit de feiten naar te verwijzen "
    "(kleine letters, cijfers en streepjes).",
    "Source.title": "De titel van de bron, zoals de bron die schrijft.",
    "Source.publisher": "Wie de bron uitgaf, bijvoorbeeld 'SER' of 'CNV Internationaal'.",
    "Source.url": "Waar de bron te lezen is: een adres met https://.",
    "Source.published": "Wanneer de bron verscheen: de datum die de bron zelf geeft (op de "
    "pagina, in het rapport, in de brief). Laat hem weg als de bron er geen geeft: de site zegt "
    "dan dat de datum van publicatie onbekend is. Nooit de dag waarop u hem bekeek.",
    "Source.checked": "Wanneer de redactie de bron voor het laatst bekeek en de feiten "
    "controleerde die erop steunen (de datum 'bekeken op'). Die wordt nooit als datum van "
    "publicatie getoond.",
    "PartyRegistry.parties": "De organisaties.",
    "Party.id": "Een korte, vaste naam waarmee convenantbestanden naar deze partij verwijzen.",
    "Party.name": "De naam; geef nl en en alleen als de namen verschillen.",
    "Party.full_name": "De volledige naam, als 'name' een afkorting is.",
    "Party.kind": "Wat voor organisatie het is.",
    "Party.website": "De website: een adres met https://.",
    "Glossary.entries": "De begrippen.",
    "GlossaryEntry.term": "Het begrip, zoals elke taal het schrijft.",
    "GlossaryEntry.abbreviation": "De afkorting in elke taal (OESO / OECD); de site legt haar "
    "uit waar ze staat.",
    "GlossaryEntry.definition": "Wat het begrip betekent, in gewone woorden.",
    "GlossaryEntry.url": "Waar je meer leest: https://...",
    "DueDiligence.intro": "De openingstekst van de pagina (Markdown).",
    "DueDiligence.steps": "De stappen, op volgorde.",
    "OecdStep.id": "Een korte naam voor de stap.",
    "OecdStep.title": "De naam van de stap (een of twee woorden).",
    "OecdStep.explanation": "Wat de stap voor een bedrijf betekent.",
    "OecdStep.union_action": "Wat een vakbondsbestuurder of OR-lid bij deze stap kan doen.",
    "OecdStep.cnv_steps": "De namen van de stappen uit de CNV-factsheet die onder deze stap "
    "vallen (geen, als de factsheet er geen eigen stap voor heeft).",
    "DueDiligence.sources": "Waar de tekst vandaan komt.",
    "ParticipantList.sources": "De bronnen die de deelnemers noemen.",
    "ParticipantList.default_sources": "De id's van de bronnen voor elke deelnemer die zelf "
    "geen bronnen noemt.",
    "ParticipantList.default_kind": "De soort van elke deelnemer die zelf geen soort noemt.",
    "ParticipantList.counts": "Aantallen die bronnen geven ('73 pensioenfondsen'), met 'of: "
    "participants'; één regel per bron als bronnen verschillen.",
    "ParticipantList.official_list": "De id (bij 'sources') van de officiële lijst van alle "
    "deelnemers, waar een lezer elke naam vindt: de lijst van ondertekenaars of de bijlage "
    "van het convenant.",
    "ParticipantList.complete": "true alleen als dit bestand elke deelnemer van de officiële "
    "lijst noemt (de redactie zegt dat, na vergelijken met die lijst; vraagt official_list). "
    "Zonder deze regel zegt de site dat de lijst niet volledig is.",
    "ParticipantList.participants": "De deelnemers, één regel per organisatie.",
    "Participant.name": "De naam zoals lezers die kennen, bijvoorbeeld 'ABN AMRO'.",
    "Participant.legal_name": "De volledige juridische naam, bijvoorbeeld 'ABN AMRO Bank N.V.'.",
    "Participant.id": "Alleen voor een organisatie die aan meer dan één convenant meedoet: "
    "dezelfde korte id in elk bestand (kleine letters, cijfers, streepjes). Twee regels met "
    "een andere id zijn twee organisaties.",
    "Participant.party": "De id in content/parties.yaml, als de organisatie ook partij is (een "
    "bank die zelf tekende, een brancheorganisatie).",
    "Participant.kind": "company (bedrijf), bank, insurer (verzekeraar), health_insurer "
    "(zorgverzekeraar), pension_fund (pensioenfonds), asset_manager (vermogensbeheerder), "
    "sector_association (brancheorganisatie) of other; zonder deze regel de default_kind van "
    "het bestand.",
    "Participant.brands": "Merken of handelsnamen waaronder de organisatie bekend is.",
    "Participant.group": "Het concern waar de organisatie bij hoort, bijvoorbeeld 'Achmea'.",
    "Participant.website": "De website: een adres met https://.",
    "Participant.joined": "Wanneer de organisatie meedeed, als een bron dat zegt (anders: vanaf "
    "het begin).",
    "Participant.left": "Wanneer de organisatie stopte, als een bron dat zegt.",
    "Participant.left_by": "Als een bron zegt dat de organisatie stopte maar niet wanneer: de "
    "datum van die bron (toen was ze in elk geval gestopt).",
    "Participant.sources": "Waar de organisatie als deelnemer wordt genoemd; zonder deze regel "
    "de default_sources van het bestand.",
    "Participant.note": "Een korte opmerking, in beide talen.",
    "DatedStep.step": "Welke stap dit is: proposed, consultation, submitted, adopted, published, "
    "in_force, deadline, applies of infringement.",
    "DatedStep.date": "Wanneer het gebeurde of gebeurt.",
    "DatedStep.text": "Wat er gebeurde, in één zin.",
    "DatedStep.sources": "Waar dit vandaan komt.",
    "EuScope.employees_over": "Valt eronder boven dit gemiddelde aantal werknemers.",
    "EuScope.turnover_over": "Valt eronder boven deze netto-omzet, in miljoenen euro.",
    "EuScope.article": "Het artikel van de richtlijn, zoals gewijzigd.",
    "EuScope.years": "Over welke boekjaren de cijfers gaan.",
    "EuScope.sources": "Waar de regel vandaan komt.",
    "EuScope.as_of": "De datum waarop de regel zo gold.",
    "EuScope.note": "Een opmerking, zoals een twijfel.",
    "NonEuScope.eu_turnover_over": "Valt eronder boven deze netto-omzet in de EU, in miljoenen "
    "euro.",
    "NonEuScope.branch_turnover_over": "Alleen met een dochter of bijkantoor in de EU boven deze "
    "eigen netto-omzet (miljoenen euro); weglaten als de wet er geen vraagt.",
    "NonEuScope.article": "Het artikel van de richtlijn, zoals gewijzigd.",
    "NonEuScope.years": "Over welke boekjaren de cijfers gaan.",
    "NonEuScope.sources": "Waar de regel vandaan komt.",
    "NonEuScope.as_of": "De datum waarop de regel zo gold.",
    "NonEuScope.note": "Een opmerking, zoals een twijfel.",
    "Franchise.royalties_over": "Royalty's in de EU boven dit bedrag (miljoenen euro).",
    "Franchise.turnover_over": "Netto-omzet boven dit bedrag (miljoenen euro).",
    "Franchise.article": "Het artikel van de richtlijn, zoals gewijzigd.",
    "Franchise.sources": "Waar de regel vandaan komt.",
    "Franchise.as_of": "De datum waarop de regel zo gold.",
    "Franchise.note": "Een opmerking, zoals een twijfel.",
    "Start.date": "De eerste dag (of het eerste jaar) waarop de plichten gelden.",
    "Start.text": "Vanaf wanneer, in woorden (welke boekjaren, eerste verslag).",
    "Start.article": "Het artikel van de richtlijn, zoals gewijzigd.",
    "Start.sources": "Waar dit vandaan komt.",
    "Start.as_of": "De datum waarop dit zo gold.",
    "Law.name": "De korte naam (CSRD).",
    "Law.title": "De volledige naam.",
    "Law.directive": "De richtlijn en de richtlijn die haar wijzigde.",
    "Law.duty": "Wat de wet vraagt van een bedrijf dat eronder valt, in een paar woorden.",
    "Law.through_group": "Wat het betekent om er via de groep onder te vallen.",
    "Law.eu": "Bedrijven en groepen in de EU.",
    "Law.non_eu": "Bedrijven en groepen buiten de EU.",
    "Law.franchise": "De route via franchise en licenties, als die er is.",
    "Law.start_eu": "Vanaf wanneer de wet geldt voor bedrijven en groepen in de EU.",
    "Law.start_non_eu": "Vanaf wanneer de wet geldt voor bedrijven en groepen buiten de EU.",
    "Law.cannot_decide": "Wat het hulpmiddel voor deze wet niet kan beslissen.",
    "Law.steps": "De gedateerde stappen van de wet.",
    "Instrument.id": "Een korte naam ervoor.",
    "Instrument.law": "De richtlijn die het in de Nederlandse wet opneemt (csrd, csddd), als dat "
    "zo is.",
    "Instrument.name": "De naam.",
    "Instrument.role": "Wat het doet of zou doen.",
    "Instrument.step": "De stap waarin het op de datum as_of is.",
    "Instrument.state": "Hoe het ervoor staat, in gedateerde zinnen.",
    "Instrument.as_of": "De datum waarop het er zo voor stond.",
    "Instrument.sources": "Waar dit vandaan komt.",
    "Instrument.steps": "De eerdere gedateerde stappen.",
    "LawRules.checked": "Wanneer de redactie het hele bestand laatst controleerde.",
    "LawRules.note": "Een opmerking over het bestand als geheel.",
    "LawRules.sources": "De bronnen die de regels noemen.",
    "LawRules.csrd": "De CSRD zoals gewijzigd.",
    "LawRules.csddd": "De CSDDD zoals gewijzigd.",
    "LawRules.dutch": "Nederlandse wetten en wetsvoorstellen, elk met de stand op een datum.",
    "HiddenChange.commit": "De commit, met de eerste 7 of meer tekens zoals GitHub ze toont.",
    "HiddenChange.covenant": "Alleen de wijzigingen van dit convenant in die commit (de naam "
    "van het bestand zonder .yaml); zonder dit veld die van elk convenant.",
    "HistorySettings.hide": "De commits waarvan de geschiedenis de wijzigingen weglaat.",
}

STATUS_NEEDS_NL: dict[str, str] = {
    "in_preparation": "nog niet ondertekend: geen 'signed' en geen 'ended'",
    "active": "loopt: 'signed' of 'in_force', geen 'ended'",
    "ended": "afgelopen: 'ended' met de datum van het einde",
    "ended_early": "eerder gestopt dan gepland: 'ended' met de datum van het einde",
    "succeeded": "opgevolgd door een nieuw convenant: 'ended' en 'successor'",
    "unknown": "geen bron zegt of het nog loopt: 'signed' of 'in_force', 'as_of' (de datum "
    "van de laatste bron waarin het nog liep), geen 'ended'",
}
"""What each status needs besides itself, in Dutch (the rules of validate/covenant_rules.py)."""
