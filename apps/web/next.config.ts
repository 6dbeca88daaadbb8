import { type NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript source (STYLE.md §1).
  transpilePackages: ['@handoff/domain', '@handoff/db', '@handoff/ui'],
  serverExternalPackages: ['better-sqlite3'],
  typedRoutes: false,
  poweredByHeader: false,
};

export default config;
