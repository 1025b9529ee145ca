// Every weight the text readers use, in one named table (docs/FORMATS.md §1, scraper/readers/text/README.md).
// Row segmentation (rows.ts) scores each candidate row start by how well its first cells read as a name, a 是/否
// flag, a type …, and penalises free text that does not fit the columns; the best-scoring segmentation wins.
// Detection (flat.ts, lines.ts) says how sure a reader is that a file is its form. Changing a number here changes
// how every flattened page is cut: run `npx vitest run test/readers-text` and `npm run accuracy` after.

export const WEIGHTS = {
  // --- a cell read as a type (rows.ts typeScore) ---
  /** A type the page declares as a caption (`表5 PluginApiAttachInfo`): the strongest evidence of a row start. */
  declaredType: 2.5,
  /** A type word of the vocabulary (`String`, `Array of X objects`). */
  knownType: 2,
  /** A bare CamelCase word (`ImageRef`) the page does not declare, accepted only after a 是/否 cell. */
  bareTypeVouched: 0.5,
  /** Per extra word of a multi-word type: the longer reading (`Array of EnvInfo objects`) wins a tie. */
  typeWordBonus: 0.01,

  // --- a cell read as a name ---
  /** Any field-like word. */
  name: 1,
  /** Extra for a name the page's example JSON uses as a key. */
  nameInExamples: 2,
  /** Cost per extra word of a multi-word name (`busy circuits (TIMES)`), so one word wins whenever it fits. */
  nameExtraWord: 0.2,

  // --- other anchored cells ---
  /** `是` / `否` / `Yes` / `No`. */
  required: 2,
  /** A three-digit HTTP status. */
  status: 2,
  /** An error code such as `APIG.0101`. */
  errorCode: 2,
  /** A reason phrase standing in the code column (`Switching Protocols`). */
  reasonPhrase: 1.5,
  /** Any identifier in the code column when the table has no real error codes. */
  looseCode: 1,
  /** An HTTP method. */
  method: 2,

  // --- free text after the anchored cells (rows.ts freePenalty) ---
  /** Per token of free text in a table that has no free column. */
  freeTokenNoColumn: 2,
  /** A row with no free text at all in flat (words) mode, where a description is expected. */
  emptyFreeWords: 1.5,
  /** Per missing free cell (cells mode). */
  missingFreeCell: 1,
  /** Per extra free cell when cells may not span (cells mode). */
  extraFreeCell: 2,
  /** Per token skipped before the first row start: words mode (titles, prose) and cells mode. */
  leadingTokenWords: 0.3,
  leadingTokenCells: 1,

  // --- shares of example keys that count as evidence ---
  /** Share of a sub-table's names the examples must nest under a field for it to be that field's table. */
  subTableEvidenceShare: 0.5,
  /** Share of an example's top-level keys a body table must name to belong with that example's operation. */
  bodyKeyShare: 0.5,
} as const;

/** How sure a text reader is that a file is its form (Reader.detect), by what the text shows. */
export const DETECTION = {
  /** Markdown headings, HTML or another text form's marks: certainly not this form. */
  otherForm: 0.05,
  flat: { bulletsWithTables: 0.9, tablesWithoutBullets: 0.7, bulletsOnly: 0.3, nothing: 0.1 },
  percell: { headerOneCellPerLine: 0.9, productsdescTitle: 0.85, captionOrStatusLine: 0.5, nothing: 0.1 },
  pipe: { separatorAndRows: 0.95, rowsOnly: 0.5 },
} as const;
