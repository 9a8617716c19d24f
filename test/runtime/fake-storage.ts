/** A `Storage` for unit tests that can be told to refuse reads or writes, as browsers do. */
export class FakeStorage implements Storage {
  private items = new Map<string, string>()
  /** Throw on every read (blocked storage). */
  blockReads = false
  /** Throw on every write (blocked or full storage). */
  blockWrites = false
  /** Throw on every `setItem` only, as a full storage does (removing still works). */
  full = false

  get length(): number {
    return this.items.size
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }
  getItem(key: string): string | null {
    if (this.blockReads) throw new DOMException('The operation is insecure.', 'SecurityError')
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    if (this.blockWrites || this.full) throw new DOMException('Storage is full.', 'QuotaExceededError')
    this.items.set(key, String(value))
  }
  removeItem(key: string): void {
    if (this.blockWrites) throw new DOMException('Storage is blocked.', 'SecurityError')
    this.items.delete(key)
  }
  clear(): void {
    this.items.clear()
  }
  /** The stored value, bypassing the blocks, for assertions. */
  peek(key: string): string | null {
    return this.items.get(key) ?? null
  }
}
