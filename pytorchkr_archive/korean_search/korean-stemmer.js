/*
 * Korean search analysis for the browser: the same rules, in the same order,
 * as pytorchkr_archive/korean_search/analyzer.py (read its docstring).
 * KOREAN_RULES (rules.json) and Sphinx's EnglishStemmer are defined before
 * this code in language_data.js.
 */
var KOREAN_SUFFIXES = KOREAN_RULES.particles
  .concat(KOREAN_RULES.endings)
  .map(function (suffix, index) { return [suffix, index]; })
  .sort(function (a, b) { return b[0].length - a[0].length || a[1] - b[1]; })
  .map(function (pair) { return pair[0]; });

function koreanStripSuffixes(word, minRoot) {
  for (var round = 0; round < KOREAN_RULES.max_rounds; round++) {
    var stripped = false;
    for (var i = 0; i < KOREAN_SUFFIXES.length; i++) {
      var suffix = KOREAN_SUFFIXES[i];
      if (word.length < suffix.length || word.slice(-suffix.length) !== suffix) continue;
      var need = minRoot !== undefined ? minRoot : (suffix.length === 1 ? 2 : 1);
      if (word.length - suffix.length >= need) {
        word = word.slice(0, -suffix.length);
        stripped = true;
        break;
      }
    }
    if (!stripped) return word;
  }
  return word;
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
    return koreanStripSuffixes(word);
  };
};
