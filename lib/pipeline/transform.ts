/**
 * The strategy transform from the pipeline spec: piecewise in `value`, then truncated
 * toward zero, as a SQL cast of a double to int does.
 */
export function strategyResult(value: number): number {
  let result: number;
  if (value < 30) result = value * 2;
  else if (value <= 60) result = value * 1.5 + 10;
  else result = (value * value) / 100;
  // `+ 0` turns -0 into 0 so a JSON round trip and equality checks agree.
  return Math.trunc(result) + 0;
}
