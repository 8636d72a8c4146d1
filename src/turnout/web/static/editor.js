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
  const KINDS = ["setup", "hold", "switch_side", "rest", "release"];
  const GROUPS = [["setup", "Before the rounds"], ["cycle", "Each round"], ["between", "Between rounds"]];
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
      for (const option of options) input.append(el("option", { value: option, textContent: option || "(none)" }));
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

  function lines(label, object, key) {
    const id = `f-${++ids}`;
    const input = el("textarea", { id, rows: 2, value: (object[key] || []).join("\n") });
    input.addEventListener("input", () => {
      object[key] = input.value.split("\n").map((s) => s.trim()).filter(Boolean);
      changed();
    });
    return el("div", { className: "field" }, el("label", { htmlFor: id, textContent: `${label} (one a line)` }), input);
  }

  function button(text, action) {
    const b = el("button", { type: "button", className: "btn btn-small", textContent: text });
    b.addEventListener("click", () => { action(); render(); changed(); });
    return b;
  }

  function moves(list, index) {
    return el("span", { className: "moves" },
      button("Up", () => { if (index > 0) [list[index - 1], list[index]] = [list[index], list[index - 1]]; }),
      button("Down", () => { if (index < list.length - 1) [list[index + 1], list[index]] = [list[index], list[index + 1]]; }),
      button("Remove", () => list.splice(index, 1)));
  }

  function step(list, index, where) {
    const s = list[index];
    const kind = field("Kind", s, "kind", "text", KINDS);
    // A setup step waits for Ready, so it has no seconds; every other kind is timed.
    kind.querySelector("select").addEventListener("change", () => {
      if (s.kind === "setup") delete s.seconds;
      else if (!s.seconds) s.seconds = 10;
      render();
    });
    const timing = s.kind === "setup"
      ? el("p", { className: "hint", textContent: "Waits until the dancer presses Ready." })
      : field("Seconds", s, "seconds", "number");
    return el("fieldset", { className: "step" },
      el("legend", { textContent: `${where}, step ${index + 1}` }),
      kind, field("Title", s, "title"), field("Cue (spoken)", s, "cue", "area"), timing,
      field("Side", s, "side", "text", ["", "left", "right", "both"]),
      field("Done by", s, "actor", "text", ["dancer", "partner"]), field("Partner's cue", s, "partner_cue", "area"),
      moves(list, index));
  }

  function exercise(index) {
    const e = model.exercises[index];
    const kit = el("fieldset", { className: "checks" }, el("legend", { textContent: "Equipment" }));
    for (const thing of EQUIPMENT) {
      const id = `f-${++ids}`;
      const box = el("input", { id, type: "checkbox", checked: (e.equipment || []).includes(thing) });
      box.addEventListener("change", () => {
        const now = new Set(e.equipment || []);
        box.checked ? now.add(thing) : now.delete(thing);
        e.equipment = EQUIPMENT.filter((t) => now.has(t));
        changed();
      });
      kit.append(el("label", { htmlFor: id }, box, ` ${thing}`));
    }
    const part = el("section", { className: "card exercise-form" },
      el("h3", { textContent: `Exercise ${index + 1}` }),
      field("Key", e, "key"), field("Name", e, "name"), field("Summary", e, "summary", "area"),
      field("Rounds", e, "repetitions", "number"), kit, field("Partner's role", e, "partner_role", "area"),
      lines("Cautions", e, "cautions"), field("A stretch to the end of the hip's range", e, "end_range", "check"),
      field("Drawing", e, "figure", "text", ["", ...figures]), field("Notes on the choices", e, "interpretation", "area"));
    for (const [group, title] of GROUPS) {
      e[group] = e[group] || [];
      part.append(el("h4", { textContent: title }));
      e[group].forEach((_, i) => part.append(step(e[group], i, title)));
      part.append(button(`Add a step: ${title.toLowerCase()}`, () => e[group].push({ kind: group === "setup" ? "setup" : "hold", title: "", cue: "", seconds: group === "setup" ? null : 20 })));
    }
    part.append(moves(model.exercises, index));
    return part;
  }

  function render() {
    model.exercises = model.exercises || [];
    form.replaceChildren(
      field("Key", model, "key"), field("Name", model, "name"), field("Description", model, "description", "area"),
      lines("Tips", model, "tips"), lines("Warnings", model, "warnings"),
      ...model.exercises.map((_, i) => exercise(i)),
      button("Add an exercise", () => model.exercises.push({ key: "", name: "", summary: "", repetitions: 1, cycle: [{ kind: "hold", title: "", cue: "", seconds: 20 }] })));
  }

  render();
})();
