import { z } from 'zod';
import { get } from './client.js';

const CatalogueEntry = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  retiredAt: z.string().nullable(),
});

export const Product = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  ingredients: z.array(z.string()),
  retiredAt: z.string().nullable(),
  version: z.number().int(),
});
export type Product = z.infer<typeof Product>;

export const Catalogue = z.object({
  techniques: z.array(CatalogueEntry),
  sessionTypes: z.array(CatalogueEntry.extend({ minutes: z.number().int() })),
  products: z.array(Product),
  ingredients: z.array(
    z.object({ code: z.string(), name: z.string(), groups: z.array(z.string()) }),
  ),
});
export type Catalogue = z.infer<typeof Catalogue>;

export const catalogueKeys = { all: ['catalogue'] as const };

/** Techniques, session types and products: what a note and a booking choose from. */
export function fetchCatalogue(signal?: AbortSignal): Promise<Catalogue> {
  return get('/api/v1/catalogue', Catalogue, signal);
}

/** A catalogue code's name, or the code itself for one the catalogue no longer lists. */
export function nameOf(entries: { code: string; name: string }[] | undefined, code: string) {
  return entries?.find((entry) => entry.code === code)?.name ?? code;
}
