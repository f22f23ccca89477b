// The archive's search page (pytorchkr_archive.korean_search), in every language.
//
// 1. searchindex.js is written compactly (index_format.py): lists of pages as
//    ranges ("0-999"), a title's pages by anchor, no file names. It is
//    expanded here to Sphinx's shape before searchtools.js sees it.
// 2. Sphinx fetched the whole page of every result to make its summary: a
//    search that matched every event downloaded every event page. Each build
//    writes a short summary per page (_search/<page>.txt, summaries.py) and
//    a result's summary is fetched only when the result comes near the
//    screen, so a search downloads what the reader can see.
//
// 3. The programme and the people's pages are not in Sphinx's index: each
//    build adds every talk and person to it (talks.py), with the words each
//    is found by, analysed as the page's words are. A talk whose words hold
//    every word of the query is a result that leads to the talk itself (the
//    session's anchor on its event page), above the pages that only mention
//    the words, and summed up by its title and speakers; a person's page
//    likewise.
//
// Loaded after searchtools.js and before searchindex.js (templates/search.html).
(() => {
  if (typeof Search === "undefined") return;

  // -- 1. The compact index ------------------------------------------------
  const numbers = (text) => {
    const found = [];
    for (const part of text.split(",")) {
      if (!part) continue;
      const [first, last] = part.split("-").map(Number);
      for (let n = first; n <= (last ?? first); n++) found.push(n);
    }
    return found;
  };
  const expandTerms = (terms) =>
    Object.fromEntries(
      Object.entries(terms).map(([word, pages]) => [
        word,
        typeof pages === "string" ? numbers(pages) : pages,
      ]),
    );
  const expandTitles = (titles) =>
    Object.fromEntries(
      Object.entries(titles).map(([title, byAnchor]) => [
        title,
        Array.isArray(byAnchor)
          ? byAnchor
          : Object.entries(byAnchor)
              .flatMap(([anchor, pages]) => numbers(pages).map((page) => [page, anchor || null]))
              .sort((a, b) => a[0] - b[0]),
      ]),
    );
  // "page#anchor" of each talk: its summary (the title, the speakers as the
  // programme lists them, in the page's language).
  const talkSummaries = new Map();
  const sphinxSetIndex = Search.setIndex;
  Search.setIndex = (data) => {
    const words = (text) => new Set(text.split(" ").filter(Boolean));
    // Each alike talk once, with its pages as ranges; its event: its page's title.
    const talks = (data.talks ?? []).flatMap(([anchor, title, speakers, found, pages]) => {
      const talkWords = words(found);
      return numbers(pages).map((doc) => ({
        doc, page: data.docnames[doc], event: data.titles[doc], anchor, title, speakers,
        words: talkWords,
      }));
    });
    const people = (data.people ?? []).map(([page, name, found]) => ({ page, name, words: words(found) }));
    const index = {
      ...data,
      terms: expandTerms(data.terms),
      titleterms: expandTerms(data.titleterms),
      alltitles: expandTitles(data.alltitles),
    };
    if (typeof data.filenames === "string")
      index.filenames = data.docnames.map((name) => name + data.filenames);
    // A talk's result is summed up by the talk itself, not by its page.
    talkSummaries.clear();
    for (const talk of talks)
      talkSummaries.set(
        `${talk.page}#${talk.anchor}`,
        [talk.title, talk.speakers].filter(Boolean).join(" — "),
      );
    // Kept with the index they came with (Search._index), expanded.
    index.talks = talks;
    index.people = people;
    sphinxSetIndex(index);
  };

  // -- 3. Talks and people ---------------------------------------------------
  // Whether page number ``doc`` of Sphinx's index holds a word (in its text or
  // its titles).
  const pageHolds = (term, doc) =>
    [Search._index.terms, Search._index.titleterms].some((table) => {
      const pages = table[term];
      return Array.isArray(pages) ? pages.includes(doc) : pages === doc;
    });
  // A talk holds the query when its own words hold one of the query's words at
  // least, and every other is its own or its page's (김준호의 발표: the talk's
  // speaker, on a page about talks); a person, when their words hold them all.
  const holds = (words, doc, searchTerms, excludedTerms) => {
    const terms = [...searchTerms];
    return (
      terms.some((term) => words.has(term)) &&
      terms.every((term) => words.has(term) || (doc !== null && pageHolds(term, doc))) &&
      ![...excludedTerms].some((term) => words.has(term))
    );
  };
  const sphinxPerformSearch = Search._performSearch;
  Search._performSearch = (query, searchTerms, excludedTerms, highlightTerms, objectTerms) => {
    const results = sphinxPerformSearch(
      query, searchTerms, excludedTerms, highlightTerms, objectTerms,
    );
    // Above every page found (Sphinx shows the last result first).
    const top = Math.max(0, ...results.map((result) => result[4])) + Scorer.title;
    const { talks = [], people = [] } = Search._index;
    const found = [];
    for (const person of people)
      if (holds(person.words, null, searchTerms, excludedTerms))
        found.push([person.page, person.name, "", null, top, person.page, "title"]);
    for (const talk of talks)
      if (holds(talk.words, talk.doc, searchTerms, excludedTerms))
        found.push([
          talk.page, `${talk.event} > ${talk.title}`, `#${talk.anchor}`, "",
          top + 1, talk.page, "title",
        ]);
    return [...results, ...found.reverse()];
  };

  // -- 2. Summaries, fetched as results come near the screen ---------------
  // Sphinx's own summaries fetch the page found: off.
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
  const root = document.documentElement.dataset.content_root ?? "";
  const linkSuffix = DOCUMENTATION_OPTIONS.LINK_SUFFIX;
  let highlightTerms = [];
  const sphinxParseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = sphinxParseQuery(query);
    highlightTerms = [...parsed[3]];
    return parsed;
  };

  const summaries = new Map();
  const summaryOf = (page) => {
    if (!summaries.has(page))
      summaries.set(
        page,
        fetch(`${root}_search/${page}.txt`)
          .then((response) => (response.ok ? response.text() : ""))
          .catch(() => ""),
      );
    return summaries.get(page);
  };
  const pageOf = (link) => {
    const href = link.getAttribute("href").split("#")[0];
    return linkSuffix && href.endsWith(linkSuffix) ? href.slice(0, -linkSuffix.length) : href;
  };
  const talkOf = (link) => {
    const anchor = link.getAttribute("href").split("#")[1];
    return anchor === undefined ? undefined : talkSummaries.get(`${pageOf(link)}#${anchor}`);
  };
  const showSummary = (item) => {
    const link = item.querySelector("a");
    if (!link) return;
    const talk = talkOf(link);
    (talk === undefined ? summaryOf(pageOf(link)) : Promise.resolve(talk)).then((text) => {
      if (!text || item.querySelector("p.context")) return;
      const summary = item.appendChild(document.createElement("p"));
      summary.classList.add("context");
      summary.textContent = text;
      if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED)
        highlightTerms.forEach((term) => _highlightText(item, term, "highlighted"));
    });
  };

  // A result half a screen below the visible part already gets its summary.
  const near = new IntersectionObserver(
    (entries) =>
      entries.forEach((entry) => {
        if (!entry.isIntersecting) return;
        near.unobserve(entry.target);
        showSummary(entry.target);
      }),
    { rootMargin: "0px 0px 50% 0px" },
  );
  const results = document.getElementById("search-results") ?? document.body;
  new MutationObserver((records) =>
    records.forEach((record) =>
      record.addedNodes.forEach((node) => {
        if (node.nodeName === "LI" && node.parentElement?.matches("ul.search"))
          near.observe(node);
      }),
    ),
  ).observe(results, { childList: true, subtree: true });
})();
