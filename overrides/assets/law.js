// "Does the CSRD or CSDDD apply to our company?": the form answers at once. The rules are
// read from the page (#imvo-law-rules, written by the build from content/law.yaml); the
// same evaluation in Python is imvo/applies.py, and the tests check the two on the same
// cases. The inputs live in the address, so a link opens the same answer.
(function () {
  "use strict";
  var island = document.getElementById("imvo-law-rules");
  var form = document.getElementById("imvo-law-form");
  var out = document.getElementById("imvo-law-answer");
  if (!island || !form || !out || !document.getElementById("imvo-law-status")) return;
  var data = JSON.parse(island.textContent);
  // A short summary for screen readers: the full answer is long, and read again on every
  // key it would drown the form.
  var status = document.getElementById("imvo-law-status");
  var text = data.text;
  var INPUTS = ["employees", "turnover", "eu", "group_employees", "group_turnover",
    "parent_eu", "eu_turnover", "eu_branch_turnover"];
  var CHOICES = { eu: true, parent_eu: true };
  var numbers = new Intl.NumberFormat(data.lang, { maximumFractionDigits: 3 });
  var LAWS = ["csrd", "csddd"];

  // A figure as a reader writes it (imvo/applies.py reads it the same way): groups of three
  // digits after a separator are thousands ("1.000", "1,500", "1.000.000"); otherwise the
  // last separator is the decimal one ("450,5", "450.01", "1.500,5", "1,500.5").
  function number(raw) {
    raw = String(raw == null ? "" : raw).replace(/[\s\u00a0\u202f'\u20ac]/g, "");
    if (!/^[0-9.,]*[0-9][0-9.,]*$/.test(raw)) return null;
    if (/^(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+)$/.test(raw)) return Number(raw.replace(/[.,]/g, ""));
    var last = Math.max(raw.lastIndexOf("."), raw.lastIndexOf(","));
    if (last >= 0) raw = raw.slice(0, last).replace(/[.,]/g, "") + "." + raw.slice(last + 1);
    var value = Number(raw);
    return isFinite(value) ? value : null;
  }
  function choice(raw) {
    raw = String(raw == null ? "" : raw).trim().toLowerCase();
    return YES.indexOf(raw) >= 0 ? true : NO.indexOf(raw) >= 0 ? false : null;
  }
  var YES = ["yes", "ja", "true", "1"];
  var NO = ["no", "nee", "false", "0"];

  function read(get) {
    var c = {};
    INPUTS.forEach(function (name) { c[name] = CHOICES[name] ? choice(get(name)) : number(get(name)); });
    return c;
  }

  // "More than" is strictly more; a figure not given leaves the answer open (null).
  function over(value, limit) { return limit == null ? true : value == null ? null : value > limit; }
  function all(list) {
    if (list.some(function (v) { return v === false; })) return false;
    return list.some(function (v) { return v === null; }) ? null : true;
  }
  function check(name, value, limit) { return { name: name, value: value, limit: limit, ok: over(value, limit) }; }

  function evaluate(rule, c) {
    if (c.eu === null) return { answer: "incomplete", missing: ["eu"], checks: [] };
    var inGroup = c.group_employees !== null || c.group_turnover !== null || c.parent_eu !== null;
    var routes = [];
    var nonEu = [check("eu_turnover", c.eu_turnover, rule.non_eu.eu_turnover_over)];
    if (rule.non_eu.branch_turnover_over != null) {
      nonEu.push(check("eu_branch_turnover", c.eu_branch_turnover, rule.non_eu.branch_turnover_over));
    }
    if (c.eu) {
      routes.push({ route: "direct", start: "eu", checks: [
        check("employees", c.employees, rule.eu.employees_over),
        check("turnover", c.turnover, rule.eu.turnover_over)] });
    }
    if (inGroup) {
      if (c.parent_eu === null) routes.push({ route: "group", start: "", checks: [{ name: "parent_eu", value: null, ok: null }] });
      else if (c.parent_eu) routes.push({ route: "group", start: "eu", checks: [
        check("group_employees", c.group_employees, rule.eu.employees_over),
        check("group_turnover", c.group_turnover, rule.eu.turnover_over)] });
      else routes.push({ route: "group", start: "non_eu", checks: nonEu });
    } else if (!c.eu) {
      routes.push({ route: "direct", start: "non_eu", checks: nonEu });
    }
    var checks = [];
    for (var i = 0; i < routes.length; i++) {
      var r = routes[i];
      r.ok = all(r.checks.map(function (k) { return k.ok; }));
      if (r.ok) return { answer: "yes", route: r.route, start: r.start, checks: r.checks };
      checks = checks.concat(r.checks);
    }
    var missing = [];
    routes.forEach(function (r) {
      if (r.ok === null) r.checks.forEach(function (k) { if (k.value === null && missing.indexOf(k.name) < 0) missing.push(k.name); });
    });
    if (missing.length) {
      return { answer: "incomplete", missing: INPUTS.filter(function (n) { return missing.indexOf(n) >= 0; }), checks: [] };
    }
    var f = franchise(rule, c);
    if (f.some(function (k) { return k.value !== null && k.value > rule.franchise.turnover_over; })) {
      return { answer: "uncertain", route: "", start: "", checks: checks };
    }
    var open = f.filter(function (k) { return k.value === null; }).map(function (k) { return k.name; });
    if (open.length) return { answer: "incomplete", missing: INPUTS.filter(function (n) { return open.indexOf(n) >= 0; }), checks: [] };
    return { answer: "no", route: "", start: "", checks: checks };
  }

  // The franchise route (CSDDD) turns on royalties the form does not ask: above its
  // turnover threshold, "not on these figures" is all the form can say; a turnover not
  // given leaves the answer open. The figures it looks at, by input name.
  function franchise(rule, c) {
    if (!rule.franchise) return [];
    var figures = [];
    if (c.eu) figures.push({ name: "turnover", value: c.turnover });
    if (c.parent_eu) figures.push({ name: "group_turnover", value: c.group_turnover });
    if (!c.eu || c.parent_eu === false) figures.push({ name: "eu_turnover", value: c.eu_turnover });
    return figures;
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content != null) node.textContent = content;
    return node;
  }
  function sources(list) {
    var span = el("span", "imvo-law-answer__sources");
    span.appendChild(document.createTextNode(text.sources + " "));
    list.forEach(function (s, i) {
      if (i) span.appendChild(document.createTextNode("; "));
      var node = s.url ? el("a", null, s.title) : el("cite", null, s.title);
      if (s.url) node.href = s.url;
      span.appendChild(node);
      if (s.date) span.appendChild(document.createTextNode(" (" + s.date + ")"));
    });
    span.appendChild(document.createTextNode("."));
    return span;
  }
  function dated(parent, label, body, part) {
    var p = el("p", null);
    p.appendChild(el("strong", null, label + " "));
    var said = body ? body.replace(/\.$/, "") + " (" + part.article + ")." : part.article + ".";
    p.appendChild(document.createTextNode(said + " " + text.as_of + " " + part.as_of + ". "));
    p.appendChild(sources(part.sources));
    parent.appendChild(p);
  }
  function amountOrCount(name, value) {
    if (/employees/.test(name)) return numbers.format(value);
    return value >= 1000 ? numbers.format(value / 1000) + " " + text.billion : numbers.format(value) + " " + text.million;
  }

  function lead(verdict) {
    return verdict.answer === "yes" ? (verdict.route === "group" ? text.yes_group : text.yes_direct) : text[verdict.answer];
  }

  function answerFor(key, verdict) {
    var law = data.laws[key];
    var box = el("section", "imvo-law-verdict imvo-law-verdict--" + verdict.answer);
    box.setAttribute("data-law", key);
    box.appendChild(el("h2", null, law.name));
    var leadLine = el("p", "imvo-law-verdict__lead");
    var says = lead(verdict);
    leadLine.appendChild(el("strong", null, says));
    box.appendChild(leadLine);
    box.appendChild(el("p", null, law.directive + ": " + law.duty + "."));
    if (verdict.answer === "yes" && verdict.route === "group") box.appendChild(el("p", null, law.through_group));
    if (verdict.answer === "yes") dated(box, text.from, law.start[verdict.start].text + ".", law.start[verdict.start]);
    if (verdict.checks.length) {
      box.appendChild(el("p", null, text.decided));
      var ul = el("ul", "imvo-law-verdict__checks");
      verdict.checks.filter(function (k) { return k.value !== null; }).forEach(function (k) {
        ul.appendChild(el("li", null, text[k.name] + ": " + amountOrCount(k.name, k.value) + " " +
          (k.ok ? text.more : text.not_more) + " " + amountOrCount(k.name, k.limit) + "."));
      });
      box.appendChild(ul);
    }
    var rule = verdict.start === "non_eu" || (!verdict.start && form.elements.eu.value === "no") ? law.rules.non_eu : law.rules.eu;
    dated(box, text.rule, "", rule);
    box.appendChild(el("p", null, text.cannot));
    var cannot = el("ul", null);
    law.cannot_decide.forEach(function (line) { cannot.appendChild(el("li", null, line)); });
    box.appendChild(cannot);
    law.dutch.forEach(function (item) {
      var p = el("p", "imvo-law-verdict__dutch");
      p.appendChild(el("strong", null, text.dutch + " "));
      p.appendChild(document.createTextNode(item.name + ": " + item.state + " (" + text.as_of + " " + item.as_of + "). "));
      p.appendChild(sources(item.sources));
      box.appendChild(p);
    });
    return box;
  }

  function labelOf(name) {
    var input = form.elements[name];
    var first = input && (input.length ? input[0] : input);
    if (first && first.type === "radio") return first.closest("fieldset").querySelector("legend").textContent;
    var label = first && form.querySelector('label[for="' + first.id + '"]');
    return label ? label.textContent : name;
  }

  function query(c) {
    var params = new URLSearchParams();
    INPUTS.forEach(function (name) {
      var v = c[name];
      if (v === null) return;
      params.set(name, CHOICES[name] ? (v ? "yes" : "no") : String(v));
    });
    return params.toString();
  }

  function show() {
    var c = read(function (name) { return form.elements[name].value; });
    var search = query(c);
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    out.textContent = "";
    if (!search) {
      status.textContent = "";
      out.hidden = true;
      out.removeAttribute("data-csrd");
      out.removeAttribute("data-csddd");
      return;
    }
    out.hidden = false;
    var verdicts = {};
    LAWS.forEach(function (key) { verdicts[key] = evaluate(data.thresholds[key], c); });
    var missing = [];
    LAWS.forEach(function (key) {
      var v = verdicts[key];
      if (v.answer === "incomplete") {
        out.removeAttribute("data-" + key);
        v.missing.forEach(function (n) { if (missing.indexOf(n) < 0) missing.push(n); });
      } else {
        out.setAttribute("data-" + key, v.answer);
      }
    });
    status.textContent = LAWS.filter(function (key) { return verdicts[key].answer !== "incomplete"; })
      .map(function (key) { var v = verdicts[key]; return data.laws[key].name + ": " + lead(v); }).join(" ");
    if (missing.length) {
      status.textContent = (status.textContent + " " + text.incomplete + " " +
        INPUTS.filter(function (n) { return missing.indexOf(n) >= 0; }).map(labelOf).join(", ")).trim();
      out.appendChild(el("p", "imvo-law-answer__missing", text.incomplete));
      var list = el("ul", null);
      INPUTS.filter(function (n) { return missing.indexOf(n) >= 0; }).forEach(function (n) { list.appendChild(el("li", null, labelOf(n))); });
      out.appendChild(list);
    }
    LAWS.forEach(function (key) {
      if (verdicts[key].answer !== "incomplete") out.appendChild(answerFor(key, verdicts[key]));
    });
    var share = el("p", "imvo-law-answer__share");
    var link = el("a", null, text.share);
    link.href = location.href;
    share.appendChild(link);
    out.appendChild(share);
  }

  var params = new URLSearchParams(location.search);
  INPUTS.forEach(function (name) {
    if (!params.has(name)) return;
    var raw = params.get(name);
    if (CHOICES[name]) {
      var value = choice(raw);
      if (value !== null) form.elements[name].value = value ? "yes" : "no";
    } else if (number(raw) !== null) {
      form.elements[name].value = raw;
    }
  });
  form.hidden = false;
  form.addEventListener("input", show);
  form.addEventListener("change", show);
  form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
  form.addEventListener("reset", function () { setTimeout(show, 0); });
  show();
})();
