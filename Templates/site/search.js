// Attune's offline search. Filters the list on search.html with the JSON
// index in the page itself (browsers will not fetch a file from a page
// opened with file://). Without JavaScript the page lists everything.
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

  // Case- and accent-blind, so "schon" finds "Schön".
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var haystacks = index.map(function (entry) {
    return fold([entry.title, entry.kind, entry.summary, entry.text].join(" "));
  });

  function show(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < items.length; i += 1) {
      var match = terms.every(function (term) { return haystacks[i].indexOf(term) !== -1; });
      items[i].hidden = !match;
      if (match) { shown += 1; }
    }
    if (terms.length === 0) {
      status.textContent = "Showing all " + items.length + " entries.";
    } else {
      status.textContent = shown + (shown === 1 ? " entry matches " : " entries match ") + "\u201c" + query.trim() + "\u201d.";
    }
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  show(input.value);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
}());
