/**
 * Estimates the share of `finalText` that comes from `draft`: the characters of the final
 * text's words that belong to the longest common word subsequence of both, divided by the
 * final text's length (whitespace excluded). An indication for the editor only: the server
 * measures the share that decides the disclosure.
 */
export function estimateAiShare(draft: string, finalText: string, maxWords = 3000): number {
  const a = tokenize(draft).slice(0, maxWords);
  const b = tokenize(finalText).slice(0, maxWords);
  const total = b.reduce((sum, word) => sum + word.length, 0);
  if (total === 0 || a.length === 0) return 0;

  // LCS by dynamic programming on two rows, weighted by word length.
  let previous = new Array<number>(b.length + 1).fill(0);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + b[j - 1].length : Math.max(previous[j], row[j - 1]);
    }
    [previous, row] = [row, previous];
  }
  return Math.min(1, previous[b.length] / total);
}

function tokenize(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
