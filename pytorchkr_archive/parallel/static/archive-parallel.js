// The parallel view (pytorchkr_archive.parallel): under each block of the page,
// the same block in another language, matched by the message it comes from.
// Each build writes _parallel/<page>.js for its language; both files (the
// page's own, for the places of its blocks, and the other language's, for
// the text) are loaded as scripts, which works from a file opened on disk.
window.archiveParallel = (() => {
  const data = new Map(); // language -> the data its file handed over
  const waiting = new Map(); // language -> {resolve, reject}
  let wanted = null;
  let added = [];
  let relabelled = []; // [element, its lang before the view]

  const receive = (received) => {
    data.set(received.lang, received);
    waiting.get(received.lang)?.resolve(received);
    waiting.delete(received.lang);
  };

  const load = (lang, src) =>
    data.has(lang)
      ? Promise.resolve(data.get(lang))
      : new Promise((resolve, reject) => {
          waiting.set(lang, { resolve, reject });
          const script = document.createElement("script");
          script.src = src;
          script.onerror = () => {
            waiting.delete(lang);
            script.remove();
            reject(new Error(src));
          };
          document.head.append(script);
        });

  const format = (text, values) =>
    text.replace(/%\((\w+)\)s/g, (all, name) => (name in values ? values[name] : all));

  const article = () => document.querySelector('article[role="main"]');
  // The element at a path of element indexes, as the build counted them: the
  // view's own boxes and search highlighting do not count.
  const elementAt = (path) => {
    let node = article();
    for (const index of path) {
      if (!node) return null;
      node = [...node.children].filter(
        (child) => !child.matches(".parallel-block, span.highlighted"),
      )[index];
    }
    return node || null;
  };

  // A block's HTML as shown beside another: no ids or permalinks of its own,
  // no second heading, links leading where they lead on its own page.
  const fragment = (html, base) => {
    const template = document.createElement("template");
    template.innerHTML = html;
    const content = template.content;
    content.querySelectorAll(".headerlink").forEach((link) => link.remove());
    content.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    content.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach((heading) => {
      const paragraph = document.createElement("p");
      paragraph.className = "parallel-heading";
      paragraph.append(...heading.childNodes);
      heading.replaceWith(paragraph);
    });
    for (const attribute of ["href", "src"]) {
      content.querySelectorAll(`[${attribute}]`).forEach((element) => {
        const value = element.getAttribute(attribute);
        if (!value.startsWith("#")) element.setAttribute(attribute, new URL(value, base).href);
      });
    }
    return content;
  };

  // The words of a block's HTML, to tell a block kept in the same words.
  const textOf = (html) =>
    fragment(html, window.location.href).textContent.replace(/\s+/g, " ").trim();

  const element = (tag, className, text, lang) => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    if (lang) made.lang = lang;
    return made;
  };

  // The language a block's text is in: a block that is not translated (or
  // awaits review) shows the source language's text.
  const shownIn = (block, lang, source) =>
    block.s === "untranslated" || block.s === "fuzzy" ? source : lang;

  // What a block's translation awaits, under the text.
  const notes = (box, block, lang, ui) => {
    const name = ui.languages[lang] || lang;
    if (block.s === "untranslated") {
      box.append(element("p", "parallel-note", format(ui.untranslated, { language: name })));
    } else if (block.s === "fuzzy") {
      box.append(element("p", "parallel-note", format(ui.fuzzy, { language: name })));
      box.append(element("p", "parallel-proposed", block.f, lang));
    }
  };

  // Where a translator edits a block's entry: the web editor when the build
  // knows the repository, else the file and line to open.
  const editLink = (block, lang, ui) => {
    const name = ui.languages[lang] || lang;
    const where = format(ui.where, { file: block.l, line: block.n });
    const link = element(block.e ? "a" : "span", "parallel-edit");
    link.append(format(ui.edit, { language: name }));
    link.append(element("span", "parallel-where", where));
    if (block.e) link.href = block.e;
    return link;
  };

  const render = (mine, theirs, page) => {
    const ui = mine.ui;
    const source = ui.source;
    const base = new URL(page, window.location.href);
    const byKey = new Map(theirs.blocks.map((block) => [block.k, block]));
    const places = mine.blocks.map((block) => [block, elementAt(block.p)]);
    for (const [block, target] of places) {
      const other = byKey.get(block.k);
      if (!other || !target || target.localName !== block.t) continue;
      // The same text in both (a name, a link): nothing to show beside it.
      const ownText = shownIn(block, mine.lang, source);
      const otherText = shownIn(other, theirs.lang, source);
      const pending = [block.s, other.s].some((s) => s === "untranslated" || s === "fuzzy");
      if (!pending && textOf(other.h) === textOf(block.h)) continue;
      const box = element("div", "parallel-block");
      const head = element("div", "parallel-head");
      head.append(element("span", "parallel-label", ui.languages[theirs.lang], theirs.lang));
      for (const [side, lang] of [[block, mine.lang], [other, theirs.lang]]) {
        if (side.l) head.append(editLink(side, lang, ui));
      }
      box.append(head);
      if (otherText !== ownText) {
        const text = element("div", "parallel-text", undefined, otherText);
        text.append(fragment(other.h, base));
        box.append(text);
      }
      if (ownText !== mine.lang) {
        relabelled.push([target, target.getAttribute("lang")]);
        target.lang = ownText;
      }
      if (block.s !== "source") notes(box, block, mine.lang, ui);
      if (other.s !== "source") notes(box, other, theirs.lang, ui);
      if (block.i) target.append(box);
      else target.after(box);
      added.push(box);
    }
  };

  const clear = () => {
    added.forEach((box) => box.remove());
    added = [];
    for (const [target, lang] of relabelled) {
      if (lang === null) target.removeAttribute("lang");
      else target.lang = lang;
    }
    relabelled = [];
    delete document.documentElement.dataset.parallel;
  };

  const failed = (status, lang, name) => {
    const text = format(status.dataset.parallelFailed, { language: name });
    let line = status.querySelector(".parallel-status");
    if (!line) {
      line = element("span", "parallel-status");
      line.setAttribute("role", "status");
      status.append(line);
    }
    line.textContent = text;
  };

  const show = async ({ lang, name, src, page, own, ownLang, status, styled }) => {
    wanted = lang;
    status.querySelector(".parallel-status")?.remove();
    let mine;
    let theirs;
    try {
      // Shown once its stylesheet is in too: never a moment unstyled (on a
      // phone, wider than the screen).
      [mine, theirs] = await Promise.all([load(ownLang, own), load(lang, src), styled]);
    } catch {
      if (wanted === lang) failed(status, lang, name);
      return;
    }
    if (wanted !== lang) return;
    const start = performance.now();
    clear();
    render(mine, theirs, page);
    document.documentElement.dataset.parallel = lang;
    performance.measure("archive-parallel-render", { start });
  };

  const hide = () => {
    wanted = null;
    clear();
  };

  // -- The toggle: which language, remembered, in the address ---------------
  const KEY = "archive-parallel";
  // The view's stylesheet, asked for the first time the view is turned on:
  // settled once it has loaded (or failed: the view is then shown unstyled
  // rather than not at all).
  let styled = null;
  const style = (script) => {
    if (!styled) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = script.replace("archive-parallel.js", "archive-parallel.css");
      styled = new Promise((settled) => {
        link.addEventListener("load", settled);
        link.addEventListener("error", settled);
      });
      document.head.append(link);
    }
    return styled;
  };
  const remember = (lang) => {
    try {
      localStorage.setItem(KEY, lang || "off");
    } catch {}
  };
  const showInAddress = (lang) => {
    const url = new URL(window.location.href);
    if (lang) url.searchParams.set("parallel", lang);
    else url.searchParams.delete("parallel");
    history.replaceState(history.state, "", url);
  };

  // From the toggle's script: the button pressed (or none), what the address
  // asks for (null: nothing) and the reader's last choice (null: none).
  const start = (control, pressed, asked, remembered) => {
    const own = document.documentElement.lang;
    const toggles = [...control.querySelectorAll("button.parallel-toggle")];
    const byLang = new Map(toggles.map((button) => [button.dataset.parallelLang, button]));
    // A language of the archive asked for on its own page means "the other one".
    const choose = (asked) => {
      if (!asked || asked === "off") return null;
      if (byLang.has(asked)) return asked;
      return asked === own && toggles.length ? toggles[0].dataset.parallelLang : null;
    };
    const turn = (lang, chosen) => {
      for (const button of toggles) {
        button.setAttribute("aria-pressed", String(button.dataset.parallelLang === lang));
      }
      // The address says what is shown, so that it can be shared as it is.
      if (chosen) remember(lang);
      if (chosen || lang) showInAddress(lang);
      if (!lang) {
        hide();
        return;
      }
      const styled = style(control.dataset.parallelScript);
      const button = byLang.get(lang);
      show({
        styled,
        lang,
        name: button.querySelector("[lang]")?.textContent || lang,
        src: button.dataset.parallelSrc,
        page: button.dataset.parallelPage,
        own: control.dataset.parallelOwn,
        ownLang: own,
        status: control,
      });
    };
    const toggle = (button) => {
      const on = button.getAttribute("aria-pressed") === "true";
      turn(on ? null : button.dataset.parallelLang, true);
    };
    control.addEventListener("click", (event) => {
      const button = event.target.closest("button.parallel-toggle");
      if (button) toggle(button);
    });
    if (pressed) {
      toggle(pressed);
      return;
    }
    const lang = choose(asked ?? remembered);
    if (asked !== null) turn(lang, true);
    else if (lang) turn(lang, false);
  };

  return { receive, start };
})();
