// Records the hall display's Vietnamese prompts with Debian's espeak-ng (#18 item 6):
// "Mời công dân có số", letters, digits, "đến quầy số" and counter numbers 1–40, as WAV files
// under apps/display/public/voice with a manifest the display reads. Run by the display's build;
// without espeak-ng it writes nothing and the display speaks with the browser's voice.
// Better recordings can replace the files later: same names, same manifest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEspeak } from './lib/infra.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'apps/display/public/voice');
const log = (m) => console.log(`[voice] ${m}`);

// How a Vietnamese announcer reads the letters of a ticket code.
const letters = { A: 'a', B: 'bê', C: 'xê', D: 'đê', E: 'e', F: 'ép', G: 'giê', H: 'hát', I: 'i', J: 'gi', K: 'ca', L: 'e lờ', M: 'em mờ', N: 'en nờ', O: 'o', P: 'pê', Q: 'quy', R: 'e rờ', S: 'ét', T: 'tê', U: 'u', V: 'vê', W: 'vê kép', X: 'ích', Y: 'i dài', Z: 'dét' };
const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const units = ['', 'một', 'hai', 'ba', 'bốn', 'lăm', 'sáu', 'bảy', 'tám', 'chín'];
/** 1–40 as said: "mười lăm", "hai mươi mốt"… */
function numberWords(n) {
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  const one = n % 10;
  const head = tens === 1 ? 'mười' : `${digits[tens]} mươi`;
  if (one === 0) return head;
  if (one === 1 && tens > 1) return `${head} mốt`;
  if (one === 4 && tens > 1) return `${head} tư`;
  return `${head} ${units[one]}`;
}

const prompts = {
  intro: 'Mời công dân có số',
  'to-counter': 'đến quầy số',
  ...Object.fromEntries(Object.entries(letters).map(([l, w]) => [`l-${l}`, w])),
  ...Object.fromEntries(digits.map((w, d) => [`d-${d}`, w])),
  ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`n-${i + 1}`, numberWords(i + 1)])),
};

const manifestPath = path.join(out, 'manifest.json');
const signature = JSON.stringify(prompts);
if (existsSync(manifestPath)) {
  try {
    if (JSON.parse(readFileSync(manifestPath, 'utf8')).signature === signature) {
      log('prompts are up to date');
      process.exit(0);
    }
  } catch {
    // Rewritten below.
  }
}
const espeak = ensureEspeak(log);
if (!espeak) {
  rmSync(out, { recursive: true, force: true });
  process.exit(0);
}
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(prompts)) {
  const r = spawnSync(espeak, ['-v', 'vi', '-s', '140', '-w', path.join(out, `${name}.wav`), text], { encoding: 'utf8' });
  if (r.status !== 0) {
    log(`espeak-ng failed on "${text}": ${r.stderr}; the display will use the browser's voice.`);
    rmSync(out, { recursive: true, force: true });
    process.exit(0);
  }
}
writeFileSync(manifestPath, JSON.stringify({ voice: 'espeak-ng vi', signature, prompts: Object.keys(prompts) }, null, 1));
log(`${Object.keys(prompts).length} prompts recorded in ${path.relative(root, out)}`);
