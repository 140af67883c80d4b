// A bounded memo for text → value functions: readers normalise the same labels thousands of times per
// workbook. Bounded so that a batch over hundreds of files does not grow without end.
export function memoText<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const out = fn(text);
    if (cache.size >= max) cache.clear();
    cache.set(text, out);
    return out;
  };
}
