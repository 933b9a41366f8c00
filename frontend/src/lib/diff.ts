/**
 * A word-level diff of two texts, small enough to need no dependency: the common start and end
 * are cut off first (edits are usually local), then the longest common subsequence of the
 * remaining tokens (words and the spaces between them) is found by dynamic programming. When
 * the middle is too large for that table, it is compared paragraph by paragraph instead.
 */
export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** The largest LCS table (cells) computed word by word: 4 M cells take ~16 MB and well under a second. */
const MAX_CELLS = 4_000_000;

/** Words and runs of whitespace, in order: joining them gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

export function diffWords(before: string, after: string): DiffPart[] {
  return diffTokens(tokenize(before), tokenize(after), (a, b) => {
    // too long to compare word by word: compare lines, then words within changed lines is not worth it
    return diffTokens(splitLines(a.join('')), splitLines(b.join('')), (x, y) => [
      ...x.map((text) => ({ kind: 'delete' as const, text })),
      ...y.map((text) => ({ kind: 'insert' as const, text })),
    ]);
  });
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffTokens(a: string[], b: string[], tooLarge: (a: string[], b: string[]) => DiffPart[]): DiffPart[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = (midA.length + 1) * (midB.length + 1) > MAX_CELLS ? tooLarge(midA, midB) : lcsDiff(midA, midB);
  for (const part of middle) push(parts, part.kind, part.text);
  push(parts, 'equal', a.slice(endA).join(''));
  return parts;
}

/** Classic LCS table filled from the end, then walked from the start. */
function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'equal', a[i]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      push(parts, 'delete', a[i++]);
    } else {
      push(parts, 'insert', b[j++]);
    }
  }
  while (i < n) push(parts, 'delete', a[i++]);
  while (j < m) push(parts, 'insert', b[j++]);
  return tidy(parts);
}

function push(parts: DiffPart[], kind: DiffKind, text: string) {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * A lone space kept as "equal" between two changes reads badly (« -a- +x+ -b- +y+ »): changes
 * separated only by whitespace become one deletion followed by one insertion.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(out, 'delete', del);
    push(out, 'insert', ins);
    del = '';
    ins = '';
  };
  parts.forEach((part, k) => {
    if (part.kind === 'delete') del += part.text;
    else if (part.kind === 'insert') ins += part.text;
    else if ((del || ins) && /^\s+$/.test(part.text) && parts[k + 1] && parts[k + 1].kind !== 'equal') {
      del += part.text;
      ins += part.text;
    } else {
      flush();
      push(out, 'equal', part.text);
    }
  });
  flush();
  return out;
}

/** The text on one side: the original (`before`) keeps equal and deleted parts, `after` equal and inserted. */
export function side(parts: DiffPart[], which: 'before' | 'after'): string {
  const skip: DiffKind = which === 'before' ? 'insert' : 'delete';
  return parts
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join('');
}

/** Counts of words added and removed. */
export function diffStats(parts: DiffPart[]): { inserted: number; deleted: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.kind === 'insert') inserted += words(p.text);
    if (p.kind === 'delete') deleted += words(p.text);
  }
  return { inserted, deleted };
}
