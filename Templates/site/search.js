// Attune's offline search. Filters the list on search.html with the JSON
// index in the page itself (browsers will not fetch a file from a page
// opened with file://). Without JavaScript the page lists everything.
//
// Words are folded and stemmed exactly as Sources/Site/SearchTerms.swift
// did when it made the index; make site-check compares the two on every
// word of the bundled material. A query word matches an entry when one of
// the entry's stems begins with the word's stem, so "withdraw" finds
// "withdrawal" and a half-typed word finds what it begins. When nothing
// matches, the nearest word of the material is offered as a link.
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !form || !input || !list || !status) { return; }

  var index = JSON.parse(data.textContent);
  var items = list.children;
  var terms = index.terms;
  var stop = {};
  index.stop.forEach(function (word) { stop[word] = true; });

  var suffixes = ["ations", "ation", "ments", "ment", "ness", "ings", "ing", "edly", "ed", "ally", "ly", "al", "ive", "ful"];
  var undoubling = { ings: true, ing: true, edly: true, ed: true };

  // Case- and accent-blind, so "schon" finds "Schön".
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Runs of letters and digits, joined across an apostrophe ("don't" is
  // "dont"); a possessive 's is dropped.
  function words(text) {
    var found = fold(text).match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu) || [];
    return found.map(function (word) {
      word = word.replace(/\u2019/g, "'");
      if (word.slice(-2) === "'s") { word = word.slice(0, -2); }
      return word.replace(/'/g, "");
    }).filter(function (word) { return word.length > 0; });
  }

  function stem(word) {
    var w = Array.from(word);
    if (w.length <= 3) { return word; }
    function ends(suffix) { return w.length >= suffix.length && w.slice(w.length - suffix.length).join("") === suffix; }
    if (ends("sses")) { w.length -= 2; }
    else if (ends("ies") || ends("ied")) { w.length -= 2; }
    else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) { w.length -= 1; }
    for (var i = 0; i < suffixes.length; i += 1) {
      var suffix = suffixes[i];
      if (!ends(suffix) || w.length - suffix.length < 3) { continue; }
      w.length -= suffix.length;
      var last = w[w.length - 1];
      if (undoubling[suffix] && w.length >= 4 && last === w[w.length - 2] && "aeiouylsz".indexOf(last) === -1) {
        w.length -= 1;
      }
      break;
    }
    if (w.length > 3 && w[w.length - 1] === "e") { w.length -= 1; }
    if (w.length > 3 && w[w.length - 1] === "y") { w[w.length - 1] = "i"; }
    return w.join("");
  }

  // The first position in a sorted array whose value is not below `value`.
  function lowerBound(array, value) {
    var low = 0, high = array.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (array[middle] < value) { low = middle + 1; } else { high = middle; }
    }
    return low;
  }

  // The terms that begin with `prefix`: one range, as `terms` is sorted.
  function range(prefix) {
    var low = lowerBound(terms, prefix);
    var high = low;
    while (high < terms.length && terms[high].lastIndexOf(prefix, 0) === 0) { high += 1; }
    return [low, high];
  }

  function has(entry, span) {
    var at = lowerBound(entry.terms, span[0]);
    return at < entry.terms.length && entry.terms[at] < span[1];
  }

  // How many entries use each term: of two suggestions as near, the commoner.
  var uses = terms.map(function () { return 0; });
  index.entries.forEach(function (entry) { entry.terms.forEach(function (t) { uses[t] += 1; }); });

  function distance(a, b) {
    var previous = [];
    for (var j = 0; j <= b.length; j += 1) { previous.push(j); }
    for (var i = 1; i <= a.length; i += 1) {
      var current = [i];
      for (var k = 1; k <= b.length; k += 1) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        current.push(Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost));
      }
      previous = current;
    }
    return previous[b.length];
  }

  // The material's word nearest to `word`, if it is close enough to be a
  // typo (at most one edit per three letters, as Attune's own "did you mean").
  function nearest(word) {
    var limit = Math.max(1, Math.floor(word.length / 3));
    var best = -1, bestDistance = limit + 1;
    for (var i = 0; i < index.words.length; i += 1) {
      var candidate = index.words[i];
      if (Math.abs(candidate.length - word.length) > limit) { continue; }
      var d = distance(word, candidate);
      if (d < bestDistance || (d === bestDistance && best !== -1 && uses[i] > uses[best])) {
        best = i;
        bestDistance = d;
      }
    }
    return best === -1 ? null : index.words[best];
  }

  function say(text) {
    status.textContent = text;
  }

  function offer(text, suggestion) {
    status.textContent = text + " Did you mean ";
    var link = document.createElement("a");
    link.href = "search.html?q=" + encodeURIComponent(suggestion);
    link.textContent = suggestion;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = suggestion;
      show(suggestion);
      input.focus();
    });
    status.appendChild(link);
    status.appendChild(document.createTextNode("?"));
  }

  function show(query) {
    var queryWords = words(query).filter(function (word) { return !stop[word]; });
    var spans = queryWords.map(function (word) { return range(stem(word)); });
    var shown = 0;
    for (var i = 0; i < items.length; i += 1) {
      var entry = index.entries[i];
      var match = spans.every(function (span) { return has(entry, span); });
      items[i].hidden = !match;
      if (match) { shown += 1; }
    }
    var quoted = "\u201c" + query.trim() + "\u201d";
    if (queryWords.length === 0) {
      say("Showing all " + items.length + " entries.");
    } else if (shown > 0) {
      say(shown + (shown === 1 ? " entry matches " : " entries match ") + quoted + ".");
    } else {
      // Each word found nowhere is replaced by its nearest; if every word
      // is found somewhere, no entry has them all.
      var missing = false, corrected = [];
      for (var w = 0; w < queryWords.length; w += 1) {
        if (spans[w][0] < spans[w][1]) { corrected.push(queryWords[w]); continue; }
        missing = true;
        var near = nearest(queryWords[w]);
        if (near === null) { corrected = null; break; }
        corrected.push(near);
      }
      if (!missing) {
        say("No entry matches " + quoted + ": no entry has all of these words.");
      } else if (corrected === null) {
        say("No entry matches " + quoted + ".");
      } else {
        offer("No entry matches " + quoted + ".", corrected.join(" "));
      }
    }
  }

  // For make site-check, which runs this stemmer over the index's words.
  window.attuneSearch = Object.freeze({ stem: stem, words: words });

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  show(input.value);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
}());
