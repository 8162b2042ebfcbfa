import { afterEach, describe, expect, it } from 'vitest';
import { startSentosSimulator, type SentosSimulator } from '../../src/sandbox/sentos/index.js';
import { createSentosClient } from '../../src/sentos/index.js';
import { RequestStats } from '../../src/core/request-stats.js';

const sims: SentosSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

describe('Sentos auth detection against the simulator, one method accepted at a time', () => {
  it.each(['basic', 'headers', 'bearer', 'token'] as const)(
    'finds %s, remembers it, and then reads with it',
    async (method) => {
      const sim = await startSentosSimulator({ products: 3, acceptAuth: method });
      sims.push(sim);
      const stats = new RequestStats();
      const client = createSentosClient({ baseUrl: sim.url, apiKey: sim.apiKey, apiSecret: sim.apiSecret, stats });
      await expect(client.detectAuth()).resolves.toBe(method);
      expect(client.authMethod).toBe(method);
      const probes = stats.snapshot().sentos.reads;
      const warehouses = await client.listWarehouses();
      expect(warehouses.length).toBeGreaterThan(0);
      // No second detection: exactly one more request.
      expect(stats.snapshot().sentos.reads).toBe(probes + 1);
      expect(sim.stats().unauthorized).toBe(['basic', 'headers', 'bearer', 'token'].indexOf(method));
    },
  );
});
