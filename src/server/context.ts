import type { Runtime } from '../domain/runtime.js';
import type { Store } from '../store/database.js';
import type { ServerConfig } from './config.js';

/** What every route module is built with. */
export interface AppContext {
  store: Store;
  runtime: Runtime;
  config: ServerConfig;
  version: string;
}
