// Types for the two lexicon baselines the evaluation and benchmark scripts run (neither package
// ships its own). Build-time only: the extension never imports them.
declare module 'sentiment' {
  export default class Sentiment {
    analyze(text: string): { score: number; comparative: number; positive: string[]; negative: string[] };
  }
}

declare module 'vader-sentiment' {
  const vader: {
    SentimentIntensityAnalyzer: {
      polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
    };
  };
  export default vader;
}
