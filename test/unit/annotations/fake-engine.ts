import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchiveStatus, Article, ArticleView, EngineApi, EntitySpan, SearchResult } from '../../../src/api.js';
import { analyze } from '../../../src/analysis/analyzer.js';

/**
 * An in-memory stand-in for ArchiveEngine: articles given by the test, the real Arabic analyzer, a search that
 * returns no article hits, and automatic entities given per article. The archive root is a fresh temp folder.
 */
export class FakeEngine implements EngineApi {
  readonly root: string;
  readonly articles = new Map<string, Article>();
  readonly entities = new Map<string, EntitySpan[]>();

  constructor(root = mkdtempSync(join(tmpdir(), 'annotations-'))) {
    this.root = root;
  }

  addArticle(id: string, text: string, title = id, entities: EntitySpan[] = []): void {
    this.articles.set(id, { id, title, text, tags: [], bytes: Buffer.byteLength(text), format: 'txt' });
    this.entities.set(id, entities);
  }

  async openArchive(): Promise<ArchiveStatus> {
    return this.getStatus();
  }
  async getStatus(): Promise<ArchiveStatus> {
    return { root: this.root, articles: this.articles.size, progress: { phase: 'done', done: 0, total: 0 }, failed: [] };
  }
  async reindex() {
    return { articles: this.articles.size, indexed: 0, unchanged: 0, removed: 0, failed: [], ms: 0 };
  }
  async cancelIndexing() {}
  async listArticles() {
    return { total: this.articles.size, items: [...this.articles.values()], facets: { source: {}, year: {}, names: [] } };
  }
  async getArticle(req: { id: string }): Promise<ArticleView> {
    const article = this.articles.get(req.id);
    if (!article) throw new Error(`no article ${req.id}`);
    return { ...article, entities: this.entities.get(req.id) ?? [], hits: [] };
  }
  async search(): Promise<SearchResult> {
    return { total: 0, fullMatches: 0, hits: [], facets: { source: {}, year: {}, names: [] } };
  }
  async topEntities() {
    return [];
  }
  async analyze(req: { text: string }) {
    return analyze(req.text);
  }
}
