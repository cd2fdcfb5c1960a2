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

/** A relation an entity declares to an entity of another feature, which a join through it reads. */
interface CrossRelation {
  feature: string;
  entity: string;
  property: string;
  table: string;
}

const RELATION_DECORATOR = /@(?:ManyToOne|OneToOne|OneToMany|ManyToMany)\(\s*(?:\(\)\s*=>\s*(\w+)|'(\w+)')/;

/**
 * Every relation property of an entity whose target belongs to another feature (Invitation.member
 * → network_members). The SQL and import checks cannot see a join through one: the query names
 * only `invitation.member`.
 */
function crossRelations(): CrossRelation[] {
  const owners = tableOwners();
  const tableOf = new Map<string, string>();
  const declared: Array<{ feature: string; entity: string; property: string; target: string }> = [];
  for (const path of files(SERVER).filter((file) => file.includes('/entities/'))) {
    let table: string | null = null;
    let entity: string | null = null;
    let target: string | null = null;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const entityMatch = /@Entity\(\s*(?:\{\s*name:\s*)?'([a-z_]+)'/.exec(line);
      if (entityMatch !== null) table = entityMatch[1] ?? null;
      const classMatch = /export class (\w+)/.exec(line);
      if (classMatch !== null) {
        entity = classMatch[1] ?? null;
        if (entity !== null && table !== null) tableOf.set(entity, table);
        table = null;
        continue;
      }
      const relation = RELATION_DECORATOR.exec(line);
      if (relation !== null) {
        target = relation[1] ?? relation[2] ?? null;
        continue;
      }
      const property = /^\s*(?:readonly\s+)?(\w+)[?!]?\s*:/.exec(line);
      if (target !== null && entity !== null && property !== null && !line.trim().startsWith('@')) {
        declared.push({ feature: featureOf(path), entity, property: property[1] ?? '', target });
        target = null;
      }
    }
  }
  return declared.flatMap(({ feature, entity, property, target }) => {
    const table = tableOf.get(target);
    if (table === undefined) throw new Error(`${entity}.${property} relates to ${target}, which declares no table`);
    return owners.get(table) === feature ? [] : [{ feature, entity, property, table }];
  });
}

/** Relation properties a file joins or loads: query-builder joins (`'alias.property'`) and find options' `relations`. */
function relationsUsed(text: string): Set<string> {
  const used = new Set<string>();
  for (const match of text.matchAll(/Join(?:AndSelect|AndMap\w*)?\(\s*'\w+\.(\w+)'/g)) used.add(match[1] ?? '');
  for (const match of text.matchAll(/relations:\s*\{([^}]*)\}/g)) {
    for (const key of (match[1] ?? '').matchAll(/(\w+)\s*:/g)) used.add(key[1] ?? '');
  }
  for (const match of text.matchAll(/relations:\s*\[([^\]]*)\]/g)) {
    for (const key of (match[1] ?? '').matchAll(/'(\w+)'/g)) used.add(key[1] ?? '');
  }
  return used;
}

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s+(?:ONLY\s+)?"?([a-z_]+)"?/gi;
const ENTITY_IMPORT = /from\s+'\.\.\/([a-z-]+)\/entities\/[^']+'/g;

/** Every reference a feature's file makes to another feature's table or entities: `file → [table|entity:feature]`. */
function crossings(): Map<string, string[]> {
  const owners = tableOwners();
  const relations = crossRelations();
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
    // A join through one of this feature's entities into another feature's table, known by the
    // property name alone (aliases are not resolved): a same-named relation inside the feature
    // would be reported too, so the check may over-report but never misses one.
    const used = relationsUsed(text);
    for (const relation of relations) {
      if (relation.feature === feature && used.has(relation.property)) {
        refs.add(`relation:${relation.entity}.${relation.property}`);
      }
    }
    if (refs.size > 0) found.set(relative(SERVER, path), [...refs].sort());
  }
  return found;
}

describe('one owner per table', () => {
  it('knows the owner of every table an entity declares', () => {
    const owners = tableOwners();
    expect(owners.get('responses')).toBe('responses');
    expect(owners.get('users')).toBe('auth');
    expect(owners.get('coding_themes')).toBe('coding');
    expect(owners.size).toBeGreaterThanOrEqual(26);
  });

  it('knows the relations entities declare into other features', () => {
    const relations = crossRelations();
    expect(relations).toContainEqual({
      feature: 'campaigns',
      entity: 'Invitation',
      property: 'member',
      table: 'network_members',
    });
    expect(relations).toContainEqual({ feature: 'coding', entity: 'AnswerCoding', property: 'coder', table: 'users' });
    // Relations inside one feature are no crossing.
    expect(relations.some((relation) => relation.entity === 'Session')).toBe(false);
    expect(relations.some((relation) => relation.entity === 'Invitation' && relation.property === 'campaign')).toBe(
      false,
    );
  });

  it('sees joins and loaded relations by their property name', () => {
    const text = [
      ".createQueryBuilder('invitation').innerJoinAndSelect('invitation.campaign', 'campaign')",
      ".leftJoin( 'invitation.member', 'member')",
      'findOne(Reset, { relations: { user: true } })',
      "find(Theme, { relations: ['survey', 'parent'] })",
    ].join('\n');
    expect([...relationsUsed(text)].sort()).toEqual(['campaign', 'member', 'parent', 'survey', 'user']);
  });

  it("finds no SQL or entity use of another feature's tables in any feature", () => {
    expect(Object.fromEntries(crossings())).toEqual({});
  });
});
