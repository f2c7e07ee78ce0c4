// Demo history with a progress line: shared by `npm run demo:seed` and the first `npm start`.

/** A one-line progress bar on a terminal; a line per tenth elsewhere (CI logs). */
function progressLine(label) {
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  const started = performance.now();
  return {
    update(done, total, unit) {
      const ratio = total ? done / total : 1;
      const rate = Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
      const text = `${label} [${'#'.repeat(Math.round(ratio * 30)).padEnd(30, '.')}] ${(ratio * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit} (${rate.toLocaleString('en')}/s)`;
      if (tty) process.stdout.write(`\r${text}`);
      else if (Math.floor(ratio * 10) > lastTenth) {
        lastTenth = Math.floor(ratio * 10);
        console.log(text);
      }
    },
    end() {
      if (tty) process.stdout.write('\n');
    },
  };
}

/**
 * Seeds `dossiers` dossiers over the last `months` months (and their queue tickets) into a
 * demo database, rebuilds the dashboards' read models, and prints the rate and peak memory.
 */
export async function seedDemoHistory(handle, { dossiers, seed = 1, months = 12 }) {
  const { seedHistory } = await import('@motcua/db');
  const bars = { dossiers: progressLine('Dossiers   '), rollup: progressLine('Dashboards ') };
  let phase = 'dossiers';
  const started = performance.now();
  let generatedIn = 0;
  const result = await seedHistory(handle, {
    dossiers,
    seed,
    months,
    onProgress: (p, done, total) => {
      if (p !== phase) {
        bars[phase].end();
        generatedIn = (performance.now() - started) / 1000;
        phase = p;
      }
      bars[p].update(done, total, p === 'dossiers' ? 'dossiers' : 'days');
    },
  });
  bars[phase].end();
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `Seeded ${result.dossiers.toLocaleString('en')} dossiers, ${result.tickets.toLocaleString('en')} tickets and ${result.events.toLocaleString('en')} control-slip events ` +
      `from ${result.from} to ${result.to} in ${seconds.toFixed(1)} s: ${Math.round(result.dossiers / Math.max(0.001, generatedIn || seconds)).toLocaleString('en')} dossiers/s written, ` +
      `${Math.round(result.dossiers / seconds).toLocaleString('en')} dossiers/s including the dashboards; peak memory ${peakMb} MB.`,
  );
  return result;
}
