// Spoken practice: check the microphone, record the answer with the round's timer running, and
// upload it as a WAV file (16 kHz mono 16-bit, made here from the raw samples; nothing is sent
// anywhere but this pmprep). The browser's own speech recognition is never used: it sends audio
// to the cloud. Without this script the page's upload form still works.
// The pressure drill (data-pressure): the interviewer breaks in at a share of the budget, or after a
// long stretch of speech without a pause (told apart from silence by each frame's level). The answer
// so far goes to this pmprep, which hears it and answers with a probe; the probe is shown, and spoken
// only by a voice on this device (localService), never a cloud voice. Stop uploads the answer up to
// the break-in and the reply after it as two WAV files.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-recorder]");
  if (!box) return;
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  const q = (sel) => box.querySelector(sel);
  const checkButton = q("[data-mic-check]"), startButton = q("[data-start]"), stopButton = q("[data-stop]");
  const meter = q("[data-level]"), levelText = q("[data-level-text]"), problem = q("[data-mic-problem]");
  const status = q("[data-status]"), elapsedOut = q("[data-elapsed]"), warning = q("[data-warning]");
  const budget = Number(box.dataset.budget || 0);
  const pressure = box.hasAttribute("data-pressure");
  const share = Number(box.dataset.share || 0.45), ramble = Number(box.dataset.ramble || 40), pauseS = Number(box.dataset.pause || 1.5);
  const interviewer = q("[data-interviewer]");
  const RATE = 16000;
  box.hidden = false;

  const showProblem = (text) => { problem.textContent = text; problem.hidden = !text; };
  const AudioContextClass = window.AudioContext || window.webkitAudioContext;
  if (!AudioContextClass || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    showProblem("This browser cannot record audio here. Record your answer with another app and upload the WAV file below.");
    checkButton.disabled = true;
    return;
  }

  let context = null, stream = null, chunks = [], recording = false, started = 0, ticker = null;
  // The pressure drill: where the answer was broken into (chunks before it), the probe asked, and how
  // long the speaker has talked without a pause.
  let breakAt = null, asked = null, run = 0, quiet = 0;

  const level = (samples) => {
    let sum = 0;
    for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
    const value = Math.min(100, Math.round(Math.sqrt(sum / samples.length) * 400));
    meter.value = value;
    meter.textContent = `${value}`;
    levelText.textContent = value < 3 ? "silent" : value < 15 ? `quiet (${value} of 100)` : value < 90 ? `good (${value} of 100)` : `very loud (${value} of 100)`;
    return value;
  };
  const take = (samples) => {
    const value = level(samples);
    if (!recording) return;
    chunks.push(samples);
    if (!pressure || breakAt !== null) return;
    const seconds = samples.length / context.sampleRate;
    if (value < 3) {
      quiet += seconds;
      if (quiet >= pauseS) run = 0;
    } else {
      quiet = 0;
      run += seconds;
      if (run >= ramble) breakIn();
    }
  };

  const reasons = {
    NotAllowedError: "pmprep was not allowed to use the microphone. Allow it in the browser's site settings and check again, or upload a WAV file below.",
    SecurityError: "pmprep was not allowed to use the microphone. Allow it in the browser's site settings and check again, or upload a WAV file below.",
    NotFoundError: "No microphone was found. Connect one and check again, or upload a WAV file below.",
    NotReadableError: "The microphone is in use by another app or cannot be read. Close the other app and check again, or upload a WAV file below.",
  };

  const open = async () => {
    showProblem("");
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false } });
    } catch (err) {
      showProblem(reasons[err && err.name] || "The microphone could not be opened. Check it and try again, or upload a WAV file below.");
      return;
    }
    context = new AudioContextClass();
    const source = context.createMediaStreamSource(stream);
    try {
      await context.audioWorklet.addModule(box.dataset.worklet);
      const node = new AudioWorkletNode(context, "pmprep-capture");
      node.port.onmessage = (event) => take(event.data);
      source.connect(node);
    } catch {
      // Older browsers: the deprecated ScriptProcessor does the same on the main thread.
      const node = context.createScriptProcessor(4096, 1, 1);
      node.onaudioprocess = (event) => take(event.inputBuffer.getChannelData(0).slice(0));
      source.connect(node);
      node.connect(context.destination);
    }
    checkButton.textContent = "Microphone on";
    checkButton.disabled = true;
    startButton.disabled = false;
    status.textContent = "Microphone on: speak to see the level move, then start recording.";
  };

  const fmt = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  const tick = () => {
    const s = Math.floor((Date.now() - started) / 1000);
    elapsedOut.textContent = fmt(s);
    if (pressure && breakAt === null && budget && s >= budget * share) breakIn();
    if (budget) {
      if (s >= budget) warning.textContent = `Over time by ${fmt(s - budget)}: wrap up with your conclusion.`;
      else if (s >= budget * 0.8) warning.textContent = "About a fifth of the time left: head for your conclusion.";
      else if (s >= budget * 0.5) warning.textContent = "Half the time used: make sure the core of your answer is down.";
    }
  };

  // The captured samples, averaged down to 16 kHz and written as a 16-bit mono WAV file.
  const wav = (parts, rate) => {
    const length = parts.reduce((n, p) => n + p.length, 0);
    const all = new Float32Array(length);
    let at = 0;
    for (const p of parts) { all.set(p, at); at += p.length; }
    const ratio = rate / RATE;
    const n = Math.floor(length / ratio);
    const view = new DataView(new ArrayBuffer(44 + 2 * n));
    const text = (offset, s) => { for (let i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i)); };
    text(0, "RIFF"); view.setUint32(4, 36 + 2 * n, true); text(8, "WAVE");
    text(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
    view.setUint32(24, RATE, true); view.setUint32(28, 2 * RATE, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
    text(36, "data"); view.setUint32(40, 2 * n, true);
    for (let i = 0; i < n; i++) {
      const from = Math.floor(i * ratio), to = Math.max(from + 1, Math.floor((i + 1) * ratio));
      let sum = 0;
      for (let j = from; j < to && j < length; j++) sum += all[j];
      const v = Math.max(-1, Math.min(1, sum / (to - from)));
      view.setInt16(44 + 2 * i, v < 0 ? v * 32768 : v * 32767, true);
    }
    return new Blob([view], { type: "audio/wav" });
  };

  // The interviewer's probe, shown in the live region and spoken by a local voice if there is one.
  const ask = (text, probeToken) => {
    asked = { text, token: probeToken };
    interviewer.replaceChildren();
    const line = document.createElement("p");
    line.className = "probe";
    const who = document.createElement("span");
    who.className = "badge";
    who.textContent = "Interviewer:";
    line.append(who, ` ${text}`);
    const hint = document.createElement("p");
    hint.className = "small";
    hint.textContent = "Answer this now; recording goes on. Stop when you have answered.";
    interviewer.append(line, hint);
    const voices = window.speechSynthesis ? window.speechSynthesis.getVoices().filter((v) => v.localService === true) : [];
    if (voices.length) {
      const spoken = new SpeechSynthesisUtterance(text);
      spoken.voice = voices.find((v) => v.lang && v.lang.startsWith("en")) || voices[0];
      window.speechSynthesis.speak(spoken);
    }
  };
  let pending = null;
  const breakIn = () => {
    if (breakAt !== null) return;
    breakAt = chunks.length;
    const data = new FormData();
    data.append("csrfmiddlewaretoken", token.value);
    data.append("audio", wav(chunks.slice(0, breakAt), context.sampleRate), "so-far.wav");
    const generic = () => ask(box.dataset.genericProbe, box.dataset.genericToken);
    pending = fetch(box.dataset.breakIn, { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer) => (answer && answer.probe && answer.token ? ask(answer.probe, answer.token) : generic()))
      .catch(generic);
  };

  const upload = async (blob, extra = {}) => {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", token.value);
    data.append("audio", blob, "answer.wav");
    for (const [name, value] of Object.entries(extra)) {
      if (value instanceof Blob) data.append(name, value, `${name}.wav`);
      else data.append(name, value);
    }
    status.textContent = "Uploading and transcribing: this takes a few seconds for each minute you spoke…";
    try {
      const response = await fetch(box.dataset.upload, { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" });
      const answer = await response.json();
      if (response.ok && answer.url) { window.location.assign(answer.url); return; }
      showProblem(answer.error || "The recording was not saved.");
    } catch {
      showProblem("The recording could not be uploaded: is pmprep still running? Try again.");
    }
    status.textContent = "";
    startButton.disabled = false;
  };

  checkButton.addEventListener("click", open);
  startButton.addEventListener("click", () => {
    chunks = [];
    breakAt = null; asked = null; run = 0; quiet = 0; pending = null;
    if (interviewer) interviewer.replaceChildren();
    recording = true;
    started = Date.now();
    tick();
    ticker = setInterval(tick, 1000);
    startButton.disabled = true;
    stopButton.disabled = false;
    showProblem("");
    status.textContent = "Recording: answer now.";
  });
  stopButton.addEventListener("click", async () => {
    recording = false;
    clearInterval(ticker);
    stopButton.disabled = true;
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    if (breakAt === null) { upload(wav(chunks, context.sampleRate)); return; }
    if (pending) await pending;
    const rate = context.sampleRate;
    upload(wav(chunks.slice(0, breakAt), rate), { reply: wav(chunks.slice(breakAt), rate), probe: asked ? asked.token : box.dataset.genericToken });
  });
});
