import { fitBgNbd } from '../../../shared/scores/bgnbd/fit';
import { conditionalExpectedPurchases, probabilityAlive } from '../../../shared/scores/bgnbd/model';
import { dayNumber, summaryOf, type CustomerSummary } from '../../../shared/scores/bgnbd/summary';
import { NotEnoughData } from '../../../shared/scores/not-enough-data';
import { MODEL_VERSIONS, scoreHistogram, type ChurnSummary } from '../../../shared/scores/prediction-report';
import type { Db } from '../db';
import { replaceModelScores } from '../scores/score-store';
import { readPurchaseDays } from './read-activity';
import type { PredictionStep } from './steps';

/** Below this many repeat buyers the four BG/NBD parameters are not identified: the fit would be noise. */
export const MIN_REPEAT_CUSTOMERS = 20;

/**
 * BG/NBD churn: summarise every customer's purchase days up to the as-of
 * date (in days), fit the model by maximum likelihood, then store each
 * customer's churn probability (1 − P(alive)) and expected purchases in the
 * next `days` days, all in one transaction with the run's summary.
 */
export async function runChurn(db: Db, settings: { asOf: string; days: number }, step: PredictionStep): Promise<ChurnSummary> {
  const asOfDay = dayNumber(settings.asOf);
  step('reading', 0);
  const summaries: CustomerSummary[] = [];
  for (const row of readPurchaseDays(db, asOfDay)) summaries.push(summaryOf(row, asOfDay));
  const repeat = summaries.filter((summary) => summary.x > 0).length;
  if (repeat < MIN_REPEAT_CUSTOMERS)
    throw new NotEnoughData(
      `needs at least ${MIN_REPEAT_CUSTOMERS} customers with repeat purchases (on two or more days) by ${settings.asOf}; found ${repeat}.`,
    );
  step('fitting', summaries.length);
  const fit = await fitBgNbd(summaries);
  step('scoring', summaries.length);
  const scored = summaries.map((summary) => ({
    customerId: summary.customerId,
    churn: 1 - probabilityAlive(fit.params, summary),
    expected: conditionalExpectedPurchases(fit.params, settings.days, summary),
  }));
  const summary: ChurnSummary = {
    model: 'churn',
    asOf: settings.asOf,
    days: settings.days,
    unit: 'days',
    params: fit.params,
    logLikelihood: fit.logLikelihood,
    customers: summaries.length,
    repeatCustomers: repeat,
    fittedCustomers: fit.customers,
    meanChurn: scored.reduce((sum, row) => sum + row.churn, 0) / scored.length,
    meanExpectedPurchases: scored.reduce((sum, row) => sum + row.expected, 0) / scored.length,
    histogram: scoreHistogram(scored.map((row) => row.churn)),
  };
  step('writing', summaries.length);
  replaceModelScores(
    db,
    { model: 'churn', asOf: settings.asOf, modelVersion: MODEL_VERSIONS.churn, settings: { days: settings.days }, summary },
    scored.map((row) => ({ customerId: row.customerId, scores: { churn_probability: row.churn, expected_purchases: row.expected } })),
  );
  return summary;
}
