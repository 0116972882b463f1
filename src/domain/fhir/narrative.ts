import type { Narrative } from './types.js';

/**
 * FHIR narrative is a restricted XHTML `div`. Every piece of text a therapist wrote passes
 * through `escapeXhtml`, so a note that mentions "<3 sessions" stays text, never markup.
 */
export function escapeXhtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A paragraph of free text, its line breaks kept. */
export function paragraph(text: string): string {
  return `<p>${text.split(/\r?\n/).map(escapeXhtml).join('<br/>')}</p>`;
}

/** A labelled line: "<b>Label:</b> value". */
export function labelled(label: string, value: string): string {
  return `<p><b>${escapeXhtml(label)}:</b> ${escapeXhtml(value).replace(/\r?\n/g, '<br/>')}</p>`;
}

export function list(items: string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeXhtml(item)}</li>`).join('')}</ul>`;
}

/** The narrative of a section: generated from the note, with the note's words as written. */
export function narrative(...parts: string[]): Narrative {
  const body = parts.filter((part) => part.length > 0).join('');
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml">${body || '<p>Nothing recorded.</p>'}</div>`,
  };
}
