// Spoken practice: check the microphone, record the answer with the round's timer running, and
// upload it as a WAV file (16 kHz mono 16-bit, made here from the raw samples; nothing is sent
// anywhere but this pmprep). The browser's own speech recognition is never used: it sends audio
// to the cloud. Without this script the page's upload form still works.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-recorder]");
  if (!box) return;
  const form = document.querySelector("form[data-upload-form]");
  const token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
  const q = (sel) => box.querySelector(sel);
  const checkButton = q("[data-mic-check]"), startButton = q("[data-start]"), stopButton = q("[data-stop]");
  const meter = q("[data-level]"), levelText = q("[data-level-text]"), problem = q("[data-mic-problem]");
  const status = q("[data-status]"), elapsedOut = q("[data-elapsed]"), warning = q("[data-warning]");
  const budget = Number(box.dataset.budget || 0);
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

  const level = (samples) => {
    let sum = 0;
    for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
    const value = Math.min(100, Math.round(Math.sqrt(sum / samples.length) * 400));
    meter.value = value;
    meter.textContent = `${value}`;
    levelText.textContent = value < 3 ? "silent" : value < 15 ? `quiet (${value} of 100)` : value < 90 ? `good (${value} of 100)` : `very loud (${value} of 100)`;
  };
  const take = (samples) => {
    level(samples);
    if (recording) chunks.push(samples);
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

  const upload = async (blob) => {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", token.value);
    data.append("audio", blob, "answer.wav");
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
    recording = true;
    started = Date.now();
    tick();
    ticker = setInterval(tick, 1000);
    startButton.disabled = true;
    stopButton.disabled = false;
    showProblem("");
    status.textContent = "Recording: answer now.";
  });
  stopButton.addEventListener("click", () => {
    recording = false;
    clearInterval(ticker);
    stopButton.disabled = true;
    upload(wav(chunks, context.sampleRate));
  });
});
