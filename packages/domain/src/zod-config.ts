// zod compiles object parsers with `new Function` after probing whether eval is allowed. Under the
// app's Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation even though
// zod catches it, so every parser here runs without the JIT. Every domain module that builds a
// schema imports this module just before zod, so the setting is made before any schema is built —
// also when a bundler loads a module directly instead of through the package entry (the package is
// side-effect free but for this file). `z` itself still comes from 'zod', so bundles keep only the
// parts of zod they use.
import { z } from 'zod';

z.config({ jitless: true });
