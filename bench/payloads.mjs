// Synthetic payloads for the benchmark: N terms, 3 quotes each, three versions, a mix of changes.
export function payload(terms, quotesPerTerm = 3) {
  const sources = Array.from({ length: 20 }, (_, i) => ({
    id: `s${i}`, publisher: `Publisher ${i}`, title: `Report number ${i} on the agreement`,
    url: `https://news${i}.example.org/2026/04/27/agreement-${i}`, date: '2026-04-27',
  }));
  const quotes = [];
  const list = Array.from({ length: terms }, (_, t) => {
    const ids = [];
    for (let q = 0; q < quotesPerTerm; q++) {
      const id = `q${t}-${q}`;
      ids.push(id);
      quotes.push({ id, source: `s${(t + q) % 20}`, text: `Quoted passage ${q} about term ${t}: the parties agreed that the licence, previously exclusive, becomes non-exclusive through 2032.` });
    }
    const kind = t % 4;
    const v1 = `Term ${t} applied exclusively to the first party until 2030, with revenue shared at the agreed rate.`;
    const v2 = `Term ${t} applied exclusively to the first party until 2031, with revenue shared at the agreed rate.`;
    const v3 = `Term ${t} applies non-exclusively to both parties until 2032, with revenue shared at the agreed rate under a cap.`;
    return {
      id: `t${t}`, label: `Term ${t}: licence and revenue`, topic: `Topic ${t % 7}`,
      values: kind === 0 ? { v1, v2, v3 } : kind === 1 ? { v1, v2: v1, v3: v1 } : kind === 2 ? { v2, v3 } : { v1, v2 },
      note: t % 3 === 0 ? `Context for term ${t}.` : undefined,
      quotes: ids,
    };
  });
  const versions = [{ id: 'v1', label: 'Original' }, { id: 'v2', label: 'Amended' }, { id: 'v3', label: 'Revised', date: '2026-04-27' }];
  return { version: 1, title: `Benchmark deal with ${terms} terms`, summary: 'Synthetic payload.', date: '2026-04-27', parties: ['A', 'B'], versions, terms: list, sources, quotes };
}
