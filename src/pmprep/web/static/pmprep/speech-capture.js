// AudioWorklet processor for spoken practice (speech.js): passes each block of microphone samples
// (mono, the first channel) to the page, which measures the level and keeps them while recording.
class CaptureProcessor extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor("pmprep-capture", CaptureProcessor);
