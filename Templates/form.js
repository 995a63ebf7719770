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
  if (!dataElement || !status || !button || !forget) { return; }
  var data = JSON.parse(dataElement.textContent);
  var fields = Array.prototype.slice.call(document.querySelectorAll("textarea[data-prompt]"));

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
    fields.forEach(function (field) { answers[field.getAttribute("data-prompt")] = field.value; });
    return data.layout.map(function (piece) {
      if (typeof piece.answer === "string") { return answerText(answers[piece.answer] || "") + "\n"; }
      return piece.text;
    }).join("");
  }

  // What this browser keeps for the page; something unreadable counts as nothing.
  function stored() {
    var text = window.localStorage.getItem(data.storageKey);
    var saved = null;
    try { saved = JSON.parse(text || "{}"); } catch (error) { saved = null; }
    return saved && typeof saved.answers === "object" && saved.answers !== null ? saved : { answers: {} };
  }

  // Saves only this field, so two open tabs of the page do not undo each other.
  function save(field) {
    try {
      var saved = stored();
      saved.answers[field.getAttribute("data-prompt")] = field.value;
      window.localStorage.setItem(data.storageKey, JSON.stringify(saved));
      show("saved", "Saved in this browser.");
    } catch (error) {
      show("error", notSaved);
    }
  }

  // The print shows each answer as text: a box would cut it off.
  function mirror(field) {
    field.parentNode.querySelector(".printed-answer").textContent = field.value;
  }

  var restored = 0;
  try {
    var answers = stored().answers;
    fields.forEach(function (field) {
      var text = answers[field.getAttribute("data-prompt")];
      if (typeof text === "string" && text !== "") {
        field.value = text;
        restored += 1;
      }
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

  button.addEventListener("click", function () {
    var blob = new Blob([journal()], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
    show(status.getAttribute("data-state") === "error" ? "error" : "saved",
      "Downloaded " + data.fileName + ". Next: attune import " + data.fileName);
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
    fields.forEach(function (field) {
      field.value = "";
      mirror(field);
    });
    show("idle", "Your answers are no longer kept in this browser.");
  });

  button.disabled = false;
  forget.disabled = false;
}());
