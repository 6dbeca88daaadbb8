/** The DoIT technologist groups a case can be escalated to (kb 004); zod-free for the one-step form. */
export const technologistGroups = [
  'DRMT',
  'Middleware',
  'IIAT',
  'Applications Technology',
  'SNCC',
] as const;
