// Bounds on a parsed document, checked before anything walks it. YAML aliases make a 5 KB file stand for 10^40
// nodes (every parser shares the aliased object, so parsing is fast; the first recursive walk is not), and a
// document nested thousands of levels deep overflows recursive walkers with a stack from a dependency. Both are
// refused with one clear message, in time proportional to the limit, never to the expansion.

/** Nodes visited when every alias is expanded (the 330 KB apig spec has about 10 000). */
export const MAX_DOCUMENT_NODES = 2_000_000;
/** Nesting levels of objects and arrays (real specs stay below 30; examples of deep payloads below 100). */
export const MAX_DOCUMENT_DEPTH = 256;
/** Alias expansions the `yaml` parser allows (yaml.stringify writes an alias per repeated object; a bomb makes 10^40). */
export const MAX_YAML_ALIASES = 100_000;
/** Bytes of one spec read from a file or from git. */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;

/**
 * Why `value` is too big or too deep to walk, or undefined when it is within bounds. Iterative (an explicit
 * stack), counting each visit, so shared (aliased) and cyclic structures are measured as a walker would see them
 * and the check stops as soon as a limit is passed.
 */
export function documentBoundsProblem(
  value: unknown,
  limits: { maxNodes: number; maxDepth: number } = { maxNodes: MAX_DOCUMENT_NODES, maxDepth: MAX_DOCUMENT_DEPTH },
): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      return `the document expands to more than ${limits.maxNodes} nodes (YAML aliases or a cycle?); limit MAX_DOCUMENT_NODES`;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limits.maxDepth) return `the document nests deeper than ${limits.maxDepth} levels; limit MAX_DOCUMENT_DEPTH`;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
      else if (++nodes > limits.maxNodes) {
        return `the document expands to more than ${limits.maxNodes} nodes (YAML aliases or a cycle?); limit MAX_DOCUMENT_NODES`;
      }
    }
  }
  return undefined;
}
