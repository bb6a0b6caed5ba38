import { OptionError } from '../errors.js';
import { htmlText } from '../report/escape.js';
import type { ChartSpec } from './chart-specs.js';
import { importOptional } from './optional-dependency.js';

/** Options of {@link chartSvg}. */
export interface ChartSvgOptions {
  /**
   * Prefix of every id in the SVG (its title, description and clip paths), so that several charts
   * can sit in one page: letters, digits, `-` and `_`.
   * @default 'chart'
   */
  id?: string;
}

/**
 * Renders a chart spec (Vega-Lite) to an SVG string on the server: compiled by Vega-Lite, drawn
 * by Vega headless (`renderer: 'none'`), with no DOM, canvas or browser. The SVG names its title
 * and description (`<title>`, `<desc>`, `aria-labelledby`, `aria-describedby`); each mark keeps the
 * `aria-label` Vega gives it from the spec's `description` field. Needs the optional peer
 * dependencies `vega` and `vega-lite` (`npm install vega@5 vega-lite@5`).
 *
 * @example
 * ```ts
 * const svg = await chartSvg(rankingChartSpec(registry, { entries }), { id: 'ranking' });
 * ```
 */
export async function chartSvg(spec: ChartSpec, options: ChartSvgOptions = {}): Promise<string> {
  const { id = 'chart' } = options;
  if (typeof id !== 'string' || !/^[A-Za-z][\w-]{0,63}$/.test(id)) {
    throw new OptionError('id', 'letters, digits, - and _, starting with a letter', id);
  }
  if (typeof spec !== 'object' || spec === null || typeof spec.$schema !== 'string') {
    throw new OptionError('spec', 'a Vega-Lite specification (a chart spec)', spec);
  }
  const { vega, vegaLite } = await loadVega();
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return accessibleSvg(svg, id, spec.title, spec.description);
  } finally {
    view.finalize();
  }
}

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let loaded: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;

/** vega and vega-lite, imported once, when the first chart is drawn. */
function loadVega(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  loaded ??= Promise.all([
    importOptional('vega', () => import('vega'), 'chartSvg'),
    importOptional('vega-lite', () => import('vega-lite'), 'chartSvg'),
  ]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/**
 * The SVG with its ids prefixed (Vega numbers its clip paths from 1 in every SVG: two charts in a
 * page would share `clip1`) and a title and description for screen readers.
 */
function accessibleSvg(svg: string, id: string, title: string, description: string): string {
  const prefixed = svg
    .replace(/\sid="([^"]+)"/g, ` id="${id}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${id}-$1"`);
  const open = /^<svg\b[^>]*>/.exec(prefixed);
  if (!open) throw new Error('[social-reach] [reports] Vega returned no SVG element');
  const head = open[0].replace(
    /^<svg\b/,
    `<svg id="${id}" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`,
  );
  return `${head}<title id="${id}-title">${htmlText(title)}</title><desc id="${id}-desc">${htmlText(description)}</desc>${prefixed.slice(open[0].length)}`;
}
