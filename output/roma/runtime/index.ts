// Entry point of the runtime that every generated package ships (copied verbatim from generator/runtime/).
export type {
  ApiResponse,
  ClientOptions,
  Credentials,
  HttpMethod,
  OperationSpec,
  RequestArgs,
  RetryPolicy,
  ServiceInfo,
  ValidationIssue,
} from './types.js';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  createClient,
  decodeErrorBody,
  decodeSuccessBody,
  prepareRequest,
  serializeBody,
  RUNTIME_VERSION,
  toAsciiHeaderValue,
  type AdvancedClientOptions,
  type Client,
  type PreparedRequest,
} from './client.js';
export {
  HuaweiCloudApiError,
  NetworkError,
  RedirectError,
  RequestValidationError,
  ResponseParseError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  parseErrorBody,
  type ParsedErrorBody,
} from './errors.js';
export {
  SDK_DATE_HEADER,
  SIGNED_HEADER_POLICIES,
  SIGNING_ALGORITHM,
  buildCanonicalRequest,
  canonicalRequest,
  formatSdkDate,
  signRequest,
  stringToSign,
  type CanonicalRequestParts,
  type SignOptions,
  type SignableRequest,
  type SignedHeaderPolicy,
  type SignedHeaderPolicyName,
  type SigningCredentials,
} from './signer.js';
export {
  ClientConfigError,
  REGION_PATTERN,
  buildQueryString,
  canonicalQueryString,
  canonicalUri,
  encodeRfc3986,
  toQueryPairs,
} from './encoding.js';
export {
  DEFAULT_RETRIES,
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  isIdempotentMethod,
  isRetriableStatus,
  parseRetryAfter,
} from './retry.js';
export { MAX_PAGES, paginate, type PageStrategy } from './paginate.js';
