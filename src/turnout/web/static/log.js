// The dancer's log: delete an entry (with an Undo for a few seconds), correct a hold's status,
// and, on Settings, the backup, the import and "delete all my data". Uses api() and toast()
// from common.js.
"use strict";

const UNDO_MS = 8000;
const ENTRY_URLS = {
  session: (id) => `/api/log/sessions/${encodeURIComponent(id)}`,
  hold: (id) => `/api/log/holds/${encodeURIComponent(id)}`,
  measurement: (id) => `/api/measurements/${encodeURIComponent(id)}`,
  pain_check: (id) => `/api/pain-checks/${encodeURIComponent(id)}`,
};
const ENTRY_ROWS = "[data-hold], [data-session], [data-reading], [data-pain]";

function undoBar() {
  let bar = document.getElementById("undo-bar");
  if (bar) return bar;
  bar = document.createElement("div");
  bar.id = "undo-bar";
  bar.className = "undo-bar";
  bar.setAttribute("role", "status");
  bar.hidden = true;
  const text = document.createElement("span");
  text.className = "undo-text";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "btn";
  button.textContent = _("Undo");
  bar.append(text, button);
  document.body.append(bar);
  return bar;
}

function offerUndo(message, undo) {
  const bar = undoBar();
  const button = bar.querySelector("button");
  bar.querySelector(".undo-text").textContent = message;
  bar.hidden = false;
  clearTimeout(offerUndo.timer);
  offerUndo.timer = setTimeout(() => { bar.hidden = true; }, UNDO_MS);
  button.onclick = async () => {
    button.disabled = true;
    try {
      await undo();
      bar.hidden = true;
      location.reload();
    } catch (error) {
      bar.querySelector(".undo-text").textContent = error.message;
    } finally {
      button.disabled = false;
    }
  };
  button.focus();
}

async function deleteEntry(button) {
  const { delete: target, id } = button.dataset;
  const url = ENTRY_URLS[target](id);
  button.disabled = true;
  try {
    const change = await api("DELETE", url);
    const row = button.closest(ENTRY_ROWS);
    if (row) row.hidden = true;
    offerUndo(change.message, () => api("POST", `${url}/restore`));
  } catch (error) {
    toast(error.message);
  } finally {
    button.disabled = false;
  }
}

async function correctStatus(select) {
  const id = select.dataset.status;
  const before = select.dataset.was || select.defaultValue;
  try {
    const hold = await api("PUT", `/api/log/holds/${id}/status`, { status: select.value });
    select.dataset.was = hold.status;
    toast(hold.status === "completed" ? _("Marked as done.") : _("Marked as not done."));
  } catch (error) {
    select.value = before;
    toast(error.message);
  }
}

function wireLog() {
  for (const button of document.querySelectorAll("[data-delete]")) {
    button.addEventListener("click", () => deleteEntry(button));
  }
  for (const select of document.querySelectorAll("select[data-status]")) {
    select.dataset.was = select.value;
    select.addEventListener("change", () => correctStatus(select));
  }
}

// What an import put in place, by table: "3 sessions, 12 holds". English keeps the plural for
// every number, as the tables are named.
const IMPORTED = {
  // Translators: English keeps the plural for every number here; give your language's forms.
  sessions: (n) => ngettext("{count} sessions", "{count} sessions", n),
  // Translators: English keeps the plural for every number here; give your language's forms.
  holds: (n) => ngettext("{count} holds", "{count} holds", n),
  // Translators: English keeps the plural for every number here; give your language's forms.
  pain_checks: (n) => ngettext("{count} pain checks", "{count} pain checks", n),
  // Translators: English keeps the plural for every number here; give your language's forms.
  stops: (n) => ngettext("{count} stops", "{count} stops", n),
  // Translators: English keeps the plural for every number here; give your language's forms.
  measurements: (n) => ngettext("{count} measurements", "{count} measurements", n),
  // Translators: the dancer's profile, imported from a backup. English keeps the plural for
  // every number here; give your language's forms.
  profile: (n) => ngettext("{count} profile", "{count} profile", n),
  // Translators: English keeps the plural for every number here; give your language's forms.
  corrections: (n) => ngettext("{count} corrections", "{count} corrections", n),
};

function counted(counts) {
  const parts = Object.entries(counts).filter(([, n]) => n > 0)
    .map(([name, n]) => (IMPORTED[name] ? IMPORTED[name](n) : `${n} ${name.replace("_", " ")}`));
  // Translators: what an import put in place when the backup held no entries.
  return parts.length ? parts.join(", ") : _("nothing");
}

function wireImport() {
  const form = document.getElementById("import-form");
  if (!form) return;
  const status = document.getElementById("import-status");
  form.elements.backup.addEventListener("change", () => {
    const file = form.elements.backup.files[0];
    document.getElementById("backup-file-name").textContent = file ? file.name : _("No file chosen.");
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = form.elements.backup.files[0];
    if (!file) { status.textContent = _("Choose a backup file first."); return; }
    const replace = form.elements.replace.checked;
    status.textContent = _("Importing…");
    try {
      const response = await fetch(`/api/backup/import?replace=${replace}`, {
        method: "POST",
        headers: csrfHeaders({ "Content-Type": "application/json" }),
        body: await file.text(),
        cache: "no-store",
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(data.detail || _("The server answered {status}.", { status: response.status }));
      // Translators: {counts} lists what was put in place: "3 sessions, 12 holds".
      status.textContent = _("Imported: {counts}.", { counts: counted(data.imported) });
    } catch (error) {
      status.textContent = error.message;
    }
  });
}

function wireErase() {
  const form = document.getElementById("erase-form");
  if (!form) return;
  const status = document.getElementById("erase-status");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const done = await api("POST", "/api/data/erase", { confirm: form.elements.confirm.value.trim() });
      status.textContent = done.message;
      form.reset();
    } catch (error) {
      status.textContent = error.message;
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  wireLog();
  wireImport();
  wireErase();
});
