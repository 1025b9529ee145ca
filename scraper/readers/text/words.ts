// Words and patterns specific to the flattened text forms (flat, percell, pipe), as data.
// Everything shared with the other readers (headings, captions, columns, required flags, types) lives in
// scraper/vocab.ts and scraper/interpret/types.ts; this file only holds what the text renderings add:
// status-line phrasings, the traditional-Chinese mirror's characters, token shapes used to find row starts.

import {
  columnRole,
  foldWidth,
  HTTP_METHODS as METHODS,
  normalizeWord,
  parseRequired,
  SECTION_HEADINGS,
  type ColumnRole,
} from '../../vocab.ts';
import type { SectionKind } from '../../model.ts';

/**
 * The traditional-Chinese mirror (FORMATS.md §9.15) writes `參數(shù)` for 参数: traditional characters plus a
 * pinyin annotation in parentheses. Folded to simplified only when a word is looked up in a vocabulary, never in
 * cell text (the page's own text is kept as written).
 */
const TRADITIONAL: Record<string, string> = {
  參: '参',
  數: '数',
  類: '类',
  選: '选',
  請: '请',
  響: '响',
  應: '应',
  徑: '径',
  說: '说',
  狀: '状',
  態: '态',
  碼: '码',
  錯: '错',
  誤: '误',
  處: '处',
  術: '术',
  資: '资',
  訊: '讯',
  體: '体',
  頭: '头',
  調: '调',
  試: '试',
  紹: '绍',
  約: '约',
  範: '范',
  圍: '围',
  預: '预',
  設: '设',
  與: '与',
  權: '权',
  聯: '联',
  號: '号',
  點: '点',
  節: '节',
  項: '项',
  單: '单',
  為: '为',
  時: '时',
  無: '无',
  長: '长',
  認: '认',
  證: '证',
  標: '标',
  據: '据',
  識: '识',
  創: '创',
};

/** Pinyin annotations of the mojibake mirror: `數(shù)` → `數`. */
const PINYIN_NOTE = /\((?:[a-zàáǎèéěìíǐòóǒùúǔǖǘǚǜüāēīōū]{1,6})\)/g;

const TRADITIONAL_CHAR = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

/** Traditional → simplified, character for character (lengths and offsets kept): `狀態碼: 200` → `状态码: 200`. */
export function foldTraditional(text: string): string {
  return text.replace(TRADITIONAL_CHAR, (ch) => TRADITIONAL[ch]!);
}

/** The mirror's spelling undone (pinyin notes dropped, traditional → simplified), width and case kept. */
function foldMirror(text: string): string {
  return foldTraditional(text.replace(PINYIN_NOTE, ''));
}

/** A word as the vocabularies expect it: width folded, mirror annotations dropped, traditional → simplified. */
export function vocabKey(text: string): string {
  return normalizeWord(foldMirror(foldWidth(text)));
}

/**
 * A header, caption or heading word as the page should hand it on: unchanged, unless only the mirror fold makes
 * the vocabulary know it (`參數(shù)類型` → `参数类型`, `路徑參數(shù)` → `路径参数`). The interpreter looks these words
 * up in the same vocabularies without the fold, so a mirror page would otherwise lose its column and table roles.
 * Cell text is never folded.
 */
export function vocabularyWord(text: string, known: (word: string) => boolean): string {
  if (known(text)) return text;
  const folded = foldMirror(text);
  return folded !== text && known(folded) ? folded : text;
}

/** Section kind of a heading word, or undefined when it is not a heading. */
export function headingKind(word: string): SectionKind | undefined {
  return SECTION_HEADINGS[vocabKey(word)];
}

/**
 * Headings that end a longer first word: `服务集成API错误码`, `上行响应示例`. Only CJK headings of two or more
 * characters are tried, longest first, so `API错误码` is an error-code bullet but `Request` inside `XRequest` is not.
 */
const SUFFIX_HEADINGS = Object.keys(SECTION_HEADINGS)
  .filter((h) => /^[\u4e00-\u9fff]{2,}$/.test(h))
  .sort((a, b) => b.length - a.length);

