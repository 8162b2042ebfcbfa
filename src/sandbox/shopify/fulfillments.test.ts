import { afterEach, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './test-client.js';

let sim: ShopifySimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const READ = `query R($id: ID!) { order(id: $id) {
  displayFulfillmentStatus
  fulfillments { trackingInfo { company number url } totalQuantity location { name } }
  fulfillmentOrders(first: 5) { nodes { id status assignedLocation { location { name } }
    lineItems(first: 10) { nodes { id remainingQuantity totalQuantity lineItem { sku } } } } }
} }`;
const CREATE = `mutation C($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) {
  fulfillment { id status trackingInfo { company number url } } userErrors { field message } } }`;

/** Two products stocked at every location, and an order whose second line ships from İstanbul Mağaza. */
async function splitOrder() {
  sim = await startShopifySimulator({ orders: 0 });
  const locations = sim.state.locations;
  for (const sku of ['KUPA-1', 'TABAK-1']) {
    const input = {
      title: sku,
      productOptions: [{ name: 'Title', values: [{ name: 'Default Title' }] }],
      variants: [
        {
          sku,
          price: '100.00',
          inventoryItem: { tracked: true },
          optionValues: [{ optionName: 'Title', name: 'Default Title' }],
          inventoryQuantities: locations.map((l) => ({ locationId: l.id, name: 'available', quantity: 10 })),
        },
      ],
    };
    await gql(sim, 'mutation P($input: ProductSetInput!) { productSet(input: $input) { userErrors { message } } }', {
      input,
    });
  }
  const order = sim.state.placeOrder({
    locationId: 'Merkez Depo',
    lines: [
      { sku: 'KUPA-1', quantity: 2 },
      { sku: 'TABAK-1', quantity: 1, locationId: 'İstanbul Mağaza' },
    ],
  });
  const read = async () => (await gql(sim!, READ, { id: order.id })).body.data.order;
  return { order, read };
}

describe('fulfilment orders and fulfillmentCreate', () => {
  it('an order splits into one open fulfilment order per location', async () => {
    const { read } = await splitOrder();
    const order = await read();
    expect(order.displayFulfillmentStatus).toBe('UNFULFILLED');
    expect(
      order.fulfillmentOrders.nodes.map((fo: any) => [
        fo.status,
        fo.assignedLocation.location.name,
        fo.lineItems.nodes.map((l: any) => [l.lineItem.sku, l.remainingQuantity]),
      ]),
    ).toEqual([
      ['OPEN', 'Merkez Depo', [['KUPA-1', 2]]],
      ['OPEN', 'İstanbul Mağaza', [['TABAK-1', 1]]],
    ]);
  });

  it('fulfils one location with tracking: partly fulfilled, committed stock leaves, customer notified', async () => {
    const { order, read } = await splitOrder();
    const [merkez] = (await read()).fulfillmentOrders.nodes;
    expect(sim!.state.levels('KUPA-1').find((l) => l.locationName === 'Merkez Depo')?.committed).toBe(2);
    const created = await gql(sim!, CREATE, {
      f: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: merkez.id }],
        notifyCustomer: true,
        trackingInfo: { company: 'Aras Kargo', number: 'AR1', url: 'https://kargotakip.araskargo.com.tr/?code=AR1' },
      },
    });
    expect(created.body.data.fulfillmentCreate).toMatchObject({
      fulfillment: { status: 'SUCCESS', trackingInfo: [{ company: 'Aras Kargo', number: 'AR1' }] },
      userErrors: [],
    });
    const after = await read();
    expect(after.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(after.fulfillmentOrders.nodes.map((fo: any) => fo.status)).toEqual(['CLOSED', 'OPEN']);
    expect(after.fulfillments).toEqual([
      {
        trackingInfo: [{ company: 'Aras Kargo', number: 'AR1', url: 'https://kargotakip.araskargo.com.tr/?code=AR1' }],
        totalQuantity: 2,
        location: { name: 'Merkez Depo' },
      },
    ]);
    expect(order.fulfillments[0]?.notifyCustomer).toBe(true);
    expect(sim!.state.levels('KUPA-1').find((l) => l.locationName === 'Merkez Depo')?.committed).toBe(0);
  });

  it.each([
    ['a closed fulfilment order', 'closed'],
    ['two locations in one call', 'two'],
    ['more than remains', 'quantity'],
    ['a url without a number', 'url'],
  ])('refuses %s with a userError and applies nothing', async (_name, kind) => {
    const { order, read } = await splitOrder();
    const [merkez, istanbul] = (await read()).fulfillmentOrders.nodes;
    if (kind === 'closed')
      await gql(sim!, CREATE, { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: merkez.id }] } });
    const before = order.fulfillments.length;
    const byKind: Record<string, unknown> = {
      closed: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: merkez.id }] },
      two: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: merkez.id }, { fulfillmentOrderId: istanbul.id }] },
      quantity: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: merkez.id,
            fulfillmentOrderLineItems: [{ id: merkez.lineItems.nodes[0].id, quantity: 3 }],
          },
        ],
      },
      url: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: merkez.id }],
        trackingInfo: { url: 'https://t.example/1' },
      },
    };
    const answer = (await gql(sim!, CREATE, { f: byKind[kind] })).body.data.fulfillmentCreate;
    expect(answer.fulfillment).toBeNull();
    expect(answer.userErrors).toHaveLength(1);
    expect(order.fulfillments).toHaveLength(before);
  });
});
