import { Resolver } from 'node:dns/promises';

export const TXT_PREFIX = 'seatwise-verification=';

/**
 * The TXT records at a domain, each joined from its strings, asked of the configured DNS servers
 * (`SEATWISE_DNS_SERVERS`) or the system's. A missing domain or record is an empty list.
 */
export async function txtRecords(servers: string[], domain: string): Promise<string[]> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers.length) resolver.setServers(servers);
  try {
    return (await resolver.resolveTxt(domain)).map((chunks) => chunks.join(''));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'ESERVFAIL' || code === 'ETIMEOUT' || code === 'ECONNREFUSED' || code === 'EREFUSED') return [];
    throw error;
  }
}
