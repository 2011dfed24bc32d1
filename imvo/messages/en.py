"""The messages to editors in English: code -> text with {parameters} (see imvo.messages)."""

MESSAGES: dict[str, str] = {
    # --- describing a value (used inside other messages) ---
    "value-group": "a group of fields",
    "value-list": "a list",
    "value-nothing": "nothing",
    "value-long": "{start}... ({count:,} characters)",
    "value-single": "a single value ({got})",
    "kind-folder": "a folder",
    "kind-pipe": "a named pipe",
    "kind-device": "a device",
    "kind-socket": "a socket",
    "kind-other": "not an ordinary file",
    "which-signing": "signing",
    "which-in-force": "entry into force",
    # --- reading a file ---
    "file-missing": "this file is missing",
    "folder-missing": "no such folder",
    "file-unreadable": "the file cannot be read ({reason})",
    "file-symlink": "this is a symbolic link; the build reads only ordinary files inside the "
    "content folder, so that a link cannot publish a file from elsewhere: put the file itself "
    "here",
    "folder-symlink": "this folder is a symbolic link; the build reads only folders inside the "
    "content folder, so that a link cannot publish files from elsewhere: put the folder itself "
    "here",
    "file-not-ordinary": "this is {kind}, not an ordinary file; the build reads only ordinary "
    "text files",
    "file-too-large": "the file is {size} MB; a content file may be at most {limit} MB",
    "text-too-large": "the file is larger than 1 MB",
    "file-bom": "the file starts with a byte-order mark; save it as UTF-8 without BOM",
    "file-not-utf8": "the file is not UTF-8 (byte 0x{byte}); save it as UTF-8",
    "text-not-utf8": "the file is not UTF-8; save it as UTF-8",
    "file-nul": "the file holds a NUL character; save it as UTF-8 text",
    "file-invisible-break": "the line holds an invisible line break ({char}), often pasted from "
    "a web page or a word processor; delete it or type a space instead",
    "text-control-char": "the line holds a control character ({char}); delete it",
    "yaml-escaped-control-char": "the text holds a control character ({char}); delete it",
    "file-control-char": "the line holds a control character ({char}) that YAML does not allow; "
    "delete it",
    "file-empty": "the file is empty",
    "file-not-mapping": "expected a mapping of fields (key: value); the file is {kind}",
    "nested-too-deeply": "the file is nested too deeply (more than {limit})",
    "nested-too-deeply-plain": "the file is nested too deeply",
    "indented-too-deeply": "the line is indented too deeply (more than {limit})",
    "yaml-alias": "anchors and aliases (& and *) are not allowed in content files; write the "
    "value out in full",
    "yaml-merge": "merge keys (<<) are not allowed in content files; write the fields out in full",
    "yaml-tag": "the tag {tag} is not allowed in content files; write the value without the tag",
    "yaml-tag-value": "'{value}' cannot be read as {tag}; write the value without the tag",
    "yaml-key-not-word": "a key must be a word; got {got}",
    "yaml-duplicate-key": "duplicate key: '{key}' is already set on line {line}",
    # --- YAML that cannot be read (never the parser's own words) ---
    "yaml-align": "'{key}:' belongs exactly under '{other}:' on line {line}: start the line "
    "with {spaces} spaces",
    "yaml-item-under": "this '- {key}:' belongs under '{parent}:' on line {line}: start the "
    "line with {spaces} spaces, like the other items there",
    "yaml-colon-in-text": "the text after '{key}:' holds a ':' and is not in quotes; put the "
    "whole text in quotes: {fixed}",
    # --- what YAML reads otherwise than typed ---
    "word-space-indent": "this line is indented with non-breaking spaces (from Word or another "
    "word processor), which YAML does not read as spaces: type ordinary spaces",
    "word-space-dash": "the '-' is followed by a non-breaking space (from Word or another word "
    "processor), which YAML does not read as a space: type an ordinary space",
    "word-space-in-key": "the field name '{key}' holds a non-breaking space (from Word or "
    "another word processor): delete it",
    "word-space-after-key": "'{key}:' is followed by a non-breaking space (from Word or another "
    "word processor), which YAML does not read as a space: type an ordinary space",
    "word-space-in-value": "'{value}' holds a non-breaking space (from Word or another word "
    "processor) where none belongs; delete it or type an ordinary space",
    "word-quotes": "Word's curly quotes are ordinary letters to YAML: type straight quotes: "
    "{fixed}",
    "word-quotes-key": "Word's curly quotes around the field name '{key}': delete them",
    "yaml-comment-cut": "YAML reads everything from ' #' on as a comment, so this says only "
    "'{kept}'; put the whole text in quotes: {fixed}",
    "yaml-read-as-bool": "YAML reads {raw} without quotes as a yes/no value ({value}), not as "
    'text; put it in quotes: "{raw}"',
    "yaml-read-as-number": "YAML reads {raw} without quotes as a number, not as text; put it in "
    'quotes: "{raw}"',
    "yaml-read-as-nothing": "YAML reads {raw} without quotes as 'nothing', not as text; put it "
    'in quotes: "{raw}"',
    "yaml-number-changed": "YAML reads {raw} as the number {value}; write the number without a "
    "leading zero or a ':', as you mean it",
    "yaml-space-after-colon": "'{key}:' needs a space after it; type a space after the ':'",
    "yaml-tab": "a tab is used for indentation; use spaces instead",
    "yaml-quote-open": "the quote opened on this line is not closed; end the text with the same "
    "quote mark",
    "yaml-indent-deeper": "'{key}:' is indented further than the line above allows; line it "
    "up with spaces under the fields of its group",
    "yaml-colon": "the text on this line holds a ':' and is not in quotes; put the whole text "
    'in quotes, for example nl: "Note: ..."',
    "yaml-indent": "this line's indentation does not fit the lines above it; line up fields of "
    "one group with spaces",
    "yaml-list-indent": "this line's indentation does not fit the list above it: a field of a "
    "list item lines up with the first field after its '- ', and a new item starts with '- ' "
    "in line with the other items",
    "yaml-bracket": "a bracket opened here ('[' or '{{') is not closed; end the list with ']' "
    "(like [bron-a, bron-b]) or put the text in quotes",
    "yaml-quote-inside": "a text that starts with a quote mark must end right after the closing "
    "quote; put the whole text in quotes and write a quote inside it twice ('') or use the other "
    "quote mark",
    "yaml-special-start": "a text may not start with {char} without quotes; put the whole text "
    "in quotes",
    "yaml-document": "a line with only '---' starts a second document; a content file holds "
    "one: remove the line",
    "yaml-escape": "a backslash (\\) in a text between double quotes starts a special "
    "character; write it twice (\\\\) or put the text in single quotes",
    "yaml-other": "this line cannot be read as YAML; check the indentation (spaces only, fields "
    "of one group in line), the ':' after each field name, and that texts with ':', '#' or "
    "quotes are in quotes",
    # --- the model ---
    "unknown-field-close": "unknown field '{name}'; did you mean '{close}'?",
    "unknown-field": "unknown field '{name}'; allowed here: {allowed}",
    "required": "this field is required",
    "choice": "expected one of {choices}; got {got}",
    "choice-status": "expected one of {status_choices}; got {got}",
    "expected-text": "expected text; got {got}",
    "empty-text": "this text is empty",
    "text-too-long": "this text has {count:,} characters; a text may have at most {limit:,}: "
    "shorten it",
    "id-pattern": "expected lowercase letters, digits and hyphens (like 'fnv' or "
    "'save-the-children'); got {got}",
    "expected-true-false": "expected true or false, without quotes; got {got}",
    "expected-list": "expected a list (lines starting with '- '); got {got}",
    "expected-group": "expected a group of fields (key: value); got {got}",
    "list-empty": "this list needs at least one entry",
    "expected-number": "expected a whole number; got {got}",
    "number-greater": "input should be greater than {limit}; got {got}",
    "number-at-least": "input should be greater than or equal to {limit}; got {got}",
    "number-at-most": "input should be less than or equal to {limit}; got {got}",
    "value-other": "{detail}; got {got}",
    "value-error": "{detail}",
    "date-format": "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got {got}",
    "date-format-quotes": "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got {got} "
    "(write the date in quotes)",
    "date-format-suggest": "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got {got}: write "
    '"{suggest}"',
    "date-no-month": "{date} is not a real date: there is no month {month}",
    "date-year-range": "{date} is not a plausible date: the year must be between {low} and {high}",
    "date-month-days": "{date} is not a real date: month {month} has {days} days",
    "invisible-char": "there is an invisible character ({char}) after '{before}'; remove it "
    "(type this part again, do not paste it from a web page or word processor)",
    "invisible-char-start": "there is an invisible character ({char}) at the start; remove it "
    "(type this part again, do not paste it from a web page or word processor)",
    "file-invisible-char": "the file name holds an invisible character ({char}) after "
    "'{before}'; rename the file without it",
    "file-invisible-char-start": "the file name starts with an invisible character ({char}); "
    "rename the file without it",
    "url": "expected a web address starting with https:// (or mailto:); got {got}",
    # --- across fields and files ---
    "covenants-missing": "the folder of covenant files is missing; make it and put the covenant "
    "files in it",
    "covenants-not-a-folder": "the folder of covenant files is a file, not a folder; make it and "
    "put the covenant files in it",
    "participants-file-name": "participants files are named after their covenant: <slug>.yaml",
    "participants-no-covenant": "no covenant '{id}' in content/covenants/: a participants file "
    "has the name of its covenant's file",
    "participants-no-covenant-close": "no covenant '{id}' in content/covenants/: a participants "
    "file has the name of its covenant's file; did you mean '{close}.yaml'?",
    "participants-count-of": "a participants file counts participants: write 'of: participants'",
    "party-listed-twice": "party '{value}' is already listed on line {line}; list each party "
    "once, with one role",
    "value-listed-twice": "'{value}' is already in this list (line {line}); remove it here",
    "item-listed-twice": "this item is already listed exactly so on line {line}; remove one of "
    "the two",
    "participant-twice": "'{name}' is already listed on line {line}; list each participant once",
    "participant-left-before-joined": "{field} ({left}) is before joined ({joined})",
    "participant-left-and-left-by": "give 'left' or 'left_by', not both",
    "participants-complete-no-list": "'complete: true' says that this file names every "
    "participant of the official list: add that list to 'sources' and its id as 'official_list'",
    "participant-no-source": "this participant has no source: add 'sources: [<id>]', or "
    "'default_sources' at the top of the file",
    "language-nl": "Dutch",
    "language-en": "English",
    "pdf-too-long": "the PDF of this factsheet in {language} has {pages} A4 pages; a handout "
    "should have at most {most}: shorten its longest texts",
    "law-placeholder": "'{{{{law.{name}}}}}' is no figure of content/law.yaml; "
    "use one listed in CONTRIBUTING.md, such as {{{{law.csrd.eu.employees}}}}",
    "law-id-twice": "id '{id}' is used twice under dutch; give one of them another id",
    "law-steps-order": "this step ({date}) comes after a step with a later date ({before}); "
    "put the steps in order of date",
    "source-twice": "source id '{id}' is used twice",
    "party-twice": "party id '{id}' is used twice",
    "unknown-source": "no source with id '{id}' in this file's sources",
    "unknown-source-close": "no source with id '{id}' in this file's sources; did you mean "
    "'{close}'?",
    "unknown-party": "no party '{id}' in content/parties.yaml",
    "unknown-party-close": "no party '{id}' in content/parties.yaml; did you mean '{close}'?",
    "successor-self": "a covenant cannot succeed itself",
    "successor-unknown": "no covenant '{id}' in content/covenants/",
    "successor-circle": "the successors go round in a circle ({circle}); a covenant cannot "
    "follow itself",
    "end-before-start": "the end ({end}) is before the {which} ({start})",
    "in-force-before-signing": "entry into force ({in_force}) is before the signing ({signed})",
    "status-needs-end": "status '{status}' ({status_words}) needs an end date: add 'ended'",
    "status-no-end": "status '{status}' ({status_words}) does not fit an end date",
    "status-prep-signed": "status '{status}' ({status_words}) does not fit a signing date",
    "status-needs-date": "status '{status}' ({status_words}) "
    "needs a date: add 'signed' or 'in_force'",
    "status-needs-as-of": "status '{status}' ({status_words}) "
    "needs 'as_of': the date of the latest source that "
    "saw it running",
    "status-needs-successor": "status '{status}' ({status_words}) needs a 'successor'",
    "folder-in-covenants": "the build reads no folders inside covenants/; move the files in it to "
    "content/covenants",
    "covenant-not-yaml": "covenant files end in .yaml; rename the file",
    "covenant-bad-name": "the file name '{name}' is not a valid slug: use lowercase letters, "
    "digits and hyphens (like 'banken.yaml')",
    "covenant-reserved-name": "the slug '{name}' is already used by a page or folder of the site; "
    "rename the file",
    "covenant-name-twice": "slug '{name}' is also used by {other}",
    "text-missing": "this text is missing",
    "text-no-page": "no page of the site shows this text; a text is named after its page "
    "({names}), then .nl.md or .en.md",
    "text-bad-name": "name text files <name>.nl.md and <name>.en.md",
    "text-no-translation": "the text has no translation: add {name}",
    # --- warnings (check) ---
    "same-text": "the Dutch and English texts are the same; translate one of them",
    "not-https": "the link is not https: use 'https://{rest}' if the site has it",
    "no-source": "this fact has no source: add 'sources: [<id>]' with an id from 'sources'",
    "term-passed": "status '{status}' ({status_words}) "
    "but its term of {months} months ended in {end}: check the "
    "status, add 'ended', or explain it in status.note",
    "signed-future": "status '{status}' ({status_words}) "
    "but the signing date ({date}) is in the future",
    "checked-old": "last checked against the sources on {date}, more than a year ago: check the "
    "facts again and set 'checked' to today's date",
    "end-future": "status '{status}' ({status_words}) but the end date ({date}) is in the future",
    "empty-group": "'{name}' is empty: write its lines under it, or put a '#' before it",
    "as-of-before-end": "status '{status}' ({status_words}) "
    "checked on {as_of}, before the end ({end}): set "
    "'as_of' to the date you checked, or remove it",
    "ended-note-running": "status '{status}' ({status_words}) "
    "but the status note says the covenant may still run "
    "({words}); change the note, or the status",
    "running-after-end": "'after_end' describes what came after the end, but the status is "
    "'{status}' ({status_words}): remove 'after_end', or change the status",
    # --- build.py new ---
    "new-bad-name": "'{name}' cannot be a file name: use lowercase letters, digits and hyphens; "
    "'{suggest}' is free",
    "new-reserved": "'{name}' is the name of a page or folder of the site; '{suggest}' is free",
    "new-exists": "{path} already exists: edit it, or choose another name; '{suggest}' is free",
    "new-wrote": "Wrote {path}: fill in the values marked REQUIRED, then run "
    "'python build.py check --strict'.",
    # --- build.py translations ---
    "lang-nl": "Dutch",
    "lang-en": "English",
    "only-in-add": "only in {has}: add the {lacks} ({key})",
    "only-in-add-file": "only in {has}: add {name}",
    "translations-none": "Every text is in both languages.",
    "translations-count": "{count} text{s} to translate in {files} file{fs}.",
    # --- build's own lines ---
    "build-not-built": "The site was not built (the existing site is unchanged):",
    "build-not-built-because": "The site was not built (the existing site is unchanged): {error}",
    "build-debug-hint": "Run again with --debug to see the details.",
    "build-interrupted": "The build was stopped ({signal}); the existing site is unchanged.",
    "build-done": "Built {count} covenant{s} in 2 languages into {site} in {seconds} s.",
    "history-shallow": "History: this is a shallow clone, so the pages show no 'last changed' "
    "dates and no changes; run 'git fetch --unshallow' to show them.",
    "history-no-git": "History: the content is not in a git repository (a copy or a release "
    "archive), so the pages show no 'last changed' dates and no changes.",
    "schema-wrote": "Wrote {path}",
    # --- summaries ---
    "summary-errors": "{count} error{s}",
    "summary-warnings": "{count} warning{s}",
    "summary-reminders": "{count} reminder{s}",
    "summary-files": "{count} file{s}",
    "summary": "{parts} in {files}.",
    "summary-and": " and ",
    "checked-none": "{count} covenant{s} checked: no problems.",
    "strict-fails": "{line}; warnings fail with --strict.",
    "warning-prefix": "warning: ",
    "reminder-prefix": "reminder: ",
    "checked-reminders": "{count} covenant{s} checked: no problems, but {reminders} (a "
    "reminder depends on today's date and never fails the check).",
    "hint-prefix": "hint: ",
    "summary-hints": "{count} hint{s}",
    "weekday-saturday": "Saturday",
    "weekday-sunday": "Sunday",
    "weekend-date": "{date} is a {day}: check that the date is right, and if it is, say so in a "
    "'note' on this date",
    "source-date-old": "'date' does not say whether this is the day the source was published or "
    "the day it was viewed: write 'published' (the date the source itself gives) or 'checked' "
    "(the day you viewed it)",
    # --- links and texts in the content, found while the pages are made ---
    "link-missing": "the link '{link}' leads to no page of the site; link to a page that "
    "exists (such as 'overzicht.html') or to a full https:// address",
    "link-absolute": "the link '{link}' starts with '{first}', which breaks when the site "
    "lives in a folder (as on GitHub Pages); link to the page by its name, such as "
    "'overzicht.html'",
    "link-invalid": "the link '{link}' is not a valid address; look for a space, a bracket or "
    "a missing character in it",
    "image-elsewhere": "the image '{link}' cannot be shown: the site shows only its own files "
    "and loads nothing from other sites; link to the image instead: [what it shows](address)",
    "commit-id": "expected a commit as GitHub shows it: its first 7 or more characters, digits "
    "and the letters a to f (1a2b3c4); got {got}",
    "text-too-many-lines": "this text has {count} lines; a text may have at most {limit}: "
    "shorten it, or split it over more fields or pages",
    "text-too-much-markup": "this text has {count} links, images or HTML tags (each '[' and "
    "'<' counts); a text may have at most {limit}: take out the ones it does not need",
    "page-too-large": "the page {page} would be {size} MB, more than the {limit} MB a page may "
    "be (GitHub refuses large files, and a phone cannot open such a page): shorten the texts or "
    "the list on it",
    "site-too-large": "the site would be {size} MB with its PDFs, search index and data, more "
    "than the {limit} MB GitHub Pages publishes: shorten the longest texts and lists, or leave "
    "out what no reader needs",
    "build-too-slow": "making the pages of the site took longer than {seconds} s, the limit for "
    "the whole site, so the build stopped while making {page}; look in its texts for something "
    "repeated very many times",
    "history-version-unreadable": "the version of this file in commit {commit} cannot be read "
    "and is left out of the site's history: {reason}",
    "history-bad-date": "commit {commit} has a date that cannot be right (before the year 1 or "
    "after 9999); its changes are left out of the site's history",
    "heading-attributes": "a heading can only get a plain id, such as {{#privacy}} (lower-case "
    "letters, digits and hyphens); {attrs} is not allowed, take it out",
    "text-crash": "Markdown could not make this text into a page ({error}); look in it for an "
    "unusual link or a pattern repeated very many times",
    # --- the build's own steps, and what they say of a page ---
    "page-too-slow": "making this page took longer than {seconds} s, so the build stopped; a "
    "text in this file is too long or too tangled for Markdown (such as thousands of '[' in "
    "a row): shorten or simplify it",
    "engine-page-crash": "mkdocs could not make this page ({error}); look in this file's texts "
    "for an unusual link or a pattern repeated very many times",
    "engine-crash": "mkdocs stopped: {error}",
    "engine-stopped": "{detail}",
    "engine-warning": "{detail}",
    "engine-setting": "{detail}",
    # --- warnings across files (check) ---
    "possible-duplicate": "'{name}' may be the same organisation as '{other_name}' in "
    "{other}; give both entries the same 'id' if it is, or each its own 'id' if it is not",
    # --- import-participants ---
    "import-too-large": "the input is larger than {limit} bytes; split the list into parts",
    "import-no-names": "the input holds no names: paste one name per line, or a CSV with a "
    "column 'name' (or 'naam')",
    "import-no-name": "this line has no name in the column 'name'; fill it in or remove the line",
    "import-value": "this value is wrong: {why}",
    "import-no-covenant": "no covenant '{slug}' in content/covenants/; use the covenant's file "
    "name without .yaml, like 'banken'",
    "import-already": "'{name}' is already in the file (line {line}); skipped",
    "import-twice-in-input": "'{name}' (line {line} of the input) is already on line {first} "
    "of the input; skipped",
    "import-like": "'{name}' looks like '{other}' (line {line}); skipped: if it is another "
    "organisation, add it by hand",
    "import-like-input": "'{name}' (line {line} of the input) looks like '{other}' (line "
    "{first} of the input); skipped: if it is another organisation, add it by hand",
    "import-added": "{count} {names} added to {path}, with source '{source}'{new_source}; "
    "{skipped} skipped",
    "import-nothing": "nothing added to {path}: every name was there already or looks like "
    "one that is; {skipped} skipped",
    "import-new-source": " (new in the file)",
    "import-name-one": "name",
    "import-name-many": "names",
    "import-failed": "nothing imported; the file is unchanged",
}
