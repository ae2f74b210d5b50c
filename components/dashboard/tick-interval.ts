/**
 * The axis `interval` that shows about `labels` tick labels of `count`: a number makes recharts
 * place the ticks without measuring each label's text in the DOM (its default, 'preserveEnd',
 * measured every label: a third of the dashboard's first render at 100,000 items).
 */
export function tickInterval(count: number, labels: number): number {
  return Math.max(0, Math.ceil(count / labels) - 1);
}
