// Attune's journal form. Keeps what is typed in this browser's local
// storage, under a key naming the therapist and week, and downloads it as
// the journal file `attune build` reads. What the user typed is only ever
// read from `value` and written to `value` or `textContent`: it is text,
// never markup.
(function () {
  "use strict";
  var dataElement = document.getElementById("form-data");
  var status = document.getElementById("save-status");
  var button = document.getElementById("download-answers");
  var forget = document.getElementById("forget-answers");
  var required = [dataElement, status, button, forget, document.getElementById("add-rupture"),
    document.getElementById("rupture-entries"), document.getElementById("rupture-template")];
  if (required.indexOf(null) >= 0) { return; }
  var data = JSON.parse(dataElement.textContent);
  var fields = Array.prototype.slice.call(document.querySelectorAll("textarea[data-prompt]"));
  var followUps = Array.prototype.slice.call(document.querySelectorAll("textarea[data-follow-up]"));
  var entriesBox = document.getElementById("rupture-entries");
  var addButton = document.getElementById("add-rupture");
  var template = document.getElementById("rupture-template");
  // The week's rupture log, as plain values: { key, week, client, markers,
  // salience, trigger, component, repairs, tension, resolution, notes }.
  var entries = [];
  var nextKey = 1;

  var notSaved = "Not saved: this browser does not let the page keep your answers. " +
    "Download them before you close the page.";

  function show(state, message) {
    status.setAttribute("data-state", state);
    // Only a change is announced by screen readers, so typing stays quiet.
    if (status.textContent !== message) { status.textContent = message; }
  }

  // The same rule as JournalLayout.answerText in Attune: line breaks as
  // "\n", and no blank lines (only spaces and tabs) before or after.
  function answerText(typed) {
    var lines = typed.replace(/\r\n?/g, "\n").split("\n");
    var blank = /^[ \t]*$/;
    while (lines.length > 0 && blank.test(lines[0])) { lines.shift(); }
    while (lines.length > 0 && blank.test(lines[lines.length - 1])) { lines.pop(); }
    return lines.join("\n");
  }

  // The journal file: the layout's fixed text, each slot filled as
  // JournalLayout.filled(with:) fills it.
  function journal() {
    var answers = Object.create(null);
    var followed = Object.create(null);
    fields.forEach(function (field) { answers[field.getAttribute("data-prompt")] = field.value; });
    followUps.forEach(function (field) { followed[field.getAttribute("data-follow-up")] = field.value; });
    return data.layout.map(function (piece) {
      if (typeof piece.answer === "string") { return answerText(answers[piece.answer] || "") + "\n"; }
      if (piece.entries === true) {
        return entries.filter(function (entry) { return !isBlank(entry); })
          .map(function (entry) { return "\n" + entryBlock(entry) + "\n"; }).join("");
      }
      if (typeof piece.followUp === "string") {
        var text = answerText(followed[piece.followUp] || "");
        return text === "" ? "" : "\n" + text + "\n";
      }
      return piece.text;
    }).join("");
  }

  // The same rules as RuptureEntryDraft in Attune (isBlank, markdown):
  // the block `attune new` documents, with the cards' IDs.
  function needsEscape(code) {
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code === 0x2028 || code === 0x2029 || code === 0xFEFF;
  }

  function quoted(text) {
    return "\"" + Array.from(text).map(function (character) {
      var code = character.codePointAt(0);
      if (character === "\"") { return "\\\""; }
      if (character === "\\") { return "\\\\"; }
      if (needsEscape(code)) { return "\\u" + ("0000" + code.toString(16).toUpperCase()).slice(-4); }
      return character;
    }).join("") + "\"";
  }

  function printable(line) {
    return Array.from(line).map(function (character) {
      return needsEscape(character.codePointAt(0)) && character !== "\t" ? " " : character;
    }).join("");
  }

  function isBlank(entry) {
    return entry.week === "" && entry.client.trim() === "" && entry.markers.length === 0 && entry.salience === "" &&
      entry.trigger === "" && entry.component === "" && entry.repairs.length === 0 && entry.tension === "" &&
      entry.resolution === "" && answerText(entry.notes) === "";
  }

  function entryBlock(entry) {
    var notes = answerText(entry.notes);
    var runs = notes.match(/`+/g) || [];
    var longest = runs.reduce(function (most, run) { return Math.max(most, run.length); }, 0);
    var fence = new Array(Math.max(3, longest + 1) + 1).join("`");
    var lines = [fence + "rupture"];
    if (entry.week !== "") { lines.push("week: " + entry.week); }
    lines.push("client: " + quoted(entry.client));
    lines.push("markers: [" + entry.markers.join(", ") + "]");
    if (entry.salience !== "") { lines.push("salience: " + entry.salience); }
    if (entry.trigger !== "") { lines.push("trigger: " + entry.trigger); }
    if (entry.component !== "") { lines.push("component: " + entry.component); }
    if (entry.repairs.length > 0) { lines.push("repairs: [" + entry.repairs.join(", ") + "]"); }
    if (entry.tension !== "") { lines.push("tension: " + entry.tension); }
    if (entry.resolution !== "") { lines.push("resolution: " + entry.resolution); }
    if (notes !== "") {
      var noteLines = notes.split("\n").map(printable);
      lines.push(noteLines[0].charAt(0) === " " ? "notes: |2" : "notes: |");
      noteLines.forEach(function (line) { lines.push(line === "" ? "" : "  " + line); });
    }
    lines.push(fence);
    return lines.join("\n");
  }

  // What this browser keeps for the page; something unreadable counts as nothing.
  function stored() {
    var text = window.localStorage.getItem(data.storageKey);
    var saved = null;
    try { saved = JSON.parse(text || "{}"); } catch (error) { saved = null; }
    if (!saved || typeof saved.answers !== "object" || saved.answers === null) { saved = { answers: {} }; }
    if (typeof saved.followUps !== "object" || saved.followUps === null) { saved.followUps = {}; }
    if (!Array.isArray(saved.entries)) { saved.entries = []; }
    return saved;
  }

  // Saves only what changed, so two open tabs of the page do not undo
  // each other's answers.
  function update(change) {
    try {
      var saved = stored();
      change(saved);
      window.localStorage.setItem(data.storageKey, JSON.stringify(saved));
      show("saved", "Saved in this browser.");
    } catch (error) {
      show("error", notSaved);
    }
  }

  function save(field) {
    update(function (saved) { saved.answers[field.getAttribute("data-prompt")] = field.value; });
  }

  function saveFollowUp(field) {
    update(function (saved) { saved.followUps[field.getAttribute("data-follow-up")] = field.value; });
  }

  function saveEntries() {
    update(function (saved) { saved.entries = entries; });
  }

  // MARK: The rupture log

  // A first check on the alias, where it is typed; `attune import` runs
  // the privacy guard's full name rules on it too.
  function nameWarning(alias) {
    var text = alias.trim();
    if (/^(\p{Lu}\.?\s*){2,3}$/u.test(text)) {
      return "This looks like initials. Use a pseudonym or a case label instead.";
    }
    if (/(^|\s)(mr|mrs|ms|miss|mx|dr|prof)\.?\s+\p{Lu}/iu.test(text)) {
      return "This looks like a title and a name. Use a pseudonym or a case label instead.";
    }
    if (/^\p{Lu}\p{Ll}+([ '-]+\p{Lu}\p{Ll}+)+$/u.test(text)) {
      return "This looks like a first name and a surname. Use a pseudonym or a case label instead.";
    }
    if (/@|\d{3}/.test(text)) {
      return "This looks like contact details or a number that could identify someone. Use a pseudonym or a case label instead.";
    }
    return "";
  }

  function blankEntry() {
    var entry = { key: nextKey, week: "", client: "", markers: [], salience: "", trigger: "", component: "",
      repairs: [], tension: "", resolution: "", notes: "" };
    nextKey += 1;
    return entry;
  }

  // An entry as stored: anything unreadable becomes empty, never markup.
  function cleanEntry(raw) {
    var entry = blankEntry();
    if (!raw || typeof raw !== "object") { return entry; }
    ["week", "client", "salience", "trigger", "component", "tension", "resolution", "notes"].forEach(function (name) {
      if (typeof raw[name] === "string") { entry[name] = raw[name]; }
    });
    ["markers", "repairs"].forEach(function (name) {
      if (Array.isArray(raw[name])) {
        entry[name] = raw[name].filter(function (id) { return typeof id === "string"; });
      }
    });
    return entry;
  }

  function fieldsOf(box, name) {
    return Array.prototype.slice.call(box.querySelectorAll("[data-field=\"" + name + "\"]"));
  }

  // What the controls say, into the entry.
  function read(box, entry) {
    ["week", "client", "salience", "trigger", "component", "tension", "resolution", "notes"].forEach(function (name) {
      entry[name] = fieldsOf(box, name)[0].value;
    });
    ["markers", "repairs"].forEach(function (name) {
      entry[name] = fieldsOf(box, name).filter(function (box) { return box.checked; })
        .map(function (box) { return box.value; });
    });
  }

  // The parts of an entry that follow from its values: one rupture type
  // at a time, the chosen trigger's and component's summaries, the name check.
  function refresh(box, entry) {
    var markers = fieldsOf(box, "markers");
    var chosen = markers.filter(function (box) { return box.checked; }).map(function (box) { return box.getAttribute("data-type"); });
    markers.forEach(function (marker) {
      marker.disabled = chosen.length > 0 && chosen.indexOf(marker.getAttribute("data-type")) < 0;
    });
    var hint = box.querySelector("[data-markers-hint]");
    hint.textContent = chosen.length === 0
      ? "Markers of one rupture type only: choosing a marker of one type closes the other type's markers."
      : "Markers of one rupture type only: to choose markers of the other type, clear these first, or log a second rupture.";
    ["trigger", "component"].forEach(function (name) {
      var select = fieldsOf(box, name)[0];
      var option = select.options[select.selectedIndex];
      box.querySelector("[data-summary-of=\"" + name + "\"]").textContent =
        option && option.value !== "" ? option.getAttribute("data-summary") : "";
    });
    var warning = box.querySelector("[data-warning=\"client\"]");
    var message = nameWarning(entry.client);
    if (warning.textContent !== message) { warning.textContent = message; }
  }

  function renumber() {
    Array.prototype.slice.call(entriesBox.children).forEach(function (box, index) {
      box.querySelector("[data-number]").textContent = String(index + 1);
      box.querySelector("[data-remove]").textContent = "Remove rupture " + (index + 1);
    });
  }

  // A copy of the page's entry template, its element IDs made this entry's own.
  function entryBox(entry) {
    var box = template.content.firstElementChild.cloneNode(true);
    var prefix = "entry-" + entry.key + "-";
    Array.prototype.slice.call(box.querySelectorAll("[id], [for], [aria-describedby]")).forEach(function (element) {
      ["id", "for", "aria-describedby"].forEach(function (name) {
        var value = element.getAttribute(name);
        if (value !== null) { element.setAttribute(name, value.split("entry-X-").join(prefix)); }
      });
    });
    ["week", "client", "salience", "trigger", "component", "tension", "resolution", "notes"].forEach(function (name) {
      var field = fieldsOf(box, name)[0];
      field.value = entry[name];
      if (field.value !== entry[name]) { field.value = ""; entry[name] = ""; }  // an option no longer offered
    });
    ["markers", "repairs"].forEach(function (name) {
      fieldsOf(box, name).forEach(function (check) { check.checked = entry[name].indexOf(check.value) >= 0; });
    });
    refresh(box, entry);
    function changed() {
      read(box, entry);
      refresh(box, entry);
      saveEntries();
    }
    box.addEventListener("input", changed);
    box.addEventListener("change", changed);
    box.querySelector("[data-remove]").addEventListener("click", function () {
      var index = entries.indexOf(entry);
      entries.splice(index, 1);
      box.remove();
      renumber();
      saveEntries();
      addButton.focus();
      show(status.getAttribute("data-state") === "error" ? "error" : "saved",
        "Rupture " + (index + 1) + " removed. Saved in this browser.");
    });
    return box;
  }

  function addEntry(entry) {
    entries.push(entry);
    var box = entryBox(entry);
    entriesBox.appendChild(box);
    renumber();
    return box;
  }

  // The print shows each answer as text: a box would cut it off.
  function mirror(field) {
    field.parentNode.querySelector(".printed-answer").textContent = field.value;
  }

  var restored = 0;
  try {
    var saved = stored();
    var answers = saved.answers;
    fields.forEach(function (field) {
      var text = answers[field.getAttribute("data-prompt")];
      if (typeof text === "string" && text !== "") {
        field.value = text;
        restored += 1;
      }
    });
    followUps.forEach(function (field) {
      var text = saved.followUps[field.getAttribute("data-follow-up")];
      if (typeof text === "string" && text !== "") {
        field.value = text;
        restored += 1;
      }
    });
    saved.entries.forEach(function (raw) {
      addEntry(cleanEntry(raw));
      restored += 1;
    });
    show(restored > 0 ? "saved" : "idle", restored > 0
      ? "Your saved answers are back. Saved in this browser."
      : "Your answers are saved in this browser as you type.");
  } catch (error) {
    show("error", notSaved);
  }

  fields.forEach(function (field) {
    mirror(field);
    field.addEventListener("input", function () {
      mirror(field);
      save(field);
    });
  });
  followUps.forEach(function (field) {
    mirror(field);
    field.addEventListener("input", function () {
      mirror(field);
      saveFollowUp(field);
    });
  });
  addButton.addEventListener("click", function () {
    var box = addEntry(blankEntry());
    saveEntries();
    fieldsOf(box, "client")[0].focus();
  });

  button.addEventListener("click", function () {
    var blob = new Blob([journal()], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    var missing = [];
    entries.forEach(function (entry, index) {
      if (isBlank(entry)) { return; }
      var lacks = [];
      if (entry.client.trim() === "") { lacks.push("client"); }
      if (entry.markers.length === 0) { lacks.push("markers"); }
      if (entry.tension === "") { lacks.push("tension"); }
      if (entry.resolution === "") { lacks.push("resolution"); }
      if (lacks.length > 0) { missing.push("rupture " + (index + 1) + " has no " + lacks.join(", ")); }
    });
    show(status.getAttribute("data-state") === "error" ? "error" : "saved",
      "Downloaded " + data.fileName + ". Next: attune import " + data.fileName +
      (missing.length > 0 ? ". Before importing, complete the rupture log: " + missing.join("; ") + "." : ""));
  });
  // On a shared computer, answers should not outlive their use.
  forget.addEventListener("click", function () {
    if (!window.confirm("Remove your answers from this browser and from this page? " +
        "Download them first if you have not: this cannot be undone.")) { return; }
    try {
      window.localStorage.removeItem(data.storageKey);
    } catch (error) {
      show("error", notSaved);
      return;
    }
    fields.concat(followUps).forEach(function (field) {
      field.value = "";
      mirror(field);
    });
    entries = [];
    entriesBox.textContent = "";
    show("idle", "Your answers are no longer kept in this browser.");
  });

  button.disabled = false;
  forget.disabled = false;
  addButton.disabled = false;
}());
