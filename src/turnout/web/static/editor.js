// The routine editor's form: the routine's fields as inputs, exercises and steps added,
// removed and moved, written back into the TOML box (by the server, so the text is what a
// routine file would hold). Check and Save then send the text, as a file would be checked.
"use strict";
(() => {
  const form = document.getElementById("form-editor");
  const source = document.getElementById("routine-model");
  const box = document.getElementById("routine-text");
  if (!form || !source || !box) return;
  const model = JSON.parse(source.textContent);
  const figures = JSON.parse(document.getElementById("routine-figures").textContent);
  const EQUIPMENT = ["partner", "ankle weights", "mirror", "wall", "resistance band", "rotation discs", "mat"];
  // What the page calls each piece of equipment; the routine file keeps the names above.
  const EQUIPMENT_WORDS = {
    // Translators: a piece of equipment an exercise needs: the person who helps.
    partner: _("partner"),
    // Translators: a piece of equipment an exercise needs.
    "ankle weights": _("ankle weights"),
    // Translators: a piece of equipment an exercise needs.
    mirror: _("mirror"),
    // Translators: a piece of equipment an exercise needs.
    wall: _("wall"),
    // Translators: a piece of equipment an exercise needs.
    "resistance band": _("resistance band"),
    // Translators: a piece of equipment an exercise needs.
    "rotation discs": _("rotation discs"),
    // Translators: a piece of equipment an exercise needs (an exercise mat).
    mat: _("mat"),
  };
  // Each choice of a list: the value the file keeps, and what the page shows for it.
  const NONE = _("(none)");
  // Translators: the short name of a routine or an exercise in its file and its address, typed
  // as it is (grade-4-warm-up).
  const KEY = pgettext("identifier", "Key");
  const KINDS = [
    ["setup", pgettext("step kind", "setup")],
    ["hold", pgettext("step kind", "hold")],
    // Translators: the step kind a routine file writes switch_side: changing to the other side.
    ["switch_side", pgettext("step kind", "switch_side")],
    ["rest", pgettext("step kind", "rest")],
    ["release", pgettext("step kind", "release")],
  ];
  const SIDES = [["", NONE], ["left", pgettext("side", "left")], ["right", pgettext("side", "right")], ["both", pgettext("side", "both")]];
  const ACTORS = [["dancer", pgettext("who does the step", "dancer")], ["partner", pgettext("who does the step", "partner")]];
  // The step lists of an exercise: its heading, and its button's words.
  const GROUPS = [
    ["setup", _("Before the rounds"), _("Add a step: before the rounds")],
    ["cycle", _("Each round"), _("Add a step: each round")],
    ["between", _("Between rounds"), _("Add a step: between rounds")],
  ];
  let timer = null;

  function el(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const answer = await api("POST", "/api/routine-library/toml", { routine: model });
        box.value = answer.text;
        form.dataset.synced = "yes";
      } catch (error) {
        toast(error.message);
      }
    }, 300);
    form.dataset.synced = "no";
  }

  let ids = 0;
  function field(label, object, key, kind = "text", options = null) {
    const id = `f-${++ids}`;
    let input;
    if (options) {
      input = el("select", { id });
      for (const [value, text] of options) input.append(el("option", { value, textContent: text }));
      input.value = object[key] ?? "";
    } else if (kind === "area") {
      input = el("textarea", { id, rows: 2, value: object[key] ?? "" });
    } else if (kind === "check") {
      input = el("input", { id, type: "checkbox", checked: Boolean(object[key]) });
    } else {
      input = el("input", { id, type: kind, value: object[key] ?? "" });
      if (kind === "number") input.min = "1";
    }
    input.addEventListener(kind === "check" || options ? "change" : "input", () => {
      if (kind === "check") object[key] = input.checked;
      else if (kind === "number") object[key] = input.value === "" ? null : Number(input.value);
      else if (kind === "lines") object[key] = input.value.split("\n").map((s) => s.trim()).filter(Boolean);
      else object[key] = input.value;
      changed();
    });
    return el("div", { className: `field field-${kind}` }, el("label", { htmlFor: id, textContent: label }), input);
  }

  // `label` says that the box takes one a line ("Tips (one a line)").
  function lines(label, object, key) {
    const id = `f-${++ids}`;
    const input = el("textarea", { id, rows: 2, value: (object[key] || []).join("\n") });
    input.addEventListener("input", () => {
      object[key] = input.value.split("\n").map((s) => s.trim()).filter(Boolean);
      changed();
    });
    return el("div", { className: "field" }, el("label", { htmlFor: id, textContent: label }), input);
  }

  function button(text, action) {
    const b = el("button", { type: "button", className: "btn btn-small", textContent: text });
    b.addEventListener("click", () => { action(); render(); changed(); });
    return b;
  }

  function moves(list, index) {
    return el("span", { className: "moves" },
      // Translators: moves a step or an exercise one place up the list.
      button(pgettext("move in a list", "Up"), () => { if (index > 0) [list[index - 1], list[index]] = [list[index], list[index - 1]]; }),
      // Translators: moves a step or an exercise one place down the list.
      button(pgettext("move in a list", "Down"), () => { if (index < list.length - 1) [list[index + 1], list[index]] = [list[index], list[index + 1]]; }),
      button(_("Remove"), () => list.splice(index, 1)));
  }

  function step(list, index, where) {
    const s = list[index];
    // Translators: the kind of a step (setup, hold, rest...).
    const kind = field(_("Kind"), s, "kind", "text", KINDS);
    // A setup step waits for Ready, so it has no seconds; every other kind is timed.
    kind.querySelector("select").addEventListener("change", () => {
      if (s.kind === "setup") delete s.seconds;
      else if (!s.seconds) s.seconds = 10;
      render();
    });
    const timing = s.kind === "setup"
      ? el("p", { className: "hint", textContent: _("Waits until the dancer presses Ready.") })
      : field(_("Seconds"), s, "seconds", "number");
    return el("fieldset", { className: "step" },
      // Translators: {group} is the list the step is in ("Each round"), {number} its place in it.
      el("legend", { textContent: _("{group}, step {number}", { group: where, number: index + 1 }) }),
      kind, field(_("Title"), s, "title"), field(_("Cue (spoken)"), s, "cue", "area"), timing,
      field(_("Side"), s, "side", "text", SIDES),
      field(_("Done by"), s, "actor", "text", ACTORS), field(_("Partner's cue"), s, "partner_cue", "area"),
      moves(list, index));
  }

  function exercise(index) {
    const e = model.exercises[index];
    const kit = el("fieldset", { className: "checks" }, el("legend", { textContent: _("Equipment") }));
    for (const thing of EQUIPMENT) {
      const id = `f-${++ids}`;
      const box = el("input", { id, type: "checkbox", checked: (e.equipment || []).includes(thing) });
      box.addEventListener("change", () => {
        const now = new Set(e.equipment || []);
        box.checked ? now.add(thing) : now.delete(thing);
        e.equipment = EQUIPMENT.filter((t) => now.has(t));
        changed();
      });
      kit.append(el("label", { htmlFor: id }, box, ` ${EQUIPMENT_WORDS[thing] || thing}`));
    }
    const part = el("section", { className: "card exercise-form" },
      el("h3", { textContent: _("Exercise {number}", { number: index + 1 }) }),
      field(KEY, e, "key"), field(_("Name"), e, "name"), field(_("Summary"), e, "summary", "area"),
      field(_("Rounds"), e, "repetitions", "number"), kit, field(_("Partner's role"), e, "partner_role", "area"),
      lines(_("Cautions (one a line)"), e, "cautions"), field(_("A stretch to the end of the hip's range"), e, "end_range", "check"),
      field(_("Drawing"), e, "figure", "text", [["", NONE], ...figures.map((path) => [path, path])]),
      field(_("Notes on the choices"), e, "interpretation", "area"));
    for (const [group, title, add] of GROUPS) {
      e[group] = e[group] || [];
      part.append(el("h4", { textContent: title }));
      e[group].forEach((unused, i) => part.append(step(e[group], i, title)));
      part.append(button(add, () => e[group].push({ kind: group === "setup" ? "setup" : "hold", title: "", cue: "", seconds: group === "setup" ? null : 20 })));
    }
    part.append(moves(model.exercises, index));
    return part;
  }

  function render() {
    model.exercises = model.exercises || [];
    form.replaceChildren(
      field(KEY, model, "key"), field(_("Name"), model, "name"), field(_("Description"), model, "description", "area"),
      lines(_("Tips (one a line)"), model, "tips"), lines(_("Warnings (one a line)"), model, "warnings"),
      ...model.exercises.map((unused, i) => exercise(i)),
      button(_("Add an exercise"), () => model.exercises.push({ key: "", name: "", summary: "", repetitions: 1, cycle: [{ kind: "hold", title: "", cue: "", seconds: 20 }] })));
  }

  render();
})();
