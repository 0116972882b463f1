/**
 * Reading FHIR JSON as it arrives: untyped, from any system. These accessors never throw;
 * a missing or oddly shaped element reads as null or empty, and the mapping decides whether
 * that is an error, a warning or nothing.
 */
export type FhirObject = Record<string, unknown>;

export function isObject(value: unknown): value is FhirObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A trimmed, non-empty string, or null. */
export function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed : null;
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function objectsOf(value: unknown): FhirObject[] {
  return arrayOf(value).filter(isObject);
}

export interface Coding {
  system: string | null;
  code: string | null;
  display: string | null;
}

export function codingsOf(concept: unknown): Coding[] {
  if (!isObject(concept)) return [];
  return objectsOf(concept['coding']).map((coding) => ({
    system: textOf(coding['system']),
    code: textOf(coding['code']),
    display: textOf(coding['display']),
  }));
}

/** What a person would read for a CodeableConcept: its text, else a coding's display, else a code. */
export function conceptText(concept: unknown): string | null {
  if (!isObject(concept)) return null;
  const codings = codingsOf(concept);
  return (
    textOf(concept['text']) ??
    codings.find((coding) => coding.display)?.display ??
    codings.find((coding) => coding.code)?.code ??
    null
  );
}

/** The first code of a concept as `system|code`, preferring the given system (e.g. LOINC). */
export function conceptCode(concept: unknown, preferredSystem?: string): string | null {
  const codings = codingsOf(concept).filter((coding) => coding.code);
  const chosen =
    codings.find((coding) => preferredSystem && coding.system === preferredSystem) ?? codings[0];
  return chosen ? `${chosen.system ?? ''}|${chosen.code}` : null;
}

/** The code of the first coding of a concept, e.g. a status like `active`. */
export function firstCode(concept: unknown): string | null {
  return codingsOf(concept).find((coding) => coding.code)?.code ?? null;
}

/** Cuts text to a column's limit, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Joins the present parts of a description, leaving out nulls and repeats. */
export function joinParts(
  parts: Array<string | null | undefined>,
  separator = '; ',
): string | null {
  const seen = new Set<string>();
  const kept = parts.filter((part): part is string => {
    if (!part || seen.has(part)) return false;
    seen.add(part);
    return true;
  });
  return kept.length ? kept.join(separator) : null;
}

/**
 * Narrative XHTML as plain text: block ends become line breaks, tags and entities go. Enough
 * for a therapist to read a section of another clinician's note; the original is kept too.
 */
export function narrativeText(xhtml: unknown): string | null {
  if (typeof xhtml !== 'string') return null;
  const text = xhtml
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d{1,7});/g, (_match, code: string) =>
      Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : '',
    )
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text || null;
}
