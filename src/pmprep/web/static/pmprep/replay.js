// Replay: the word being said is outlined (and marked aria-current) as the recording plays, and
// choosing a word plays the recording from there. Without this script the recording still plays.
document.addEventListener("DOMContentLoaded", () => {
  const audio = document.querySelector("audio[data-replay-audio]");
  const box = document.querySelector("[data-replay-words]");
  if (!audio || !box) return;
  const words = Array.from(box.querySelectorAll("button.word"));
  const starts = words.map((w) => Number(w.dataset.start));
  let current = null;
  const mark = () => {
    const t = audio.currentTime;
    // The last word that started at or before now (binary search: the list is in time order).
    let lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const word = found >= 0 && t <= Number(words[found].dataset.end) + 0.3 ? words[found] : null;
    if (word === current) return;
    if (current) { current.classList.remove("current"); current.removeAttribute("aria-current"); }
    if (word) { word.classList.add("current"); word.setAttribute("aria-current", "true"); }
    current = word;
  };
  audio.addEventListener("timeupdate", mark);
  audio.addEventListener("seeked", mark);
  box.addEventListener("click", (event) => {
    const word = event.target.closest("button.word");
    if (!word) return;
    audio.currentTime = Number(word.dataset.start);
    mark();
    audio.play().catch(() => { /* playing needs a user gesture on some browsers; the seek stands */ });
  });
});
