/**
 * A short two-tone chime made with Web Audio: no media file to fetch and
 * nothing the CSP has to allow. Browsers only play after a user gesture on the
 * page; turning the sound on is that gesture.
 */
let context: AudioContext | null = null;

export function primeAlertSound(): void {
  const Ctx = typeof window !== "undefined" ? window.AudioContext : undefined;
  if (!Ctx) return;
  context ??= new Ctx();
  void context.resume?.();
}

export function playAlertSound(): void {
  if (!context) return;
  const now = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 660],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.001, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, now + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.16);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(now + offset);
    oscillator.stop(now + offset + 0.17);
  }
}
