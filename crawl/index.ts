// Programmatic API of the crawler: `crawl(urls, options)` saves a doc set into a folder for the scraper.
export { crawl, CrawlUsageError, DEFAULTS, normalizeStartUrls } from './crawler.ts';
export { MANIFEST_FILE, renderManifest, type Manifest } from './manifest.ts';
export { STATE_FILE } from './state.ts';
export { fileNameForUrl, isInScope, scopeOf, normalizeUrl } from './urls.ts';
export { createProgressReporter, formatSummary } from './progress.ts';
export { systemClock } from './clock.ts';
export type { Clock, CrawlEvent, CrawlFailure, CrawlOptions, CrawlSummary, ManifestPage, PageSource } from './types.ts';
