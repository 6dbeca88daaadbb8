import { type NextConfig } from 'next';
import { staticSecurityHeaders } from './src/server/security-headers';

const config: NextConfig = {
  // Workspace packages ship TypeScript source (STYLE.md §1).
  transpilePackages: ['@handoff/domain', '@handoff/db', '@handoff/ui'],
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', 'nodemailer', 'smtp-server', 'mailparser'],
  typedRoutes: false,
  poweredByHeader: false,
  // Frame protection, nosniff and Referrer-Policy on every response (issue 13 item 7); pages get
  // their full nonce CSP from src/proxy.ts, which replaces the frame-ancestors-only one here.
  headers: () => Promise.resolve([{ source: '/:path*', headers: [...staticSecurityHeaders] }]),
};

export default config;
