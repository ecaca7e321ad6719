import { benchApi } from './api';
import { benchDelivery } from './delivery';
import { benchLanding } from './landing';
import { bundleSizes } from './sizes';
import { benchWidget } from './widget';

// `npm run bench [name…]`: every benchmark, or only those named (sizes, api, landing, widget, delivery).
// Figures are printed, never asserted: these machines are shared, so compare ratios and medians.
const benches: Record<string, () => unknown> = {
  sizes: () => {
    for (const { file, raw, gzip, budget } of bundleSizes()) {
      console.log(`${file}: ${raw} B raw, ${gzip} B gzip (budget ${budget} B)`);
    }
  },
  api: benchApi,
  landing: benchLanding,
  widget: benchWidget,
  delivery: benchDelivery,
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; choose from ${Object.keys(benches).join(', ')}`);
    process.exit(1);
  }
  console.log(`\n# ${name}`);
  await bench();
}
