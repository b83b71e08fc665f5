import { formatNumber, formatPercent } from '../../core/number.js';

// Enough for any figure a measure keeps: values are rounded to 1e-9.
const MAX_DIGITS = 9;

/**
 * A figure for an explanation, rounded to `digits` decimals unless that would make it read as
 * one of `marks` (a threshold, 0, the top of the scale) that it is not: then with as many more
 * decimals as it takes to tell them apart. "89.96%" must not be shown as "90%" beside "required
 * at least 90%; not met". `percent` shows a share in [0, 1] as a percentage.
 *
 * @example
 * distinctFigure(0.8996, [0.9, 0, 1], { percent: true }); // '89.96%' (not '90%')
 * distinctFigure(0.875, [0.9], { percent: true }); // '87.5%'
 * distinctFigure(89.996, [90]); // '89.996' (not '90')
 */
export function distinctFigure(value: number, marks: readonly number[], options: { readonly percent?: boolean; readonly digits?: number } = {}): string {
  const show = options.percent ? (v: number, d: number) => formatPercent(v, d) : (v: number, d: number) => formatNumber(v, d);
  let digits = options.digits ?? (options.percent ? 1 : 2);
  let text = show(value, digits);
  while (digits < MAX_DIGITS && marks.some((mark) => mark !== value && show(mark, digits) === text)) {
    digits++;
    text = show(value, digits);
  }
  return text;
}
