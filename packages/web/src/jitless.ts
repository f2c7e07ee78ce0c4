import { z } from 'zod';

// The apps run under a Content-Security-Policy without 'unsafe-eval': zod must neither use nor
// probe `new Function` (its JIT), or the browser reports a violation. Imported first by each app.
z.config({ jitless: true });
