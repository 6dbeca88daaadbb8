// zod compiles object parsers with `new Function` after probing whether eval is allowed. Under the
// app's Content-Security-Policy (no 'unsafe-eval') that probe is reported as a violation even though
// zod catches it, so every parser here runs without the JIT. The package entry imports this module
// first: object schemas read the setting when they are built, so it must be set before any is.
import { z } from 'zod';

z.config({ jitless: true });
