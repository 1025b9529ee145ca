// JSON value types and the plain-object guard, apart from load.ts so that modules which only read a parsed
// document (the generator model, the diff's surface rules) do not load Redocly with it.

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const isPlainObject = (value: JsonValue | undefined): value is JsonObject =>
  !!value && typeof value === 'object' && !Array.isArray(value);
