// Case decks — progressive enhancement only: both pages work without this file.

// The workspace: a moment after typing stops, the form goes to the check endpoint, which saves the
// deck and answers each section's status and findings (rendered by the server, as on the page), so
// sections are checked as they are filled. One request at a time, so saves land in typing order.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-deck-check]");
  if (!form) return;
  const token = form.querySelector("input[name=csrfmiddlewaretoken]");
  const status = form.querySelector("[data-check-status]");
  const deckReview = document.querySelector("[data-deck-review]");
  if (!token) return;
  const say = (text) => { if (status) status.textContent = text; };
  // Replace a region only when it changed, so a screen reader hears what is new and nothing else.
  const update = (region, html) => { if (region && region.innerHTML.trim() !== html.trim()) region.innerHTML = html; };
  const showErrors = (fields) => {
    for (const out of form.querySelectorAll("[data-field-error]")) {
      const name = out.dataset.fieldError;
      const box = form.elements.namedItem(name);
      out.textContent = fields[name] ? `⚠ ${fields[name]}` : "";
      if (box) { if (fields[name]) box.setAttribute("aria-invalid", "true"); else box.removeAttribute("aria-invalid"); }
    }
  };

  let timer = null;
  let sending = false;
  let again = false;
  let dirty = false;
  const send = async () => {
    if (sending) { again = true; return; }
    sending = true;
    dirty = false;
    say("Checking…");
    try {
      const response = await fetch(form.dataset.deckCheck, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-CSRFToken": token.value, "Accept": "application/json" },
      });
      const data = await response.json();
      if (!response.ok) {
        showErrors(data.fields || {});
        say(data.error || "Not saved.");
        return;
      }
      showErrors({});
      for (const [section, info] of Object.entries(data.sections)) {
        update(document.querySelector(`[data-review="${section}"]`), info.html);
      }
      update(deckReview, data.deck_html);
      const at = new Date(data.updated).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
      say(`Saved and checked at ${at}.`);
    } catch (error) {
      dirty = true;
      say("Not saved just now (is pmprep still running?). Use the Save button to keep your text.");
    } finally {
      sending = false;
      if (again) { again = false; send(); }
    }
  };
  form.addEventListener("input", () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(send, 700);
  });
  // Leaving within the pause still keeps the text.
  window.addEventListener("pagehide", () => {
    if (dirty && navigator.sendBeacon) { clearTimeout(timer); navigator.sendBeacon(form.dataset.deckCheck, new FormData(form)); }
  });
  form.addEventListener("submit", () => { clearTimeout(timer); dirty = false; });
});

// Rehearsal timer: the elapsed talk time, the section you are on (Next section moves on), the
// planned slot for it, and a warning when you stay on a section past its planned end. Without
// JavaScript the pacing table is still there to read.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-rehearse-timer]");
  const table = document.querySelector("[data-pacing]");
  if (!box || !table) return;
  const rows = [...table.querySelectorAll("tr[data-slot]")];
  const slots = rows.map((row) => ({ row, start: Number(row.dataset.start), end: Number(row.dataset.end), label: row.dataset.label }));
  if (!slots.length) return;
  const total = Number(box.dataset.total || slots[slots.length - 1].end);
  const elapsedOut = box.querySelector("[data-elapsed]");
  const currentOut = box.querySelector("[data-current]");
  const warningOut = box.querySelector("[data-overrun]");
  const toggle = box.querySelector("[data-timer-toggle]");
  const next = box.querySelector("[data-timer-next]");
  const reset = box.querySelector("[data-timer-reset]");
  const fmt = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  const setText = (out, text) => { if (out && out.textContent !== text) out.textContent = text; };
  box.hidden = false;

  let base = 0;        // seconds counted before the last start
  let since = null;    // when the clock last started (ms), null while stopped
  let current = -1;    // the section being talked about; -1 before the start
  const elapsed = () => base + (since === null ? 0 : Math.floor((Date.now() - since) / 1000));

  const show = () => {
    const s = elapsed();
    setText(elapsedOut, fmt(s));
    rows.forEach((row, i) => {
      row.classList.toggle("is-current", i === current);
      if (i === current) row.setAttribute("aria-current", "step"); else row.removeAttribute("aria-current");
    });
    if (current < 0) return;
    const slot = slots[current];
    const following = slots[current + 1];
    setText(currentOut, `Now: ${slot.label}, planned ${fmt(slot.start)}–${fmt(slot.end)}.`);
    let warning = "";
    if (s > total) warning = `The talk is over its ${fmt(total)}: give your recommendation and close.`;
    else if (s > slot.end) warning = following
      ? `${slot.label} is over its time (planned to end at ${fmt(slot.end)}): move on to ${following.label}.`
      : `${slot.label} is over its time: close now.`;
    setText(warningOut, warning);
  };

  toggle.addEventListener("click", () => {
    if (since === null) {
      since = Date.now();
      if (current < 0) current = 0;
      toggle.textContent = "Pause";
      next.disabled = current >= slots.length - 1;
    } else {
      base = elapsed();
      since = null;
      toggle.textContent = "Resume";
    }
    show();
  });
  next.addEventListener("click", () => {
    if (current < slots.length - 1) current += 1;
    next.disabled = current >= slots.length - 1;
    show();
  });
  reset.addEventListener("click", () => {
    base = 0; since = null; current = -1;
    toggle.textContent = "Start";
    next.disabled = true;
    setText(currentOut, "Press Start when you begin talking, and Next section as you move on.");
    setText(warningOut, "");
    show();
  });
  show();
  setInterval(show, 1000);
});
