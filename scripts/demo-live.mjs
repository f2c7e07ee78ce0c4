// `npm run demo:live`: a live simulator that drives a running Một Cửa through its public API.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, SimulatorSetupError } from './lib/sim/cli.mjs';
import { parseOptions, usage } from './lib/sim/options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), root);
  } catch (e) {
    console.error(`demo:live: ${e.message}\n\n${usage}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(usage);
    return;
  }
  const sim = await launch(options);
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      signals += 1;
      if (signals === 1) {
        console.log('\n» Stopping: finishing the tickets in hand and closing the counters… (again to quit at once)');
        sim.stop();
      } else process.exit(0);
    });
  }
  await sim.done;
}

main().catch((e) => {
  console.error(`\ndemo:live failed: ${e?.message ?? e}`);
  if (!(e instanceof SimulatorSetupError) && process.env.DEBUG) console.error(e);
  process.exit(1);
});
