/**
 * Formats JSON exactly like `JSON.stringify(value, null, 2)` while recording the line on which each
 * JSON path (`$.pages[0].elements[2]`) starts, so the server's error paths can be pinned to lines.
 */
export function formatWithPaths(value: unknown): { text: string; lines: Map<string, number> } {
  const lines = new Map<string, number>();
  const out: string[] = [];
  let line = 1;
  const write = (chunk: string) => {
    out.push(chunk);
    for (const character of chunk) if (character === '\n') line += 1;
  };
  const visit = (node: unknown, path: string, indent: string): void => {
    lines.set(path, line);
    if (Array.isArray(node)) {
      if (node.length === 0) return write('[]');
      write('[\n');
      node.forEach((item: unknown, index) => {
        write(`${indent}  `);
        visit(item === undefined ? null : item, `${path}[${String(index)}]`, `${indent}  `);
        write(index < node.length - 1 ? ',\n' : '\n');
      });
      return write(`${indent}]`);
    }
    if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node).filter(([, child]) => child !== undefined);
      if (entries.length === 0) return write('{}');
      write('{\n');
      entries.forEach(([key, child], index) => {
        write(`${indent}  ${JSON.stringify(key)}: `);
        visit(child, `${path}.${key}`, `${indent}  `);
        write(index < entries.length - 1 ? ',\n' : '\n');
      });
      return write(`${indent}}`);
    }
    write(JSON.stringify(node));
  };
  visit(value, '$', '');
  return { text: out.join(''), lines };
}

/** The line of a path, or of its nearest ancestor that has one. */
export function lineOfPath(lines: Map<string, number>, path: string): number | undefined {
  let current = path;
  for (;;) {
    const found = lines.get(current);
    if (found !== undefined) return found;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return undefined;
    current = current.slice(0, cut);
  }
}
