/*
 * Korean partial matching for the page's search, as lookup.py's
 * derived_terms() does it in Python: a two-syllable Korean word also finds
 * the indexed words made of it and a derivational suffix (최적 → 최적화,
 * 표현 → 표현식) or prefix (상위 → 최상위), ranked as Sphinx ranks its own
 * partial matches (Scorer.partialTerm, Scorer.partialTitle), below exact ones.
 *
 * Sphinx matches part of a word only for words longer than two characters.
 * Its performTermsSearch is kept and run on a view of the index in which each
 * such word also lists the pages of its derived words; the scores of those
 * pages are then lowered to the partial ones.  Loaded in language_data.js,
 * after searchtools.js on the search page (and harmless where Search is not).
 */
function koreanDerivedTerms(word, mapping) {
  if (!/^[\uac00-\ud7a3]{2}$/.test(word)) return [];
  var found = [];
  KOREAN_RULES.derivational.forEach(function (suffix) {
    if (Object.prototype.hasOwnProperty.call(mapping, word + suffix)) found.push(word + suffix);
  });
  KOREAN_RULES.prefixes.forEach(function (prefix) {
    if (Object.prototype.hasOwnProperty.call(mapping, prefix + word)) found.push(prefix + word);
  });
  return found;
}

function koreanFiles(value) {
  if (value === undefined) return [];
  return value.length === undefined ? [value] : value;
}

if (typeof Search !== "undefined" && Search.performTermsSearch) {
  (function () {
    var sphinxTermsSearch = Search.performTermsSearch;

    // For each mapping (terms, titleterms): word -> {exact: [files], derived: [files]}.
    function related(words, mapping) {
      var found = {};
      words.forEach(function (word) {
        var derived = [];
        koreanDerivedTerms(word, mapping).forEach(function (term) {
          derived = derived.concat(koreanFiles(mapping[term]));
        });
        if (derived.length) {
          var exact = Object.prototype.hasOwnProperty.call(mapping, word) ? koreanFiles(mapping[word]) : [];
          found[word] = { exact: exact, derived: derived };
        }
      });
      return found;
    }

    function view(mapping, additions) {
      var copy = Object.assign({}, mapping);
      Object.keys(additions).forEach(function (word) {
        var files = additions[word].exact.concat(additions[word].derived);
        copy[word] = files.filter(function (file, i) { return files.indexOf(file) === i; });
      });
      return copy;
    }

    Search.performTermsSearch = function (searchTerms, excludedTerms) {
      var index = Search._index;
      var words = Array.from(searchTerms);
      var terms = related(words, index.terms);
      var titles = related(words, index.titleterms);
      if (!Object.keys(terms).length && !Object.keys(titles).length) {
        return sphinxTermsSearch(searchTerms, excludedTerms);
      }
      Search._index = Object.assign({}, index, {
        terms: view(index.terms, terms),
        titleterms: view(index.titleterms, titles),
      });
      var results;
      try {
        results = sphinxTermsSearch(searchTerms, excludedTerms);
      } finally {
        Search._index = index;
      }
      // A page's score is its best word's (as in Sphinx), a derived match
      // counting as a partial one.
      function scoreOf(file, word) {
        var inTitle = koreanFiles(index.titleterms[word]).indexOf(file) > -1;
        var inTerms = koreanFiles(index.terms[word]).indexOf(file) > -1;
        if (inTitle) return Scorer.title;
        if (titles[word] && titles[word].derived.indexOf(file) > -1) return Scorer.partialTitle;
        if (inTerms) return Scorer.term;
        if (terms[word] && terms[word].derived.indexOf(file) > -1) return Scorer.partialTerm;
        return null;
      }
      // The words without derived matches score as Sphinx scores them alone.
      var others = words.filter(function (word) { return !terms[word] && !titles[word]; });
      var otherScores = new Map();
      if (others.length) {
        sphinxTermsSearch(new Set(others), excludedTerms).forEach(function (result) {
          otherScores.set(result[0], result[4]);
        });
      }
      results.forEach(function (result) {
        var file = index.docnames.indexOf(result[0]);
        var scores = words
          .filter(function (word) { return terms[word] || titles[word]; })
          .map(function (word) { return scoreOf(file, word); })
          .filter(function (score) { return score !== null; });
        if (otherScores.has(result[0])) scores.push(otherScores.get(result[0]));
        if (scores.length) result[4] = Math.max.apply(null, scores);
      });
      return results;
    };
  })();
}