export function headingKindBySuffix(word: string): SectionKind | undefined {
  const key = vocabKey(word);
  const suffix = SUFFIX_HEADINGS.find((h) => key.endsWith(h) && key.length > h.length);
  return suffix ? SECTION_HEADINGS[suffix] : undefined;
}

/** Column role of a header word, through the mirror fold. */
export function textColumnRole(word: string): ColumnRole | undefined {
  return columnRole(word) ?? columnRole(vocabKey(word));
}

// ---------------------------------------------------------------------------------------------------------------
// Status lines (FORMATS.md §2, §7): `状态码: 200`, `状态码:200`, `状态码为 200 时:`, `返回状态码为201:…`,
// `Status code: 200`. Each pattern captures the code; the rest of the line is free text.

const STATUS_LINE_PATTERNS: RegExp[] = [
  /^(?:返回)?状态码\s*[:：为]\s*([1-5]\d\d)\s*(?:时\s*[:：]?|[:：])?/,
  /^status\s*code\s*[:：]\s*([1-5]\d\d)\b/i,
];

/** The status code that a line or token sequence starts with, and how many characters the phrase took. */
export function statusPrefix(text: string): { status: string; length: number } | undefined {
  const folded = foldTraditional(foldWidth(text));
  for (const pattern of STATUS_LINE_PATTERNS) {
    const m = folded.match(pattern);
    if (m) return { status: m[1]!, length: m[0].length };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Table captions: `表3 请求Body参数`, `Table 3 Request body parameters`.

export const CAPTION_MARK = /^(?:表|Table\s*)(\d+)$/i;
/** A caption mark glued to its caption on one line (percell/pipe): `表3 请求Body参数`, `表1 错误码`. */
export const CAPTION_LINE = /^(?:表|Table\s+)(\d+)\s*(.*)$/i;

/**
 * Captions that flat text writes without a `表N` mark, right before a header row (`data出参 参数 类型 描述`,
 * flat/023.txt): recognised by these endings only.
 */
export const UNNUMBERED_CAPTION_ENDINGS = ['出参', '入参', '参数', '参数说明', '字段说明', '对象', '说明'];

// ---------------------------------------------------------------------------------------------------------------
// Token shapes used to find where a row starts.

/**
 * A field name: identifier-like, with the `.`, `$`, `@`, `:`, `#`, `-`, `[]` that real names carry (`@modelarts:color`,
 * FORMATS.md §9.7), a name that starts with digits but holds a letter (`10.xx.xx.xx#0`), or a lone `-`. A bare number
 * is never a name.
 */
export const FIELD_NAME = /^(?:[A-Za-z_$@][\w.$@:#\-[\]]*|\d[\d.]*[A-Za-z_][\w.$@:#\-[\]]*|-)$/;
/** Extra words of a multi-word name (`busy circuits (TIMES)`, FORMATS.md §9.7): letters, digits, parentheses. */
export const NAME_CONTINUATION = /^[A-Za-z0-9()]+$/;
export const HTTP_METHODS: ReadonlySet<string> = new Set(METHODS);
export const STATUS_CODE = /^[1-5]\d\d$/;
/** Service error codes: `APIG.2012`, `EDS.00011001`, `SCB.00000000`, `CBC.0101`, `IAM.0001`. */
export const ERROR_CODE = /^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*[._-]\d+$/;

/**
 * HTTP reason phrases (RFC 9110 and the older RFC 2616 spellings), lower-cased: in a status-code table whose second
 * column is `编码` (`状态码 编码 错误码说明`, flat/027.txt) the code cell is the phrase, often several words
 * (`101 Switching Protocols 切换协议。…`), and flat text has no cell boundary to say where it ends.
 */
export const REASON_PHRASES: ReadonlySet<string> = new Set(
  [
    'Continue',
    'Switching Protocols',
    'Processing',
    'Early Hints',
    'OK',
    'Created',
    'Accepted',
    'Non-Authoritative Information',
    'No Content',
    'Reset Content',
    'Partial Content',
    'Multi-Status',
    'Already Reported',
    'IM Used',
    'Multiple Choices',
    'Moved Permanently',
    'Found',
    'Moved Temporarily',
    'See Other',
    'Not Modified',
    'Use Proxy',
    'Temporary Redirect',
    'Permanent Redirect',
    'Bad Request',
    'Unauthorized',
    'Payment Required',
    'Forbidden',
    'Not Found',
    'Method Not Allowed',
    'Not Acceptable',
    'Proxy Authentication Required',
    'Request Timeout',
    'Request Time-out',
    'Conflict',
    'Gone',
    'Length Required',
    'Precondition Failed',
    'Request Entity Too Large',
    'Payload Too Large',
    'Content Too Large',
    'Request-URI Too Large',
    'Request-URI Too Long',
    'URI Too Long',
    'Unsupported Media Type',
    'Requested Range Not Satisfiable',
    'Range Not Satisfiable',
    'Expectation Failed',
    "I'm a teapot",
    'Misdirected Request',
    'Unprocessable Entity',
    'Unprocessable Content',
    'Locked',
    'Failed Dependency',
    'Too Early',
    'Upgrade Required',
    'Precondition Required',
    'Too Many Requests',
    'Request Header Fields Too Large',
    'Unavailable For Legal Reasons',
    'Internal Server Error',
    'Not Implemented',
    'Bad Gateway',
    'Service Unavailable',
    'Gateway Timeout',
    'Gateway Time-out',
    'HTTP Version Not Supported',
    'Variant Also Negotiates',
    'Insufficient Storage',
    'Loop Detected',
    'Not Extended',
    'Network Authentication Required',
  ].map((p) => p.toLowerCase()),
);

/** Free-text columns: everything that is not matched by a token shape. */
export const ANCHORED_ROLES: ReadonlySet<ColumnRole> = new Set([
  'name',
  'required',
  'type',
  'status',
  'code',
  'method',
]);

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const CJK_SENTENCE_END = /[。！？；]$/;

/** Bullet markers of aggregation pages: `  • ` at the start of a line, or a line holding only `-`. */
export const DOT_BULLET = /^\s*•\s+/;
export const DASH_BULLET_LINE = /^-$/;

/** Page chrome lines that are never content (support pages, productsdesc pages, search pages). */
const CHROME_LINES: RegExp[] = [
  /^#\s*(?:url|source|variant):/,
  /^更新时间[:：]/,
  /^时间[:：]\d/,
  /^分享$/,
  /^文档首页\s*\//,
  /^检测到您已登录/,
  /^不再显示此消息$/,
  /^华为云用户手册$/,
  /^云服务器内容精选$/,
  /^共\d+条$/,
  /^父主题[:：]/,
];

export function isChromeLine(line: string): boolean {
  const t = line.trim();
  return CHROME_LINES.some((p) => p.test(t));
}

/** A bare source link that productsdesc pages end with: `support.huaweicloud.com/api-roma/X.html`. */
export const SOURCE_LINK = /^(?:https?:\/\/)?support\.huaweicloud\.com\/\S+\.html?$/;

/** A request line of an example: `POST https://{endpoint}/v2/…`, `DELETE  https://…`, `GET /v1/…`. */
export const REQUEST_LINE = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\S+)/;

/**
 * Whether a cell is a required-flag word that vocab.parseRequired reads. parseRequired alone accepts any word that
 * starts with `no`/`yes` (`nodeList` → false), which would make a field name look like a 是/否 cell; this guard also
 * asks for the flag word itself (`是`, `否,单选`, `Yes`, `No This parameter is…`, `True`).
 */
export function isRequiredWord(text: string): boolean {
  const t = foldWidth(text).trim();
  const flagWord =
    /^(?:是|否|必选|可选|必填|选填|非必选|必選|可選)(?![\u4e00-\u9fff])|^(?:是|否)[,，]/.test(t) ||
    /^(?:yes|no|true|false|mandatory|optional|required|[YNMO])(?![A-Za-z0-9_])/i.test(t);
  return flagWord && parseRequired(text) !== undefined;
}

/** The page text without the `# url:` / `# source:` lines that saved pages start with (they are not headings). */
export function withoutMetaLines(text: string): string {
  return text.replace(/^#\s*(?:url|source|variant):.*$/gm, '');
}
