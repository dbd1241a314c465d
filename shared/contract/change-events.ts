import type { Dispatch } from './dispatch';
import { METHOD_CHANGES, type TailorEvent } from './events';

/**
 * Wraps a dispatcher so that every successful call that changes data
 * announces it. Declared once here rather than in each handler, in the same
 * shape as the dispatcher itself.
 */
export function announceChanges(dispatch: Dispatch, emit: (event: TailorEvent) => void): Dispatch {
  return async (method, input) => {
    const envelope = await dispatch(method, input);
    const topics = envelope.ok ? METHOD_CHANGES[method as keyof typeof METHOD_CHANGES] : undefined;
    if (topics) emit({ type: 'data.changed', topics: [...topics] });
    return envelope;
  };
}
