import { isRecord } from '@concord/shared';
import sanitizeHtml from 'sanitize-html';

/** Properties SurveyJS renders as HTML (descriptions too, once markdown or HTML rendering is on). */
const HTML_PROPERTIES = new Set(['html', 'completedHtml', 'completedBeforeHtml', 'loadingHtml', 'description']);

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2', 'span'],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'width', 'height'], '*': ['class'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
};

function clean(text: string): string {
  // Plain text is left alone so that "R&D" is not turned into "R&amp;D".
  return text.includes('<') ? sanitizeHtml(text, OPTIONS) : text;
}

function sanitizeLocalizable(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  if (isRecord(value))
    return Object.fromEntries(
      Object.entries(value).map(([locale, text]) => [locale, typeof text === 'string' ? clean(text) : text]),
    );
  return value;
}

/**
 * A copy of the definition in which every HTML-bearing string keeps only harmless markup:
 * no scripts, no event handlers, no javascript: links. Runs on every save, before hashing.
 */
export function sanitizeDefinition<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sanitizeDefinition(item)) as T;
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] = HTML_PROPERTIES.has(key) ? sanitizeLocalizable(child) : sanitizeDefinition(child);
  }
  return result as T;
}
