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
  /** A short name per level, for the keys of level lists. */
  readonly #levelIds = new Map<ShopifyInventoryLevel, string>();

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
    if (!level) {
      level = Object.freeze({ locationId: this.string(locationId), available });
      byQuantity.set(available, level);
      this.#levelIds.set(level, String(this.#levelIds.size));
    }
    return level;
  }

  /**
   * An item's levels: one frozen list per combination of locations and quantities, of its exact length (a list grown
   * by push keeps room for 17).
   */
  levels(levels: readonly ShopifyInventoryLevel[]): readonly ShopifyInventoryLevel[] {
    const shared = levels.map((level) => this.level(level.locationId, level.available));
    // Array.join makes one flat string; `+=` would keep a tree of pieces for every key in the map.
    const key = shared.map((level) => this.#levelIds.get(level)).join(',');
    const known = this.#levelLists.get(key);
    if (known) return known;
    const list = Object.freeze(shared);
    this.#levelLists.set(key, list);
    return list;
  }

  /** A variant's options in order: one frozen list per combination (most combinations repeat across products). */
  selectedOptions(options: ReadonlyArray<{ name: string; value: string }>): readonly SelectedOption[] {
    const key = options.map((o) => `${o.name}\u0000${o.value}`).join('\u0001');
    const known = this.#options.get(key);
    if (known) return known;
    const list = Object.freeze(
      options.map((o) => Object.freeze({ name: this.string(o.name), value: this.string(o.value) })),
    );
    this.#options.set(key, list);
    return list;
  }
}
