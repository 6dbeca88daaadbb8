/**
 * The service banners in words a customer understands (the agents' PICK 5 / PICK 2 shorthand means
 * nothing outside the help desk; kb 000, 002).
 */
export const bannerExplanations = {
  pick5:
    'Departmental support: for departments with a support contract, the Help Desk’s Contract Partner Support team (608-265-6900) works these cases.',
  pick2:
    'Application support: the Enterprise Support team that looks after this application works these cases after the Help Desk’s first look.',
} as const satisfies Record<'pick5' | 'pick2', string>;

export const explainBanner = (banner: 'pick5' | 'pick2' | null): string | null =>
  banner ? bannerExplanations[banner] : null;
