import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportLines } from './commands/sandbox.js';
import { shellQuote } from './shell-quote.js';

describe('shell-safe words', () => {
  it.each(['plain', 'MERKEZ=Merkez Depo,DEPO=İstanbul Mağaza', "it's", 'a"b', '$(rm -rf /)', 'x;y', ''])(
    '%j reads back exactly through sh',
    (value) => {
      const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], { encoding: 'utf8' });
      expect(echoed).toBe(value);
    },
  );

  it("eval of the sandbox's export lines gives the exact values, the warehouse map included", () => {
    const env = { SENTOS_SYNC_WAREHOUSE_MAP: 'MERKEZ=Merkez Depo,DEPO=İstanbul Mağaza,MAGAZA=Ankara Mağaza', X: 'a b' };
    const script = `${exportLines(env).join('\n')}\nprintf '%s\\n%s' "$SENTOS_SYNC_WAREHOUSE_MAP" "$X"`;
    const out = execFileSync('sh', ['-c', `eval "$(cat <<'EOF'\n${script}\nEOF\n)"`], { encoding: 'utf8' });
    expect(out).toBe(`${env.SENTOS_SYNC_WAREHOUSE_MAP}\n${env.X}`);
  });
});
