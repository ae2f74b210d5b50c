/** Careline's post classifier: the public API the extension and the scripts use. */
export { classifyPost, CLASSIFIER_VERSION, deriveUrgency, isFlagReason, type ClassifyInput, type ClassifyOptions, type CorrectionLayer } from './classify-post';
export { ClassificationCache } from './cache';
export { buildCorrectionLayer, EMPTY_CORRECTION_LAYER, type CorrectionInput } from './corrections';
export { detectFlags } from './flags';
export { detectLanguage } from './language';
export { tokenize, type Token } from './tokenize';
export type { Classification, Flag, FlagName, Intent, Sentiment, Urgency } from './types';
