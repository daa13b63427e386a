// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Filter forms submit as soon as a select changes (the Filter button still works without JS).
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => form.requestSubmit());
    }
  }
});

// Practice timer: shows elapsed time against the round's budget, warns at sensible points, and
// records how long the answer took. Without JavaScript the budget is still shown as text.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-timer]");
  if (!form) return;
  const budget = Number(form.dataset.budget || 0);
  const clock = form.querySelector(".timer-clock");
  const elapsedOut = form.querySelector("[data-elapsed]");
  const warning = form.querySelector("[data-warning]");
  const taken = form.querySelector("input[name=seconds_taken]");
  // A restored draft carries the time already spent on it.
  const started = Date.now() - 1000 * Number((taken && taken.value) || 0);
  if (clock) clock.hidden = false;
  const fmt = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  const tick = () => {
    const s = Math.floor((Date.now() - started) / 1000);
    if (elapsedOut) elapsedOut.textContent = fmt(s);
    if (taken) taken.value = s;
    if (budget && warning) {
      if (s >= budget) warning.textContent = `Over time by ${fmt(s - budget)}: wrap up with your conclusion.`;
      else if (s >= budget * 0.8) warning.textContent = "About a fifth of the time left: head for your conclusion.";
      else if (s >= budget * 0.5) warning.textContent = "Half the time used: make sure the core of your answer is down.";
    }
  };
  tick();
  setInterval(tick, 1000);
});

// Autosave: the draft goes to the server a moment after the user stops typing, and into the
// browser's own storage on every keystroke as a fallback (a lost connection or a stopped server
// loses nothing). The browser copy is removed once the answer is submitted.
// A copy belongs to the account that typed it (data-draft-owner, an opaque value from the server),
// because a browser may be shared: another account's copy is never restored (so never sent either)
// and is removed on sight, and logging out removes every copy (so does the logout response's
// Clear-Site-Data header, for when this script does not run).
document.addEventListener("DOMContentLoaded", () => {
  const prefix = "pmprep-draft:";
  const read = (key) => { try { return JSON.parse(localStorage.getItem(key) || "null"); } catch { return null; } };
  const removeCopies = (keep) => {
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith(prefix) && !keep(key)) localStorage.removeItem(key);
      }
    } catch { /* storage off */ }
  };
  let flush = () => {};
  for (const logout of document.querySelectorAll("form[data-clear-drafts]")) {
    logout.addEventListener("submit", () => { flush(); removeCopies(() => false); });
  }

  const form = document.querySelector("form[data-autosave]");
  if (!form) return;
  const answer = form.querySelector("textarea[name=answer]");
  const status = form.querySelector("[data-autosave-status]");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]");
  const owner = form.dataset.draftOwner;
  if (!answer || !token || !owner) return;
  const key = `${prefix}${form.dataset.draftKey}`;
  const say = (text) => { if (status) status.textContent = text; };
  const ours = (copy) => Boolean(copy && copy.owner === owner);
  // Copies without an owner come from before copies had one: whose they are is unknown.
  removeCopies((other) => ours(read(other)));
  const keepLocally = () => {
    try { localStorage.setItem(key, JSON.stringify({ owner, answer: answer.value, at: new Date().toISOString() })); } catch { /* storage full or off */ }
  };

  // A browser copy newer than the server's draft wins (the server may have been unreachable).
  const stored = read(key);
  const serverAt = form.dataset.draftUpdated ? Date.parse(form.dataset.draftUpdated) : 0;
  if (ours(stored) && stored.answer && stored.answer !== answer.value && Date.parse(stored.at) > serverAt) {
    answer.value = stored.answer;
    say("Restored the unsent text this browser kept for you.");
  }

  let timer = null;
  let sending = false;
  let again = false;
  const send = async () => {
    if (sending) { again = true; return; }
    sending = true;
    try {
      const response = await fetch(form.dataset.autosave, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-CSRFToken": token.value, "Accept": "application/json" },
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || response.statusText);
      form.dataset.saved = String(data.revision);
      say(`Draft saved at ${new Date(data.updated).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })}.`);
    } catch (error) {
      say("Not saved to the server just now; this browser keeps a copy until it is.");
    } finally {
      sending = false;
      if (again) { again = false; send(); }
    }
  };
  answer.addEventListener("input", () => {
    keepLocally();
    clearTimeout(timer);
    timer = setTimeout(send, 800);
  });
  // The last keystrokes go to the server while the session that typed them still exists: on
  // leaving the page, and before a logout (which comes before the page is left).
  flush = () => {
    if (timer && navigator.sendBeacon) { clearTimeout(timer); timer = null; navigator.sendBeacon(form.dataset.autosave, new FormData(form)); }
  };
  window.addEventListener("pagehide", flush);
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    timer = null;
    try { localStorage.removeItem(key); } catch { /* ignore */ }
  });
});

