import { type NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript source (STYLE.md §1).
  transpilePackages: ['@handoff/domain', '@handoff/db', '@handoff/ui'],
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'nodemailer', 'smtp-server', 'mailparser'],
  typedRoutes: false,
  poweredByHeader: false,
};

export default config;
