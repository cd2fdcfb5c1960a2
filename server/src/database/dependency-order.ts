/**
 * Orders tables so that every table comes after the tables its foreign keys point to (parents
 * first), keeping the given order otherwise. Self-references and cycles cannot be ordered; a table
 * in a cycle comes after the first of its parents reached, which the restore tolerates because it
 * loads with triggers (and so foreign key checks) off.
 */
export function dependencyOrder<T extends { name: string }>(
  tables: readonly T[],
  edges: ReadonlyArray<{ child: string; parent: string }>,
): T[] {
  const parents = new Map<string, string[]>(tables.map((table) => [table.name, []]));
  for (const edge of edges) if (edge.child !== edge.parent) parents.get(edge.child)?.push(edge.parent);
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: T[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name) || visiting.has(name) || !byName.has(name)) return;
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    visiting.delete(name);
    done.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const table of tables) visit(table.name);
  return ordered;
}
