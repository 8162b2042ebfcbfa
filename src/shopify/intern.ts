/**
 * One copy of what repeats across a catalog read (docs/architecture.md#memory). JSON.parse gives every line its own
 * strings and objects: at 10,000 products the 240,000 stock levels carried 240,000 copies of a handful of location
 * GIDs and as many `{ locationId, available }` objects, and each of the 80,000 variants its own option pairs. Here
 * equal values are one value: a string once, a level once per location and quantity, an option list once per
 * combination. Shared objects are frozen, so a caller that tried to change one for a single variant fails loudly
 * instead of changing every variant that holds it.
 */
import type { SelectedOption, ShopifyInventoryLevel } from './types.js';

export class CatalogInterner {
  readonly #strings = new Map<string, string>();
  readonly #levels = new Map<string, Map<number, ShopifyInventoryLevel>>();
  readonly #options = new Map<string, readonly SelectedOption[]>();
  readonly #levelLists = new Map<string, readonly ShopifyInventoryLevel[]>();

  string(value: string): string {
    const known = this.#strings.get(value);
    if (known !== undefined) return known;
    this.#strings.set(value, value);
    return value;
  }

  level(locationId: string, available: number): ShopifyInventoryLevel {
    let byQuantity = this.#levels.get(locationId);
    if (!byQuantity) this.#levels.set(locationId, (byQuantity = new Map<number, ShopifyInventoryLevel>()));
    let level = byQuantity.get(available);
    if (!level) byQuantity.set(available, (level = Object.freeze({ locationId: this.string(locationId), available })));
    return level;
  }

  /**
   * An item's levels (of `level`): one frozen list per combination of locations and quantities, of its exact length
   * (a list grown by push keeps room for 17).
   */
  levels(levels: readonly ShopifyInventoryLevel[]): readonly ShopifyInventoryLevel[] {
    let key = '';
    for (const level of levels) key += `${level.locationId}\u0000${level.available}\u0001`;
    const known = this.#levelLists.get(key);
    if (known) return known;
    const list = Object.freeze(levels.slice());
    this.#levelLists.set(key, list);
    return list;
  }

  /** A variant's options in order: one frozen list per combination (most combinations repeat across products). */
  selectedOptions(options: ReadonlyArray<{ name: string; value: string }>): readonly SelectedOption[] {
    let key = '';
    for (const option of options) key += `${option.name}\u0000${option.value}\u0001`;
    const known = this.#options.get(key);
    if (known) return known;
    const list = Object.freeze(
      options.map((o) => Object.freeze({ name: this.string(o.name), value: this.string(o.value) })),
    );
    this.#options.set(key, list);
    return list;
  }
}
