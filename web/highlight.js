// Snippet highlighting. The server gives [start, end) ranges as BYTE
// offsets into the UTF-8 text, while JS strings count UTF-16 units: slice
// the bytes, then decode each piece.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Splits text into [{text, marked}] pieces; bad or overlapping ranges are
// clamped or skipped rather than trusted.
export function splitHighlights(text, ranges) {
  const bytes = encoder.encode(text || '');
  const pieces = [];
  let at = 0;
  const sorted = (ranges || [])
      .filter((r) => Array.isArray(r) && r.length === 2)
      .map(([s, e]) => [Math.max(0, Math.min(s, bytes.length)), Math.max(0, Math.min(e, bytes.length))])
      .sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (start < at || end <= start) continue;
    if (start > at) pieces.push({text: decoder.decode(bytes.subarray(at, start)), marked: false});
    pieces.push({text: decoder.decode(bytes.subarray(start, end)), marked: true});
    at = end;
  }
  if (at < bytes.length) pieces.push({text: decoder.decode(bytes.subarray(at)), marked: false});
  return pieces;
}

// The snippet as DOM: text nodes, with <mark> around the highlights.
export function highlightedNodes(text, ranges) {
  return splitHighlights(text, ranges).map((piece) => {
    if (!piece.marked) return document.createTextNode(piece.text);
    const mark = document.createElement('mark');
    mark.textContent = piece.text;
    return mark;
  });
}
