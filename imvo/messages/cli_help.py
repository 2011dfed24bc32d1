"""The command line's help (`build.py --help`) in each language: name -> text.

The language is the editor's, as for every message (`--lang`, else the locale); a test checks
that both languages have every entry. argparse's own headings are
worded here too (`usage`, `options`).
"""

HELP: dict[str, dict[str, str]] = {
    "en": {
        "description": "Build the bilingual IMVO covenants site from the YAML in content/.",
        "debug": "show tracebacks",
        "content": "content folder (content/)",
        "format": "text (path:line: field: message) or github (annotations for GitHub Actions)",
        "format-json": ", or json (every problem with its code, in Dutch and English)",
        "lang": "the language of the messages: nl (Dutch, the default) or en (English); "
        "without it, a locale starting with 'en' (LC_ALL, LC_MESSAGES, LANG) chooses English",
        "build": "validate the content and build the site",
        "site": "output folder (site/)",
        "site-url": "the address the site is published at, e.g. https://org.github.io/repo/ "
        "(default: $SITE_URL; without it, links between languages are relative)",
        "report-url": "the repository's new-issue address for 'report an error' links, e.g. "
        "https://github.com/org/repo/issues/new (default: $REPORT_URL, or the repository "
        "GitHub Actions builds)",
        "no-pdf": "skip the PDF of each factsheet (faster previews)",
        "timings": "print the seconds spent in each stage",
        "check": "validate the content and report warnings (what a pull request runs)",
        "strict": "fail on warnings too",
        "new": "write a new covenant file to fill in",
        "slug": "the file name without .yaml, like 'natuursteen'",
        "translations": "list the texts that exist in only one language, per file",
        "schema": "write schema/*.schema.json from the content model (for editors' tools)",
        "import": "add a pasted list or a CSV of names to content/participants/<slug>.yaml",
        "import-slug": "the covenant's file name without .yaml, like 'banken'",
        "import-file": "one name per line, or a CSV with a header row (name, legal_name, "
        "joined, left, website, brands, group; comma or semicolon); '-' or nothing reads "
        "standard input",
        "source-url": "the address of the list",
        "source-title": "the list's title",
        "source-date": "when the list was published: YYYY-MM-DD",
        "serve": "preview the site at http://127.0.0.1:8000/, rebuilt on every change",
        "port": "the port (8000)",
        "usage": "usage: ",
        "options": "options",
        "positionals": "positional arguments",
        "help": "show this help message and exit",
        "commands": "commands",
    },
    "nl": {
        "description": "Maak de tweetalige site over de IMVO-convenanten uit de YAML in content/.",
        "debug": "toon de volledige foutmelding van Python (traceback)",
        "content": "de map met de inhoud (content/)",
        "format": "text (pad:regel: veld: melding) of github (meldingen op de regel in GitHub "
        "Actions)",
        "format-json": ", of json (elke melding met haar code, in het Nederlands en Engels)",
        "lang": "de taal van de meldingen: nl (Nederlands, standaard) of en (Engels); zonder "
        "deze optie kiest een taalinstelling die met 'en' begint (LC_ALL, LC_MESSAGES, LANG) "
        "het Engels",
        "build": "controleer de inhoud en maak de site",
        "site": "de map waarin de site komt (site/)",
        "site-url": "het adres waarop de site staat, bijvoorbeeld https://org.github.io/repo/ "
        "(standaard: $SITE_URL; zonder adres zijn links tussen de talen relatief)",
        "report-url": "het adres voor een nieuw issue in de repository, voor de links 'meld "
        "een fout', bijvoorbeeld https://github.com/org/repo/issues/new (standaard: "
        "$REPORT_URL, of de repository die GitHub Actions bouwt)",
        "no-pdf": "maak geen pdf van elke factsheet (sneller, voor een voorbeeld)",
        "timings": "toon hoeveel seconden elke stap duurde",
        "check": "controleer de inhoud en meld waarschuwingen (wat een pull request doet)",
        "strict": "laat de controle ook falen op waarschuwingen",
        "new": "maak een nieuw convenantbestand om in te vullen",
        "slug": "de bestandsnaam zonder .yaml, zoals 'natuursteen'",
        "translations": "toon per bestand de teksten die maar in één taal staan",
        "schema": "schrijf schema/*.schema.json uit het inhoudsmodel (voor de hulp bij het typen)",
        "import": "voeg een geplakte lijst of een CSV met namen toe aan "
        "content/participants/<slug>.yaml",
        "import-slug": "de bestandsnaam van het convenant zonder .yaml, zoals 'banken'",
        "import-file": "één naam per regel, of een CSV met een kopregel (name, legal_name, "
        "joined, left, website, brands, group; komma of puntkomma); '-' of niets leest wat "
        "je typt of plakt",
        "source-url": "het adres van de lijst",
        "source-title": "de titel van de lijst",
        "source-date": "wanneer de lijst verscheen: JJJJ-MM-DD",
        "serve": "bekijk de site op http://127.0.0.1:8000/, opnieuw gemaakt bij elke wijziging",
        "port": "de poort (8000)",
        "usage": "gebruik: ",
        "options": "opties",
        "positionals": "argumenten",
        "help": "toon deze hulp en stop",
        "commands": "opdrachten",
    },
}
