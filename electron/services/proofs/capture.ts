/**
 * Takes screenshots of rendered emails. The desktop shell captures with
 * Electron's own Chromium; browser mode and the CLI use headless Chromium
 * (chromium-capture.ts). Either way the email is untrusted: no script runs
 * and nothing is fetched from the network.
 */
export interface ProofCapturer {
  /** A full-page PNG of `html` laid out `width` CSS pixels wide. */
  capture(html: string, width: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export type CapturerFactory = () => Promise<ProofCapturer>;

/** Inbox-like width: MJML's 600 px body plus the margin a reading pane gives it. */
export const PROOF_WIDTH = 640;

/** Only inline data may load: a proof shows what the email is, offline, and no tracking pixel fires. */
export const allowedProofRequest = (url: string): boolean => /^data:/i.test(url) || url === 'about:blank';
