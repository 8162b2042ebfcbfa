/**
 * Shopify search syntax for `query:` arguments (docs/shopify-api.md#orders [V]; details [I]): whitespace-separated
 * terms are ANDed, `OR` joins neighbours, `-term` / `NOT term` negate, `field:value` with comparators `:>`, `:>=`,
 * `:<`, `:<=`, values optionally quoted with ' or ". A bare word searches the default fields. Unknown fields are
 * ignored with a warning, as Shopify reports "Invalid search field".
 */
export type Comparator = ':' | '>' | '>=' | '<' | '<=';

export interface SearchTerm {
  field: string;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** AND of OR-groups. */
export type ParsedSearch = SearchTerm[][];

export type TermMatcher<T> = (record: T, term: SearchTerm) => boolean;

export function parseSearch(query: string): ParsedSearch {
  const groups: ParsedSearch = [];
  let joinNext = false;
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    if (token === 'AND') continue;
    if (token === 'NOT') {
      negateNext = true;
      continue;
    }
    const term = parseTerm(token, negateNext);
    negateNext = false;
    const last = groups[groups.length - 1];
    if (joinNext && last) last.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  return groups;
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i += 1) {
    const char = query[i] as string;
    if (quote) {
      if (char === '\\' && i + 1 < query.length) {
        current += query[i + 1];
        i += 1;
        continue;
      }
      if (char === quote) quote = undefined;
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      continue;
    }
    if (/\s/.test(char) || char === '(' || char === ')') {
      if (current) tokens.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  if (current) tokens.push(current);
  return tokens;
}

function parseTerm(token: string, negated: boolean): SearchTerm {
  const negative = negated || (token.startsWith('-') && token.length > 1);
  const body = token.startsWith('-') ? token.slice(1) : token;
  const colon = body.indexOf(':');
  if (colon <= 0) return { field: 'default', comparator: ':', value: body, negated: negative };
  const field = body.slice(0, colon);
  const rest = body.slice(colon + 1);
  const comparator = (['>=', '<=', '>', '<'] as const).find((c) => rest.startsWith(c));
  return {
    field,
    comparator: comparator ?? ':',
    value: comparator ? rest.slice(comparator.length) : rest,
    negated: negative,
  };
}

/** Keep the records matching every group; unknown fields match everything and are reported through `warn`. */
export function filterBySearch<T>(
  records: readonly T[],
  query: string | null | undefined,
  matchers: Record<string, TermMatcher<T>>,
  warn: (field: string) => void,
): T[] {
  if (!query || !query.trim()) return [...records];
  const groups = parseSearch(query);
  for (const term of groups.flat()) if (!matchers[term.field]) warn(term.field);
  return records.filter((record) =>
    groups.every((group) =>
      group.some((term) => {
        const matcher = matchers[term.field];
        if (!matcher) return true;
        return matcher(record, term) !== term.negated;
      }),
    ),
  );
}

/** Compare a stored ISO time with a term value: ISO date/time or `now`; a bare date with `:` means that day. */
export function matchTime(stored: string | null | undefined, term: SearchTerm, nowMs: number): boolean {
  if (!stored) return false;
  const value = Date.parse(stored);
  const raw = term.value.trim();
  const target = raw === 'now' ? nowMs : Date.parse(raw);
  if (Number.isNaN(target)) return false;
  if (term.comparator === ':') return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? stored.slice(0, 10) === raw : value === target;
  return compare(value, target, term.comparator);
}

export function matchNumber(stored: number, term: SearchTerm): boolean {
  const target = Number(term.value);
  if (Number.isNaN(target)) return false;
  return term.comparator === ':' ? stored === target : compare(stored, target, term.comparator);
}

function compare(a: number, b: number, comparator: Exclude<Comparator, ':'>): boolean {
  if (comparator === '>') return a > b;
  if (comparator === '>=') return a >= b;
  if (comparator === '<') return a < b;
  return a <= b;
}

/** Case-insensitive equality against a comma-separated list of accepted values. */
export function matchAnyOf(stored: string | null | undefined, term: SearchTerm): boolean {
  if (stored === null || stored === undefined) return false;
  return term.value.split(',').some((value) => value.trim().toLowerCase() === stored.toLowerCase());
}

/** `id:` filters take the numeric id (or a gid) with comparators. */
export function matchLegacyId(legacyId: number, term: SearchTerm): boolean {
  const numeric = term.value.replace(/^gid:\/\/shopify\/[A-Za-z]+\//, '');
  return matchNumber(legacyId, { ...term, value: numeric });
}
