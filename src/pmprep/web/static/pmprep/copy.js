// Copy buttons — progressive enhancement: without this file the link stays a read-only text field to
// select and copy by hand, and the button stays hidden.
//
// <input id="x" readonly value="…">
// <span data-copy-holder hidden><button type="button" data-copy="x">Copy link</button>
//   <span role="status" aria-live="polite" data-copy-status="x"></span></span>
//
// The holder is what is hidden, not the button: a .button's display rule would win over [hidden].
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    const status = document.querySelector(`[data-copy-status="${CSS.escape(button.dataset.copy)}"]`);
    const holder = button.closest("[data-copy-holder]");
    if (!field) continue;
    if (holder) holder.hidden = false;
    let clear = null;
    const say = (text) => {
      if (!status) return;
      status.textContent = text;
      clearTimeout(clear);
      clear = setTimeout(() => { status.textContent = ""; }, 4000);
    };
    button.addEventListener("click", async () => {
      // The Clipboard API exists only in a secure context (https, or this computer's own address); on a
      // plain-http network address the older copy command still works on the selected field.
      if (navigator.clipboard && window.isSecureContext) {
        try {
          await navigator.clipboard.writeText(field.value);
          say("Copied");
          return;
        } catch { /* refused: fall through to the selection */ }
      }
      field.focus();
      field.select();
      let copied = false;
      try { copied = document.execCommand("copy"); } catch { copied = false; }
      say(copied ? "Copied" : "Selected: press Ctrl+C (⌘C on a Mac) to copy");
    });
  }
});
