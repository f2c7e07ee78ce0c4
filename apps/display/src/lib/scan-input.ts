/** Keys of a reader used as a keyboard come closer than this; a person's are farther apart. */
export const SCAN_GAP_MS = 50;

/**
 * A barcode or QR reader plugged in as a keyboard types a whole code in a few milliseconds per
 * character and ends with Enter; a person types far slower. Keys closer than `gapMs` make one burst.
 */
export class ScanBuffer {
  #chars = '';
  #last = -Infinity;

  constructor(private readonly gapMs = SCAN_GAP_MS, private readonly minLength = 8) {}

  /** A printable character; true when it continues a burst (so it is not a person's key). */
  push(char: string, at: number): boolean {
    const continues = at - this.#last <= this.gapMs && this.#chars.length > 0;
    this.#chars = continues ? this.#chars + char : char;
    this.#last = at;
    return continues;
  }

  /** Enter: the scanned text when a fast burst of enough characters just ended, else null. */
  enter(at: number): string | null {
    const text = at - this.#last <= this.gapMs && this.#chars.length >= this.minLength ? this.#chars : null;
    this.clear();
    return text;
  }

  clear(): void {
    this.#chars = '';
    this.#last = -Infinity;
  }
}
