// Public surface of the semantic OpenAPI diff.
export { diffDocuments, sortHits } from './engine.ts';
export { exceedsThreshold, formatReport, formatRules, summaryLine, FORMATS, type Format } from './format.ts';
export { loadDocument, parseDocument, DiffInputError } from './load.ts';
export { RULES, type Rule } from './rules.ts';
export { LEVELS, type DiffReport, type Hit, type Level } from './types.ts';
