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
  const started = Date.now();
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
