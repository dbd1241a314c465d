import type { EspId } from '../esp';
import { evaluateAmpscript } from './ampscript';
import { evaluateBraze } from './braze';
import { evaluateHubspot } from './hubspot';
import { evaluateKlaviyo } from './klaviyo';
import { evaluateMailchimp } from './mailchimp';
import type { EspProfile } from './profile';

export { RoundTripUnsupported, type EspProfile, type ProfileValue } from './profile';

const EVALUATORS: Record<EspId, (source: string, profile: EspProfile) => string> = {
  braze: evaluateBraze,
  klaviyo: evaluateKlaviyo,
  hubspot: evaluateHubspot,
  sfmc: evaluateAmpscript,
  mailchimp: evaluateMailchimp,
};

/**
 * The email one contact would receive from the ESP: the exported source with
 * its personalization evaluated by a small, independent evaluator of the
 * subset Tailor emits. Throws RoundTripUnsupported for anything outside it.
 */
export function evaluateDialect(esp: EspId, source: string, profile: EspProfile): string {
  return EVALUATORS[esp](source, profile);
}
