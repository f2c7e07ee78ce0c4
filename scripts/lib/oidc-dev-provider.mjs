// A local OpenID Connect provider for the demo and the tests (issue #17), built on the maintained
// `oidc-provider` package: discovery, JWKS, authorization code + PKCE, ID tokens, userinfo.
// It stands in for VNeID or a provincial portal; only the login page (a form of demo citizens) is ours.
import { generateKeyPairSync, randomBytes, sign, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

/**
 * Demo citizens. Passwords are for the demo only; start.mjs swaps ID numbers and names for those of
 * seeded dossiers so "Hồ sơ của tôi" is not empty.
 */
export const DEMO_CITIZENS = [
  { sub: 'citizen-demo-1', idNumber: '001090000001', name: 'Nguyễn Thị Lan', phone: '0912000001', password: 'congdan1' },
  { sub: 'citizen-demo-2', idNumber: '001090000002', name: 'Trần Văn Minh', phone: '0912000002', password: 'congdan2' },
  { sub: 'citizen-demo-3', idNumber: '001090000003', name: 'Lê Hoàng Nam', phone: '0912000003', password: 'congdan3' },
  { sub: 'citizen-demo-4', idNumber: '001090000004', name: 'Phạm Thu Hà', phone: '0912000004', password: 'congdan4' },
];

/** The demo citizens with the ID numbers and names of the applicants with the most dossiers (postgres.js `sql`), so their portal is not empty. */
export async function citizensWithDossiers(sql, citizens = DEMO_CITIZENS) {
  const rows = await sql`select applicant_id_number as id, min(applicant_name) as name from dossiers where applicant_id_number ~ '^[0-9]{12}$' group by 1 order by count(*) desc, 1 limit ${citizens.length}`;
  return citizens.map((c, i) => (rows[i] ? { ...c, idNumber: rows[i].id, name: rows[i].name } : c));
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      body += c;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => resolve(Object.fromEntries(new URLSearchParams(body))));
    req.on('error', reject);
  });
}

function samePassword(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

function loginPage(uid, citizens, error) {
  const oneClick = citizens
    .map((c) => `<form method="post" action="/interaction/${esc(uid)}/login"><input type="hidden" name="login" value="${esc(c.idNumber)}"><input type="hidden" name="password" value="${esc(c.password)}"><button type="submit" name="one-click" value="1">${esc(c.name)} — ${esc(c.idNumber)}</button></form>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Đăng nhập định danh (demo)</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.6rem;font-size:1rem;box-sizing:border-box}button{width:100%;padding:.7rem;margin-top:.75rem;font-size:1rem}.err{color:#b00020}.demo button{background:#eef;border:1px solid #99c}</style></head>
<body><h1>Định danh điện tử (demo)</h1><p>Local identity provider for the demo — not VNeID.</p>
${error ? `<p class="err" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login" autocomplete="off">
<label for="login">Số định danh cá nhân / ID number</label><input id="login" name="login" inputmode="numeric" required autofocus>
<label for="password">Mật khẩu / Password</label><input id="password" name="password" type="password" required>
<button type="submit">Đăng nhập / Sign in</button></form>
<section class="demo"><h2>Công dân demo / Demo citizens</h2>${oneClick}</section></body></html>`;
}

/**
 * Starts the provider on `port` (0: any free port). `clients`: [{ clientId, clientSecret, redirectUris, postLogoutRedirectUris? }].
 * Answers { issuer, citizens, stop() }.
 */
export async function startOidcDevProvider({ port = 0, host = '127.0.0.1', clients, citizens = DEMO_CITIZENS, log = () => {} }) {
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const issuer = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.address().port}`;
  const bySub = new Map(citizens.map((c) => [c.sub, c]));
  const byIdNumber = new Map(citizens.map((c) => [c.idNumber, c]));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'profile', 'phone'],
    claims: { openid: ['sub'], profile: ['name', 'citizen_id'], phone: ['phone_number'] },
    // The relying party reads identity from the ID token, as it would from VNeID.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: no consent screen, every requested scope is granted.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile phone');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      const c = bySub.get(sub);
      if (!c) return undefined;
      return { accountId: sub, claims: async () => ({ sub, name: c.name, citizen_id: c.idNumber, phone_number: c.phone }) };
    },
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><meta charset="utf-8"><h1>Lỗi đăng nhập / Sign-in error</h1><pre>${esc(out.error)}: ${esc(out.error_description ?? '')}</pre>`;
    },
  });
  // Tests only: `tamper('signature' | 'nonce')` makes the token endpoint hand out a forged ID token
  // (same claims signed by another key; or another nonce signed by the right key); `tamper(null)` stops.
  let tampering = null;
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  provider.use(async (ctx, next) => {
    await next();
    if (!tampering || ctx.path !== '/token' || !ctx.body?.id_token) return;
    const [h, p] = ctx.body.id_token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    if (tampering === 'nonce') payload.nonce = 'forged-nonce';
    const head = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const sig = sign('sha256', Buffer.from(head), tampering === 'signature' ? foreignKey : privateKey).toString('base64url');
    ctx.body = { ...ctx.body, id_token: `${head}.${sig}` };
  });
  const oidc = provider.callback();

  const handle = async (req, res) => {
    const m = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
    if (!m) return oidc(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== 'login') {
        // Consent is granted by loadExistingGrant: finishing the interaction moves on.
        return await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
      }
      if (req.method === 'POST' && m[2]) {
        const form = await readForm(req);
        const c = byIdNumber.get(String(form.login ?? '').trim());
        if (!c || !samePassword(c.password, form.password ?? '')) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
          return res.end(loginPage(details.uid, citizens, 'Sai số định danh hoặc mật khẩu / Wrong ID number or password'));
        }
        log(`demo citizen ${c.idNumber} signed in`);
        return await provider.interactionFinished(req, res, { login: { accountId: c.sub } }, { mergeWithLastSubmission: false });
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(loginPage(details.uid, citizens));
    } catch (e) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Phiên đăng nhập không hợp lệ hoặc đã hết hạn; hãy bắt đầu lại. / The sign-in attempt is invalid or expired; start again. (${e.message})`);
    }
  };
  // Every failure is answered inside `handle`.
  server.on('request', (req, res) => void handle(req, res));

  return {
    issuer,
    citizens,
    provider,
    tamper: (mode) => {
      tampering = mode;
    },
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
