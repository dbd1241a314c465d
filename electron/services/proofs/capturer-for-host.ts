import type { HostKind } from '../../handlers/context';
import type { CapturerFactory } from './capture';
import { chromiumCapturer } from './chromium-capture';

let desktopCapturer: CapturerFactory | null = null;

/** The desktop shell registers its own capturer (Electron's Chromium) when it starts the services. */
export function useDesktopCapturer(factory: CapturerFactory): void {
  desktopCapturer = factory;
}

/** Who takes the screenshots: the desktop shell when it registered one, headless Chromium otherwise (browser mode, CLI). */
export function capturerFor(host: HostKind): CapturerFactory {
  return host === 'desktop' && desktopCapturer ? desktopCapturer : chromiumCapturer;
}
