/**
 * What no request may carry, whatever its schema says: NUL (PostgreSQL text cannot hold it) and the other C0
 * control characters but tab, line feed and carriage return, nesting deeper than a document needs, and
 * arrays longer than any route takes. Free-text parts (scraped job descriptions) are cleaned instead of
 * refused: their control characters are removed, since a scraped page carrying one is common and harmless.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL_CHARACTERS_GLOBAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const MAX_NESTING_DEPTH = 32;
export const MAX_ARRAY_ITEMS = 10_000;

export interface InputProblem {
  field: string;
  message: string;
}

export interface InputSafetyOptions {
  /** Field paths (dot-separated, e.g. `body.jobs`) under which control characters are removed, not refused. */
  freeText?: readonly string[];
  maxDepth?: number;
  maxArrayItems?: number;
}

const describeCharacter = (text: string) => {
  const code = text.match(CONTROL_CHARACTERS)![0].codePointAt(0)!;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/**
 * Checks a parsed request part without recursion (a hostile body may be nested thousands deep). Returns the
 * problems found, at most one per field and at most 20; strings under a free-text path are cleaned in place.
 */
export function checkInputSafety(
  root: unknown,
  rootName: string,
  options: InputSafetyOptions = {},
): InputProblem[] {
  const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
  const maxItems = options.maxArrayItems ?? MAX_ARRAY_ITEMS;
  const freeText = options.freeText ?? [];
  const problems: InputProblem[] = [];
  if (typeof root === 'string' && CONTROL_CHARACTERS.test(root) && !freeText.includes(rootName)) {
    return [{ field: rootName, message: `contains the control character ${describeCharacter(root)}` }];
  }
  const stack: { value: unknown; path: string; depth: number; free: boolean }[] = [
    { value: root, path: rootName, depth: 0, free: freeText.includes(rootName) },
  ];
  while (stack.length > 0 && problems.length < 20) {
    const { value, path, depth, free } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      problems.push({ field: path, message: `is nested deeper than ${maxDepth} levels` });
      continue;
    }
    if (Array.isArray(value) && value.length > maxItems) {
      problems.push({ field: path, message: `has more than ${maxItems} items` });
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = `${path}.${key}`;
      const childFree = free || freeText.includes(childPath);
      if (CONTROL_CHARACTERS.test(key)) {
        problems.push({
          field: path,
          message: `has a key with the control character ${describeCharacter(key)}`,
        });
      } else if (typeof child === 'string' && CONTROL_CHARACTERS.test(child)) {
        if (childFree) (value as Record<string, unknown>)[key] = child.replace(CONTROL_CHARACTERS_GLOBAL, '');
        else
          problems.push({
            field: childPath,
            message: `contains the control character ${describeCharacter(child)}`,
          });
      } else if (child !== null && typeof child === 'object') {
        stack.push({ value: child, path: childPath, depth: depth + 1, free: childFree });
      }
    }
  }
  return problems;
}
