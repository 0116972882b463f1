import type { FastifyInstance } from 'fastify';

/**
 * Files sent as the request body itself. A CSV arrives as its bytes, since its encoding is
 * found by looking at them (a parser that decoded it as UTF-8 would already have lost the
 * Windows-1252 accents). A FHIR Bundle is JSON under FHIR's own media type. Each route's
 * body limit caps what is read: a larger upload is refused as it streams in, never buffered.
 */
export const csvMediaTypes = [
  'text/csv',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

export function registerUploadParsers(app: FastifyInstance): void {
  for (const type of csvMediaTypes) {
    if (app.hasContentTypeParser(type)) continue;
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
  }
  // Another module may already read FHIR's media type (the FHIR API); one parser is enough.
  if (!app.hasContentTypeParser('application/fhir+json')) {
    app.addContentTypeParser(
      'application/fhir+json',
      { parseAs: 'string' },
      app.getDefaultJsonParser('error', 'error'),
    );
  }
}
