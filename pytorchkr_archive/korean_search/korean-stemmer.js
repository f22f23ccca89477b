/*
 * Korean search analysis for the browser: the same rules, in the same order,
 * as pytorchkr_archive/korean_search/analyzer.py (read its docstring).
 * KOREAN_RULES (rules.json) and Sphinx's EnglishStemmer are defined before
 * this code in language_data.js.
 */
var KOREAN_CONJUGATED = [];
KOREAN_RULES.predicates.forEach(function (form) {
  KOREAN_RULES.predicate_endings.forEach(function (tail) { KOREAN_CONJUGATED.push(form + tail); });
});
var KOREAN_SEEN = {};
var KOREAN_SUFFIXES = KOREAN_RULES.particles
  .concat(KOREAN_RULES.endings, KOREAN_CONJUGATED)
  .filter(function (suffix) {
    if (KOREAN_SEEN[suffix]) return false;
    KOREAN_SEEN[suffix] = true;
    return true;
  })
  .map(function (suffix, index) { return [suffix, index]; })
  .sort(function (a, b) { return b[0].length - a[0].length || a[1] - b[1]; })
  .map(function (pair) { return pair[0]; });

// One suffix off (analyzer._strip_once): the longest that leaves two
// characters, else the longest of two syllables or more that leaves one.
function koreanStripOnce(word, minRoot) {
  var needs = minRoot !== undefined ? [minRoot] : [2, 1];
  for (var n = 0; n < needs.length; n++) {
    for (var i = 0; i < KOREAN_SUFFIXES.length; i++) {
      var suffix = KOREAN_SUFFIXES[i];
      if (minRoot === undefined && needs[n] === 1 && suffix.length === 1) break;
      if (word.length < suffix.length || word.slice(-suffix.length) !== suffix) continue;
      if (word.length - suffix.length >= needs[n]) return word.slice(0, -suffix.length);
    }
  }
  return null;
}

function koreanStripSuffixes(word, minRoot) {
  for (var round = 0; round < KOREAN_RULES.max_rounds; round++) {
    var stripped = koreanStripOnce(word, minRoot);
    if (stripped === null) return word;
    word = stripped;
  }
  return word;
}

// The nouns kept whole (analyzer.kept_noun): the longest of the list that the
// word is, or starts with when particles and endings alone follow it.
// With the loanwords' spellings (analyzer._kept_whole): one lookup per word.
var KOREAN_KEPT = {};
KOREAN_RULES.nouns.concat(Object.keys(KOREAN_RULES.loanwords)).forEach(function (head) {
  KOREAN_KEPT[head] = true;
});

function koreanKeptNoun(word, kept) {
  for (var length = word.length; length > 1; length--) {
    var head = word.slice(0, length);
    if (kept.hasOwnProperty(head)
        && (length === word.length || koreanStripSuffixes(word.slice(length), 0) === "")) {
      return head;
    }
  }
  return null;
}

var Stemmer = function () {
  var english = new EnglishStemmer();
  this.stemWord = function (word) {
    word = word.toLowerCase();
    if (!/[\uac00-\ud7a3]/.test(word)) {
      return /[a-z]/.test(word) ? english.stemWord(word) : word;
    }
    var latin = /^([a-z][a-z0-9_]*)([\uac00-\ud7a3]+)$/.exec(word);
    if (latin) {
      if (koreanStripSuffixes(latin[2], 0) === "") return english.stemWord(latin[1]);
      return word;
    }
    var head = koreanKeptNoun(word, KOREAN_KEPT);
    // A Hangul spelling of a word written in Latin letters (analyzer.loanwords).
    if (head !== null && KOREAN_RULES.loanwords.hasOwnProperty(head)) {
      return english.stemWord(KOREAN_RULES.loanwords[head]);
    }
    return head || koreanStripSuffixes(word);
  };
};
