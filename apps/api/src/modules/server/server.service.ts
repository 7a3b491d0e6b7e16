import { readFileSync } from 'node:fs';
import type { ServerInfo } from '@seatwise/schema';
import type { RequestContext } from '../../context.js';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export function serverInfo(ctx: RequestContext): ServerInfo {
  return { version, demo: ctx.config.demo, playground: ctx.config.graphql.playground };
}
