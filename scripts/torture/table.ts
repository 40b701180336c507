// The torture script's result table: case, expected, observed, ok/FAIL.

export interface Row {
  case: string;
  expected: string;
  observed: string;
  ok: boolean;
}

export class Table {
  readonly rows: Row[] = [];

  add(name: string, expected: string, observed: string, ok: boolean): void {
    this.rows.push({ case: name, expected, observed, ok });
    console.error(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${observed}`);
  }

  print(): void {
    const width = (key: 'case' | 'expected' | 'observed', max: number) =>
      Math.min(max, Math.max(key.length, ...this.rows.map((r) => r[key].length)));
    const w = { case: width('case', 42), expected: width('expected', 60), observed: width('observed', 70) };
    const cell = (text: string, n: number) => (text.length > n ? text.slice(0, n - 1) + '…' : text.padEnd(n));
    const line = (c: string, e: string, o: string, s: string) => `${cell(c, w.case)} | ${cell(e, w.expected)} | ${cell(o, w.observed)} | ${s}`;
    console.log(line('case', 'expected', 'observed', 'result'));
    console.log(`${'-'.repeat(w.case)}-+-${'-'.repeat(w.expected)}-+-${'-'.repeat(w.observed)}-+-------`);
    for (const r of this.rows) console.log(line(r.case, r.expected, r.observed, r.ok ? 'ok' : 'FAIL'));
    const failed = this.rows.filter((r) => !r.ok).length;
    console.log(`\n${this.rows.length} cases, ${this.rows.length - failed} ok, ${failed} FAIL`);
  }
}
