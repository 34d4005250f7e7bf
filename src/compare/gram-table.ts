/**
 * Gram key → dense term id. An open-addressing table over a Float64Array: gram keys are 50-bit
 * numbers (see gramKey), which a Map would box one by one; this keeps vectorising 2,000 tasks
 * well inside the 1,000 × 1,000 time budget.
 */
export class GramTable {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 14) {
    let n = 1;
    while (n < capacity * 2) n <<= 1;
    this.keys = new Float64Array(n).fill(-1);
    this.ids = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    for (let slot = this.hash(key); ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.ids[slot]!;
      if (k === -1) return -1;
    }
  }

  /** The id of `key`, adding it (with the next id) when new. */
  intern(key: number): number {
    for (let slot = this.hash(key); ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.ids[slot]!;
      if (k === -1) {
        this.keys[slot] = key;
        this.ids[slot] = this.size;
        if (++this.size * 2 > this.mask) this.grow();
        return this.size - 1;
      }
    }
  }

  private hash(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    return (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 7) & this.mask;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.ids = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === -1) continue;
      let slot = this.hash(k);
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = k;
      this.ids[slot] = ids[i]!;
    }
  }
}
