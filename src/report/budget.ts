/**
 * Size budgets for text GitHub limits (review body: 65,536 characters; job summary: 1 MiB).
 * Output is built from whole blocks (a list item with its fenced diff, a table row); a block is
 * added only when it fits, so text is never cut inside a fence, and room is kept for the notes
 * that say what was left out.
 */

/** How a budget measures text: UTF-16 code units (`chars`, GitHub's character limits) or UTF-8 bytes. */
export type BudgetUnit = 'chars' | 'bytes';

/** The size of `text` in `unit`. */
export function sizeOf(text: string, unit: BudgetUnit): number {
  return unit === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}

/**
 * Collects blocks while they fit in `limit` minus `reserve` (kept for closing notes and
 * markers). Once one block does not fit, later blocks are refused too (order is kept, so a
 * list is cut at one place) and counted in `dropped`.
 */
export class TextBudget {
  private readonly parts: string[] = [];
  private used = 0;
  private full = false;
  /** Blocks refused because they did not fit. */
  dropped = 0;

  constructor(
    readonly limit: number,
    readonly unit: BudgetUnit,
    readonly reserve = 0,
  ) {}

  /** Add `block` if it fits (and no earlier block was refused); returns whether it was added. */
  add(block: string): boolean {
    const size = sizeOf(block, this.unit);
    if (this.full || this.used + size > this.limit - this.reserve) {
      this.full = true;
      this.dropped++;
      return false;
    }
    this.parts.push(block);
    this.used += size;
    return true;
  }

  /** Add `block` even past the reserve (closing notes); it must still fit in `limit`. */
  addFinal(block: string): boolean {
    const size = sizeOf(block, this.unit);
    if (this.used + size > this.limit) return false;
    this.parts.push(block);
    this.used += size;
    return true;
  }

  /** Refuse every later {@link add} (as if a block had not fit). */
  stop(): void {
    this.full = true;
  }

  /** True once a block was refused. */
  get truncated(): boolean {
    return this.full;
  }

  /** The size used so far, in the budget's unit. */
  get size(): number {
    return this.used;
  }

  /** The blocks added, concatenated. */
  toString(): string {
    return this.parts.join('');
  }
}
