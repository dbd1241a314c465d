/** The stages of a prediction run, reported as progress (stage k of 4) with the customers involved. */
export const PREDICTION_STEPS = ['reading', 'fitting', 'scoring', 'writing'] as const;
export type PredictionStage = (typeof PREDICTION_STEPS)[number];
export type PredictionStep = (stage: PredictionStage, customers: number) => void;
