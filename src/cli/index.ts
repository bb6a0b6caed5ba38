// social-reach/cli: what the `social-reach` command is made of, for programs that want the same
// steps without the command: registries from spreadsheets (a CSV pair), the providers made from
// environment variables, and the command itself as a function.
export { EXIT, type ExitCode } from './errors.js';
export type { Io, Output } from './io.js';
export { main } from './main.js';
export {
  type ApiPlatform,
  type BaseUrl,
  CREDENTIAL_VARIABLES,
  type ProvidersFromEnv,
  type ProvidersFromEnvOptions,
  providersFromEnv,
} from './providers.js';
export {
  CSV_COLUMNS,
  type CsvIssue,
  type CsvPosition,
  formatCsvIssue,
  type RegistryCsv,
  RegistryCsvError,
  type RegistryCsvOptions,
  type RegistryCsvTexts,
  readRegistryCsv,
  registryFromCsv,
} from './registry-csv.js';
