// Issue 19 item 1: axe-core scans every page the e2e suite visits, at 1366 px and 390 px, in the
// light and the dark colour scheme, and the suite fails on any serious or critical violation of
// WCAG 2 A/AA. At 390 px the page body must not scroll sideways either (item 2).
//
// Each test records the URLs its pages navigate to; before a context closes or its cookies are
// cleared (and at the test's end) each distinct page is loaded once more in a fresh tab of the same
// signed-in context and scanned in the four combinations (light: every WCAG A/AA rule; dark: colour
// contrast, the only thing a scheme changes). A page is scanned once per staff role (per customer)
// and route shape (INC-000014 and INC-000015 are one route) for the whole run.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

export interface ScanCombo {
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

export const scanCombos: readonly ScanCombo[] = [
  { width: 1366, height: 900, colorScheme: 'light' },
  { width: 1366, height: 900, colorScheme: 'dark' },
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'dark' },
];

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The route shape of a URL: record numbers and ids become placeholders, the query is dropped. */
export function routeShape(url: URL): string {
  const path = url.pathname
    .replace(/\b(INC|PRB|OUT|CASE|TKT)-\d+\b/gi, '$1-#')
    .replace(/\/\d+(?=\/|$)/g, '/#');
  return path;
}

/** Only the app's own pages are scanned: not its API, not downloads, not other origins. */
export function isScannable(url: URL, origin: string): boolean {
  return (
    url.origin === origin &&
    !url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/_next/')
  );
}

/** Waits (briefly) for client components to finish their first load. */
async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        ![...document.querySelectorAll('[role="status"]')].some((e) =>
          /Loading/i.test(e.textContent ?? ''),
        ),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}

/** Scans one loaded page in every combination; returns one line per problem found. */
export async function scanPage(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  for (const combo of scanCombos) {
    await page.setViewportSize({ width: combo.width, height: combo.height });
    await page.emulateMedia({ colorScheme: combo.colorScheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const where = `${label} @${combo.width}px ${combo.colorScheme}`;
    // Colour is all a scheme changes: the dark runs check contrast only, the light ones every rule.
    const builder = new AxeBuilder({ page })
      .setLegacyMode() // one run in the page itself, without a helper tab per scan
      .options({ resultTypes: ['violations'] });
    const started = Date.now();
    const result = await (
      combo.colorScheme === 'dark'
        ? builder.withRules(['color-contrast'])
        : builder.withTags(wcagTags)
    ).analyze();
    if (process.env.E2E_A11Y_TIMING) console.log(`axe ${where} ${Date.now() - started} ms`);
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      const targets = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1).join(' ').trim()})` : ''}`,
        )
        .join('; ');
      problems.push(`${where}: [${v.impact}] ${v.id}: ${v.help} — ${targets}`);
    }
    if (combo.width <= 390) {
      const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
        // The innermost elements that stick out past the window's right edge.
        const wide = [...document.querySelectorAll('body *')].filter(
          (e) => e.getBoundingClientRect().right > window.innerWidth + 1,
        );
        const innermost = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)));
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          culprits: innermost.slice(0, 4).map((e) => {
            const cls =
              typeof e.className === 'string' && e.className
                ? `.${e.className.split(' ').join('.')}`
                : '';
            return `${e.tagName.toLowerCase()}${cls} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
          }),
        };
      });
      if (scrollWidth > innerWidth)
        problems.push(
          `${where}: the page scrolls sideways (${scrollWidth} px wide: ${culprits.join(', ')})`,
        );
    }
  }
  return problems;
}

/** Route shapes already scanned in this worker, per signed-in user. */
const scannedInWorker = new Set<string>();

/** Records what a test's pages visit and scans it before their contexts go away. */
export class A11yRecorder {
  readonly problems: string[] = [];
  private readonly visits = new Map<BrowserContext, Set<string>>();
  /** The recorder's own tabs, whose navigations are not visits. */
  private readonly scanPages = new WeakSet<Page>();

  constructor(
    private readonly origin: string,
    private readonly testInfo: TestInfo,
  ) {}

  watchContext(context: BrowserContext): void {
    if (this.visits.has(context)) return;
    this.visits.set(context, new Set());
    for (const p of context.pages()) this.watchPage(p);
    context.on('page', (p) => this.watchPage(p));
    const close = context.close.bind(context);
    context.close = async (options) => {
      await this.flush(context);
      return close(options);
    };
    // Signing in as someone else: scan what the first user saw while they are still signed in.
    const clearCookies = context.clearCookies.bind(context);
    context.clearCookies = async (options) => {
      await this.flush(context, { midTest: true });
      return clearCookies(options);
    };
  }

  watchPage(page: Page): void {
    const context = page.context();
    if (!this.visits.has(context)) this.watchContext(context);
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || this.scanPages.has(page)) return;
      const url = new URL(frame.url());
      if (isScannable(url, this.origin)) this.visits.get(context)?.add(url.href);
    });
  }

  /** Wraps browser.newPage / newContext for the test's duration so their pages are watched too. */
  watchBrowser(browser: Browser): () => void {
    const newContext = browser.newContext.bind(browser);
    const newPage = browser.newPage.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      this.watchContext(context);
      return context;
    };
    browser.newPage = async (options) => {
      const page = await newPage(options);
      this.watchPage(page);
      const close = page.close.bind(page);
      page.close = async (o) => {
        await this.flush(page.context());
        return close(o);
      };
      return page;
    };
    return () => {
      browser.newContext = newContext;
      browser.newPage = newPage;
    };
  }

  async flushAll(): Promise<void> {
    for (const context of this.visits.keys()) await this.flush(context);
  }

  private async flush(context: BrowserContext, { midTest = false } = {}): Promise<void> {
    const visited = this.visits.get(context);
    if (!visited?.size) return;
    // A context made by browser.newPage() cannot open a second tab: it is scanned in its own page,
    // so only when the test is done with it (at close), never in the middle of the test.
    const own = await context.newPage().catch(() => undefined);
    if (!own && midTest) return;
    const urls = [...visited];
    visited.clear();
    const session: { user?: { email?: string; role?: string } } = await context.request
      .get(`${this.origin}/api/auth/session`)
      .then((r) => r.json() as Promise<{ user?: { email?: string; role?: string } }>)
      .catch(() => ({}));
    // Staff of one role see the same pages; customers differ (partner end users, coned, TP).
    const role = session.user?.role;
    const who = role && role !== 'customer' ? role : (session.user?.email ?? 'signed out');
    const todo = urls.filter((href) => {
      const key = `${who} ${routeShape(new URL(href))}`;
      if (scannedInWorker.has(key)) return false;
      scannedInWorker.add(key);
      return true;
    });
    const page = own ?? context.pages()[0];
    if (own) this.scanPages.add(own);
    if (todo.length === 0 || !page) {
      await own?.close();
      return;
    }
    try {
      for (const href of todo) {
        this.testInfo.setTimeout(this.testInfo.timeout + 20_000);
        const response = await page.goto(href);
        if (!(response?.headers()['content-type'] ?? '').includes('text/html')) continue;
        const landed = `${who} ${routeShape(new URL(page.url()))}`;
        if (page.url() !== href && scannedInWorker.has(landed)) continue;
        scannedInWorker.add(landed);
        await settle(page);
        const label = `${new URL(page.url()).pathname}${new URL(page.url()).search} (as ${who})`;
        this.problems.push(...(await scanPage(page, label)));
      }
    } finally {
      await own?.close();
    }
  }
}
