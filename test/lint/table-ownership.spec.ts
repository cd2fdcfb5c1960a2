import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One owner per table: a feature folder under server/src issues SQL only against its own tables,
 * and uses only its own entities; other features go through its service. The owner of a table is
 * the feature whose `entities/` declares it.
 */
const SERVER = join(__dirname, '..', '..', 'server', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function featureOf(path: string): string {
  return relative(SERVER, path).split('/')[0] ?? '';
}

/** table → owning feature, from every `@Entity('table')` under a feature's entities folder. */
function tableOwners(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const path of files(SERVER)) {
    for (const match of readFileSync(path, 'utf8').matchAll(/@Entity\(\s*(?:\{\s*name:\s*)?'([a-z_]+)'/g)) {
      owners.set(match[1] ?? '', featureOf(path));
    }
  }
  return owners;
}

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+(?:ONLY\s+)?"?([a-z_]+)"?/gi;
const ENTITY_IMPORT = /from\s+'\.\.\/([a-z-]+)\/entities\/[^']+'/g;

/** Every reference a feature's file makes to another feature's table or entities: `file → [table|entity:feature]`. */
function crossings(): Map<string, string[]> {
  const owners = tableOwners();
  const found = new Map<string, string[]>();
  for (const path of files(SERVER)) {
    const feature = featureOf(path);
    // Top-level files (app module, bootstrap) and the database folder (the entity registry and
    // migrations runner) belong to no feature.
    if (!path.includes('/', SERVER.length + 1 + feature.length) || feature === 'database') continue;
    const text = readFileSync(path, 'utf8');
    const refs = new Set<string>();
    for (const literal of text.match(/`[^`]*`|'[^'\n]*'|"[^"\n]*"/g) ?? []) {
      for (const match of literal.matchAll(SQL_TABLE)) {
        const table = (match[1] ?? '').toLowerCase();
        const owner = owners.get(table);
        if (owner !== undefined && owner !== feature) refs.add(table);
      }
    }
    for (const match of text.matchAll(ENTITY_IMPORT)) {
      if (match[1] !== feature) refs.add(`entities:${match[1]}`);
    }
    if (refs.size > 0) found.set(relative(SERVER, path), [...refs].sort());
  }
  return found;
}

/**
 * Crossings that predate this rule, each to be moved behind the owning feature's service. The
 * list may only shrink: a new crossing fails, and so does an entry that no longer occurs.
 */
const KNOWN_CROSSINGS: Record<string, string[]> = {
  'analysis/analysis-facts.service.ts': ['campaigns', 'responses'],
  'analysis/export.service.ts': ['entities:campaigns', 'networks', 'responses'],
  'analysis/free-text.service.ts': ['networks', 'responses'],
  'analysis/question-plans.service.ts': ['entities:surveys'],
  // The tally engine reads responses the way the fold and the scan beside it do.
  'analysis/tally.service.ts': ['entities:campaigns', 'entities:networks', 'entities:surveys', 'responses'],
  'demo/demo-seed.service.ts': [
    'campaigns',
    'invitations',
    'network_members',
    'networks',
    'responses',
    'survey_versions',
    'surveys',
  ],
};

describe('one owner per table', () => {
  it('knows the owner of every table an entity declares', () => {
    const owners = tableOwners();
    expect(owners.get('responses')).toBe('responses');
    expect(owners.get('users')).toBe('auth');
    expect(owners.get('coding_themes')).toBe('coding');
    expect(owners.size).toBeGreaterThanOrEqual(26);
  });

  it("finds no SQL or entity use of another feature's tables beyond the known crossings, and no stale entry", () => {
    expect(Object.fromEntries(crossings())).toEqual(KNOWN_CROSSINGS);
  });
});
