import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Runtime } from '../domain/runtime.js';
import type { Store } from '../store/database.js';
import { registerAuthentication } from './authentication.js';
import type { ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import { openApiDocument } from './openapi.js';
import { errorHandler, problem, sendProblem } from './problems.js';
import { registerRoutes, type RouteSpec } from './routing.js';
import { securityHeaders } from './security-headers.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { careTeamRoutes } from './routes/care-team.js';
import { handoffRoutes } from './routes/handoffs.js';
import { retentionRoutes } from './routes/retention.js';
import { clientRoutes } from './routes/clients.js';
import { healthRoutes } from './routes/health.js';
import { invitationRoutes } from './routes/invitations.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { consentRoutes } from './routes/consents.js';
import { noteRoutes } from './routes/notes.js';
import { noteSearchRoutes } from './routes/note-search.js';
import { noteTemplateRoutes } from './routes/note-templates.js';
import { healthHistoryRoutes } from './routes/health-history.js';
import { reflectionRoutes } from './routes/reflections.js';
import { safetyRoutes } from './routes/safety.js';
import { intakeRoutes } from './routes/intake.js';
import { intakeReviewRoutes } from './routes/intake-review.js';
import { publicConsentRoutes } from './routes/public-consent.js';
import { publicIntakeRoutes } from './routes/public-intake.js';
import { recordExportRoutes } from './routes/record-export.js';
import { fhirExportRoutes } from './routes/fhir-export.js';
import { registerFhirApi } from './fhir/api.js';
import { clientMeasureRoutes } from './routes/client-measures.js';
import { goalRoutes } from './routes/goals.js';
import { measuresLinkRoutes } from './routes/measures-links.js';
import { outcomeMeasureRoutes } from './routes/outcome-measures.js';
import { publicMeasuresRoutes } from './routes/public-measures.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { followUpLinkRoutes } from './routes/follow-up-links.js';
import { followUpListRoutes } from './routes/follow-up-lists.js';
import { publicFollowUpRoutes } from './routes/public-follow-up.js';
import { sessionRoutes } from './routes/sessions.js';
import { timelineRoutes } from './routes/timeline.js';
import { progressRoutes } from './routes/progress.js';
import { effectivenessRoutes } from './routes/effectiveness.js';
import { briefingRoutes } from './routes/briefing.js';
import { analyticsRoutes } from './routes/analytics.js';
import { practiceRoutes } from './routes/practice.js';
import { staffRoutes } from './routes/staff.js';
import { tokenRoutes } from './routes/tokens.js';
import { externalRecordRoutes } from './routes/external-records.js';
import { importRoutes } from './routes/imports.js';
import { systemRuntime } from './runtime.js';
import { palpateVersion } from './version.js';
import { registerUploadParsers } from './uploads.js';

export { palpateVersion };

/**
 * Application logs never carry client data: requests are logged by route pattern (no query
 * string, which may hold a searched name), and credentials are redacted.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: {
        method: string;
        routeOptions?: { url?: string };
        url: string;
        ip?: string;
      }) => ({
        method: request.method,
        route: request.routeOptions?.url ?? request.url.split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

export function allRoutes(context: AppContext): RouteSpec[] {
  return [
    ...healthRoutes(context),
    ...authRoutes(context),
    ...practiceRoutes(context),
    ...staffRoutes(context),
    ...invitationRoutes(context),
    ...tokenRoutes(context),
    ...clientRoutes(context),
    ...careTeamRoutes(context),
    ...handoffRoutes(context),
    ...retentionRoutes(context),
    ...auditRoutes(context),
    ...catalogueRoutes(context),
    ...noteTemplateRoutes(context),
    ...sessionRoutes(context),
    ...timelineRoutes(context),
    ...progressRoutes(context),
    ...effectivenessRoutes(context),
    ...briefingRoutes(context),
    ...analyticsRoutes(context),
    ...noteRoutes(context),
    ...noteSearchRoutes(context),
    ...reflectionRoutes(context),
    ...healthHistoryRoutes(context),
    ...safetyRoutes(context),
    ...consentRoutes(context),
    ...intakeRoutes(context),
    ...intakeReviewRoutes(context),
    ...publicIntakeRoutes(context),
    ...publicConsentRoutes(context),
    ...recordExportRoutes(context),
    ...fhirExportRoutes(context),
    ...outcomeMeasureRoutes(context),
    ...clientMeasureRoutes(context),
    ...goalRoutes(context),
    ...measuresLinkRoutes(context),
    ...publicMeasuresRoutes(context),
    ...followUpRoutes(context),
    ...followUpLinkRoutes(context),
    ...followUpListRoutes(context),
    ...publicFollowUpRoutes(context),
    ...importRoutes(context),
    ...externalRecordRoutes(context),
  ];
}

export interface AppOptions {
  store: Store;
  config: ServerConfig;
  runtime?: Runtime;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const context: AppContext = {
    store: options.store,
    config: options.config,
    runtime: options.runtime ?? systemRuntime,
    version: palpateVersion,
  };
  const app = Fastify({
    logger: loggerOptions(options.config.logLevel),
    trustProxy: options.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Our ids are UUIDs; a long path is an attack or a mistake.
    routerOptions: { maxParamLength: 200 },
    // Router refusals (an overlong or badly encoded path) answer with a problem like the rest.
    frameworkErrors: (error, request, reply) => {
      errorHandler(error, request, reply);
    },
  });
  // The API speaks JSON only; Fastify would otherwise hand text/plain bodies to the routes.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  await app.register(rateLimit, { global: false });
  app.setErrorHandler(errorHandler);
  registerAuthentication(app, context);

  registerUploadParsers(app);
  const routes = allRoutes(context);
  registerRoutes(app, routes);
  // FHIR R4 under /fhir/R4, outside the OpenAPI document (see fhir/api.ts for why).
  await registerFhirApi(app, context);
  const document = openApiDocument(routes, palpateVersion);
  app.get('/api/v1/openapi.json', async () => document);

  const webRoot = options.config.webRoot;
  const hasWeb = webRoot !== null && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each asset; serve those to browsers that accept them.
      preCompressed: true,
      // Cache headers are ours (below), not send's default max-age=0.
      cacheControl: false,
      setHeaders: (response, filePath) => {
        // Built assets carry a content hash in their name, so they may be cached for good.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    // A missing asset must stay a 404: answering it with index.html hides broken deploys.
    const notAPage =
      pathname.startsWith('/api/') ||
      pathname.startsWith('/fhir/') ||
      pathname.startsWith('/assets/');
    if (notAPage || request.method !== 'GET' || !hasWeb) {
      return sendProblem(
        reply,
        problem(404, 'not-found', 'Not found.', {
          detail: `No route ${request.method} ${pathname}.`,
        }),
      );
    }
    const assetPath = path.join(webRoot!, pathname);
    if (
      pathname !== '/' &&
      assetPath.startsWith(webRoot!) &&
      fs.existsSync(assetPath) &&
      fs.statSync(assetPath).isFile()
    ) {
      return reply.sendFile(pathname.slice(1));
    }
    // Every other page path belongs to the single-page app.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
