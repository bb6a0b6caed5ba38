import { SocialReachError } from '../errors.js';

/** The optional peer dependencies of `social-reach/reports`, and the versions it is tested with. */
const VERSIONS = { vega: 'vega@5', 'vega-lite': 'vega-lite@5', exceljs: 'exceljs@4' } as const;

/**
 * Imports an optional peer dependency of `social-reach/reports` when a function first needs it, so
 * that the chart specs work without any of them and a page without a workbook needs no exceljs.
 * When it is not installed, the error says what to install. Internal.
 */
export async function importOptional<T>(
  name: keyof typeof VERSIONS,
  load: () => Promise<T>,
  what: string,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new SocialReachError(
        'INVALID_INPUT',
        `[reports] ${what} needs the optional peer dependency \`${name}\`, which is not installed: npm install ${Object.values(VERSIONS).join(' ')}`,
      );
    }
    throw error;
  }
}
