/* Words of a Korean query: letters, digits and underscores, as analyzer.split. */
function splitQuery(query) {
  return query.split(/[^\p{L}\p{N}_]+/gu).filter(function (term) { return term; });
}
