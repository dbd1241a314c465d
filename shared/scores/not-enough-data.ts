/**
 * A model cannot be fitted on this workspace's data (too few customers, no
 * repeat buyers, no buyer in the window). Its message completes "The model
 * needs …" style sentences the UI and CLI show as is; it is an outcome, not
 * a crash.
 */
export class NotEnoughData extends Error {
  override readonly name = 'NotEnoughData';
}
