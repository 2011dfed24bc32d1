"""De meldingen aan redacteuren in het Nederlands: code -> tekst met {parameters}.

Every code of en.py is here with the same parameters (tests/test_messages.py checks it).
Each message says what is wrong and how to fix it, where it can with the editor's own value.
"""

MESSAGES: dict[str, str] = {
    # --- een waarde beschrijven (binnen andere meldingen) ---
    "value-group": "een groep velden",
    "value-list": "een lijst",
    "value-nothing": "niets",
    "value-long": "{start}... ({count} tekens)",
    "value-single": "één waarde ({got})",
    "kind-folder": "een map",
    "kind-pipe": "een named pipe",
    "kind-device": "een apparaat",
    "kind-socket": "een socket",
    "kind-other": "geen gewoon bestand",
    "which-signing": "ondertekening",
    "which-in-force": "inwerkingtreding",
    # --- een bestand lezen ---
    "file-missing": "dit bestand ontbreekt; zet het terug (kijk in de geschiedenis op GitHub)",
    "folder-missing": "deze map bestaat niet",
    "file-unreadable": "het bestand kan niet gelezen worden ({reason})",
    "file-symlink": "dit is een snelkoppeling (symbolic link); de site leest alleen gewone "
    "bestanden in de map content, zodat een link geen bestand van elders kan publiceren: zet "
    "het bestand zelf hier",
    "folder-symlink": "deze map is een snelkoppeling (symbolic link); de site leest alleen "
    "mappen in de map content: zet de map zelf hier",
    "file-not-ordinary": "dit is {kind}, geen gewoon bestand; de site leest alleen gewone "
    "tekstbestanden",
    "file-too-large": "het bestand is {size} MB; een bestand mag hoogstens {limit} MB zijn: "
    "maak het kleiner",
    "text-too-large": "het bestand is groter dan 1 MB: maak het kleiner",
    "file-bom": "het bestand begint met een onzichtbaar teken (BOM); sla het op als UTF-8 "
    "zonder BOM",
    "file-not-utf8": "het bestand is niet in UTF-8 opgeslagen (byte 0x{byte}); sla het op als "
    "UTF-8",
    "text-not-utf8": "het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8",
    "file-nul": "het bestand bevat een NUL-teken; sla het op als gewone UTF-8-tekst",
    "file-invisible-break": "deze regel bevat een onzichtbare regelovergang ({char}), vaak "
    "geplakt uit een webpagina of tekstverwerker; haal hem weg of typ er een spatie voor in de "
    "plaats",
    "text-control-char": "deze regel bevat een stuurteken ({char}); haal het weg",
    "yaml-escaped-control-char": "de tekst bevat een stuurteken ({char}); haal het weg",
    "file-control-char": "deze regel bevat een stuurteken ({char}) dat YAML niet toestaat; "
    "haal het weg",
    "file-empty": "het bestand is leeg",
    "file-not-mapping": "verwacht: velden met een naam (naam: waarde); het bestand is {kind}",
    "nested-too-deeply": "het bestand is te diep genest (meer dan {limit} niveaus)",
    "nested-too-deeply-plain": "het bestand is te diep genest",
    "indented-too-deeply": "de regel springt te ver in (meer dan {limit} spaties)",
    "yaml-alias": "ankers en verwijzingen (& en *) mogen niet in deze bestanden; schrijf de "
    "waarde helemaal uit",
    "yaml-merge": "samenvoegen met << mag niet in deze bestanden; schrijf de velden helemaal uit",
    "yaml-tag": "de markering {tag} mag niet in deze bestanden; schrijf de waarde zonder de "
    "markering",
    "yaml-tag-value": "'{value}' kan niet gelezen worden als {tag}; schrijf de waarde zonder de "
    "markering",
    "yaml-key-not-word": "de naam van een veld moet een woord zijn; er staat {got}",
    "yaml-duplicate-key": "veld '{key}' staat twee keer in deze groep: het staat al op regel "
    "{line}; haal een van de twee weg",
    # --- YAML die niet te lezen is ---
    "yaml-align": "'{key}:' hoort precies onder '{other}:' op regel {line}: laat de regel met "
    "{spaces} spaties beginnen",
    "yaml-item-under": "deze '- {key}:' hoort onder '{parent}:' op regel {line}: laat de regel "
    "met {spaces} spaties beginnen, zoals de andere onderdelen daar",
    "yaml-colon-in-text": "de tekst na '{key}:' bevat een ':' en staat niet tussen "
    "aanhalingstekens; zet de hele tekst tussen aanhalingstekens: {fixed}",
    # --- wat YAML anders leest dan er getypt is ---
    "word-space-indent": "deze regel springt in met vaste spaties (uit Word of een andere "
    "tekstverwerker); YAML ziet die niet als spaties: typ gewone spaties",
    "word-space-dash": "na de '-' staat een vaste spatie (uit Word of een andere "
    "tekstverwerker); YAML ziet die niet als spatie: typ een gewone spatie",
    "word-space-in-key": "in de veldnaam '{key}' staat een vaste spatie (uit Word of een andere "
    "tekstverwerker); haal hem weg",
    "word-space-after-key": "na '{key}:' staat een vaste spatie (uit Word of een andere "
    "tekstverwerker); YAML ziet die niet als spatie: typ een gewone spatie",
    "word-space-in-value": "in '{value}' staat een vaste spatie (uit Word of een andere "
    "tekstverwerker) waar die niet hoort; haal hem weg of typ een gewone spatie",
    "word-quotes": "Word-aanhalingstekens zijn voor YAML gewone letters: typ rechte "
    "aanhalingstekens: {fixed}",
    "word-quotes-key": "Word-aanhalingstekens om de veldnaam '{key}': haal ze weg",
    "yaml-comment-cut": "YAML leest alles vanaf ' #' als opmerking, dus hier staat alleen "
    "'{kept}'; zet de hele tekst tussen aanhalingstekens: {fixed}",
    "yaml-read-as-bool": "YAML leest {raw} zonder aanhalingstekens als ja/nee-waarde "
    '({value}), niet als tekst; zet het tussen aanhalingstekens: "{raw}"',
    "yaml-read-as-number": "YAML leest {raw} zonder aanhalingstekens als getal, niet als "
    'tekst; zet het tussen aanhalingstekens: "{raw}"',
    "yaml-read-as-nothing": "YAML leest {raw} zonder aanhalingstekens als 'niets', niet als "
    'tekst; zet het tussen aanhalingstekens: "{raw}"',
    "yaml-number-changed": "YAML leest {raw} als het getal {value}; schrijf het getal zonder "
    "nul ervoor en zonder ':', zoals je het bedoelt",
    "yaml-space-after-colon": "na '{key}:' hoort een spatie; typ een spatie na de ':'",
    "yaml-tab": "deze regel springt in met een tab; gebruik spaties",
    "yaml-quote-open": "het aanhalingsteken op deze regel wordt niet gesloten; sluit de tekst af "
    "met hetzelfde aanhalingsteken",
    "yaml-indent-deeper": "'{key}:' springt verder in dan de regel erboven toestaat; zet het "
    "met spaties precies onder de velden van zijn groep",
    "yaml-colon": "de tekst op deze regel bevat een ':' en staat niet tussen aanhalingstekens; "
    'zet de hele tekst tussen aanhalingstekens, bijvoorbeeld nl: "Let op: ..."',
    "yaml-indent": "deze regel springt anders in dan de regels erboven; zet de velden van één "
    "groep met spaties precies onder elkaar",
    "yaml-list-indent": "deze regel springt anders in dan de lijst erboven: een veld van een "
    "onderdeel staat precies onder het eerste veld na de '- ', en een nieuw onderdeel begint "
    "met '- ' onder de andere",
    "yaml-bracket": "een haakje ('[' of '{{') op deze regel wordt niet gesloten; sluit de lijst "
    "met ']' (zoals [bron-a, bron-b]) of zet de tekst tussen aanhalingstekens",
    "yaml-quote-inside": "een tekst die met een aanhalingsteken begint, moet direct na het "
    "sluitende aanhalingsteken ophouden; zet de hele tekst tussen aanhalingstekens en schrijf "
    "een aanhalingsteken erin twee keer ('') of gebruik het andere aanhalingsteken",
    "yaml-special-start": "een tekst mag niet met {char} beginnen zonder aanhalingstekens; zet de "
    "hele tekst tussen aanhalingstekens",
    "yaml-document": "een regel met alleen '---' begint een tweede document; een bestand heeft "
    "er één: haal de regel weg",
    "yaml-escape": "een backslash (\\) in een tekst tussen dubbele aanhalingstekens begint een "
    "speciaal teken; schrijf hem twee keer (\\\\) of zet de tekst tussen enkele "
    "aanhalingstekens",
    "yaml-other": "deze regel is geen geldige YAML; controleer de inspringing (alleen spaties, "
    "velden van één groep onder elkaar), de ':' na elke veldnaam, en zet teksten met ':', '#' "
    "of aanhalingstekens tussen aanhalingstekens",
    # --- het model ---
    "unknown-field-close": "onbekend veld '{name}'; bedoel je '{close}'?",
    "unknown-field": "onbekend veld '{name}'; hier mag: {allowed}",
    "required": "dit veld is verplicht: vul het in",
    "choice": "kies een van: {choices}; er staat {got}",
    "choice-status": "kies een van: {status_choices}; er staat {got}",
    "expected-text": "hier hoort een tekst; er staat {got}",
    "empty-text": "deze tekst is leeg: vul hem in, of haal het veld weg",
    "text-too-long": "deze tekst heeft {count} tekens; een tekst mag er hoogstens {limit} "
    "hebben: maak hem korter",
    "id-pattern": "gebruik kleine letters, cijfers en streepjes (zoals 'fnv' of "
    "'save-the-children'); er staat {got}",
    "expected-true-false": "schrijf true (ja) of false (nee), zonder aanhalingstekens; er "
    "staat {got}",
    "expected-list": "hier hoort een lijst: [a, b], of regels die met '- ' beginnen; er staat "
    "{got}",
    "expected-group": "hier horen velden (naam: waarde) op de regels eronder; er staat {got}",
    "list-empty": "deze lijst moet minstens één onderdeel hebben",
    "expected-number": "hier hoort een heel getal, zoals 36; er staat {got}",
    "number-greater": "het getal moet groter zijn dan {limit}; er staat {got}",
    "number-at-least": "het getal moet minstens {limit} zijn; er staat {got}",
    "number-at-most": "het getal mag hoogstens {limit} zijn; er staat {got}",
    "value-other": "deze waarde past hier niet ({detail}); er staat {got}",
    "value-error": "deze waarde past hier niet ({detail})",
    "date-format": "schrijf de datum als jaar-maand-dag tussen aanhalingstekens, zoals "
    '"2016-07-01", of "2016-07" of "2016" als alleen de maand of het jaar bekend is; er staat '
    "{got}",
    "date-format-quotes": 'zet de datum tussen aanhalingstekens, zoals "2016-07-01" of '
    '"2016"; er staat {got}',
    "date-format-suggest": 'schrijf de datum als "{suggest}" (jaar-maand-dag, tussen '
    "aanhalingstekens); er staat {got}",
    "date-year-range": "{date} kan niet kloppen: het jaar moet tussen {low} en {high} liggen",
    "date-no-month": "{date} bestaat niet: er is geen maand {month}; schrijf jaar-maand-dag, "
    'zoals "2016-07-01"',
    "date-month-days": "{date} bestaat niet: maand {month} heeft {days} dagen",
    "invisible-char": "er staat een onzichtbaar teken ({char}) na '{before}'; haal het weg "
    "(typ dit stuk opnieuw, plak niet vanuit een webpagina of tekstverwerker)",
    "invisible-char-start": "er staat een onzichtbaar teken ({char}) aan het begin; haal het "
    "weg (typ dit stuk opnieuw, plak niet vanuit een webpagina of tekstverwerker)",
    "file-invisible-char": "de bestandsnaam bevat een onzichtbaar teken ({char}) na '{before}'; "
    "geef het bestand een naam zonder dat teken",
    "file-invisible-char-start": "de bestandsnaam begint met een onzichtbaar teken ({char}); "
    "geef het bestand een naam zonder dat teken",
    "url": "schrijf een webadres dat met https:// begint, zoals 'https://www.ser.nl/...' (of "
    "mailto:); er staat {got}",
    # --- over velden en bestanden heen ---
    "covenants-missing": "de map met convenantbestanden ontbreekt; maak de map content/covenants "
    "en zet de convenantbestanden erin",
    "covenants-not-a-folder": "content/covenants is een bestand, geen map; maak er een map van en "
    "zet de convenantbestanden erin",
    "participants-file-name": "een deelnemersbestand heet naar zijn convenant: <naam>.yaml, zoals "
    "textiel.yaml",
    "participants-no-covenant": "er is geen convenant '{id}' in content/covenants/: een "
    "deelnemersbestand heet zoals het bestand van zijn convenant",
    "participants-no-covenant-close": "er is geen convenant '{id}' in content/covenants/: een "
    "deelnemersbestand heet zoals het bestand van zijn convenant; bedoel je '{close}.yaml'?",
    "participants-count-of": "een deelnemersbestand telt deelnemers: schrijf 'of: participants'",
    "party-listed-twice": "partij '{value}' staat al op regel {line}; noem elke partij één "
    "keer, met één rol",
    "value-listed-twice": "'{value}' staat al eerder in deze lijst (regel {line}); haal hem hier "
    "weg",
    "item-listed-twice": "dit onderdeel staat precies zo al op regel {line}; haal een van de "
    "twee weg",
    "participant-twice": "'{name}' staat al op regel {line}; noem elke deelnemer één keer",
    "participant-left-before-joined": "{field} ({left}) ligt vóór joined ({joined}); kijk beide "
    "datums na",
    "participant-left-and-left-by": "geef 'left' of 'left_by', niet allebei",
    "participants-complete-no-list": "'complete: true' zegt dat dit bestand alle deelnemers van "
    "de officiële lijst noemt: zet die lijst bij 'sources' en haar id bij 'official_list'",
    "participant-no-source": "deze deelnemer heeft geen bron: zet er 'sources: [<id>]' bij, of "
    "'default_sources' bovenaan het bestand",
    "language-nl": "Nederlands",
    "language-en": "Engels",
    "pdf-too-long": "de pdf van deze factsheet in het {language} heeft {pages} A4-pagina's; een "
    "hand-out heeft er hoogstens {most}: maak de langste teksten korter",
    "law-placeholder": "'{{{{law.{name}}}}}' is geen cijfer uit content/law.yaml; "
    "kies er een uit de lijst in CONTRIBUTING.md, zoals {{{{law.csrd.eu.employees}}}}",
    "law-id-twice": "id '{id}' staat twee keer bij dutch; geef een van de twee een andere id",
    "law-steps-order": "deze stap ({date}) staat na een stap met een latere datum ({before}); "
    "zet de stappen op volgorde van datum",
    "source-twice": "bron-id '{id}' staat twee keer bij sources; geef een van de twee bronnen "
    "een andere id",
    "party-twice": "partij-id '{id}' staat twee keer in dit bestand; haal er een weg of geef "
    "een andere id",
    "unknown-source": "er is geen bron met id '{id}' bij sources onderaan dit bestand; voeg de "
    "bron toe of gebruik een id die er staat",
    "unknown-source-close": "er is geen bron met id '{id}' bij sources onderaan dit bestand; "
    "bedoel je '{close}'?",
    "unknown-party": "er is geen partij '{id}' in content/parties.yaml; voeg haar daar toe of "
    "gebruik een id die er staat",
    "unknown-party-close": "er is geen partij '{id}' in content/parties.yaml; bedoel je '{close}'?",
    "successor-self": "een convenant kan niet zijn eigen opvolger zijn; zet bij successor de "
    "naam van het nieuwe convenant",
    "successor-unknown": "er is geen convenant '{id}' in content/covenants/; schrijf de "
    "bestandsnaam zonder .yaml",
    "successor-circle": "de opvolgers gaan in een kring rond ({circle}); een convenant kan "
    "zichzelf niet opvolgen",
    "end-before-start": "het einde ({end}) ligt vóór de {which} ({start}); controleer beide data",
    "in-force-before-signing": "de inwerkingtreding ({in_force}) ligt vóór de ondertekening "
    "({signed}); controleer beide data",
    "status-needs-end": "status '{status}' ({status_words}) "
    "heeft een einddatum nodig: voeg 'ended' toe, met "
    'date: "2020-06" en de bron',
    "status-no-end": "status '{status}' ({status_words}) "
    "past niet bij een einddatum: haal 'ended' weg of kies "
    "status ended",
    "status-prep-signed": "status '{status}' ({status_words}) "
    "past niet bij een datum van ondertekening: "
    "kies status active of haal 'signed' weg",
    "status-needs-date": "status '{status}' ({status_words}) "
    "heeft een datum nodig: voeg 'signed' of 'in_force' toe",
    "status-needs-as-of": "status '{status}' ({status_words}) "
    "heeft 'as_of' nodig: de datum van de laatste bron "
    'waarin het convenant nog liep, zoals as_of: "2024-05"',
    "status-needs-successor": "status '{status}' ({status_words}) "
    "heeft een 'successor' nodig: de bestandsnaam "
    "van het nieuwe convenant",
    "folder-in-covenants": "de site leest geen mappen in covenants/; zet de bestanden erin in "
    "content/covenants",
    "covenant-not-yaml": "een convenantbestand eindigt op .yaml; geef het bestand een andere naam",
    "covenant-bad-name": "de bestandsnaam '{name}' mag niet: gebruik kleine letters, cijfers en "
    "streepjes (zoals 'banken.yaml')",
    "covenant-reserved-name": "de naam '{name}' is al van een pagina of map van de site; geef "
    "het bestand een andere naam",
    "covenant-name-twice": "de naam '{name}' wordt ook gebruikt door {other}",
    "text-missing": "deze tekst ontbreekt",
    "text-no-page": "geen pagina van de site toont deze tekst; een tekst heet naar zijn pagina "
    "({names}), dan .nl.md of .en.md",
    "text-bad-name": "noem tekstbestanden <naam>.nl.md en <naam>.en.md",
    "text-no-translation": "de tekst heeft geen vertaling: voeg {name} toe",
    # --- waarschuwingen (check) ---
    "same-text": "de Nederlandse en Engelse tekst zijn gelijk; vertaal een van de twee",
    "not-https": "de link is niet https: schrijf 'https://{rest}' als de site dat heeft",
    "no-source": "dit feit heeft geen bron: voeg 'sources: [<id>]' toe met een id van "
    "'sources' onderaan",
    "term-passed": "status '{status}' ({status_words}),"
    " maar de looptijd van {months} maanden eindigde in {end}: "
    "controleer de status, voeg 'ended' toe, of leg het uit in status.note",
    "signed-future": "status '{status}' ({status_words}),"
    " maar de ondertekening ({date}) ligt in de toekomst",
    "checked-old": "voor het laatst met de bronnen vergeleken op {date}, meer dan een jaar "
    "geleden: controleer de feiten opnieuw en zet 'checked' op de datum van vandaag",
    "end-future": "status '{status}' ({status_words}), "
    "maar de einddatum ({date}) ligt in de toekomst",
    "empty-group": "'{name}' is leeg: schrijf de regels eronder, of zet er een '#' voor",
    "as-of-before-end": "status '{status}' ({status_words}) "
    "gecontroleerd op {as_of}, vóór het einde ({end}): "
    "zet 'as_of' op de datum waarop je het controleerde, of haal het weg",
    "ended-note-running": "status '{status}' ({status_words}), "
    "maar de toelichting bij de status zegt dat het "
    "convenant misschien nog loopt ({words}); pas de toelichting of de status aan",
    "running-after-end": "'after_end' beschrijft wat er na het einde kwam, maar de status is "
    "'{status}' ({status_words}): haal 'after_end' weg, of pas de status aan",
    # --- build.py new ---
    "new-bad-name": "'{name}' kan geen bestandsnaam zijn: gebruik kleine letters, cijfers en "
    "streepjes; '{suggest}' is vrij",
    "new-reserved": "'{name}' is de naam van een pagina of map van de site; '{suggest}' is vrij",
    "new-exists": "{path} bestaat al: pas dat bestand aan, of kies een andere naam; '{suggest}' "
    "is vrij",
    "new-wrote": "{path} gemaakt: vul de waarden in die VERPLICHT zijn, en typ dan "
    "'python build.py check --strict'.",
    # --- build.py translations ---
    "lang-nl": "het Nederlands",
    "lang-en": "het Engels",
    "only-in-add": "alleen in {has}: voeg {lacks} toe ({key})",
    "only-in-add-file": "alleen in {has}: voeg {name} toe",
    "translations-none": "Elke tekst staat er in beide talen.",
    "translations-count": "{count} tekst{s} te vertalen in {files} bestand{fs}.",
    # --- de eigen regels van build ---
    "build-not-built": "De site is niet gemaakt (de bestaande site is niet veranderd):",
    "build-not-built-because": "De site is niet gemaakt (de bestaande site is niet "
    "veranderd): {error}",
    "build-debug-hint": "Probeer het opnieuw met --debug om de details te zien.",
    "build-interrupted": "Het maken van de site is gestopt ({signal}); de bestaande site is "
    "niet veranderd.",
    "build-done": "{count} convenant{s} in 2 talen gemaakt in {site} in {seconds} s.",
    "history-shallow": "Geschiedenis: dit is een ondiepe kopie (shallow clone), dus de "
    "pagina's tonen geen datum van de laatste wijziging en geen wijzigingen; typ 'git fetch "
    "--unshallow' om ze te tonen.",
    "history-no-git": "Geschiedenis: de inhoud staat niet in een git-repository (een kopie of "
    "een archief), dus de pagina's tonen geen datum van de laatste wijziging en geen "
    "wijzigingen.",
    "schema-wrote": "{path} geschreven",
    # --- samenvattingen ---
    "summary-errors": "{count} fout{s}",
    "summary-warnings": "{count} waarschuwing{s}",
    "summary-reminders": "{count} herinnering{s}",
    "summary-files": "{count} bestand{s}",
    "summary": "{parts} in {files}.",
    "summary-and": " en ",
    "checked-none": "{count} convenant{s} gecontroleerd: geen problemen.",
    "strict-fails": "{line}; met --strict laten waarschuwingen de controle falen.",
    "warning-prefix": "waarschuwing: ",
    "reminder-prefix": "herinnering: ",
    "checked-reminders": "{count} convenant{s} gecontroleerd: geen problemen, wel {reminders} "
    "(een herinnering hangt af van de datum van vandaag en laat de controle nooit falen).",
    "hint-prefix": "aanwijzing: ",
    "summary-hints": "{count} aanwijzing{s}",
    "weekday-saturday": "zaterdag",
    "weekday-sunday": "zondag",
    "weekend-date": "{date} is een {day}: kijk of de datum klopt; klopt hij, zet dat dan in een "
    "'note' bij deze datum",
    "source-date-old": "'date' zegt niet of dit de datum van publicatie is of de dag waarop de "
    "bron bekeken is: schrijf 'published' (de datum die de bron zelf geeft) of 'checked' (de dag "
    "waarop u hem bekeek)",
    # --- links en teksten in de inhoud, gevonden bij het maken van de pagina's ---
    "link-missing": "de link '{link}' leidt naar geen enkele pagina van de site; link naar een "
    "pagina die bestaat (zoals 'overzicht.html') of naar een volledig https://-adres",
    "link-absolute": "de link '{link}' begint met '{first}', en dat werkt niet als de site in "
    "een map staat (zoals op GitHub Pages); link naar de pagina met alleen haar naam, zoals "
    "'overzicht.html'",
    "link-invalid": "de link '{link}' is geen geldig adres; kijk of er een spatie, een haakje "
    "of een ander teken in staat of ontbreekt",
    "image-elsewhere": "de afbeelding '{link}' kan niet worden getoond: de site toont alleen "
    "eigen bestanden en laadt niets van andere sites; link dan naar de afbeelding: "
    "[wat erop staat](adres)",
    "commit-id": "verwacht een commit zoals GitHub hem toont: de eerste 7 of meer tekens, "
    "cijfers en de letters a tot en met f (1a2b3c4); nu staat er {got}",
    "text-too-many-lines": "deze tekst heeft {count} regels; een tekst mag er hoogstens {limit} "
    "hebben: maak hem korter, of verdeel hem over meer velden of pagina's",
    "text-too-much-markup": "deze tekst heeft {count} links, afbeeldingen of HTML-tags (elke "
    "'[' en '<' telt mee); een tekst mag er hoogstens {limit} hebben: haal weg wat niet nodig is",
    "page-too-large": "de pagina {page} zou {size} MB worden, meer dan de {limit} MB die een "
    "pagina mag zijn (GitHub weigert grote bestanden, en een telefoon opent zo'n pagina niet): "
    "maak de teksten of de lijst erop korter",
    "site-too-large": "de site zou {size} MB worden met de pdf's, de zoekindex en de data, meer "
    "dan de {limit} MB die GitHub Pages publiceert: maak de langste teksten en lijsten korter, "
    "of laat weg wat geen lezer nodig heeft",
    "build-too-slow": "het maken van de pagina's van de site duurde langer dan {seconds} s, de "
    "grens voor de hele site, dus de build is gestopt bij {page}; zoek in de teksten ervan naar "
    "iets wat heel vaak herhaald wordt",
    "history-version-unreadable": "de versie van dit bestand in commit {commit} is niet te "
    "lezen en telt niet mee in de geschiedenis van de site: {reason}",
    "history-bad-date": "commit {commit} heeft een datum die niet kan kloppen (voor het jaar 1 "
    "of na 9999); de wijzigingen ervan staan niet in de geschiedenis van de site",
    "heading-attributes": "een kop kan alleen een eenvoudige id krijgen, zoals {{#privacy}} "
    "(kleine letters, cijfers en streepjes); {attrs} kan niet, haal het weg",
    "text-crash": "Markdown kon van deze tekst geen pagina maken ({error}); zoek in de tekst "
    "naar een ongewone link of iets wat heel vaak achter elkaar herhaald wordt",
    # --- de eigen stappen van de build, en wat ze over een pagina zeggen ---
    "page-too-slow": "het maken van deze pagina duurde langer dan {seconds} s, dus de build is "
    "gestopt; een tekst in dit bestand is te lang of te ingewikkeld voor Markdown (zoals "
    "duizenden '[' achter elkaar): maak hem korter of eenvoudiger",
    "engine-page-crash": "mkdocs kon deze pagina niet maken ({error}); zoek in de teksten van "
    "dit bestand naar een ongewone link of iets wat heel vaak achter elkaar herhaald wordt",
    "engine-crash": "mkdocs is gestopt: {error}",
    "engine-stopped": "mkdocs is gestopt (in het Engels: {detail})",
    "engine-warning": "mkdocs meldt (in het Engels): {detail}",
    "engine-setting": "mkdocs weigert deze instelling (in het Engels: {detail})",
    # --- waarschuwingen over bestanden heen (check) ---
    "possible-duplicate": "'{name}' is misschien dezelfde organisatie als '{other_name}' in "
    "{other}; geef beide regels dezelfde 'id' als dat zo is, of elk een eigen 'id' als dat "
    "niet zo is",
    # --- import-participants ---
    "import-too-large": "de invoer is groter dan {limit} bytes; splits de lijst in delen",
    "import-no-names": "de invoer bevat geen namen: plak één naam per regel, of een CSV met "
    "een kolom 'naam' (of 'name')",
    "import-no-name": "deze regel heeft geen naam in de kolom 'naam'; vul hem in of haal de "
    "regel weg",
    "import-value": "deze waarde klopt niet: {why}",
    "import-no-covenant": "er is geen convenant '{slug}' in content/covenants/; gebruik de "
    "bestandsnaam van het convenant zonder .yaml, zoals 'banken'",
    "import-already": "'{name}' staat al in het bestand (regel {line}); overgeslagen",
    "import-twice-in-input": "'{name}' (regel {line} van de invoer) staat al op regel {first} "
    "van de invoer; overgeslagen",
    "import-like": "'{name}' lijkt op '{other}' (regel {line}); overgeslagen: is het een andere "
    "organisatie, voeg de naam dan met de hand toe",
    "import-like-input": "'{name}' (regel {line} van de invoer) lijkt op '{other}' (regel "
    "{first} van de invoer); overgeslagen: is het een andere organisatie, voeg de naam dan met "
    "de hand toe",
    "import-added": "{count} {names} toegevoegd aan {path}, met bron '{source}'{new_source}; "
    "{skipped} overgeslagen",
    "import-nothing": "niets toegevoegd aan {path}: elke naam stond er al of leek op een naam "
    "die er staat; {skipped} overgeslagen",
    "import-new-source": " (nieuw in het bestand)",
    "import-name-one": "naam",
    "import-name-many": "namen",
    "import-failed": "niets geïmporteerd; het bestand is niet veranderd",
}
