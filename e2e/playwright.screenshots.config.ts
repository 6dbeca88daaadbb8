import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `pnpm screenshots`: every role's home at 1366 and 390 px, light and dark, into docs/screenshots/
// (issue 19's evidence). Same server and browser as the e2e suite; not part of `pnpm e2e`.
export default defineConfig({ ...base, testDir: './screenshots' });
