import {
  IconApps,
  IconChartBar,
  IconCode,
  IconFileCertificate,
  IconHome,
  IconLifebuoy,
  IconUserCircle,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { isAdmin, type Viewer } from '../session/viewer';

export interface NavLinkItem {
  labelKey: string;
  to: string;
  /** Shown to the account's admins only, in a section everyone sees. */
  adminOnly?: boolean;
  /** Shown to the primary admin only. */
  primaryOnly?: boolean;
}

export interface NavSection {
  labelKey: string;
  icon: Icon;
  /** A section with one page links straight to it; others open to show their pages. */
  to?: string;
  links?: NavLinkItem[];
  adminOnly: boolean;
}

/** The left navigation of Account management (F-11), in the order the product shows it. */
const sections: NavSection[] = [
  { labelKey: 'nav.home', icon: IconHome, to: '/', adminOnly: true },
  {
    labelKey: 'nav.products',
    icon: IconApps,
    adminOnly: false,
    links: [
      { labelKey: 'nav.allProducts', to: '/products' },
      { labelKey: 'nav.productUpdates', to: '/products/updates' },
      { labelKey: 'nav.installPackages', to: '/products/packages' },
      { labelKey: 'nav.trials', to: '/products/trials' },
    ],
  },
  {
    labelKey: 'nav.reports',
    icon: IconChartBar,
    adminOnly: true,
    links: [
      { labelKey: 'nav.insights', to: '/reports/insights' },
      { labelKey: 'nav.seatUsage', to: '/reports/seat-usage' },
      { labelKey: 'nav.cloudUsage', to: '/reports/cloud-services-usage' },
      { labelKey: 'nav.scheduledExports', to: '/reports/scheduled-exports' },
    ],
  },
  {
    labelKey: 'nav.users',
    icon: IconUsers,
    adminOnly: true,
    links: [
      { labelKey: 'nav.byUser', to: '/users' },
      { labelKey: 'nav.invitations', to: '/users/invitations' },
      { labelKey: 'nav.teams', to: '/users/teams' },
      { labelKey: 'nav.reclaimPolicies', to: '/users/reclaim-policies' },
      { labelKey: 'nav.auditLog', to: '/audit' },
      { labelKey: 'nav.directory', to: '/directory', primaryOnly: true },
    ],
  },
  { labelKey: 'nav.subscriptions', icon: IconFileCertificate, to: '/subscriptions', adminOnly: true },
  { labelKey: 'nav.support', icon: IconLifebuoy, to: '/support', adminOnly: true },
  {
    labelKey: 'nav.developer',
    icon: IconCode,
    adminOnly: false,
    links: [
      { labelKey: 'nav.apiTokens', to: '/developer/tokens' },
      { labelKey: 'nav.webhooks', to: '/developer/webhooks', adminOnly: true },
      { labelKey: 'nav.playground', to: '/playground' },
    ],
  },
  { labelKey: 'nav.profile', icon: IconUserCircle, to: '/profile', adminOnly: false },
];

export function navigationFor(viewer: Pick<Viewer, 'role'>): NavSection[] {
  if (!isAdmin(viewer)) {
    return sections
      .filter((section) => !section.adminOnly)
      .map((section) => (section.links ? { ...section, links: section.links.filter((link) => !link.adminOnly && !link.primaryOnly) } : section));
  }
  if (viewer.role === 'PRIMARY_ADMIN') return sections;
  return sections.map((section) => (section.links ? { ...section, links: section.links.filter((link) => !link.primaryOnly) } : section));
}

/**
 * The path of the link to mark as the current page: the longest link path the address starts
 * with. A page with tabs in its path (/profile/security) or a record under a list (/users/42)
 * marks its link, and /users/teams marks Teams without marking By User (/users) too.
 */

export function currentLink(sections: NavSection[], pathname: string): string | null {
  const matches = (to: string) => pathname === to || (to !== '/' && pathname.startsWith(`${to}/`));
  return sections
    .flatMap((section) => (section.to ? [section.to] : (section.links ?? []).map((link) => link.to)))
    .filter(matches)
    .reduce<string | null>((best, to) => (best === null || to.length > best.length ? to : best), null);
}
