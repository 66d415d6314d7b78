/**
 * A table region with its numbers taken out, for finding row labels. A label wrapped in a narrow
 * column prints its row's numbers beside its first line, so in the text the numbers fall between
 * the label's words ("7.属于行 0 0 0 … 政执法案卷", "行政规范 2 1 10 性文件"); without them the
 * label reads whole again. A number goes with its sign and its unit (行政许 396 -12 181 可,
 * 政府集 135 75394432.52元 中采购), which are no more part of the label than its digits.
 * `at` maps each character of the view back to its place in the region.
 */

// Runs of numbers with the spaces, tabs and line breaks around them, the signs before them
// (ASCII minus, U+2212, U+2013, plus) and a 元/万元 unit after them.
const NUMBER_RUN = /[\s\d.,%+\-\u2212\u2013]*\d(?:[\s\d.,%]|万?元)*/g;

export interface LabelView {
  text: string;
  at: number[];
}

export function labelView(region: string): LabelView {
  let text = "";
  const at: number[] = [];
  let from = 0;
  const keep = (end: number) => {
    text += region.slice(from, end);
    for (let i = from; i < end; i++) at.push(i);
  };
  for (const run of region.matchAll(NUMBER_RUN)) {
    keep(run.index);
    from = run.index + run[0].length;
  }
  keep(region.length);
  return { text, at };
}

/** The region's span [start, end) of the view's span [from, to). */
export function regionSpan(view: LabelView, from: number, to: number): { start: number; end: number } {
  return { start: view.at[from], end: view.at[to - 1] + 1 };
}