// Round clock (mock loops): the server says how long the round has run and whether it is running;
// this keeps the figure live and warns at half time, at four fifths and when over. On the peer's
// page the clock is the interviewer's own stopwatch, started and paused with a button.
document.addEventListener("DOMContentLoaded", () => {
  const clock = document.querySelector("[data-round-clock]");
  if (!clock) return;
  const total = Number(clock.dataset.total || 0);
  const usedOut = clock.querySelector("[data-used-out]");
  const leftOut = clock.querySelector("[data-left-out]");
  const warning = document.querySelector("[data-round-warning]");
  const toggle = document.querySelector("[data-clock-toggle]");
  const fmt = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  let base = Number(clock.dataset.used || 0);
  let since = "running" in clock.dataset ? Date.now() : null;
  const show = () => {
    const s = base + (since === null ? 0 : Math.floor((Date.now() - since) / 1000));
    if (usedOut) { usedOut.hidden = false; usedOut.textContent = fmt(s); }
    if (leftOut) leftOut.textContent = s > total ? `: over time by ${fmt(s - total)} (allowed, and recorded)` : `; ${fmt(total - s)} left`;
    if (warning && total) {
      if (s >= total) warning.textContent = "The round is over time: close your answer and move on.";
      else if (s >= total * 0.8) warning.textContent = "About a fifth of the round left.";
      else if (s >= total * 0.5) warning.textContent = "Half the round used.";
    }
  };
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      if (since === null) { since = Date.now(); toggle.textContent = "Pause the timer"; }
      else { base += Math.floor((Date.now() - since) / 1000); since = null; toggle.textContent = "Resume the timer"; }
      show();
    });
  }
  show();
  setInterval(show, 1000);
});

// Navigation menus (the phone's "Menu" and the wide screen's Learn and account menus) open and close
// without this script; it only closes them the way menus are expected to: one open at a time, and
// closed by Escape (focus back on its button) or by a click anywhere else.
document.addEventListener("DOMContentLoaded", () => {
  const menus = [...document.querySelectorAll("details[data-nav-menu]")];
  if (!menus.length) return;
  const header = document.querySelector(".site-header");
  for (const menu of menus) {
    menu.addEventListener("toggle", () => {
      if (menu.open) for (const other of menus) if (other !== menu && other.open && !other.classList.contains("nav-toggle")) other.open = false;
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = menus.filter((m) => m.open);
    const last = open.find((m) => !m.classList.contains("nav-toggle")) || open[0];
    if (last) { last.open = false; last.querySelector("summary").focus(); }
  });
  document.addEventListener("click", (event) => {
    for (const menu of menus) {
      // The phone's menu stays open while its links are used; the small menus close on any click outside them.
      if (!menu.open || menu.classList.contains("nav-toggle")) continue;
      const group = menu.parentElement;
      if (!group.contains(event.target)) menu.open = false;
    }
    if (header && !header.contains(event.target)) for (const menu of menus) menu.open = false;
  });
});

// Stacked tables (app.css stacks wide tables into one card per row on phones): a cell without a
// data-label gets its column's name from the table's last header row, so each value keeps its label.
document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("main table")) {
    const head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head) continue;
    const names = [];
    for (const cell of head.cells) for (let i = 0; i < cell.colSpan; i += 1) names.push(cell.textContent.trim());
    for (const row of [...table.tBodies].flatMap((body) => [...body.rows])) {
      let column = 0;
      for (const cell of row.cells) {
        if (cell.tagName === "TD" && !cell.hasAttribute("data-label") && names[column]) cell.dataset.label = names[column];
        column += cell.colSpan;
      }
    }
  }
});
