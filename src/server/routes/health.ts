import { z } from 'zod';
import { pingDatabase } from '../../store/database.js';
import type { AppContext } from '../context.js';
import { defineRoute, type RouteSpec } from '../routing.js';

export function healthRoutes(context: AppContext): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/health',
      operationId: 'getHealth',
      summary: 'Liveness and which database this instance uses',
      tag: 'health',
      auth: 'public',
      responses: {
        200: z.object({
          status: z.literal('ok'),
          database: z.enum(['sqlite', 'postgresql']),
          version: z.string(),
        }),
      },
      handler: async () => {
        await pingDatabase(context.store.db);
        return { status: 'ok' as const, database: context.store.dialect, version: context.version };
      },
    }),
  ];
}
