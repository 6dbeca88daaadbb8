/** Owner-team names the one-steps move incidents to (DOMAIN.md §2). */
export const teamNames = {
  helpDesk: 'US - Help Desk',
  hdqa: 'HDQA',
  cps: 'US - Help Desk CPS',
  es: 'HD ES',
  east: 'EAST',
  snccSysops: 'SNCC-Sysops',
  snccNetwork: 'SNCC-Network',
  tier2: 'Tier 2 Support',
} as const;
