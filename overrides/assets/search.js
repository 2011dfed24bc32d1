/* The site's search: Pagefind's index of this language (imvo/search.py), in the header's
   search field (partials/search.html). Loaded only when a reader first reaches the field;
   Pagefind's script, its WebAssembly and the index chunks a query needs load on the first
   query. Results are plain links, relative to the page; the keyboard works as in a list:
   Down and Up move between the field and the results, Enter opens the first result,
   Escape closes the results. The list's data-query names the query its results answer
   (none while a query is on its way), so a script or a test knows the list is current.
   A template (mkdocs.yml: static_templates), rendered for each
   language with its texts from templates/i18n. */

const SHOWN = 10;
const STRINGS = {{ {
  "initial": imvo_t("search.initial"), "loading": imvo_t("search.loading"),
  "none": imvo_t("search.none"), "one": imvo_t("search.one"), "other": imvo_t("search.other"),
  "more": imvo_t("search.more"), "show_more": imvo_t("search.show_more"),
  "offline": imvo_t("search.offline"),
  "failed": imvo_t("search.failed")} | tojson }};

export function start(box) {
  const strings = STRINGS;
  const toggle = document.getElementById("__search");
  const form = box.querySelector("form");
  const input = box.querySelector("input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const bundle = new URL("../pagefind/pagefind.js", import.meta.url); // beside assets/
  const root = new URL("../", bundle); // the folder of this language's pages
  const more = document.createElement("button");
  more.type = "button";
  more.className = "imvo-search-more";
  more.textContent = strings.show_more;
  more.hidden = true;
  list.after(more);
  let pagefind = null;
  let latest = 0;
  let results = []; // every result of the latest query; the list shows the first ones

  function load() {
    if (!pagefind) {
      pagefind = import(bundle.href).then(async (found) => {
        await found.options({ baseUrl: "/" });
        await found.init();
        return found;
      });
    }
    return pagefind;
  }

  /* A result's address: relative where the page is in the language's folder, as every page
     is but the 404 page, which may be shown at any address. */
  function address(url) {
    const target = new URL(url.replace(/^\/+/, ""), root);
    const here = new URL("./", location.href);
    return here.href === root.href ? target.href.slice(root.href.length) : target.href;
  }

  /* Pagefind's excerpt is plain text with <mark> around the words found: build it as text
     and mark elements, never as HTML, since the text may hold '<'. */
  function excerpt(text) {
    const p = document.createElement("p");
    text.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      if (part) {
        if (marked) {
          const mark = document.createElement("mark");
          mark.textContent = part;
          p.append(mark);
        } else {
          p.append(part);
        }
      }
      return marked;
    }, false);
    return p;
  }

  /* The link's name is all it shows, the title and then the excerpt (WCAG 2.5.3, label in
     name: a name of the title alone left the visible excerpt out of it). The two are in a
     div, not an article: browsers leave an article's text out of a link's name. */
  function item(data, index) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = address(data.url);
    const body = document.createElement("div");
    body.className = "md-search-result__article md-typeset";
    const title = document.createElement("p");
    title.className = "imvo-search__title";
    title.textContent = data.meta.title || data.url;
    const text = excerpt(data.excerpt);
    text.id = `imvo-search-text-${index}`;
    body.append(title, text);
    link.append(body);
    li.append(link);
    return li;
  }

  function count(total, shown) {
    if (total === 0) return strings.none;
    if (total === 1) return strings.one;
    const key = total > shown ? "more" : "other";
    return strings[key].replace("{n}", String(total)).replace("{shown}", String(shown));
  }

  /* Adds the next results to the list; false if a later query came in meanwhile. */
  async function show(mine) {
    const start = list.children.length;
    const next = results.slice(start, start + SHOWN);
    const data = await Promise.all(next.map((result) => result.data()));
    if (mine !== latest) return false; // a later query is on its way
    list.append(...data.map((found, index) => item(found, start + index)));
    meta.textContent = count(results.length, list.children.length);
    more.hidden = list.children.length >= results.length;
    return true;
  }

  async function search() {
    const query = input.value.trim();
    const mine = ++latest;
    list.replaceChildren();
    delete list.dataset.query;
    more.hidden = true;
    results = [];
    if (!query) {
      meta.textContent = strings.initial;
      return;
    }
    meta.textContent = strings.loading;
    try {
      const found = await (await load()).search(query);
      if (mine !== latest) return;
      results = found.results;
      if (await show(mine)) list.dataset.query = query;
    } catch (error) {
      if (mine !== latest) return;
      meta.textContent = location.protocol === "file:" ? strings.offline : strings.failed;
    }
  }

  more.addEventListener("click", async () => {
    const first = list.children.length;
    if (await show(latest)) list.children[first]?.querySelector("a").focus();
  });

  function links() {
    return Array.from(list.querySelectorAll("a"));
  }

  function stops() {
    return [input, ...links(), ...(more.hidden ? [] : [more])];
  }

  function close() {
    toggle.checked = false;
  }

  let timer = 0;
  input.addEventListener("input", () => {
    toggle.checked = true;
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  box.addEventListener("focusin", () => {
    toggle.checked = true;
  });
  box.addEventListener("focusout", (event) => {
    if (!box.contains(event.relatedTarget)) close();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", () => {
    setTimeout(search);
    input.focus();
  });
  box.addEventListener("keydown", (event) => {
    const all = stops();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      input.focus();
      close();
    } else if (event.key === "ArrowDown" && at >= 0 && at < all.length - 1) {
      all[at + 1].focus();
    } else if (event.key === "ArrowUp" && at > 0) {
      all[at - 1].focus();
    } else {
      return;
    }
    event.preventDefault();
  });

  toggle.checked = box.contains(document.activeElement);
  if (input.value) search();
  else load().catch(() => {
    meta.textContent = location.protocol === "file:" ? strings.offline : strings.failed;
  });
}
