// Rows of a long list, fetched page by page on demand and kept for a while (the virtual list asks for
// the pages it shows). A new source (other query, sort or filters) starts a new cache.

export interface Page<T> {
  total: number;
  items: T[];
}

export class PageCache<T> {
  private pages = new Map<number, T[]>();
  private pending = new Map<number, Promise<void>>();
  private closed = false;

  constructor(
    readonly pageSize: number,
    private readonly fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
    private readonly onChange: (total: number) => void,
    private readonly maxPages = 50,
  ) {}

  /** The row at `index`, or undefined while its page is being fetched. */
  get(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Seeds a page already fetched (e.g. the first page that came with the total). */
  put(pageNumber: number, items: T[]): void {
    this.pages.set(pageNumber, items);
  }

  has(pageNumber: number): boolean {
    return this.pages.has(pageNumber);
  }

  /** Fetches the pages that are not here yet; resolves when they are. */
  async ensure(pageNumbers: number[]): Promise<void> {
    await Promise.all(pageNumbers.map((p) => this.load(p)));
  }

  /** Stops delivering answers (the list moved on to another source). */
  close(): void {
    this.closed = true;
  }

  private load(pageNumber: number): Promise<void> {
    if (this.pages.has(pageNumber)) return Promise.resolve();
    const inFlight = this.pending.get(pageNumber);
    if (inFlight) return inFlight;
    const promise = this.fetchPage(pageNumber * this.pageSize, this.pageSize)
      .then((page) => {
        if (this.closed) return;
        this.pages.set(pageNumber, page.items);
        this.evict(pageNumber);
        this.onChange(page.total);
      })
      .finally(() => this.pending.delete(pageNumber));
    this.pending.set(pageNumber, promise);
    return promise;
  }

  private evict(keep: number): void {
    if (this.pages.size <= this.maxPages) return;
    const farthest = [...this.pages.keys()].sort((a, b) => Math.abs(b - keep) - Math.abs(a - keep));
    for (const p of farthest.slice(0, this.pages.size - this.maxPages)) this.pages.delete(p);
  }
}

/** What a virtual list shows: a first page that came with the total, and how to fetch the rest. */
export interface ListSource<T> {
  /** Changes whenever the rows change (query, sort, filters, re-index). */
  key: string;
  total: number;
  firstPage: T[];
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>;
}
