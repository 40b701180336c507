/** A link that opens the article in the reader (the app registers the archive-reader: scheme). */
export function articleLink(articleId: string): string {
  return `archive-reader://article/${encodeURIComponent(articleId)}`;
}

/** The article's file relative to the archive root ('#n' of a .jsonl line dropped), URL-encoded per segment. */
export function articleFileLink(articleId: string): string {
  const path = articleId.replace(/#\d+$/, '');
  return path.split('/').map(encodeURIComponent).join('/');
}
