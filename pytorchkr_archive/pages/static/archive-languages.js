// The language switch keeps the reader's place: the section (#anchor, which is
// the same in every language) and the search query (?q=) go along with it.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.language-switch-link");
  if (link && !link.href.includes("#") && !link.href.includes("?")) {
    link.href += window.location.search + window.location.hash;
  }
});
