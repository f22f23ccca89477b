// Search result summaries that read as text (pytorchkr_archive.korean_search.summaries).
//
// Sphinx makes a result's summary from the page's textContent, which runs
// table cells, list items and headings together ("발표자발표행사 Alban
// Desmaison ..."). The same text is taken here with a separator after each
// table cell and a space after each other block and in place of each line
// break, in every language.
// Deferred: it runs after searchtools.js and before Search.init.
(() => {
  if (typeof Search === "undefined") return;
  const sphinxHtmlToText = Search.htmlToText;
  const CELLS = "th, td";
  const BLOCKS =
    "p, li, dt, dd, h1, h2, h3, h4, h5, h6, tr, caption, figcaption, blockquote, pre, div, section";

  Search.htmlToText = (htmlString, anchor) => {
    const html = new DOMParser().parseFromString(htmlString, "text/html");
    html.querySelectorAll("br").forEach((br) => br.replaceWith(" "));
    html.querySelectorAll(CELLS).forEach((cell) => {
      if (cell.nextElementSibling) cell.append(" · ");
    });
    html.querySelectorAll(BLOCKS).forEach((block) => block.append(" "));
    const text = sphinxHtmlToText(html.documentElement.outerHTML, anchor);
    return text.replace(/\s+/g, " ").trim();
  };
})();
