import { z } from 'zod';

// In the browser the apps run under a Content-Security-Policy without 'unsafe-eval': zod must
// neither use nor probe `new Function` (its JIT), or the browser reports a violation. This runs
// before any schema of the contracts is built (the first import of the index). The server keeps the JIT.
if ('document' in globalThis) z.config({ jitless: true });
